import KaleidoKB

/// One step of a conflict path: a mapping key, a keyed item (`[amel-b]`) or a position (`[2]`).
enum PathStep: Hashable {
    case key(String)
    case keyed(String)
    case index(Int)
}

/// Conflict paths as written in `_conflicts`, and schema hints looked up by path.
enum MergePath {
    /// `contacts[amel-b].phone`, `themes[2]`, `notes`; a key holding `.`, `[` or `]` (or empty)
    /// is written in double quotes so that the path stays readable back.
    static func text(_ path: [PathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key):
                let written = key.isEmpty || key.contains(where: { ".[]\"".contains($0) }) ? "\"" + key.replacing("\"", with: "\\\"") + "\"" : key
                text += text.isEmpty ? written : "." + written
            case .keyed(let key): text += "[" + key + "]"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "." : text
    }

    /// Splits a path written by `text` back into steps; `[n]` reads as a position, other
    /// bracketed text as a key value.
    static func steps(_ text: String) -> [PathStep] {
        guard text != "." else { return [] }
        var steps: [PathStep] = []
        var chars = Array(text)[...]
        while let first = chars.first {
            if first == "." { chars = chars.dropFirst(); continue }
            if first == "[" {
                let inner = chars.dropFirst().prefix(while: { $0 != "]" })
                chars = chars.dropFirst(inner.count + 2)
                if let index = Int(String(inner)) { steps.append(.index(index)) } else { steps.append(.keyed(String(inner))) }
                continue
            }
            if first == "\"" {
                var key = ""
                var rest = chars.dropFirst()
                while let char = rest.first, char != "\"" {
                    if char == "\\", rest.count > 1 { key.append(rest[rest.index(after: rest.startIndex)]); rest = rest.dropFirst(2); continue }
                    key.append(char)
                    rest = rest.dropFirst()
                }
                chars = rest.dropFirst()
                steps.append(.key(key))
                continue
            }
            let key = chars.prefix(while: { $0 != "." && $0 != "[" })
            chars = chars.dropFirst(key.count)
            steps.append(.key(String(key)))
        }
        return steps
    }

    /// The hint whose path designates `path` (items of any list match `[]`, any key matches `*`).
    static func hint(for path: [PathStep], in hints: [FieldHint]) -> FieldHint? {
        hints.first { hint in
            guard hint.path.count == path.count else { return false }
            for (step, pattern) in zip(path, hint.path) {
                switch (step, pattern) {
                case (.key(let key), .key(let expected)) where key == expected: continue
                case (.key, .anyKey): continue
                case (.keyed, .anyItem), (.index, .anyItem): continue
                default: return false
                }
            }
            return true
        }
    }
}
