public import KaleidoYAML

/// One step of a path into a record: a mapping key, or any item of a sequence.
public enum FieldStep: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case anyItem
    case anyKey

    public var description: String {
        switch self {
        case .key(let key): key
        case .anyItem: "[]"
        case .anyKey: "*"
        }
    }
}

/// What the schemas say about one field of a type beyond validation: `x-ref` (the field holds
/// the id of a record of that type), `x-merge-key` (items of this list are matched by these
/// keys when merging) and `x-merge: atomic` (merge the field as one value).
public struct FieldHint: Hashable, Sendable {
    public var path: [FieldStep]
    public var ref: RecordType?
    public var mergeKey: [String]?
    public var atomic: Bool

    public init(path: [FieldStep], ref: RecordType? = nil, mergeKey: [String]? = nil, atomic: Bool = false) {
        self.path = path
        self.ref = ref
        self.mergeKey = mergeKey
        self.atomic = atomic
    }

    /// The path written as `parties[].partner`.
    public var pathDescription: String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .anyItem: text += "[]"
            case .anyKey: text += text.isEmpty ? "*" : ".*"
            }
        }
        return text
    }
}

/// Collects the `x-` hints of a type's schema by walking it the way an instance would be walked:
/// `properties`, `items`, `prefixItems`, `additionalProperties`, the combinators and `$ref` to
/// other documents of the schema folder.
///
/// Pure: the caller hands it the parsed schema documents keyed by file name (`defs.yaml`).
public struct SchemaHintCollector: Sendable {
    private let documents: [String: YAMLNode]

    public init(documents: [String: YAMLNode]) {
        self.documents = documents
    }

    /// Every hinted field of the schema document `file`, deduplicated, in walk order.
    public func hints(forDocument file: String) -> [FieldHint] {
        summary(forDocument: file).hints
    }

    /// The property names the schema `file` declares at each path (`""` for the record,
    /// `parties.[]` for items of `parties`), through `$ref`s and combinators.
    public func knownProperties(forDocument file: String) -> [String: Set<String>] {
        summary(forDocument: file).known
    }

    /// `hints` and `knownProperties` of `file` from one walk (both come from the same walk, so
    /// callers wanting both should not walk twice).
    public func summary(forDocument file: String) -> (hints: [FieldHint], known: [String: Set<String>]) {
        guard let root = documents[file] else { return ([], [:]) }
        var walk = Walk(documents: documents)
        walk.visit(root, file: file, path: [], depth: 0)
        return (walk.hints, walk.known)
    }

    /// The schema node a `$ref` found in the document `file` designates (`defs.yaml#/$defs/id`,
    /// `#/$defs/lineage`), with the document it lives in; nil when it points outside the
    /// documents or at nothing.
    public func resolve(reference: String, from file: String) -> (file: String, node: YAMLNode)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].isEmpty ? file : Walk.resolve(String(parts[0]), against: file)
        guard let document = documents[target],
            let node = Walk.node(at: parts.count > 1 ? String(parts[1]) : "", in: document)
        else { return nil }
        return (target, node)
    }

    /// The key `knownProperties` uses for a path.
    public static func key(for path: [FieldStep]) -> String {
        path.map(\.description).joined(separator: ".")
    }

    private struct Walk {
        let documents: [String: YAMLNode]
        var hints: [FieldHint] = []
        var known: [String: Set<String>] = [:]
        var seen: Set<String> = []

        /// The keywords `visit` reads, found in one pass over a schema's pairs (a lookup per
        /// keyword scanned the pairs fifteen times: most of the walk's time).
        struct Keywords {
            var ref: YAMLNode?
            var properties: YAMLNode?
            var itemLike: [YAMLNode?] = [nil, nil, nil, nil]
            var prefixItems: YAMLNode?
            var propertyLike: [YAMLNode?] = [nil, nil]
            var patternProperties: YAMLNode?
            var combinators: [YAMLNode?] = [nil, nil, nil]
            var conditionals: [YAMLNode?] = [nil, nil, nil, nil]
            var xRef: YAMLNode?
            var xMergeKey: YAMLNode?
            var xMerge: YAMLNode?

            init(_ pairs: [YAMLPair]) {
                for pair in pairs {
                    guard let key = pair.key.scalarText else { continue }
                    func first(_ slot: inout YAMLNode?) { if slot == nil { slot = pair.value } }
                    switch key {
                    case "$ref": first(&ref)
                    case "properties": first(&properties)
                    case "items": first(&itemLike[0])
                    case "additionalItems": first(&itemLike[1])
                    case "unevaluatedItems": first(&itemLike[2])
                    case "contains": first(&itemLike[3])
                    case "prefixItems": first(&prefixItems)
                    case "additionalProperties": first(&propertyLike[0])
                    case "unevaluatedProperties": first(&propertyLike[1])
                    case "patternProperties": first(&patternProperties)
                    case "allOf": first(&combinators[0])
                    case "anyOf": first(&combinators[1])
                    case "oneOf": first(&combinators[2])
                    case "if": first(&conditionals[0])
                    case "then": first(&conditionals[1])
                    case "else": first(&conditionals[2])
                    case "not": first(&conditionals[3])
                    case "x-ref": first(&xRef)
                    case "x-merge-key": first(&xMergeKey)
                    case "x-merge": first(&xMerge)
                    default: break
                    }
                }
            }
        }

        mutating func visit(_ schema: YAMLNode, file: String, path: [FieldStep], depth: Int) {
            guard depth < 64, let pairs = schema.pairs else { return }
            let keywords = Keywords(pairs)
            record(keywords, path: path)
            if let reference = keywords.ref?.scalarText {
                follow(reference, from: file, path: path, depth: depth)
            }
            if let properties = keywords.properties?.pairs {
                let pathKey = SchemaHintCollector.key(for: path)
                for pair in properties {
                    guard let key = pair.key.scalarText else { continue }
                    known[pathKey, default: []].insert(key)
                    visit(pair.value, file: file, path: path + [.key(key)], depth: depth + 1)
                }
            }
            for items in keywords.itemLike.compactMap({ $0 }) {
                visit(items, file: file, path: path + [.anyItem], depth: depth + 1)
            }
            for item in keywords.prefixItems?.items ?? [] {
                visit(item, file: file, path: path + [.anyItem], depth: depth + 1)
            }
            for values in keywords.propertyLike.compactMap({ $0 }) {
                visit(values, file: file, path: path + [.anyKey], depth: depth + 1)
            }
            for pattern in keywords.patternProperties?.pairs ?? [] {
                visit(pattern.value, file: file, path: path + [.anyKey], depth: depth + 1)
            }
            for combinator in keywords.combinators.compactMap({ $0 }) {
                for branch in combinator.items ?? [] {
                    visit(branch, file: file, path: path, depth: depth + 1)
                }
            }
            for branch in keywords.conditionals.compactMap({ $0 }) {
                visit(branch, file: file, path: path, depth: depth + 1)
            }
        }

        mutating func record(_ keywords: Keywords, path: [FieldStep]) {
            let ref = keywords.xRef?.scalarText.flatMap(RecordType.init(rawValue:))
            let mergeKey: [String]? =
                keywords.xMergeKey.flatMap { node in
                    node.items?.compactMap(\.scalarText) ?? node.scalarText.map { [$0] }
                }
            let atomic = keywords.xMerge?.scalarText == "atomic"
            guard ref != nil || mergeKey != nil || atomic else { return }
            if let index = hints.firstIndex(where: { $0.path == path }) {
                hints[index].ref = hints[index].ref ?? ref
                hints[index].mergeKey = hints[index].mergeKey ?? mergeKey
                hints[index].atomic = hints[index].atomic || atomic
            } else {
                hints.append(FieldHint(path: path, ref: ref, mergeKey: mergeKey, atomic: atomic))
            }
        }

        mutating func follow(_ reference: String, from file: String, path: [FieldStep], depth: Int) {
            let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].isEmpty ? file : Self.resolve(String(parts[0]), against: file)
            let pointer = parts.count > 1 ? String(parts[1]) : ""
            let key = "\(target)#\(pointer)|\(path.map(\.description).joined(separator: "/"))"
            guard !seen.contains(key), let document = documents[target],
                let node = Self.node(at: pointer, in: document)
            else { return }
            seen.insert(key)
            visit(node, file: target, path: path, depth: depth + 1)
        }

        /// A relative reference as a file name in the schema folder (`./defs.yaml`, or an
        /// absolute `$id`-style URI whose last segment names the file).
        static func resolve(_ reference: String, against file: String) -> String {
            let last = reference.split(separator: "/").last.map(String.init) ?? reference
            return last.isEmpty ? file : last
        }

        /// The node a JSON pointer (`/$defs/date`) designates, or nil.
        static func node(at pointer: String, in root: YAMLNode) -> YAMLNode? {
            var node = root
            for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
                // `replacing` goes through generic collection algorithms: skip it when there is
                // nothing to unescape (almost always).
                let key = token.contains("~") ? String(token).replacing("~1", with: "/").replacing("~0", with: "~") : String(token)
                if let value = node[key] {
                    node = value
                } else if let items = node.items, let index = Int(key), items.indices.contains(index) {
                    node = items[index]
                } else {
                    return nil
                }
            }
            return node
        }
    }
}
