/// Checks one record against its type's JSON Schema. The KB validator calls it from several
/// tasks at once, so an implementation must be safe to share (compile schemas up front).
public protocol RecordSchemaChecker: Sendable {
    /// Schema findings for the record (errors, and warnings such as schema-directed typing).
    func check(_ record: Record, type: RecordType) -> [Finding]
}
