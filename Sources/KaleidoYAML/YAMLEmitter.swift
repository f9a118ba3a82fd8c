/// Writes YAML nodes as block-style text whose every value reads back with the same meaning.
///
/// The emitter is for *new* content: the merge splices what it returns into an existing file at
/// a given column, so besides whole documents it renders a mapping entry, a sequence item or just
/// the value that follows `key:` or `-`. It is pure (no I/O) and total: every tree gives text.
///
/// Layout: mappings as `key: value`, sequences as `- item`, a collection that is a sequence item
/// written compactly (`- id: x` then `  name: y`), empty collections as `{}` and `[]`. Scalars keep
/// their meaning under YAML 1.2 core (our parser) and YAML 1.1 (PyYAML and most tools): plain when
/// nobody can misread them, else quoted (see `ScalarQuoting`); multi-line strings as literal
/// block scalars when a literal holds them exactly. Tags implied by the text are dropped, others
/// kept. Anchors and aliases are written as given (names must be letters, digits, `-` or `_`),
/// except that a node met again under an anchor already written with an equal node (a copy left
/// by `resolvingAliases`) is written as an alias, since YAML 1.1 readers reject a repeated anchor.
/// Output never contains a tab and always ends with a line break. Lines are never folded (a
/// consultant's long line stays one line; folding would only add ways to get it wrong).
///
/// Rendering recurses once per nesting level: trees from `YAMLParser` (at most
/// `YAMLLimits.maxDepth` levels) are fine; a tree built by code thousands of levels deep is not.
public struct YAMLEmitter: Sendable {
    /// Layout choices. Meaning never depends on them.
    public struct Options: Hashable, Sendable {
        /// Columns per nesting level, clamped to 2...9. A sequence item's content starts this
        /// many columns after its `-` (`- x` with 2, `-   x` with 4), so that compact
        /// collections line up.
        public var indent: Int = 2
        /// Whether a sequence under a mapping key is indented (`key:\n  - a`, true) or written at
        /// the key's column (`key:\n- a`, false, as PyYAML does). Match the file being edited.
        public var indentSequencesInMappings: Bool = true

        /// Two-space indentation, sequences indented under their key.
        public static let `default` = Options()

        /// Options with the given indentation and sequence placement.
        public init(indent: Int = 2, indentSequencesInMappings: Bool = true) {
            self.indent = indent
            self.indentSequencesInMappings = indentSequencesInMappings
        }
    }

    /// What a value looks like after its indicator (`key:`, `-`, `?`).
    public struct EmittedValue: Hashable, Sendable {
        /// The part on the indicator's own line, without the separating space: a scalar
        /// (`'yes'`, `42`, `|-`), an alias, properties (`&a !custom`), the first line of a
        /// compact collection after `-` (`id: x`), `[]`/`{}`, or empty when nothing goes there
        /// (a null written as nothing, or a block collection that starts on the next line).
        public var sameLine: String
        /// The lines that follow, each indented to its absolute column and ending with a line
        /// break; empty for a one-line value.
        public var followingLines: String
        /// The text to append right after the indicator: the separator, `sameLine`, a line
        /// break, then `followingLines`. `"key:" + text` or `"-" + text` is complete YAML.
        public var text: String
    }

    /// The indicator a value follows in `emitValue`.
    public enum Indicator: Hashable, Sendable {
        /// The value of a mapping entry, after `key:`; a collection starts on the next line.
        case mappingValue
        /// A sequence item, after `-`; a collection without tag or anchor is written compactly.
        case sequenceItem
    }

    /// The layout options in use.
    public let options: Options

    /// An emitter with the given layout options.
    public init(options: Options = .default) {
        self.options = options
    }

    /// A whole document in block style, ending with a line break. A root collection with a tag or
    /// an anchor is preceded by `---` (the properties go on that line).
    public func emitDocument(_ node: YAMLNode) -> String {
        document(node, explicitStart: false)
    }

    /// Several documents, each after a `---` line, as one stream (empty text for no document).
    /// Anchors are per document, as in YAML.
    public func emitStream(_ documents: [YAMLNode]) -> String {
        documents.map { document($0, explicitStart: true) }.joined()
    }

    /// A value as it follows `key:` or `-` whose indicator stands at column `indentation`
    /// (0-based; the column of the key or of the `-`). Scalars stay on the indicator's line;
    /// block collections and block scalars' content go on the following lines, deeper than
    /// `indentation`.
    public func emitValue(_ node: YAMLNode, indentation: Int, after indicator: Indicator) -> EmittedValue {
        var writer = BlockWriter(options: options)
        let slot: BlockWriter.Slot = indicator == .mappingValue ? .mappingValue : .item
        let rendered = writer.render(node, parent: max(0, indentation), slot: slot)
        let separator = rendered.head.isEmpty ? "" : slot == .item ? writer.itemSeparator : " "
        let following = rendered.lines.map { $0 + "\n" }.joined()
        return EmittedValue(sameLine: rendered.head, followingLines: following,
                            text: separator + rendered.head + "\n" + following)
    }

    /// A whole mapping entry (`key: value` and the value's following lines) with its key at
    /// column `indentation`, to insert among the entries of a mapping at that column.
    public func emitMappingEntry(key: YAMLNode, value: YAMLNode, indentation: Int) -> String {
        var writer = BlockWriter(options: options)
        return writer.entry(YAMLPair(key: key, value: value), column: max(0, indentation)).map { $0 + "\n" }.joined()
    }

    /// A whole sequence item (`- item` and its following lines) with its `-` at column
    /// `indentation`, to insert among the items of a sequence at that column.
    public func emitSequenceItem(_ node: YAMLNode, indentation: Int) -> String {
        var writer = BlockWriter(options: options)
        return writer.item("-", node, column: max(0, indentation)).map { $0 + "\n" }.joined()
    }

    /// A scalar value on one line, written so that it reads back with the same meaning under
    /// YAML 1.2 core and YAML 1.1: `42`, `true`, `null`, `Sfax`, `'NO'`, `'01004'`,
    /// `"a\nb"`. Multi-line strings are double-quoted here (use `emitValue` for literal blocks).
    public func scalarText(_ value: ResolvedScalar) -> String {
        guard case .string(let text) = value else { return ScalarPresenter.canonical(value) }
        guard case .inline(let written) = ScalarPresenter(indent: 2).stringBody(text, checkCore: true, checkYAML11: true, allowBlock: false) else {
            return ScalarQuoting.doubleQuoted(text)
        }
        return written
    }

    private func document(_ node: YAMLNode, explicitStart: Bool) -> String {
        var writer = BlockWriter(options: options)
        let rendered = writer.render(node, parent: 0, slot: .document)
        let following = rendered.lines.map { $0 + "\n" }.joined()
        let isCollection: Bool
        switch node.content {
        case .sequence(let items, _): isCollection = !items.isEmpty
        case .mapping(let pairs, _): isCollection = !pairs.isEmpty
        default: isCollection = false
        }
        // Properties of a root block collection need a line of their own, and `---` makes that
        // line unmistakably the document's start.
        if explicitStart || (isCollection && !rendered.head.isEmpty) {
            return "---" + (rendered.head.isEmpty ? "" : " " + rendered.head) + "\n" + following
        }
        return (rendered.head.isEmpty ? "" : rendered.head + "\n") + following
    }
}
