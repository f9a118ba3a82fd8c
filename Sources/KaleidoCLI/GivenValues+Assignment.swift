import KaleidoWorkspace

extension GivenValues {
    /// Adds `key=value` text (`--set`). Throws a usage error for a malformed assignment, a
    /// field the type does not have, a path given twice, or a value for `id` or `type` (they
    /// are the command's arguments).
    mutating func add(assignment: String, record: FieldShape, outline: SchemaOutline, typeName: String) throws {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            throw CLIError.usage(Messages.badSet(assignment))
        }
        let path = assignment[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try add(path: path, text: String(assignment[assignment.index(after: equals)...]), record: record, outline: outline, typeName: typeName)
    }
}
