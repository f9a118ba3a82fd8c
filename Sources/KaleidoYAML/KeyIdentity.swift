/// What makes two mapping keys the same key: their resolved values under the YAML 1.2 core
/// schema (`1`, `01` and `0x1` are one key; `"1"` is another), and for collection keys their
/// structure (mappings compared regardless of key order). Aliases stand for their anchored node.
///
/// Not `indirect`: the collection cases recurse through arrays and dictionaries, which are
/// already references, so a scalar key (nearly every key) costs no box allocation.
enum KeyIdentity: Hashable {
    /// A scalar's resolved value; `tag` only for application tags (`!point`), which the core
    /// schema cannot resolve, so that `!a x` and `!b x` stay different keys.
    case scalar(ResolvedScalar, tag: String?)
    case sequence([KeyIdentity])
    case mapping([KeyIdentity: KeyIdentity])
    /// An alias to an anchor that is not (or no longer) known: compared by name.
    case unresolvedAlias(String)

    /// The identity of `node`, resolving aliases through `anchors`. The parser has already
    /// bounded the expansion of every alias it accepted, so this walk is bounded too.
    init(_ node: borrowing YAMLNode, anchors: [String: TreeBuilder.Anchored]) {
        var visiting: Set<String> = []
        self = Self.make(node, anchors: anchors, visiting: &visiting)
    }

    private static func make(
        _ node: YAMLNode, anchors: [String: TreeBuilder.Anchored], visiting: inout Set<String>
    ) -> KeyIdentity {
        switch node.content {
        case .scalar(let text, let style):
            // Most keys are words: a plain scalar starting with a letter other than the first
            // letters of null, true, false is a string, without running the resolver.
            if style == .plain, node.tag == nil, let first = text.utf8.first,
                (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")),
                !"nNtTfF".utf8.contains(first)
            {
                return .scalar(.string(text), tag: nil)
            }
            let resolved = ScalarResolver.resolve(text, style: style, tag: node.tag)
            return .scalar(resolved, tag: applicationTag(node.tag))
        case .sequence(let items, _):
            return .sequence(items.map { make($0, anchors: anchors, visiting: &visiting) })
        case .mapping(let pairs, _):
            var entries: [KeyIdentity: KeyIdentity] = [:]
            for pair in pairs {
                entries[make(pair.key, anchors: anchors, visiting: &visiting)] =
                    make(pair.value, anchors: anchors, visiting: &visiting)
            }
            return .mapping(entries)
        case .alias(let name):
            guard let target = anchors[name], !visiting.contains(name) else { return .unresolvedAlias(name) }
            visiting.insert(name)
            defer { visiting.remove(name) }
            return make(target.node, anchors: anchors, visiting: &visiting)
        }
    }

    /// The text of a key whose identity is the plain string it reads as
    /// (`.scalar(.string(text), tag: nil)`): an untagged quoted or block scalar, or an untagged
    /// plain scalar the core schema reads as a string (`name`, `type`; not `1`, `null`).
    /// Nil for every other key, which takes the full `KeyIdentity`.
    static func plainString(_ node: borrowing YAMLNode) -> String? {
        guard node.tag == nil, case .scalar(let text, let style) = node.content else { return nil }
        if style != .plain { return text }
        guard let first = text.utf8.first else { return nil }
        if !ScalarResolver.mayBeNonString(firstByte: first) { return text }
        if case .string = ScalarResolver.resolvePlain(text) { return text }
        return nil
    }

    private static func applicationTag(_ tag: String?) -> String? {
        guard let tag, tag != "!", !tag.hasPrefix(ScalarResolver.coreTagPrefix) else { return nil }
        return tag
    }

    /// A short quotation of a key for messages: `'name'`, or its kind for collections.
    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, _):
            let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'\(short)'"
        case .sequence: return "(a sequence)"
        case .mapping: return "(a mapping)"
        case .alias(let name): return "*\(name)"
        }
    }
}

/// The keys of the open mappings of one parse and where each was first written.
///
/// Keys that mean a plain string (nearly all of them) are kept as their text with a 64-bit
/// fingerprint, and compared by fingerprint first: two such keys are the same key exactly when
/// their texts are equal, and never the same key as a key of another kind. Mappings nest like a
/// stack (a mapping's keys are all read before its parent's next key), so one array holds the
/// keys of every open mapping, innermost last: no allocation per mapping. A mapping with more
/// than `linearLimit` string keys moves them to a dictionary, so hostile input with huge
/// mappings stays linear. Other keys (numbers, collections) use `KeyIdentity`.
struct KeySet {
    private static let linearLimit = 32
    private struct Entry {
        var fingerprint: UInt64
        var text: String
        var mark: SourceMark
    }
    /// One open mapping: where its entries start, and its dictionary once it is large.
    private struct Level {
        var base: Int
        var strings: [String: SourceMark] = [:]
        var others: [KeyIdentity: SourceMark] = [:]
    }
    private var entries: [Entry] = []
    private var levels: [Level] = []

    /// Starts the keys of a new innermost mapping.
    mutating func openMapping() {
        levels.append(Level(base: entries.count))
    }

    /// Forgets the keys of the innermost mapping.
    mutating func closeMapping() {
        guard let level = levels.popLast() else { return }
        if entries.count > level.base { entries.removeSubrange(level.base...) }
    }

    /// Adds the key `node` to the innermost mapping, or returns where it was first written
    /// when it is already there.
    mutating func insert(_ node: borrowing YAMLNode, anchors: [String: TreeBuilder.Anchored]) -> SourceMark? {
        guard !levels.isEmpty else { return nil }
        let mark = node.span.start
        if let text = KeyIdentity.plainString(node) { return insert(string: text, at: mark) }
        let identity = KeyIdentity(node, anchors: anchors)
        if case .scalar(.string(let text), tag: nil) = identity { return insert(string: text, at: mark) }
        let top = levels.count - 1
        if let first = levels[top].others[identity] { return first }
        levels[top].others[identity] = mark
        return nil
    }

    private mutating func insert(string key: String, at mark: SourceMark) -> SourceMark? {
        let top = levels.count - 1
        if !levels[top].strings.isEmpty {
            if let first = levels[top].strings[key] { return first }
            levels[top].strings[key] = mark
            return nil
        }
        let fingerprint = Self.fingerprint(key)
        let base = levels[top].base
        for index in base..<entries.count where entries[index].fingerprint == fingerprint && entries[index].text == key {
            return entries[index].mark
        }
        if entries.count - base < Self.linearLimit {
            if entries.capacity == 0 { entries.reserveCapacity(64) }
            entries.append(Entry(fingerprint: fingerprint, text: key, mark: mark))
            return nil
        }
        for entry in entries[base...] { levels[top].strings[entry.text] = entry.mark }
        entries.removeSubrange(base...)
        levels[top].strings[key] = mark
        return nil
    }

    /// FNV-1a over the UTF-8 bytes: equal texts give equal fingerprints.
    private static func fingerprint(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        if let done = text.utf8.withContiguousStorageIfAvailable({ buffer -> UInt64 in
            var hash = hash
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }) {
            return done
        }
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
