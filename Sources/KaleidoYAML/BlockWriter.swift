/// Lays nodes out in block style for `YAMLEmitter`: one writer per emitted document or fragment,
/// since it remembers the anchors it has written.
struct BlockWriter {
    let indent: Int
    let indentSequencesInMappings: Bool
    let presenter: ScalarPresenter
    /// The node last written with each anchor name. A node that comes again under the same
    /// anchor (a copy made by expanding aliases) is written as an alias: defining an anchor twice
    /// is legal YAML 1.2, but YAML 1.1 readers such as PyYAML reject it.
    private var anchors: [String: YAMLNode] = [:]

    init(options: YAMLEmitter.Options) {
        indent = min(max(options.indent, 2), 9)
        indentSequencesInMappings = options.indentSequencesInMappings
        presenter = ScalarPresenter(indent: indent)
    }

    /// Where a node stands, which decides where its content goes.
    enum Slot {
        /// The root of a document: collections at column 0.
        case document
        /// After `key:`: collections on the following lines, deeper than the key.
        case mappingValue
        /// After `-`, `?` or `:` of an explicit entry: collections may start on the same line.
        case item
    }

    /// A node's text: `head` goes on the indicator's line, `lines` follow (indented, without
    /// line breaks).
    struct Rendered {
        var head: String
        var lines: [String]
    }

    /// What follows `-`, `?` or `:` before same-line content, so that content lines up one
    /// indentation level deeper than the indicator.
    var itemSeparator: String { String(repeating: " ", count: indent - 1) }

    /// `parent` is the column of the collection (or key) that holds the node.
    mutating func render(_ node: YAMLNode, parent: Int, slot: Slot) -> Rendered {
        var properties: [String] = []
        if let anchor = node.anchor {
            if anchors[anchor] == node { return Rendered(head: "*" + anchor, lines: []) }
            anchors[anchor] = node
            properties.append("&" + anchor)
        }
        switch node.content {
        case .alias(let name):
            return Rendered(head: "*" + name, lines: [])
        case .scalar(let text, let style):
            let scalar = presenter.present(text, style: style, tag: node.tag, allowBlock: true)
            if let tag = scalar.tag { properties.append(tag) }
            switch scalar.body {
            case .inline(let written):
                var head = written
                // An empty null can be left out after `key:` or `-`; elsewhere it must show.
                if head.isEmpty && slot == .document { head = "null" }
                return Rendered(head: (properties + (head.isEmpty ? [] : [head])).joined(separator: " "), lines: [])
            case .literal(let header, let lines):
                // Block content sits one level deeper than its parent (at `indent` for a root
                // scalar, whose parent is the document).
                let margin = String(repeating: " ", count: (slot == .document ? 0 : parent) + indent)
                return Rendered(head: (properties + [header]).joined(separator: " "),
                                lines: lines.map { $0.isEmpty ? "" : margin + $0 })
            }
        case .sequence(let items, _):
            if let tag = node.tag, tag != "!", tag != ScalarResolver.coreTagPrefix + "seq" {
                properties.append(ScalarPresenter.written(tag: tag))
            }
            if items.isEmpty { return Rendered(head: (properties + ["[]"]).joined(separator: " "), lines: []) }
            let column = collectionColumn(parent: parent, slot: slot, isSequence: true)
            let lines = items.flatMap { item("-", $0, column: column) }
            return block(lines, properties: properties, column: column, slot: slot)
        case .mapping(let pairs, _):
            if let tag = node.tag, tag != "!", tag != ScalarResolver.coreTagPrefix + "map" {
                properties.append(ScalarPresenter.written(tag: tag))
            }
            if pairs.isEmpty { return Rendered(head: (properties + ["{}"]).joined(separator: " "), lines: []) }
            let column = collectionColumn(parent: parent, slot: slot, isSequence: false)
            let lines = pairs.flatMap { entry($0, column: column) }
            return block(lines, properties: properties, column: column, slot: slot)
        }
    }

    private func collectionColumn(parent: Int, slot: Slot, isSequence: Bool) -> Int {
        switch slot {
        case .document: return 0
        case .mappingValue: return isSequence && !indentSequencesInMappings ? parent : parent + indent
        case .item: return parent + indent
        }
    }

    /// A block collection's lines; after `-`, `?` or `:` and without properties, its first line
    /// moves up onto the indicator's line (the compact form `- id: x`).
    private func block(_ lines: [String], properties: [String], column: Int, slot: Slot) -> Rendered {
        if slot == .item && properties.isEmpty, let first = lines.first {
            return Rendered(head: String(first.dropFirst(column)), lines: Array(lines.dropFirst()))
        }
        return Rendered(head: properties.joined(separator: " "), lines: lines)
    }

    /// The lines of one `-` (or `?`, `:`) entry whose indicator is at `column`.
    mutating func item(_ indicator: String, _ node: YAMLNode, column: Int) -> [String] {
        let rendered = render(node, parent: column, slot: .item)
        let margin = String(repeating: " ", count: column)
        let first = rendered.head.isEmpty ? margin + indicator : margin + indicator + itemSeparator + rendered.head
        return [first] + rendered.lines
    }

    /// The lines of one mapping entry whose key is at `column`.
    mutating func entry(_ pair: YAMLPair, column: Int) -> [String] {
        let margin = String(repeating: " ", count: column)
        guard var key = implicitKey(pair.key) else {
            return item("?", pair.key, column: column) + item(":", pair.value, column: column)
        }
        if let anchor = pair.key.anchor {
            if anchors[anchor] == pair.key { key = "*" + anchor + " " } else { anchors[anchor] = pair.key }
        }
        let value = render(pair.value, parent: column, slot: .mappingValue)
        let first = margin + key + ":" + (value.head.isEmpty ? "" : " " + value.head)
        return [first] + value.lines
    }

    /// A key that fits before `:` on one line, or nil when the key needs `? ` (a collection, a
    /// multi-line string, or a key longer than the 1024 characters readers allow an implicit key).
    private func implicitKey(_ key: YAMLNode) -> String? {
        var properties: [String] = []
        if let anchor = key.anchor { properties.append("&" + anchor) }
        let text: String
        switch key.content {
        case .alias(let name):
            // `*a:` would read as an alias named `a:`.
            return "*" + name + " "
        case .sequence, .mapping:
            return nil
        case .scalar(let value, let style):
            guard !value.utf8.contains(UInt8(ascii: "\n")) else { return nil }
            let scalar = presenter.present(value, style: style, tag: key.tag, allowBlock: false)
            guard case .inline(let written) = scalar.body else { return nil }
            if let tag = scalar.tag { properties.append(tag) }
            text = (properties + [written.isEmpty ? "null" : written]).joined(separator: " ")
        }
        return text.utf8.count <= 1000 || text.unicodeScalars.count <= 1000 ? text : nil
    }
}
