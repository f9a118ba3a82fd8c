import KaleidoYAML

/// JSON equality over document nodes, for `enum`, `const` and `uniqueItems`: strings by bytes
/// (as `JSONValue ==`), numbers by exact value (`1 == 1.0`), objects whatever their key order.
extension AcceptorRun {
    /// `uniqueItems` is checked pairwise: past this many items the acceptor declines.
    static let maxUniqueItems = 256

    /// Whether the value is one of an enum's (or a const's) values.
    mutating func contains(_ strings: AcceptorProgram.Span, _ others: AcceptorProgram.Span, _ instance: Int,
                           _ kind: CompactDocument.Kind, _ scalar: AcceptorScalar) -> Bool
    {
        if kind == .scalar, scalar == .string {
            for name in strings.range where equalsName(instance, program.names[name]) { return true }
            return false
        }
        for position in others.range where equals(instance, program.others[position]) { return true }
        return false
    }

    /// Whether the items are pairwise distinct.
    mutating func uniqueItems(_ instance: Int, count: Int) -> Bool {
        guard count > 1 else { return true }
        guard count <= Self.maxUniqueItems else { return decline() }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { items -> Bool in
            var item = instance + 1
            for position in 0..<count {
                items[position] = item
                item = document.end(item)
            }
            for second in 1..<count {
                for first in 0..<second where equals(items[first], items[second]) { return false }
            }
            return !declined
        }
    }

    /// Whether two document nodes are equal JSON values.
    mutating func equals(_ lhs: Int, _ rhs: Int) -> Bool {
        let kind = document.kind(lhs)
        guard kind == document.kind(rhs), document.count(lhs) == document.count(rhs) else { return false }
        switch kind {
        case .scalar:
            let left = scalarClass(lhs)
            let right = scalarClass(rhs)
            let leftNumber = left == .integer || left == .float
            let rightNumber = right == .integer || right == .float
            if leftNumber && rightNumber {
                if sameBytes(lhs, rhs) { return true }
                guard let a = numberValue(lhs), let b = numberValue(rhs) else { return decline() }
                return a == b
            }
            guard left == right else { return false }
            return left != .string || sameBytes(lhs, rhs)
        case .sequence:
            var left = lhs + 1
            var right = rhs + 1
            let end = document.end(lhs)
            while left < end {
                if !equals(left, right) { return false }
                left = document.end(left)
                right = document.end(right)
            }
            return true
        case .mapping:
            // Keys are ASCII (checked up front): equal bytes are exactly equal strings.
            var key = lhs + 1
            let end = document.end(lhs)
            while key < end {
                let other = memberWithKey(of: rhs, like: key)
                if other < 0 || !equals(document.end(key), document.end(other)) { return false }
                key = document.end(document.end(key))
            }
            return true
        }
    }

    /// Whether a document node equals a schema's JSON value.
    mutating func equals(_ instance: Int, _ value: JSONValue) -> Bool {
        switch (document.kind(instance), value) {
        case (.scalar, _):
            switch (scalarClass(instance), value) {
            case (.string, .string(let text)):
                var text = text
                return text.withUTF8 { wanted in document.withScalarBytes(instance) { $0.elementsEqual(wanted) } }
            case (.null, .null): return true
            case (.isTrue, .bool(let flag)): return flag
            case (.isFalse, .bool(let flag)): return !flag
            case (.integer, .number(let number)), (.float, .number(let number)):
                guard let own = numberValue(instance) else { return decline() }
                return own == number
            default: return false
            }
        case (.sequence, .array(let items)):
            guard items.count == document.count(instance) else { return false }
            var item = instance + 1
            for expected in items {
                if !equals(item, expected) { return false }
                item = document.end(item)
            }
            return true
        case (.mapping, .object(let object)):
            guard object.count == document.count(instance) else { return false }
            var key = instance + 1
            let end = document.end(instance)
            while key < end {
                guard let expected = object[document.string(key)], equals(document.end(key), expected) else { return false }
                key = document.end(document.end(key))
            }
            return true
        default:
            return false
        }
    }

    /// Whether two scalars present the same bytes.
    func sameBytes(_ lhs: Int, _ rhs: Int) -> Bool {
        document.withScalarBytes(lhs) { left in document.withScalarBytes(rhs) { right in left.elementsEqual(right) } }
    }

    /// The key node of `mapping` whose text is `key`'s, or -1.
    func memberWithKey(of mapping: Int, like key: Int) -> Int {
        var candidate = mapping + 1
        let end = document.end(mapping)
        while candidate < end {
            if sameBytes(candidate, key) { return candidate }
            candidate = document.end(document.end(candidate))
        }
        return -1
    }
}
