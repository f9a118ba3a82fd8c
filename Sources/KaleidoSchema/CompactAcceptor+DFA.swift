/// A deterministic automaton over ASCII bytes, built once from a `SimpleRegex` program by
/// subset construction, answering exactly what `SimpleRegex.matches` answers for ASCII text
/// (non-ASCII text goes to the pattern's own engine).
///
/// Why: a schema pattern runs on most string values of every record (ids, dates, codes), and
/// the Pike VM walks its thread lists for each character of a `String`; here each byte is one
/// table lookup, on the bytes the document already holds.
///
/// A state is the set of the program's `.character` instructions waiting for the next byte,
/// with two flags: whether `.match` was reached with more input to come, and whether it would
/// be reached if the input ended here (through `$`). An unanchored pattern restarts at every
/// position, as the VM does, by adding the start's closure to every state.
struct AcceptorDFA: Sendable {
    /// Byte (0…127) → column.
    let columns: [UInt8]
    let columnCount: Int
    /// `transitions[state * columnCount + column]`: the next state.
    let transitions: [UInt16]
    let matchesNow: [Bool]
    let matchesAtEnd: [Bool]
    /// The state before any byte.
    let start: UInt16
    /// The empty state of an anchored pattern: no match can follow.
    let dead: UInt16?

    static let maxStates = 512

    /// Nil when the automaton would pass `maxStates`.
    init?(_ regex: SimpleRegex) {
        let program = regex.program
        // Bytes that every class of the program treats alike share a column.
        var signatures: [[Bool]: UInt8] = [:]
        var columns = [UInt8](repeating: 0, count: 128)
        var representatives: [UInt32] = []
        for byte in 0..<128 {
            let signature = regex.classes.map { $0.contains(UInt32(byte)) }
            if let column = signatures[signature] {
                columns[byte] = column
            } else {
                let column = UInt8(representatives.count)
                signatures[signature] = column
                columns[byte] = column
                representatives.append(UInt32(byte))
            }
        }
        let columnCount = representatives.count
        // Which columns each `.character` instruction takes.
        var takes = [Bool](repeating: false, count: program.count * columnCount)
        for (pc, instruction) in program.enumerated() {
            guard case .character(let set) = instruction else { continue }
            for (column, byte) in representatives.enumerated() where regex.classes[set].contains(byte) {
                takes[pc * columnCount + column] = true
            }
        }

        // Reachability is a union over the roots, so closures are computed per instruction
        // (memoized) and OR-ed: a state's threads are a bit set over the program, followed by
        // one word of flags (bit 0: a match with input left, bit 1: a match at the end).
        let words = (program.count + 63) / 64 + 1
        var memo: [[UInt64]?] = Array(repeating: nil, count: program.count + 1)
        func closure(of root: Int, atStart: Bool) -> [UInt64] {
            var result = [UInt64](repeating: 0, count: words)
            // Two walks: `$` passes only at the end of the input.
            for ending in [false, true] {
                var seen = [Bool](repeating: false, count: program.count)
                var stack = [root]
                while let pc = stack.popLast() {
                    guard !seen[pc] else { continue }
                    seen[pc] = true
                    switch program[pc] {
                    case .match: result[words - 1] |= ending ? 2 : 3
                    case .jump(let target): stack.append(target)
                    case .split(let first, let second): stack.append(contentsOf: [second, first])
                    case .assertStart: if atStart { stack.append(pc + 1) }
                    case .assertEnd: if ending { stack.append(pc + 1) }
                    case .character: if !ending { result[pc / 64] |= 1 << UInt64(pc % 64) }
                    }
                }
            }
            return result
        }
        func memoized(_ pc: Int) -> [UInt64] {
            if let known = memo[pc] { return known }
            let computed = closure(of: pc, atStart: false)
            memo[pc] = computed
            return computed
        }

        let restart = regex.anchoredAtStart ? nil : memoized(0)
        var stateIndex: [[UInt64]: UInt16] = [:]
        var states: [[UInt64]] = []
        var transitions: [UInt16] = []
        func intern(_ key: [UInt64]) -> UInt16? {
            if let index = stateIndex[key] { return index }
            guard states.count < Self.maxStates else { return nil }
            let index = UInt16(states.count)
            stateIndex[key] = index
            states.append(key)
            return index
        }
        // The start state: position 0, where `^` passes (the restart is this same closure).
        guard let startIndex = intern(closure(of: 0, atStart: true)) else { return nil }
        var next = 0
        while next < states.count {
            let threads = states[next]
            for column in 0..<columnCount {
                var target = restart ?? [UInt64](repeating: 0, count: words)
                for word in 0..<words - 1 {
                    var bits = threads[word]
                    while bits != 0 {
                        let pc = word * 64 + bits.trailingZeroBitCount
                        bits &= bits - 1
                        guard takes[pc * columnCount + column] else { continue }
                        let reached = memoized(pc + 1)
                        for index in 0..<words { target[index] |= reached[index] }
                    }
                }
                guard let state = intern(target) else { return nil }
                transitions.append(state)
            }
            next += 1
        }
        self.columns = columns
        self.columnCount = columnCount
        self.transitions = transitions
        matchesNow = states.map { $0[words - 1] & 1 != 0 }
        matchesAtEnd = states.map { $0[words - 1] & 2 != 0 }
        start = startIndex
        dead = regex.anchoredAtStart ? stateIndex[[UInt64](repeating: 0, count: words)] : nil
    }

    /// Whether the pattern matches somewhere in `bytes`; nil when they are not all ASCII.
    ///
    /// The tables are read through buffer pointers: every index is in range by construction
    /// (`columns` has 128 entries and is read only for ASCII bytes; the transitions lead only
    /// to states of the table), and this loop runs on every patterned scalar and key.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var state = Int(start)
        if bytes.isEmpty { return matchesAtEnd[state] }
        if matchesNow[state] { return true }
        let dead = self.dead.map { Int($0) } ?? -1
        let last = bytes.count - 1
        let columnCount = self.columnCount
        return columns.withUnsafeBufferPointer { columns in
            transitions.withUnsafeBufferPointer { transitions in
                matchesNow.withUnsafeBufferPointer { matchesNow -> Bool? in
                    for index in 0...last {
                        let byte = bytes[index]
                        guard byte < 0x80 else { return nil }
                        state = Int(transitions[state * columnCount + Int(columns[Int(byte)])])
                        if index == last { return matchesAtEnd[state] }
                        if matchesNow[state] { return true }
                        if state == dead { return false }
                    }
                    return false
                }
            }
        }
    }
}
