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

    indirect enum Node {
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
}
