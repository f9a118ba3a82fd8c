import ArgumentParser
import KaleidoQuery
import KaleidoYAML

/// `kaleido vocab [LIST]`: the vocabulary's lists (schemas/vocab.yaml), or one list's allowed
/// values with their labels in the run's language.
struct VocabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocab", abstract: Help.abstract("vocab"),
        discussion: Help.discussion("vocab"))

    @OptionGroup var kbOptions: KBOptions

    @Option(help: ArgumentHelp(Help.queryFormatOption))
    var format: QueryFormat = .table

    @Argument(help: ArgumentHelp(Help.option("vocab", "list"), valueName: "list"))
    var list: String?

    func run() async throws {
        try await reportingCLIErrors {
            let vocabulary = try kbOptions.workspace().vocabulary()
            let names = vocabulary.enumerations
            guard let list else {
                var table = ResultTable(columns: [Headers.list, Headers.values])
                table.rows = names.map { [$0, String(vocabulary.keys(of: $0).count)] }
                emit(table, json: .array(names.map { .object([("name", .string($0)), ("values", .int(vocabulary.keys(of: $0).count))]) }))
                return
            }
            guard names.contains(list) else {
                throw CLIError.usage(Messages.unknownVocabList(list, suggestion: Suggestion.closest(to: list, among: names)))
            }
            let keys = vocabulary.keys(of: list)
            var table = ResultTable(columns: [Headers.key, Headers.label])
            table.rows = keys.map { [$0, vocabulary.label(of: $0, in: list, language: Lang.labels) ?? ""] }
            emit(table, json: .array(keys.map { key in
                .object([("key", .string(key))] + Vocabulary.Language.allCases.map { language in
                    (language.rawValue, vocabulary.label(of: key, in: list, language: language).map(JSONWriter.Value.string) ?? .null)
                })
            }))
        }
    }

    private func emit(_ table: ResultTable, json: JSONWriter.Value) {
        switch format {
        case .table: print(table.renderTable(width: Terminal.width), terminator: "")
        case .csv: print(table.renderCSV(), terminator: "")
        case .markdown: print(table.renderMarkdown(), terminator: "")
        case .json: print(JSONWriter.pretty(json))
        }
    }
}
