/// A message about a place in a file, rendered like a compiler's:
///
///     knowledge/partners/tn-mun-sfax.yaml:7:10: error: duplicate key 'name' in this mapping
///       name: Sfax
///       ^
///
/// Used for YAML errors, schema violations, KB rules and merge conflicts alike: `rule` names
/// the check that produced it (a schema keyword, a KB rule id) when there is one.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// The file as the user should see it (a path relative to where they work).
    public var file: String
    /// Where the problem is; a mark with line 0 means "the whole file" (no source line shown).
    public var mark: SourceMark
    /// Whether it fails a check (`error`), advises (`warning`) or explains another (`note`).
    public var severity: Severity
    /// A sentence for a person, lowercase, that says what is wrong and what to do.
    public var message: String
    /// The check that produced the diagnostic (`required`, `kb.unique-id`), or nil.
    public var rule: String?

    /// A diagnostic; `rule` is nil when no named check produced it.
    public init(file: String, mark: SourceMark, severity: Severity, message: String, rule: String? = nil) {
        self.file = file
        self.mark = mark
        self.severity = severity
        self.message = message
        self.rule = rule
    }

    /// Source lines longer than this (in Unicode scalars) are shown as a window around the column.
    static let maxShownLine = 120

    /// The first line alone: `file:line:col: severity: message [rule]`.
    public var description: String {
        let position = mark.line > 0 ? "\(file):\(mark.line):\(mark.column):" : "\(file):"
        let suffix = rule.map { " [\($0)]" } ?? ""
        return "\(position) \(severity.rawValue): \(message)\(suffix)"
    }

    /// The full rendering: the first line, then the source line and a caret under the column
    /// when `source` (the file's bytes) holds that line. Tabs of the source line are kept in
    /// the caret line so that the caret aligns in a terminal; other characters count one
    /// column each (Unicode scalars, as `SourceMark.column`). No trailing newline.
    public func rendered(source: [UInt8]?) -> String {
        guard mark.line > 0, let source, let line = SourceMap.line(mark.line, in: source) else {
            return description
        }
        var scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        var column = mark.column
        // A very long line (minified flow, hostile input) is shown as a window around the column.
        if scalars.count > Self.maxShownLine {
            let start = max(0, min(column - 1 - Self.maxShownLine / 2, scalars.count - Self.maxShownLine))
            let end = min(scalars.count, start + Self.maxShownLine)
            let prefix: [Unicode.Scalar] = start > 0 ? ["…"] : []
            let suffix: [Unicode.Scalar] = end < scalars.count ? ["…"] : []
            scalars = prefix + scalars[start..<end] + suffix
            column = column - start + prefix.count
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        var caret = ""
        for (index, scalar) in scalars.enumerated() where index < column - 1 {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        let missing = column - 1 - scalars.count
        if missing > 0 { caret += String(repeating: " ", count: missing) }
        return "\(description)\n\(text)\n\(caret)^"
    }
}
