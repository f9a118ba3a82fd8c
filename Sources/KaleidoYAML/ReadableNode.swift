/// Read access to a parsed node that both `YAMLNode` trees and `CompactDocument` nodes give,
/// so that code which only reads records (the KB rules, the facts the cross-record rules need,
/// the query index) is written once and runs on either form.
///
/// Lookups never throw: one that does not fit the node's shape answers nil.
public protocol ReadableNode {
    /// The value of `key` in a mapping whose keys are scalars, or nil.
    subscript(key: String) -> Self? { get }
    /// A scalar's presented text, or nil for a collection or alias.
    var scalarText: String? { get }
    /// A scalar's text when it means a string or a number (nil for null, booleans, collections).
    var stringValue: String? { get }
    /// The scalar's meaning under the YAML 1.2 core schema, or nil for a collection or alias.
    var resolvedScalar: ResolvedScalar? { get }
    /// A plain, untagged scalar's text (the only kind YAML 1.1 tools may read differently), or nil.
    var plainScalarText: String? { get }
    /// The first byte of a plain, untagged scalar's text: a screen that costs no string.
    var plainScalarFirstByte: UInt8? { get }
    /// Whether the node is a mapping.
    var isMapping: Bool { get }
    /// Whether some plain, untagged scalar value (not a key) in this subtree passes `screen` on
    /// its first byte and `test` on its text. A cheap screen before a walk that tracks paths;
    /// the default walks the tree.
    func containsPlainValue(firstByte screen: (UInt8) -> Bool, where test: (String) -> Bool) -> Bool
    /// A sequence's items, or nil.
    var items: [Self]? { get }
    /// A mapping's keys and values in source order, or nil.
    var keyedValues: [(key: Self, value: Self)]? { get }
    /// Where the node stands in its file.
    var span: SourceSpan { get }
}

extension ReadableNode {
    public func containsPlainValue(firstByte screen: (UInt8) -> Bool, where test: (String) -> Bool) -> Bool {
        containsPlainValueByWalking(firstByte: screen, where: test)
    }

    /// `containsPlainValue` as a walk of the subtree: the default, and what a form with a
    /// faster screen falls back to where that screen does not apply.
    public func containsPlainValueByWalking(firstByte screen: (UInt8) -> Bool, where test: (String) -> Bool) -> Bool {
        if let first = plainScalarFirstByte { return screen(first) && plainScalarText.map(test) == true }
        if let items { return items.contains { $0.containsPlainValue(firstByte: screen, where: test) } }
        return keyedValues?.contains { $0.value.containsPlainValue(firstByte: screen, where: test) } ?? false
    }
}

extension YAMLNode: ReadableNode {
    public var plainScalarText: String? {
        if case .scalar(let text, .plain) = content, tag == nil { return text }
        return nil
    }

    public var plainScalarFirstByte: UInt8? { plainScalarText?.utf8.first }

    public var isMapping: Bool { pairs != nil }

    public var keyedValues: [(key: YAMLNode, value: YAMLNode)]? {
        pairs?.map { ($0.key, $0.value) }
    }
}

/// One node of a `CompactDocument`, as a value that reads like a `YAMLNode`.
public struct CompactNode: ReadableNode {
    public let document: CompactDocument
    public let index: Int

    public init(_ document: CompactDocument, _ index: Int) {
        self.document = document
        self.index = index
    }

    /// The document's root.
    public init(root document: CompactDocument) {
        self.init(document, document.root)
    }

    public subscript(key: String) -> CompactNode? {
        document.value(in: index, forKey: key).map { CompactNode(document, $0) }
    }

    public var scalarText: String? {
        document.kind(index) == .scalar ? document.string(index) : nil
    }

    public var stringValue: String? {
        guard document.kind(index) == .scalar else { return nil }
        let text = document.string(index)
        switch ScalarResolver.resolve(text, style: document.scalarStyle(index), tag: nil) {
        case .null, .bool: return nil
        default: return text
        }
    }

    public var resolvedScalar: ResolvedScalar? {
        guard document.kind(index) == .scalar else { return nil }
        return ScalarResolver.resolve(document.string(index), style: document.scalarStyle(index), tag: nil)
    }

    public var plainScalarText: String? {
        document.kind(index) == .scalar && document.scalarStyle(index) == .plain ? document.string(index) : nil
    }

    public var plainScalarFirstByte: UInt8? {
        guard document.kind(index) == .scalar, document.scalarStyle(index) == .plain else { return nil }
        return document.withScalarBytes(index) { $0.first }
    }

    public var isMapping: Bool { document.kind(index) == .mapping }

    public func containsPlainValue(firstByte screen: (UInt8) -> Bool, where test: (String) -> Bool) -> Bool {
        // The whole document is scanned: on the root (the only caller so far) that is exact.
        guard index == document.root else { return containsPlainValueByWalking(firstByte: screen, where: test) }
        return document.containsPlainValue(firstByte: screen, where: test)
    }

    public var items: [CompactNode]? {
        guard document.kind(index) == .sequence else { return nil }
        return document.children(index).map { CompactNode(document, $0) }
    }

    public var keyedValues: [(key: CompactNode, value: CompactNode)]? {
        guard document.kind(index) == .mapping else { return nil }
        var result: [(key: CompactNode, value: CompactNode)] = []
        result.reserveCapacity(document.count(index))
        var key: Int?
        for child in document.children(index) {
            if let pending = key {
                result.append((CompactNode(document, pending), CompactNode(document, child)))
                key = nil
            } else {
                key = child
            }
        }
        return result
    }

    public var span: SourceSpan { document.span(of: index) }
}
