/// Parses YAML bytes into document trees whose every node knows its exact source span, style,
/// tag, anchor and key order, using libyaml's event parser.
///
/// The parser rejects, with a `YAMLError` of its own kind: invalid UTF-8, YAML syntax errors
/// (libyaml's messages rephrased, tabs used as indentation included), duplicate keys (keys
/// compared by their resolved values), aliases to unknown anchors, and input beyond `limits`
/// (file size, nesting depth, scalar size, alias expansion). Aliases stay `.alias` nodes in
/// the tree; `YAMLNode.resolvingAliases(limits:)` expands them.
///
/// A value type holding only its limits: parsing keeps no state between calls, so one parser
/// may be used from any thread.
public struct YAMLParser: Sendable {
    /// The bounds every parse of this parser enforces.
    public var limits: YAMLLimits

    /// A parser enforcing `limits`.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses a record file: exactly one document. Zero documents (an empty file, or only
    /// comments) or a second document is a `documentCount` error.
    public func parseDocument(_ bytes: [UInt8]) throws(YAMLError) -> YAMLDocument {
        var builder = try TreeBuilder(bytes: bytes, limits: limits, maxDocuments: 1)
        let documents = try builder.run()
        guard let document = documents.first else {
            throw YAMLError(
                .documentCount, "the file holds no YAML document; a record file needs its fields",
                at: builder.map.mark(byteOffset: 0))
        }
        return document
    }

    /// Parses every document of a stream (`---`-separated), possibly none.
    public func parseStream(_ bytes: [UInt8]) throws(YAMLError) -> [YAMLDocument] {
        var builder = try TreeBuilder(bytes: bytes, limits: limits, maxDocuments: nil)
        return try builder.run()
    }
}

/// Builds trees from libyaml's events with an explicit stack (no recursion: hostile nesting
/// fails with `tooDeep` at the first level past the limit).
struct TreeBuilder {
    /// A collection being read.
    struct Frame {
        var isMapping: Bool
        var style: CollectionStyle
        var tag: String?
        var anchor: String?
        var start: SourceMark
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Nodes in this collection once aliases are expanded, itself included.
        var expandedSize = 1
        /// Collection levels below this one once aliases are expanded.
        var expandedHeight = 0
    }

    /// A node anchored `&name`, with what expanding an alias to it costs.
    struct Anchored {
        var node: YAMLNode
        var expandedSize: Int
        var expandedHeight: Int
    }

    private static let initialCapacity = 4

    private(set) var map: SourceMap
    private let bytes: [UInt8]
    private let limits: YAMLLimits
    private let maxDocuments: Int?
    private let reader: EventReader
    private var stack: [Frame] = []
    /// The keys of the open mappings, innermost last.
    private var keys = KeySet()
    private(set) var anchors: [String: Anchored] = [:]
    /// Anchors whose collection is still open: an alias to one of them would be a cycle.
    private var openAnchors: Set<String> = []
    private var aliasExpansion = 0
    private var documents: [YAMLDocument] = []
    private var root: YAMLNode?
    private var explicitStart = false
    /// The source before this offset has passed `SourceChecks.gluedComment`.
    private var checkedUpTo = 0

    init(bytes: [UInt8], limits: YAMLLimits, maxDocuments: Int?) throws(YAMLError) {
        let limitMark = SourceMark(offset: 0, line: 1, column: 1)
        guard bytes.count <= limits.maxFileBytes, bytes.count < Int(UInt32.max) else {
            throw YAMLError(
                .tooLarge,
                "the file is \(bytes.count) bytes, more than the \(limits.maxFileBytes) bytes a YAML file may have here; split it",
                at: limitMark)
        }
        self.map = try SourceMap(bytes)
        self.bytes = bytes
        self.limits = limits
        self.maxDocuments = maxDocuments
        self.reader = EventReader(bytes)
    }

    /// Reads every event and returns the documents.
    mutating func run() throws(YAMLError) -> [YAMLDocument] {
        while true {
            let event = try nextEvent()
            switch event.kind {
            case .streamStart: continue
            case .streamEnd:
                try checkSource(upTo: bytes.count)
                return documents
            case .documentStart:
                if let maxDocuments, documents.count >= maxDocuments {
                    throw YAMLError(
                        .documentCount,
                        "a record file holds one YAML document, but another one starts here; remove this '---' or move the document to its own file",
                        at: map.mark(characterIndex: event.start))
                }
                explicitStart = event.explicit
                anchors = [:]
                aliasExpansion = 0
            case .documentEnd:
                let node = root ?? YAMLNode(.scalar("", .plain), span: span(event.start, event.start))
                documents.append(YAMLDocument(root: node, explicitStart: explicitStart, explicitEnd: event.explicit))
                root = nil
            case .alias:
                try alias(event.value, event)
            case .scalar:
                try scalar(event)
            case .sequenceStart:
                try open(isMapping: false, event)
            case .mappingStart:
                try open(isMapping: true, event)
            case .sequenceEnd, .mappingEnd:
                try close(event)
            }
        }
    }

    private func nextEvent() throws(YAMLError) -> Event {
        do { return try reader.next() } catch { throw LibYAMLMessages.error(for: error, map: map, bytes: bytes) }
    }

    private mutating func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(start: map.mark(characterIndex: start), end: map.mark(characterIndex: end))
    }

    private mutating func scalar(_ event: consuming Event) throws(YAMLError) {
        let value = event.value, style = event.scalarStyle, tag = event.tag, anchor = event.anchor
        var nodeSpan = span(event.start, event.end)
        guard value.utf8.count <= limits.maxScalarBytes else {
            throw YAMLError(
                .scalarTooLarge,
                "this value is \(value.utf8.count) bytes, more than the \(limits.maxScalarBytes) bytes one value may have; shorten it",
                at: nodeSpan.start)
        }
        try checkSource(upTo: nodeSpan.start.offset)
        checkedUpTo = max(checkedUpTo, nodeSpan.end.offset)
        if style == .plain, tag == nil, anchor == nil,
            SourceChecks.startsWithLoneIndicator(nodeSpan.byteRange, in: bytes, inFlow: !stack.isEmpty && stack[stack.count - 1].style == .flow)
        {
            throw YAMLError(
                .syntax,
                "a plain value cannot start with '\(Character(Unicode.Scalar(bytes[nodeSpan.start.offset])))' followed by a space or a bracket; put the value in quotes",
                at: nodeSpan.start)
        }
        if style == .literal || style == .folded {
            if anchor == nil, tag == nil, let glued = SourceChecks.gluedHeaderComment(blockScalarAt: nodeSpan.start.offset, in: bytes) {
                throw gluedComment(at: glued)
            }
            // libyaml ends a block scalar after the line breaks and indentation that follow
            // it (at the next token): the node's text stops at its last non-blank character.
            var end = nodeSpan.end.offset
            while end > nodeSpan.start.offset, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D {
                end -= 1
            }
            nodeSpan.end = map.mark(byteOffset: end)
        }
        let node = YAMLNode(.scalar(value, style), tag: tag, anchor: anchor, span: nodeSpan)
        try complete(node, expandedSize: 1, expandedHeight: 0)
    }

    private mutating func alias(_ name: String, _ event: borrowing Event) throws(YAMLError) {
        let nodeSpan = span(event.start, event.end)
        try checkSource(upTo: nodeSpan.start.offset)
        checkedUpTo = max(checkedUpTo, nodeSpan.end.offset)
        guard let target = anchors[name] else {
            if openAnchors.contains(name) {
                throw YAMLError(
                    .recursiveAlias,
                    "the alias *\(name) refers to a collection that contains it; YAML data cannot be recursive here",
                    at: nodeSpan.start)
            }
            throw YAMLError(
                .undefinedAlias,
                "the alias *\(name) refers to no anchor &\(name) before it in this document; define the anchor first or fix the name",
                at: nodeSpan.start)
        }
        aliasExpansion = aliasExpansion.addingReportingOverflow(target.expandedSize).partialValue
        guard aliasExpansion >= 0, aliasExpansion <= limits.maxAliasExpansion else {
            throw YAMLError(
                .aliasExpansion,
                "the aliases of this document would expand to more than \(limits.maxAliasExpansion) nodes; this looks like an alias bomb, write the data out instead",
                at: nodeSpan.start)
        }
        guard stack.count + target.expandedHeight <= limits.maxDepth else {
            throw YAMLError(
                .tooDeep,
                "the alias *\(name) nests the data deeper than \(limits.maxDepth) levels; flatten the structure",
                at: nodeSpan.start)
        }
        try complete(
            YAMLNode(.alias(name), span: nodeSpan),
            expandedSize: target.expandedSize, expandedHeight: target.expandedHeight)
    }

    /// Checks the source between the last checked node and `offset` (see `SourceChecks`).
    private mutating func checkSource(upTo offset: Int) throws(YAMLError) {
        guard offset > checkedUpTo else { return }
        let range = max(checkedUpTo, map.bomLength)..<offset
        checkedUpTo = offset
        if let glued = SourceChecks.gluedComment(in: range, of: bytes, fileStart: map.bomLength) {
            throw gluedComment(at: glued)
        }
    }

    private func gluedComment(at offset: Int) -> YAMLError {
        YAMLError(.syntax, "a comment needs a space before '#'; add one, or quote the value if '#' belongs to it", at: map.mark(byteOffset: offset))
    }

    private mutating func open(isMapping: Bool, _ event: borrowing Event) throws(YAMLError) {
        let start = map.mark(characterIndex: event.start)
        guard stack.count < limits.maxDepth else {
            throw YAMLError(
                .tooDeep,
                "collections nest deeper than \(limits.maxDepth) levels here; flatten the structure",
                at: start)
        }
        if let anchor = event.anchor { openAnchors.insert(anchor) }
        if isMapping { keys.openMapping() }
        stack.append(Frame(isMapping: isMapping, style: event.collectionStyle, tag: event.tag, anchor: event.anchor, start: start))
    }

    private mutating func close(_ event: borrowing Event) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        if let anchor = frame.anchor { openAnchors.remove(anchor) }
        if frame.isMapping { keys.closeMapping() }
        let end: SourceMark
        if frame.style == .flow {
            end = map.mark(characterIndex: event.end)
        } else {
            // libyaml's block-end mark points at the next token: end at the last child instead.
            let last = frame.isMapping ? frame.pairs.last?.value.span.end : frame.items.last?.span.end
            end = last ?? frame.start
        }
        let content: YAMLNode.Content =
            frame.isMapping ? .mapping(frame.pairs, frame.style) : .sequence(frame.items, frame.style)
        let node = YAMLNode(content, tag: frame.tag, anchor: frame.anchor, span: SourceSpan(start: frame.start, end: end))
        try complete(node, expandedSize: frame.expandedSize, expandedHeight: frame.expandedHeight + 1)
    }

    /// Attaches a finished node to its parent (or makes it the root) and records its anchor.
    /// `node` is consumed: it moves into its parent without a copy of its strings and arrays.
    /// Always inlined: the node is then built in place instead of copied in and destroyed.
    @inline(__always)
    private mutating func complete(_ node: consuming YAMLNode, expandedSize: Int, expandedHeight: Int) throws(YAMLError) {
        if let anchor = node.anchor {
            anchors[anchor] = Anchored(node: copy node, expandedSize: expandedSize, expandedHeight: expandedHeight)
        }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        // The parent is mutated in place: moving a frame out and back costs more than the rest.
        stack[top].expandedSize = stack[top].expandedSize.addingReportingOverflow(expandedSize).partialValue
        stack[top].expandedHeight = max(stack[top].expandedHeight, expandedHeight)
        // A first allocation of a few elements instead of growing 1, 2, 4: most collections
        // of a record hold a handful of children.
        if !stack[top].isMapping {
            if stack[top].items.capacity == 0 { stack[top].items.reserveCapacity(Self.initialCapacity) }
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey.take() {
            if stack[top].pairs.capacity == 0 { stack[top].pairs.reserveCapacity(Self.initialCapacity) }
            stack[top].pairs.append(YAMLPair(key: key, value: node))
        } else {
            if let first = keys.insert(node, anchors: anchors) {
                throw YAMLError(
                    .duplicateKey,
                    "duplicate key \(KeyIdentity.describe(node)) in this mapping (first at line \(first.line), column \(first.column)); remove one of them",
                    at: node.span.start)
            }
            stack[top].pendingKey = node
        }
    }
}
