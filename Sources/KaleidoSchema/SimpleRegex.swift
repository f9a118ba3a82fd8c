/// A linear-time matcher for the common subset of ECMA-262 patterns: literals, `.`, classes
/// (`[a-z]`, `[^…]`, `\d \w \s` and their negations), groups `(…)` / `(?:…)`, alternation,
/// the quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy: the same for a yes/no answer), and
/// the anchors `^ $`.
///
/// Why: schema patterns are almost all of this kind, and Swift's `Regex` costs microseconds per
/// match, which dominated record validation. This is a Pike VM (Thompson NFA simulation, as in
/// Russ Cox's "Regular Expression Matching: the Virtual Machine Approach"): no backtracking, so
/// no catastrophic pattern, O(pattern × text) always. Anything outside the subset
/// (backreferences, lookaround, `\p{…}`, `\b`…) returns nil from `init` and goes to Swift's
/// engine. Works on Unicode scalars, as ECMA-262 does with the `u` flag.
struct SimpleRegex: Sendable {
    struct CharClass: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var negated = false
        /// Membership of the 128 ASCII scalars, negation applied (filled by `finalized`).
        var asciiLow: UInt64 = 0
        var asciiHigh: UInt64 = 0

        func finalized() -> CharClass {
            var copy = self
            for value in UInt32(0)..<128 where slowContains(value) {
                if value < 64 { copy.asciiLow |= 1 << UInt64(value) } else { copy.asciiHigh |= 1 << UInt64(value - 64) }
            }
            return copy
        }

        @inline(__always)
        func contains(_ value: UInt32) -> Bool {
            if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
            if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
            return slowContains(value)
        }

        func slowContains(_ value: UInt32) -> Bool {
            var found = false
            for range in ranges where range.contains(value) {
                found = true
                break
            }
            return found != negated
        }
    }

    enum Instruction: Sendable {
        /// A scalar of `classes[index]`.
        case character(Int)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    private indirect enum Node {
        case characters(CharClass)
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)
        case start
        case end
    }

    let program: [Instruction]
    let classes: [CharClass]
    let anchoredAtStart: Bool

    static let maxInstructions = 4000

    /// Nil when the pattern uses anything outside the subset (or would compile too large).
    init?(_ pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let tree = parser.parseAlternation(), !parser.failed, parser.position == parser.scalars.count else { return nil }
        var program: [Instruction] = []
        var classes: [CharClass] = []
        guard Self.emit(tree, into: &program, classes: &classes) else { return nil }
        program.append(.match)
        self.program = program
        self.classes = classes
        if case .sequence(let nodes) = tree, case .start? = nodes.first { anchoredAtStart = true } else { anchoredAtStart = false }
    }

    private static func emit(_ node: Node, into program: inout [Instruction], classes: inout [CharClass]) -> Bool {
        guard program.count < maxInstructions else { return false }
        switch node {
        case .characters(let set):
            classes.append(set.finalized())
            program.append(.character(classes.count - 1))
        case .start: program.append(.assertStart)
        case .end: program.append(.assertEnd)
        case .sequence(let nodes):
            for child in nodes where !emit(child, into: &program, classes: &classes) { return false }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    guard emit(branch, into: &program, classes: &classes) else { return false }
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    guard emit(branch, into: &program, classes: &classes) else { return false }
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeated(let child, let min, let max):
            for _ in 0..<min where !emit(child, into: &program, classes: &classes) { return false }
            if let max {
                // Each optional copy may be skipped to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    guard emit(child, into: &program, classes: &classes) else { return false }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, 0))
                guard emit(child, into: &program, classes: &classes) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return program.count < maxInstructions
    }

    /// Whether the pattern matches somewhere in `text`.
    ///
    /// The thread lists, marks and stack live in one stack-allocated buffer (no heap allocation
    /// per match): each state enters a list at most once per step, and the stack holds at most
    /// two entries per state visited.
    func matches(_ text: String) -> Bool {
        let count = program.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * count + 2) { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            let marks = base
            var current = base + count
            var next = base + 2 * count
            let stack = base + 3 * count
            for index in 0..<count { marks[index] = -1 }
            var currentCount = 0
            var nextCount = 0
            var generation = 0
            var position = 0
            var scalars = text.unicodeScalars.makeIterator()
            var upcoming = scalars.next()

            /// Follows jumps, splits and anchors from `pc`; true when `.match` is reached.
            func add(_ pc: Int, atEnd: Bool, to list: UnsafeMutablePointer<Int>, count listCount: inout Int) -> Bool {
                var depth = 0
                stack[0] = pc
                depth = 1
                while depth > 0 {
                    depth -= 1
                    let pc = stack[depth]
                    if marks[pc] == generation { continue }
                    marks[pc] = generation
                    switch program[pc] {
                    case .match: return true
                    case .jump(let target):
                        stack[depth] = target
                        depth += 1
                    case .split(let first, let second):
                        stack[depth] = second
                        stack[depth + 1] = first
                        depth += 2
                    case .assertStart:
                        if position == 0 { stack[depth] = pc + 1; depth += 1 }
                    case .assertEnd:
                        if atEnd { stack[depth] = pc + 1; depth += 1 }
                    case .character:
                        list[listCount] = pc
                        listCount += 1
                    }
                }
                return false
            }

            while true {
                let atEnd = upcoming == nil
                if position == 0 || !anchoredAtStart {
                    if add(0, atEnd: atEnd, to: current, count: &currentCount) { return true }
                }
                guard let scalar = upcoming, currentCount > 0 || !anchoredAtStart else { return false }
                let value = scalar.value
                upcoming = scalars.next()
                position += 1
                generation += 1
                nextCount = 0
                for index in 0..<currentCount {
                    let pc = current[index]
                    if case .character(let set) = program[pc], classes[set].contains(value) {
                        if add(pc + 1, atEnd: upcoming == nil, to: next, count: &nextCount) { return true }
                    }
                }
                swap(&current, &next)
                currentCount = nextCount
            }
        }
    }

    // MARK: Parsing

    private struct Parser {
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
