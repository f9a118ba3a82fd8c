import Foundation
import KaleidoYAML

/// Text with one `1️⃣` marker, as swift-format's tests write expected positions: the marker is
/// removed and its position (1-based line and column in Unicode scalars) is kept.
struct MarkedText {
    static let marker = "1️⃣"

    let text: String
    let line: Int
    let column: Int

    init(_ marked: String) {
        guard let range = marked.range(of: Self.marker) else {
            text = marked
            line = 0
            column = 0
            return
        }
        let before = marked[..<range.lowerBound]
        text = String(before) + marked[range.upperBound...]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        line = lines.count
        column = (lines.last?.unicodeScalars.count ?? 0) + 1
    }
}
