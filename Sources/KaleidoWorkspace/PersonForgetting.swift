public import KaleidoKB
import KaleidoQuery
import KaleidoYAML

/// Works out `kaleido forget`: every place a person appears in the KB's records (their record,
/// references to their id, their names, aliases, e-mails and phones in free text and comments,
/// ids of other records built from their name) and the edited bytes of each file. Edits are
/// made in the source (comments, key order and the rest of each file untouched); each edited
/// file is parsed again and must hold no trace, else the plan is refused.
public struct PersonForgetting: Sendable {
    public var kb: KnowledgeBase
    public var mode: ForgetPlan.Mode
    /// What replaces a name in free text (`[personne retirée]`).
    public var token: String
    /// What replaces a name inside a record id (`personne-retiree`).
    public var idToken: String
    /// The anonymised record's id (with `.anonymise`); must not be taken.
    public var anonymisedID: String
    /// The day written as `anonymised_on`.
    public var today: CalendarDay

    public init(kb: KnowledgeBase, mode: ForgetPlan.Mode, token: String, idToken: String, anonymisedID: String, today: CalendarDay) {
        self.kb = kb
        self.mode = mode
        self.token = token
        self.idToken = idToken
        self.anonymisedID = anonymisedID
        self.today = today
    }

    /// A record file as read: its bytes and tree.
    struct Source {
        var file: String
        var bytes: [UInt8]
        var root: YAMLNode
        var id: String? { root.scalar(at: "id") }
    }

    /// The plan for forgetting the person whose id is `personID`. Throws when the KB has no
    /// such person, when a record cannot be parsed (a trace there could not be found), or when
    /// a file cannot be edited safely (it names the place to edit by hand).
    public func plan(personID: String) throws(WorkspaceError) -> ForgetPlan {
        let sources = try readRecords()
        guard let person = sources.first(where: { $0.id == personID && $0.root.scalar(at: "type") == "person" }) else {
            throw .invalid("no person record has the id \(personID)")
        }
        let names = [person.root.scalar(at: "full_name")].compactMap { $0 } + person.root.scalars(at: "aliases")
        // A spelling another person also bears (a homonym) cannot tell them apart in free text:
        // it is left alone, and the caller says so; ids, e-mails and phones still are erased.
        let othersSpellings = Set(sources.filter { $0.file != person.file && $0.root.scalar(at: "type") == "person" }.flatMap { other in
            ([other.root.scalar(at: "full_name")].compactMap { $0 } + other.root.scalars(at: "aliases")).map(TextFold.fold)
        })
        let shared = names.filter { othersSpellings.contains(TextFold.fold($0)) }
        let scrubber = NameScrubber(names: names.filter { !shared.contains($0) }, literals: person.root.scalars(at: "emails") + [personID],
                                    phones: person.root.scalars(at: "phones"))
        var plan = ForgetPlan(mode: mode, personID: personID, anonymisedID: mode == .anonymise ? anonymisedID : nil,
                              places: [], writes: [:], removals: [person.file], sharedNames: shared)
        plan.places.append(.init(file: person.file, line: 1, column: 1, kind: .personRecord, field: "",
                                 found: names.first ?? personID))

        // Records whose id is built from the person's name get a new id (and file name).
        let taken = Set(sources.compactMap(\.id))
        var renames: [String: String?] = [personID: mode == .anonymise ? anonymisedID : nil]
        if mode == .anonymise, taken.contains(anonymisedID) { throw .invalid("the id \(anonymisedID) is taken already") }
        for source in sources where source.file != person.file {
            guard let id = source.id, !scrubber.matches(in: Array(id.utf8)).isEmpty else { continue }
            let base = scrubber.scrub(id, token: idToken)
            var newID = base, suffix = 2
            while taken.contains(newID) || renames.values.contains(newID) { newID = "\(base)-\(suffix)"; suffix += 1 }
            renames[id] = newID
        }

        for source in sources where source.file != person.file {
            var editor = ForgetSourceEditor(source: source, scrubber: scrubber, renames: renames, personID: personID, token: token)
            try editor.run()
            guard !editor.edits.isEmpty else { continue }
            plan.places += editor.places
            let edited = try editor.editedBytes()
            try verify(edited, file: source.file, scrubber: scrubber, renames: renames)
            if let id = source.id, let newID = renames[id] ?? nil {
                let folder = source.file.split(separator: "/").dropLast().joined(separator: "/")
                let ext = source.file.hasSuffix(".yml") ? ".yml" : ".yaml"
                plan.writes[folder + "/" + newID + ext] = edited
                plan.removals.append(source.file)
            } else {
                plan.writes[source.file] = edited
            }
        }
        if mode == .anonymise {
            let folder = person.file.split(separator: "/").dropLast().joined(separator: "/")
            plan.writes[folder + "/" + anonymisedID + ".yaml"] = Array(anonymisedRecord(person.root).utf8)
        }
        plan.places.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        return plan
    }

    /// Every person of the KB: id, full name and aliases (to find whom to forget without
    /// loading the index, whose cache a dry run must not write).
    public func persons() throws(WorkspaceError) -> [(id: String, fullName: String, aliases: [String])] {
        try readRecords().compactMap { source in
            guard source.root.scalar(at: "type") == "person", let id = source.id else { return nil }
            return (id, source.root.scalar(at: "full_name") ?? id, source.root.scalars(at: "aliases"))
        }
    }

    /// Every record file, read and parsed.
    func readRecords() throws(WorkspaceError) -> [Source] {
        let files: [String]
        do { files = try KBValidator.recordFiles(of: kb) } catch { throw .io("cannot list the records: \(error)") }
        var sources: [Source] = []
        for file in files {
            let bytes: [UInt8]
            do { bytes = try kb.fileSystem.readFile(kb.path(file)) } catch { throw .io("\(file): cannot read it: \(error)") }
            do {
                sources.append(Source(file: file, bytes: bytes, root: try YAMLParser().parseDocument(bytes).root))
            } catch {
                throw .invalid("\(file):\(error.mark.line):\(error.mark.column): \(error.message); fix this record first: a trace of the person there could not be found")
            }
        }
        return sources
    }

    /// Refuses an edited file that still names the person or a renamed id, or no longer parses.
    func verify(_ bytes: [UInt8], file: String, scrubber: NameScrubber, renames: [String: String?]) throws(WorkspaceError) {
        let root: YAMLNode
        do { root = try YAMLParser().parseDocument(bytes).root } catch {
            throw .invalid("\(file): the edited record would not parse (\(error.message)); edit it by hand, then run forget again")
        }
        let left = scrubber.matches(in: bytes).first
        let stale = root.allScalars().first { renames.keys.contains($0) }
        if left != nil || stale != nil {
            throw .invalid("\(file): a trace of the person would remain after editing; edit it by hand, then run forget again")
        }
    }

    /// The record that stands for the person once anonymised: the id references now point to,
    /// the partners and roles (required, and what keeps counts by organisation right), the
    /// legal basis and review date; no name, title, date, contact detail or note.
    func anonymisedRecord(_ person: YAMLNode) -> String {
        let emitter = YAMLEmitter()
        var seen = Set<String>()
        var lines = ["id: \(anonymisedID)", "type: person", "full_name: \(emitter.doubleQuotedText(token))", "affiliations:"]
        for affiliation in person.items(at: "affiliations") {
            let partner = affiliation.scalar(at: "partner") ?? "", role = affiliation.scalar(at: "role") ?? ""
            guard seen.insert(partner + "\u{0}" + role).inserted else { continue }
            lines.append("  - {partner: \(emitter.scalarText(.string(partner))), role: \(emitter.scalarText(.string(role)))}")
        }
        lines.append("legal_basis: \(emitter.scalarText(.string(person.scalar(at: "legal_basis") ?? "interet_legitime")))")
        // Dates double-quoted, as the sample writes them.
        lines.append("review_after: \(emitter.doubleQuotedText(person.scalar(at: "review_after") ?? today.description))")
        lines.append("anonymised_on: \(emitter.doubleQuotedText(today.description))")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension YAMLNode {
    /// The scalar text of a root key, or nil.
    func scalar(at key: String) -> String? {
        pair(forKey: key)?.value.scalarText
    }

    /// The items of a root key's sequence.
    func items(at key: String) -> [YAMLNode] {
        pair(forKey: key)?.value.items ?? []
    }

    /// The scalar items of a root key's sequence.
    func scalars(at key: String) -> [String] { items(at: key).compactMap(\.scalarText) }

    /// Every scalar of the tree, keys included.
    func allScalars() -> [String] {
        switch content {
        case .scalar(let text, _): [text]
        case .sequence(let items, _): items.flatMap { $0.allScalars() }
        case .mapping(let pairs, _): pairs.flatMap { $0.key.allScalars() + $0.value.allScalars() }
        case .alias: []
        }
    }
}
