/// Why a YAML file was rejected, and where.
///
/// `kind` is stable: callers match on it (`catch let error where error.kind == .duplicateKey`).
/// `message` is a sentence for a person (lowercase, compiler style) that says what to fix;
/// `mark` is the position the message is about. Render it with `diagnostic(file:)`.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable category of a YAML error.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The text is not YAML (libyaml's scanner or parser rejected it), tabs as indentation
        /// included.
        case syntax
        /// A mapping holds two keys with the same resolved value.
        case duplicateKey
        /// The bytes are not UTF-8; the message names the first bad byte's offset.
        case invalidUTF8
        /// Collections nest deeper than `YAMLLimits.maxDepth` (aliases expanded).
        case tooDeep
        /// The file is larger than `YAMLLimits.maxFileBytes`.
        case tooLarge
        /// One scalar is larger than `YAMLLimits.maxScalarBytes`.
        case scalarTooLarge
        /// Expanding aliases would produce more than `YAMLLimits.maxAliasExpansion` nodes.
        case aliasExpansion
        /// `*name` refers to no earlier `&name` in the same document.
        case undefinedAlias
        /// `*name` refers to the collection that contains it (a cycle).
        case recursiveAlias
        /// A record file holds zero or several documents where exactly one is required.
        case documentCount
        /// libyaml could not allocate memory.
        case outOfMemory
    }

    public var kind: Kind
    public var message: String
    /// Where the problem is (1-based line and column, byte offset).
    public var mark: SourceMark

    public init(_ kind: Kind, _ message: String, at mark: SourceMark) {
        self.kind = kind
        self.message = message
        self.mark = mark
    }

    public var description: String { "\(mark): error: \(message)" }

    /// The error as a compiler-style diagnostic about `file` (a path as the user wrote it).
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(file: file, mark: mark, severity: .error, message: message, rule: nil)
    }
}

/// Bounds that protect the parser against hostile input. The defaults are far above anything
/// a real record needs (records are a few kilobytes, a few levels deep, with few aliases) and
/// far below what would exhaust memory or the stack.
public struct YAMLLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// The deepest nesting of collections accepted, counting aliases as expanded.
    public var maxDepth: Int
    /// The largest scalar accepted, in UTF-8 bytes of its presented value.
    public var maxScalarBytes: Int
    /// The most nodes that expanding the aliases of one document may produce (billion laughs).
    public var maxAliasExpansion: Int

    public init(maxFileBytes: Int, maxDepth: Int, maxScalarBytes: Int, maxAliasExpansion: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// 16 MiB files, 256 levels, 4 MiB scalars, 100,000 nodes from aliases per document.
    public static let `default` = YAMLLimits(
        maxFileBytes: 16 << 20, maxDepth: 256, maxScalarBytes: 4 << 20, maxAliasExpansion: 100_000)
}
