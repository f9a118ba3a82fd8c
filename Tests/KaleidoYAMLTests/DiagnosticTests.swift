import Testing
@testable import KaleidoYAML

@Suite struct DiagnosticTests {
    @Test func rendersLikeACompiler() throws {
        let source = Array("id: tn-mun-sfax\nville: صفاقس\nnom: Sfax\nnom: Tunis\n".utf8)
        let error = try #require(throwing(source))
        let rendered = error.diagnostic(file: "knowledge/partners/tn-mun-sfax.yaml").rendered(source: source)
        #expect(rendered == """
            knowledge/partners/tn-mun-sfax.yaml:4:1: error: duplicate key 'nom' in this mapping (first at line 3, column 1); remove one of them
            nom: Tunis
            ^
            """)
    }

    @Test func caretCountsScalarsAndKeepsTabs() {
        let source = Array("# é\n\tvillé: \"صفاقس😀x\n".utf8)
        let diagnostic = Diagnostic(
            file: "f.yaml", mark: SourceMark(offset: 0, line: 2, column: 16), severity: .warning,
            message: "look here", rule: "kb.rule")
        #expect(diagnostic.rendered(source: source) == "f.yaml:2:16: warning: look here [kb.rule]\n\tvillé: \"صفاقس😀x\n\t              ^")
    }

    @Test func withoutAPositionOrSource() {
        let whole = Diagnostic(file: "f.yaml", mark: SourceMark(offset: 0, line: 0, column: 0), severity: .note, message: "m")
        #expect(whole.rendered(source: Array("a\n".utf8)) == "f.yaml: note: m")
        let noSource = Diagnostic(file: "f.yaml", mark: SourceMark(offset: 0, line: 3, column: 2), severity: .error, message: "m")
        #expect(noSource.rendered(source: nil) == "f.yaml:3:2: error: m")
    }

    @Test func longLinesAreShownAsAWindowAroundTheColumn() {
        let source = Array((String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300) + "\n").utf8)
        let diagnostic = Diagnostic(file: "f", mark: SourceMark(offset: 300, line: 1, column: 301), severity: .error, message: "m")
        let lines = diagnostic.rendered(source: source).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[1].unicodeScalars.count == Diagnostic.maxShownLine + 2)
        #expect(lines[1].hasPrefix("…a") && lines[1].hasSuffix("b…"))
        let caretColumn = lines[2].unicodeScalars.count
        #expect(Array(lines[1].unicodeScalars)[caretColumn - 1] == "X")
    }

    @Test func tabErrorPointsAtTheTabWithCRLF() throws {
        let source = Array("a:\r\n  b: 1\r\n\tc: 2\r\n".utf8)
        let error = try #require(throwing(source))
        #expect(error.diagnostic(file: "t.yaml").rendered(source: source) == "t.yaml:3:1: error: tabs cannot indent YAML; use spaces\n\tc: 2\n^")
    }

    private func throwing(_ bytes: [UInt8]) -> YAMLError? {
        do {
            _ = try YAMLParser().parseDocument(bytes)
            return nil
        } catch {
            return error
        }
    }
}
