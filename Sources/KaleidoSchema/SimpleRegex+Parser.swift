extension SimpleRegex {
    /// A recursive-descent reader of the subset; nil from any method means "not in the subset".
    struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        /// Set on a malformed quantifier such as `{2,1}`.
        var failed = false

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func parseAlternation() -> Node? {
            var branches: [Node] = []
            guard let first = parseSequence() else { return nil }
            branches.append(first)
            while peek == "|" {
                position += 1
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
            }
            return branches.count == 1 ? first : .alternation(branches)
        }

        mutating func parseSequence() -> Node? {
            var nodes: [Node] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                guard var atom = parseAtom() else { return nil }
                if let (min, max) = parseQuantifier() {
                    if case .start = atom { return nil }
                    if case .end = atom { return nil }
                    atom = .repeated(atom, min: min, max: max)
                    if peek == "?" { position += 1 }  // lazy: same yes/no answer
                }
                nodes.append(atom)
            }
            return .sequence(nodes)
        }

        mutating func parseQuantifier() -> (Int, Int?)? {
            switch peek {
            case "*": position += 1; return (0, nil)
            case "+": position += 1; return (1, nil)
            case "?": position += 1; return (0, 1)
            case "{":
                let saved = position
                position += 1
                guard let min = parseNumber() else { position = saved; return nil }
                var max: Int? = min
                if peek == "," {
                    position += 1
                    max = peek == "}" ? nil : parseNumber()
                    if max == nil, peek != "}" { position = saved; return nil }
                }
                guard peek == "}" else { position = saved; return nil }
                position += 1
                if let max, max < min { failed = true; return nil }
                guard min <= 1000, (max ?? 0) <= 1000 else { failed = true; return nil }
                return (min, max)
            default: return nil
            }
        }

        mutating func parseNumber() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = peek, ("0"..."9").contains(scalar), digits < 6 {
                value = value * 10 + Int(scalar.value - 48)
                digits += 1
                position += 1
            }
            return digits == 0 ? nil : value
        }

        mutating func parseAtom() -> Node? {
            guard let scalar = peek else { return nil }
            position += 1
            switch scalar {
            case "^": return .start
            case "$": return .end
            case ".": return .characters(CharClass(ranges: [10...10, 13...13, 0x2028...0x2029], negated: true))
            case "(":
                if peek == "?" {
                    guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                    position += 2
                }
                guard let inner = parseAlternation(), peek == ")" else { return nil }
                position += 1
                return inner
            case "[": return parseClass().map(Node.characters)
            case "\\": return parseEscape(inClass: false).map(Node.characters)
            case "*", "+", "?", "{", "}", "]", ")": return nil
            default: return .characters(CharClass(ranges: [scalar.value...scalar.value]))
            }
        }

        mutating func parseClass() -> CharClass? {
            var set = CharClass()
            if peek == "^" {
                set.negated = true
                position += 1
            }
            while let scalar = peek, scalar != "]" {
                position += 1
                var low: UInt32
                if scalar == "\\" {
                    guard let escaped = parseEscape(inClass: true) else { return nil }
                    guard escaped.ranges.count == 1, !escaped.negated, let only = escaped.ranges.first, only.count == 1 else {
                        if escaped.negated { return nil }  // [\D] and friends: leave to Swift
                        set.ranges.append(contentsOf: escaped.ranges)
                        continue
                    }
                    low = only.lowerBound
                } else if scalar == "[" {
                    return nil
                } else {
                    low = scalar.value
                }
                if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                    position += 1
                    guard let end = peek else { return nil }
                    position += 1
                    var high = end.value
                    if end == "\\" {
                        guard let escaped = parseEscape(inClass: true), escaped.ranges.count == 1, let only = escaped.ranges.first,
                              only.count == 1 else { return nil }
                        high = only.lowerBound
                    }
                    guard low <= high else { return nil }
                    set.ranges.append(low...high)
                } else {
                    set.ranges.append(low...low)
                }
            }
            guard peek == "]" else { return nil }
            position += 1
            return set
        }

        static let space: [ClosedRange<UInt32>] = [9...13, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                                  0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF]
        static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]

        mutating func parseEscape(inClass: Bool) -> CharClass? {
            guard let scalar = peek else { return nil }
            position += 1
            func one(_ value: UInt32) -> CharClass { CharClass(ranges: [value...value]) }
            switch scalar {
            case "d": return CharClass(ranges: [48...57])
            case "D": return CharClass(ranges: [48...57], negated: true)
            case "w": return CharClass(ranges: Self.word)
            case "W": return CharClass(ranges: Self.word, negated: true)
            case "s": return CharClass(ranges: Self.space)
            case "S": return CharClass(ranges: Self.space, negated: true)
            case "n": return one(10)
            case "t": return one(9)
            case "r": return one(13)
            case "f": return one(12)
            case "v": return one(11)
            case "0": return peek.map { ("0"..."9").contains($0) } == true ? nil : one(0)
            case "u":
                guard position + 4 <= scalars.count,
                      let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16),
                      !(0xD800...0xDFFF).contains(value) else { return nil }
                position += 4
                return one(value)
            case "x":
                guard position + 2 <= scalars.count,
                      let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 2])), radix: 16) else { return nil }
                position += 2
                return one(value)
            default:
                // Escaped syntax characters are literals; any other escape is left to Swift.
                guard "^$\\.*+?()[]{}|/-".unicodeScalars.contains(scalar) else { return nil }
                return one(scalar.value)
            }
        }
    }
}
