/// A compiled `Validator` in the acceptor's form: one plain struct of indexes per schema, and
/// flat tables they point into (names as bytes, children, property hash tables, enum values).
///
/// Built once by `init(_:)` and never changed afterwards (hence `@unchecked Sendable`: the
/// regular expressions and formats it holds are immutable).
final class AcceptorProgram: @unchecked Sendable {
    /// A slice `start..<start + count` of one of the tables.
    struct Span {
        var start: Int32 = 0
        var count: Int32 = 0
        var range: Range<Int> { Int(start)..<Int(start) + Int(count) }
        var isEmpty: Bool { count == 0 }
    }

    struct Flags: OptionSet {
        let rawValue: UInt32
        static let alwaysTrue = Flags(rawValue: 1 << 0)
        static let alwaysFalse = Flags(rawValue: 1 << 1)
        /// Something the acceptor does not handle: evaluating this schema declines.
        static let unsupported = Flags(rawValue: 1 << 2)
        static let hasTypes = Flags(rawValue: 1 << 3)
        static let hasEnum = Flags(rawValue: 1 << 4)
        static let hasConst = Flags(rawValue: 1 << 5)
        static let uniqueItems = Flags(rawValue: 1 << 6)
        /// Has `unevaluatedProperties` or `unevaluatedItems`: in-place annotations are needed.
        static let needsAnnotations = Flags(rawValue: 1 << 7)
        static let objectKeywords = Flags(rawValue: 1 << 8)
        static let arrayKeywords = Flags(rawValue: 1 << 9)
        static let stringKeywords = Flags(rawValue: 1 << 10)
        static let combinators = Flags(rawValue: 1 << 11)
        /// The slow path may read a plain non-string scalar as a string here (`Evaluator.wantsString`).
        static let mayWantString = Flags(rawValue: 1 << 12)
        static let enumHasString = Flags(rawValue: 1 << 13)
        static let constIsString = Flags(rawValue: 1 << 14)
        /// properties, patternProperties, additionalProperties or propertyNames.
        static let propertyApplicators = Flags(rawValue: 1 << 15)
    }

    /// One schema. Every field is an index or a count (-1: the keyword is absent).
    struct Node {
        var flags: Flags = []
        var types = TypeSet()
        var ref: Int32 = -1
        var dynamicRef: Int32 = -1
        var minLength = -1, maxLength = -1, minItems = -1, maxItems = -1
        var minProperties = -1, maxProperties = -1, minContains = -1, maxContains = -1
        var numeric: Int32 = -1, pattern: Int32 = -1, format: Int32 = -1
        var enumStrings = Span(), enumOthers = Span(), constStrings = Span(), constOthers = Span()
        var required = Span(), dependentRequired = Span(), dependentSchemas = Span()
        var allOf = Span(), anyOf = Span(), oneOf = Span(), prefixItems = Span(), patternProperties = Span()
        var not: Int32 = -1, ifSchema: Int32 = -1, thenSchema: Int32 = -1, elseSchema: Int32 = -1
        var items: Int32 = -1, contains: Int32 = -1, additionalProperties: Int32 = -1, propertyNames: Int32 = -1
        var unevaluatedItems: Int32 = -1, unevaluatedProperties: Int32 = -1
        /// Index in `tables` of the `properties` hash table.
        var properties: Int32 = -1
    }

    /// A byte string of `bytes`, with its hash.
    struct Name {
        var start: Int32
        var count: Int32
        var hash: UInt32
    }

    /// One slot of an open-addressing property table (`name` -1: empty).
    struct Slot {
        var name: Int32 = -1
        var child: Int32 = -1
        var hash: UInt32 = 0
    }

    struct Table {
        var first: Int32
        var mask: UInt32
    }

    struct Dependency {
        var name: Int32
        var needed: Span
    }

    struct NamedChild {
        var name: Int32
        var child: Int32
    }

    struct PatternChild {
        var pattern: Int32
        var child: Int32
    }

    /// Numeric limits; when every one is an integer that fits an `Int` (`exact`), integers of up
    /// to 18 digits are checked on `Int`s without building a `JSONNumber`.
    final class Numeric: Sendable {
        let multipleOf: JSONNumber?
        let maximum: JSONNumber?
        let exclusiveMaximum: JSONNumber?
        let minimum: JSONNumber?
        let exclusiveMinimum: JSONNumber?
        let exact: (multipleOf: Int?, maximum: Int?, exclusiveMaximum: Int?, minimum: Int?, exclusiveMinimum: Int?)?

        init(_ schema: SchemaNode) {
            multipleOf = schema.multipleOf
            maximum = schema.maximum
            exclusiveMaximum = schema.exclusiveMaximum
            minimum = schema.minimum
            exclusiveMinimum = schema.exclusiveMinimum
            let limits = [multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum]
            if limits.allSatisfy({ $0 == nil || $0?.intValue != nil }) {
                exact = (multipleOf?.intValue, maximum?.intValue, exclusiveMaximum?.intValue, minimum?.intValue, exclusiveMinimum?.intValue)
            } else {
                exact = nil
            }
        }
    }

    /// A pattern: a byte automaton for ASCII text when the pattern is in `SimpleRegex`'s
    /// subset (where `ECMARegex` runs that matcher too), else `ECMARegex` itself.
    ///
    /// A class: reading one from the table then costs one retain, not a copy of its arrays.
    final class Pattern: Sendable {
        let regex: ECMARegex
        let dfa: AcceptorDFA?

        init(_ source: String, _ regex: ECMARegex) {
            self.regex = regex
            dfa = SimpleRegex(source).flatMap { AcceptorDFA($0) }
        }
    }

    let root: Int32
    /// The schemas, in memory this program owns (freed in `deinit`): evaluation reads a node
    /// through a pointer instead of copying its couple of hundred bytes out of an array on
    /// every call.
    let nodes: UnsafeMutablePointer<Node>
    let nodeCount: Int
    let bytes: [UInt8]
    let names: [Name]
    let children: [Int32]
    let slots: [Slot]
    let tables: [Table]
    let dependencies: [Dependency]
    let namedChildren: [NamedChild]
    let patternChildren: [PatternChild]
    let others: [JSONValue]
    let numerics: [Numeric]
    let patterns: [Pattern]
    let formats: [Format]

    init(_ validator: Validator) {
        var builder = AcceptorProgramBuilder(options: validator.options)
        root = builder.index(of: validator.root)
        builder.compileAll()
        nodeCount = builder.nodes.count
        nodes = UnsafeMutablePointer<Node>.allocate(capacity: max(nodeCount, 1))
        nodes.initialize(from: builder.nodes, count: nodeCount)
        bytes = builder.bytes
        names = builder.names
        children = builder.children
        slots = builder.slots
        tables = builder.tables
        dependencies = builder.dependencies
        namedChildren = builder.namedChildren
        patternChildren = builder.patternChildren
        others = builder.others
        numerics = builder.numerics
        patterns = builder.patterns
        formats = builder.formats
    }

    deinit {
        nodes.deinitialize(count: nodeCount)
        nodes.deallocate()
    }

    /// A hash of a property name for the open-addressing tables: its first and last eight
    /// bytes and its length, mixed by two multiplications (a byte-at-a-time hash costs a
    /// multiplication per byte on every key of every record; collisions only cost a compare).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        var first: UInt64 = 0
        var last: UInt64 = 0
        if count >= 8 {
            let raw = UnsafeRawPointer(base)
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            for index in 0..<count { first = first << 8 | UInt64(base[index]) }
        }
        var mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        mixed ^= mixed >> 29
        return UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }
}
