/// The line-level part of `SourceFormatter`: CRLF to LF, no trailing spaces or tabs, a final
/// line break. Lines inside block scalars keep their trailing blanks (they are content there);
/// their CRLFs still become LF, which YAML reads the same.
enum LineCleanup {
    /// `bytes` cleaned, and the changes made. `blockScalars` are the byte ranges (indicator to
    /// the next non-blank byte) whose lines keep their trailing blanks.
    static func clean(_ bytes: [UInt8], blockScalars: [Range<Int>]) -> ([UInt8], [SourceFormatter.Change]) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        var crlf = 0
        var trimmed = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            var lineEnd = newline ?? bytes.count
            if newline != nil, lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") {
                lineEnd -= 1
                crlf += 1
            }
            var contentEnd = lineEnd
            // A line whose start lies after a block scalar's indicator is that scalar's content.
            let inBlockScalar = blockScalars.contains { lineStart > $0.lowerBound && lineStart < $0.upperBound }
            if !inBlockScalar {
                while contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: " ") || bytes[contentEnd - 1] == UInt8(ascii: "\t") {
                    contentEnd -= 1
                }
                if contentEnd < lineEnd { trimmed += 1 }
            }
            output += bytes[lineStart..<contentEnd]
            output.append(UInt8(ascii: "\n"))
            lineStart = (newline ?? bytes.count) + 1
        }
        var changes: [SourceFormatter.Change] = []
        if crlf > 0 { changes.append(.lineEnds(crlf)) }
        if trimmed > 0 { changes.append(.trailingSpaces(trimmed)) }
        if let last = bytes.last, last != UInt8(ascii: "\n") { changes.append(.finalNewline) }
        return (output, changes)
    }
}
