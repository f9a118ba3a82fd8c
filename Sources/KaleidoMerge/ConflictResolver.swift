public import KaleidoKB
public import KaleidoYAML

/// An open conflict as read from a record's `_conflicts` list.
public struct OpenConflict: Sendable, Hashable {
    /// `phone`, `contacts[amel-b].phone`, `themes[2]`, `.` for the whole record.
    public var path: String
    /// Each side's value as YAML text; nil when that side has no value (absent or deleted).
    public var base: String?
    /// Our value: the one in the record now (the provisional value).
    public var ours: String?
    /// The competing value.
    public var theirs: String?
    /// Who made our side, when the merge knew (`Name <email>`).
    public var oursBy: String?
    /// Who made their side, when the merge knew.
    public var theirsBy: String?
    /// When the conflict was recorded (ISO 8601), when written.
    public var at: String?
    /// Where the entry starts in the file.
    public var mark: SourceMark
    /// The values as nodes (for structured output such as JSON), nil when absent.
    public var baseValue: YAMLNode?
    /// Our value as a node.
    public var oursValue: YAMLNode?
    /// Their value as a node.
    public var theirsValue: YAMLNode?
}

/// Reads and settles the open conflicts of one record, pure: bytes in, bytes out.
///
/// Settling writes the chosen value at the conflict's path and removes the entry (every entry
/// with that path), through the same surgery as the merge: the rest of the file keeps its bytes.
public struct ConflictResolver: Sendable {
    /// Which value settles a conflict.
    public enum Choice: Sendable, Hashable {
        case ours, theirs, base
        /// A YAML value written by the user (`+33 4 75 00 00 00`, `[a, b]`, `'007'`).
        case value(String)
    }

    /// What settling did to the record.
    public enum Outcome: Sendable, Hashable {
        /// The record's new bytes.
        case bytes([UInt8])
        /// The chosen side had deleted the whole record: delete the file.
        case deleteFile
    }

    /// The record type's hints, which name the key fields of keyed lists in paths.
    public let hints: [FieldHint]

    /// A resolver using the record type's hints.
    public init(hints: [FieldHint] = []) {
        self.hints = hints
    }

    /// The open conflicts of a record, in file order.
    public static func openConflicts(in bytes: [UInt8]) throws(MergeError) -> [OpenConflict] {
        guard let root = try RecordMerger.parse(bytes, side: "record", optional: false) else { return [] }
        let (_, entries, _) = MergeRun.split(root)
        return entries.map { entry in
            OpenConflict(path: entry["path"]?.scalarText ?? "", base: ConflictEntries.text(entry["base"]),
                         ours: ConflictEntries.text(entry["ours"]), theirs: ConflictEntries.text(entry["theirs"]),
                         oursBy: entry["ours_by"]?.scalarText, theirsBy: entry["theirs_by"]?.scalarText,
                         at: entry["at"]?.scalarText, mark: entry.span.start,
                         baseValue: entry["base"], oursValue: entry["ours"], theirsValue: entry["theirs"])
        }
    }

    /// Settles the conflict at `path` with `choice`. Throws when the record has no open conflict
    /// there, when a `.value` is not YAML, or when the path no longer leads into the record.
    public func resolve(_ bytes: [UInt8], path: String, choice: Choice) throws(MergeError) -> Outcome {
        guard let root = try RecordMerger.parse(bytes, side: "record", optional: false) else {
            throw MergeError(side: "record", mark: nil, message: "the record is empty")
        }
        let (fieldsNode, entries, _) = MergeRun.split(root)
        let fields = fieldsNode ?? root
        let matching = entries.filter { $0["path"]?.scalarText == path }
        guard let entry = matching.last else {
            let open = entries.compactMap { $0["path"]?.scalarText }
            throw MergeError(side: "record", mark: nil, message: open.isEmpty
                ? "this record has no open conflict"
                : "this record has no open conflict at '\(path)'; its open conflicts are at: \(open.joined(separator: ", "))")
        }
        let value: YAMLNode?
        switch choice {
        case .ours: value = entry["ours"]
        case .theirs: value = entry["theirs"]
        case .base: value = entry["base"]
        case .value(let text):
            do {
                value = try YAMLParser().parseDocument(Array(text.utf8)).root
            } catch {
                throw MergeError(side: "value", mark: error.mark, message: "the value is not YAML: \(error.message); quote it")
            }
        }
        let steps = MergePath.steps(path)
        var desiredFields = fields
        if steps.isEmpty {
            if value == nil { return .deleteFile }
        } else {
            desiredFields = try setting(fields, steps[...], to: value.map(Values.detached), walked: [])
        }
        let kept = entries.filter { $0["path"]?.scalarText != path }
        var pairs = desiredFields.pairs ?? []
        if !kept.isEmpty {
            pairs.append(YAMLPair(key: ConflictEntries.scalar(ConflictEntries.key), value: YAMLNode(.sequence(kept.map(Values.detached), .block))))
        }
        // The wanted record, written by the emitter, then merged into the file as the only change.
        let wanted = Array(YAMLEmitter().emitDocument(Values.detached(YAMLNode(.mapping(pairs, .block)))).utf8)
        guard let wantedRoot = try RecordMerger.parse(wanted, side: "value", optional: false) else {
            throw MergeError(side: "value", mark: nil, message: "the resolved record is empty")
        }
        let text = SourceText(bytes: bytes)
        let run = MergeRun(a: text, b: SourceText(bytes: wanted), baseText: text, hints: hints, checker: nil)
        let result = run.merge(base: root, a: root, b: wantedRoot, provenance: .init())
        return .bytes(result.bytes)
    }

    /// `node` with the value at `path` replaced by `value` (removed when nil; added when the
    /// last step is missing).
    private func setting(_ node: YAMLNode, _ path: ArraySlice<PathStep>, to value: YAMLNode?,
                         walked: [PathStep]) throws(MergeError) -> YAMLNode {
        guard let step = path.first else { return value ?? node }
        let rest = path.dropFirst()
        var copy = node
        switch (step, node.content) {
        case (.key(let key), .mapping(var pairs, let style)):
            if let index = pairs.firstIndex(where: { Values.keyText($0.key) == key }) {
                if rest.isEmpty && value == nil {
                    pairs.remove(at: index)
                } else {
                    pairs[index].value = try setting(pairs[index].value, rest, to: value, walked: walked + [step])
                }
            } else if rest.isEmpty {
                if let value { pairs.append(YAMLPair(key: ConflictEntries.scalar(key), value: value)) }
            } else {
                throw missing(walked + [step])
            }
            copy.content = .mapping(pairs, style)
        case (.index(let index), .sequence(var items, let style)):
            guard items.indices.contains(index) || (index == items.count && rest.isEmpty) else { throw missing(walked + [step]) }
            if index == items.count {
                if let value { items.append(value) }
            } else if rest.isEmpty && value == nil {
                items.remove(at: index)
            } else {
                items[index] = try setting(items[index], rest, to: value, walked: walked + [step])
            }
            copy.content = .sequence(items, style)
        case (.keyed(let name), .sequence(var items, let style)):
            let locator = NodeLocator(hints: hints)
            let fields = locator.keyFields(walked, items: items) ?? ["id"]
            if let index = items.firstIndex(where: { TreeMerger.displayKey($0, fields) == name }) {
                if rest.isEmpty && value == nil {
                    items.remove(at: index)
                } else {
                    items[index] = try setting(items[index], rest, to: value, walked: walked + [step])
                }
            } else if rest.isEmpty {
                if let value { items.append(value) }
            } else {
                throw missing(walked + [step])
            }
            copy.content = .sequence(items, style)
        default:
            throw missing(walked + [step])
        }
        return copy
    }

    private func missing(_ path: [PathStep]) -> MergeError {
        MergeError(side: "record", mark: nil,
                   message: "'\(MergePath.text(path))' is no longer in the record; settle the conflict with --value or edit the file")
    }
}
