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

    /// Limits of your own (tests, benchmarks, a trusted bulk import); prefer `.default`.
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
