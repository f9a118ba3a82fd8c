public import KaleidoYAML

/// Checks one record against its type's JSON Schema. The KB validator calls it from several
/// tasks at once, so an implementation must be safe to share (compile schemas up front).
public protocol RecordSchemaChecker: Sendable {
    /// Schema findings for the record (errors, and warnings such as schema-directed typing).
    func check(_ record: Record, type: RecordType) -> [Finding]
    /// Whether a record read by the fast path certainly has no schema finding (see the extension).
    func accepts(_ document: CompactDocument, type: RecordType) -> Bool
}

extension RecordSchemaChecker {
    /// Whether a record read by the fast path certainly has no schema finding (`check` would
    /// return nothing). False means "don't know": the caller then parses the tree and calls
    /// `check`. The default knows nothing.
    public func accepts(_ document: CompactDocument, type: RecordType) -> Bool { false }
}
