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

    /// A negative number closing a state's key: its two flags.
    static func flagKey(now: Bool, atEnd: Bool) -> Int { -1 - (now ? 1 : 0) - (atEnd ? 2 : 0) }

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

        /// The `.character` instructions reachable from `pc` without consuming, and whether
        /// `.match` is reached with input left / at its end.
        func closure(_ roots: [Int], atStart: Bool) -> (Set<Int>, Bool, Bool) {
            var threads: Set<Int> = []
            var now = false
            var atEnd = false
            // Two walks: `$` passes only at the end of the input.
            for ending in [false, true] {
                var seen: Set<Int> = []
                var stack = roots
                while let pc = stack.popLast() {
                    guard seen.insert(pc).inserted else { continue }
                    switch program[pc] {
                    case .match:
                        if ending { atEnd = true } else { now = true }
                    case .jump(let target): stack.append(target)
                    case .split(let first, let second): stack.append(contentsOf: [second, first])
                    case .assertStart: if atStart { stack.append(pc + 1) }
                    case .assertEnd: if ending { stack.append(pc + 1) }
                    case .character: if !ending { threads.insert(pc) }
                    }
                }
            }
            return (threads, now, atEnd || now)
        }

        let restart = regex.anchoredAtStart ? nil : closure([0], atStart: false)
        var stateIndex: [[Int]: UInt16] = [:]
        var states: [ArraySlice<Int>] = []
        var now: [Bool] = []
        var atEnd: [Bool] = []
        var transitions: [UInt16] = []
        func intern(_ closure: (Set<Int>, Bool, Bool)) -> UInt16? {
            var threads = closure.0
            var matchNow = closure.1
            var matchAtEnd = closure.2
            if let restart {
                threads.formUnion(restart.0)
                matchNow = matchNow || restart.1
                matchAtEnd = matchAtEnd || restart.2
            }
            // The flags are part of the state: the same threads may come with different ones.
            let key = threads.sorted() + [Self.flagKey(now: matchNow, atEnd: matchAtEnd)]
            if let index = stateIndex[key] { return index }
            guard states.count < Self.maxStates else { return nil }
            let index = UInt16(states.count)
            stateIndex[key] = index
            states.append(key.dropLast())
            now.append(matchNow)
            atEnd.append(matchAtEnd)
            return index
        }
        // The start state: position 0, where `^` passes (no restart merged: it is the same closure).
        let initial = closure([0], atStart: true)
        let startIndex = UInt16(states.count)
        states.append(initial.0.sorted()[...])
        now.append(initial.1)
        atEnd.append(initial.2)
        var next = 0
        while next < states.count {
            let threads = states[next]
            for representative in representatives {
                var roots: [Int] = []
                for pc in threads {
                    if case .character(let set) = program[pc], regex.classes[set].contains(representative) { roots.append(pc + 1) }
                }
                guard let target = intern(closure(roots, atStart: false)) else { return nil }
                transitions.append(target)
            }
            next += 1
        }
        self.columns = columns
        self.columnCount = representatives.count
        self.transitions = transitions
        self.matchesNow = now
        self.matchesAtEnd = atEnd
        self.start = startIndex
        dead = regex.anchoredAtStart ? stateIndex[[Self.flagKey(now: false, atEnd: false)]] : nil
    }

    /// Whether the pattern matches somewhere in `bytes`; nil when they are not all ASCII.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var state = Int(start)
        if bytes.isEmpty { return matchesAtEnd[state] }
        if matchesNow[state] { return true }
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            state = Int(transitions[state * columnCount + Int(columns[Int(byte)])])
            if index == bytes.count - 1 { return matchesAtEnd[state] }
            if matchesNow[state] { return true }
            if let dead, state == Int(dead) { return false }
        }
        return false
    }
}
