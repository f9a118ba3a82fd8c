internal import KaleidoGit
internal import KaleidoYAML

/// Record files whose `id` another record file already has: held back at sync like a file that
/// does not parse (kept on the wip ref, listed by `kaleido status` and `kaleido sync`), so that a
/// Finder copy `x (copie).yaml` never reaches the team.
///
/// Which of the two waits: the one new or changed in this cycle, never the one already
/// committed with that id (it keeps syncing); when both are new, the one whose path sorts later.
///
/// The committed records are found by file name (`validate`'s `id-file-name` rule makes the
/// name the id), then confirmed by reading the file: a committed record whose name differs from
/// its id is not seen here (validate reports it). One check per snapshot; it reads nothing
/// unless a changed record's id is also a committed file's name.
struct DuplicateIDs {
    /// The working tree's files, for the index by name built on first use.
    private let present: [WorkingFile]
    private let isRecord: (String) -> Bool
    private var byStem: [String: [String]]?
    /// Ids taken this cycle by changed records, first come (in path order) first served.
    private var claimed: [String: String] = [:]

    /// Why `path` waits: its id, the file that has it and whether both are new.
    struct Hold: Equatable {
        var id: String
        var owner: String
        var bothNew: Bool

        /// The status line's text (after `path: `), in French: the KB's language.
        var message: String { DuplicateIDWording.held(id: id, owner: owner, bothNew: bothNew) }
    }

    init(present: [WorkingFile], isRecord: @escaping (String) -> Bool) {
        self.present = present
        self.isRecord = isRecord
    }

    /// The id written in a record's text, or `nil` (no `id`, not a mapping, does not parse).
    static func id(of document: YAMLDocument) -> String? {
        document.root["id"]?.stringValue
    }

    static func id(in bytes: [UInt8]) -> String? {
        (try? YAMLParser().parseDocument(bytes)).flatMap(id(of:))
    }

    /// Checks the changed record at `path` whose text has `id`, files being visited in path
    /// order. `isCommitted` says whether a path is on the branch's tip, `committedID` gives the
    /// id of a path's committed version, `currentID` the id of a working-tree file as it is now.
    mutating func check(_ path: String, id: String, isCommitted: (String) -> Bool,
                        committedID: (String) -> String?, currentID: (String) -> String?) -> Hold? {
        if byStem == nil { byStem = Self.index(present, isRecord: isRecord) }
        // This very path already had that id, committed: it keeps syncing whatever else has it.
        var alreadyMine: Bool?
        func isAlreadyMine() -> Bool {
            if alreadyMine == nil { alreadyMine = isCommitted(path) && committedID(path) == id }
            return alreadyMine ?? false
        }
        // A committed record of that name (other than this one) still holding that id.
        for other in byStem?[id] ?? [] where other != path && isCommitted(other) {
            // Unreadable now (being fixed): its committed version still has the id.
            if let now = currentID(other), now != id { continue }
            if isAlreadyMine() { break }
            return Hold(id: id, owner: other, bothNew: false)
        }
        if let owner = claimed[id], owner != path, !isAlreadyMine() {
            return Hold(id: id, owner: owner, bothNew: !isCommitted(owner) && !isCommitted(path))
        }
        if claimed[id] == nil { claimed[id] = path }
        return nil
    }

    private static func index(_ files: [WorkingFile], isRecord: (String) -> Bool) -> [String: [String]] {
        var index: [String: [String]] = [:]
        for file in files where isRecord(file.path) {
            index[ChangeDescription.recordID(file.path), default: []].append(file.path)
        }
        return index
    }
}

/// The wording of a held duplicate, in one place (French: the sample KB's language) so that
/// the message catalogue can take it over.
enum DuplicateIDWording {
    static func held(id: String, owner: String, bothNew: Bool) -> String {
        let advice = "supprimez ce fichier ou changez son identifiant, et il sera synchronisé"
        if bothNew {
            return "retenu : l'identifiant \(id) est aussi celui de \(owner), nouveau lui aussi "
                + "(des deux, celui dont le chemin vient après est retenu) ; \(advice)"
        }
        return "retenu : l'identifiant \(id) est déjà celui de \(owner) ; \(advice)"
    }
}
