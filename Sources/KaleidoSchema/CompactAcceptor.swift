public import KaleidoYAML

/// An accept-only schema check over a `CompactDocument`: the fast path in front of
/// `YAMLConversion` + `Validator.validate`.
///
/// `accepts` answers true only when the slow path — converting the document's tree with
/// `YAMLConversion`, then `validator.validate(conversion)` — would report no finding at all: no
/// conversion error, no schema error, and no schema-directed typing warning (a plain `01004` or
/// `true` where the schema wants a string). Whenever it cannot be sure it answers false, and
/// the caller runs the slow path, which gives the exact findings. So false is only a speed
/// loss; a wrong true would be a bug (tested against the slow path over the
/// JSON-Schema-Test-Suite and the sample KB).
///
/// How it stays fast: the schema graph is compiled once into flat tables (property names as
/// bytes in open-addressing tables, enums as byte strings, counts and flags per schema);
/// evaluation reads the document's flat arrays in place, builds no `JSONValue`, tracks no
/// instance path, keeps `unevaluatedProperties` annotations as a bit mask over member positions,
/// resolves scalars by the YAML 1.2 core schema on their bytes, and stops at the first failure.
///
/// What it declines (answers false for): `$dynamicRef` through a dynamic anchor, objects past 64
/// members where annotations are needed, `uniqueItems` past 256 items, mapping keys or schema
/// property names outside ASCII (Swift compares those by canonical equivalence), nesting past
/// 300 evaluations, a reference loop (the slow path reports it), and any plain scalar the schema
/// would read as a string.
///
/// A value type over an immutable compiled program: share it across threads freely.
public struct CompactAcceptor: Sendable {
    let program: AcceptorProgram

    /// Compiles `validator`'s schema graph into the acceptor's tables (once: keep the acceptor).
    public init(_ validator: Validator) {
        program = AcceptorProgram(validator)
    }

    /// Whether the slow path would find nothing at all to report for `document` (see the type's
    /// documentation); false also when the acceptor cannot tell.
    ///
    /// `document` is only read, but a `CompactDocument` is not thread-safe: call this from the
    /// task that owns it.
    public func accepts(_ document: CompactDocument) -> Bool {
        guard Self.convertsCleanly(document) else { return false }
        return withUnsafeTemporaryAllocation(of: (target: Int32, instance: Int).self, capacity: AcceptorRun.maxNesting + 1) { references in
            var run = AcceptorRun(program: program, document: document, references: references)
            var annotations = AcceptorAnnotations()
            let valid = run.evaluate(program.root, document.root, collect: false, &annotations)
            return valid && !run.declined
        }
    }

    /// Whether `YAMLConversion` turns the document into JSON without an error, and every mapping
    /// key is ASCII (so that comparing key bytes is exactly what Swift's `String ==`, canonical
    /// equivalence, does in the slow path).
    ///
    /// One pass over the scalars only (a mapping key is a scalar carrying the key flag), and
    /// their bytes are read only for plain scalars and keys: quoted values always convert.
    static func convertsCleanly(_ document: CompactDocument) -> Bool {
        let count = document.nodeCount
        // YAMLConversion refuses documents of more nodes than this.
        guard count > 0, count <= YAMLConversion.maxNodes else { return false }
        for node in 0..<count where document.kind(node) == .scalar {
            let isKey = document.isKey(node)
            // Only plain numbers can fail to convert (`.inf`, `.nan`, an exponent out of range).
            let plain = document.scalarStyle(node) == .plain
            guard isKey || plain else { continue }
            let clean = document.withScalarBytes(node) { bytes -> Bool in
                if isKey {
                    for byte in bytes where byte >= 0x80 { return false }
                }
                guard plain, let first = bytes.first else { return true }
                switch first {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                    return AcceptorScalar.classifyPlain(bytes) != .invalid
                default:
                    return true
                }
            }
            if !clean { return false }
        }
        return true
    }
}

extension Validator {
    /// The accept-only fast check of this validator's schema (compiles it: keep the result).
    public var compactAcceptor: CompactAcceptor { CompactAcceptor(self) }
}

/// What in-place subschemas evaluated, for `unevaluatedProperties` / `unevaluatedItems`: member
/// and item positions as bits (the acceptor declines past 64 where these are needed).
struct AcceptorAnnotations {
    var properties: UInt64 = 0
    var allProperties = false
    var items: UInt64 = 0
    var allItems = false
    var itemPrefix = 0

    mutating func merge(_ other: AcceptorAnnotations) {
        properties |= other.properties
        allProperties = allProperties || other.allProperties
        items |= other.items
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
    }
}
