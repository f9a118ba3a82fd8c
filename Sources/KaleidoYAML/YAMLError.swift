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

    /// What went wrong, for code to match on.
    public var kind: Kind
    /// What went wrong and what to do, for a person.
    public var message: String
    /// Where the problem is (1-based line and column, byte offset).
    public var mark: SourceMark

    /// An error of `kind` at `mark`; `message` follows the style above.
    public init(_ kind: Kind, _ message: String, at mark: SourceMark) {
        self.kind = kind
        self.message = message
        self.mark = mark
    }

    /// `line:column: error: message`.
    public var description: String { "\(mark): error: \(message)" }

    /// The error as a compiler-style diagnostic about `file` (a path as the user wrote it).
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(file: file, mark: mark, severity: .error, message: message, rule: nil)
    }
}
