/// Where the validator finds the source text of plain YAML scalars (the schema-directed typing
/// hook): `YAMLConversion` (a tree walk, no strings built), or a dictionary keyed by JSON pointer.
public protocol PlainScalarSource: Sendable {
    /// Whether there is no plain scalar at all (the validator then skips every lookup).
    var isEmpty: Bool { get }
    /// The source text of the value at `path` when it was a plain scalar that resolved to a
    /// number, a boolean or null; nil otherwise.
    func plainText(at path: [JSONPointer.Token]) -> String?
}

extension Dictionary: PlainScalarSource where Key == String, Value == String {
    /// Looks the path up as a JSON pointer (`/commune`, `/names/0/value`).
    public func plainText(at path: [JSONPointer.Token]) -> String? {
        self[JSONPointer.string(path)]
    }
}
