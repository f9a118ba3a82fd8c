import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace
import KaleidoYAML

#if canImport(Glibc)
import Glibc
#endif

/// The output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}

/// Options every query command shares: the KB, the output format and the label language.
struct QueryOptions: ParsableArguments {
    @OptionGroup var kbOptions: KBOptions

    @Option(help: ArgumentHelp(Help.queryFormatOption))
    var format: QueryFormat = .table

    @Option(help: ArgumentHelp(Help.csvOption))
    var csv: CSVDialect = .rfc4180

    @Flag(name: .customLong("cache-info"), help: .hidden)
    var cacheInfo = false

    /// `fr` or `en`: for commands written before `--lang` became global (`Lang`, which takes it
    /// out of the arguments before parsing, so an option of this type never receives a value).
    enum Language: String, ExpressibleByArgument, CaseIterable { case fr, en }

    /// The CSV flavours: RFC 4180 as is, or what French Excel opens in columns.
    enum CSVDialect: String, ExpressibleByArgument, CaseIterable {
        case rfc4180 = "rfc4180"
        case excelFR = "excel-fr"
    }

    /// Opens the KB and its index (from the cache when it is up to date).
    func context() async throws -> QueryContext {
        var context = try await Self.context(kbOptions: kbOptions, format: format, cacheInfo: cacheInfo)
        context.csvDialect = csv
        return context
    }

    /// The same, for commands written before the catalogue: `lang` is ignored, the run's
    /// language (`Lang.current`) decides.
    static func context(kbOptions: KBOptions, lang: Language, format: QueryFormat, cacheInfo: Bool) async throws -> QueryContext {
        try await context(kbOptions: kbOptions, format: format, cacheInfo: cacheInfo)
    }

    static func context(kbOptions: KBOptions, format: QueryFormat, cacheInfo: Bool) async throws -> QueryContext {
        let workspace = try kbOptions.workspace()
        let kb = workspace.kb
        let (index, outcome) = try await workspace.indexStore().load()
        if cacheInfo { StandardError.write("index: \(outcome)\n") }
        let vocabulary = workspace.vocabulary()
        return QueryContext(kb: kb, index: index, today: try kbOptions.today(), vocabulary: vocabulary,
                            language: Lang.labels, format: format)
    }
}

/// Everything a query command works with once the KB is open.
struct QueryContext {
    let kb: KnowledgeBase
    let index: KBIndex
    let today: CalendarDay
    let vocabulary: Vocabulary
    let language: Vocabulary.Language
    let format: QueryFormat
    var csvDialect: QueryOptions.CSVDialect = .rfc4180
    /// French Excel's CSV: numbers with a decimal comma.
    var isExcelFR: Bool { format == .csv && csvDialect == .excelFR }

    /// Prints a result: the table in the chosen text format, or `json` for `--format json`
    /// (only the one printed is built: labels and JSON both cost on large results).
    func emit(_ table: @autoclosure () -> ResultTable, json: @autoclosure () -> String) {
        switch format {
        case .table: print(table().renderTable(width: Terminal.width), terminator: "")
        case .csv: print(isExcelFR ? table().renderCSV(delimiter: ";", byteOrderMark: true) : table().renderCSV(), terminator: "")
        case .markdown: print(table().renderMarkdown(), terminator: "")
        case .json: print(json())
        }
    }

    /// A partner from an id, name or alias; an unknown or ambiguous name is a usage error
    /// that lists what the user can type instead.
    func partner(_ query: String) throws -> Int {
        switch PartnerResolver(index: index).resolve(query) {
        case .found(let record): return record
        case .ambiguous(let records):
            let lines = records.map { "  \(index.id($0))  \(index.title($0)) (\(index.value($0)["country"]?.text ?? "?"))" }
            throw CLIError.usage(Messages.partnerAmbiguous(query, lines: lines))
        case .notFound:
            throw CLIError.usage(Messages.partnerNotFound(query))
        }
    }

    /// A label for an enumeration key of `field`.
    func label(_ key: String, field: String, type: RecordType?) -> String {
        vocabulary.label(key, field: field, type: type, language: language, anyEnumeration: !isExcelFR)
    }

    func typeLabel(_ type: RecordType) -> String { Vocabulary.typeLabel(type, language: language) }

    /// A label in the run's language (`Lang`): for headers, use `Headers`.
    func words(_ french: String, _ english: String) -> String { Lang.pick(fr: french, en: english) }
}

/// The terminal's width: `COLUMNS`, else the tty's, else wide enough never to cut (pipes).
enum Terminal {
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 20 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 400
    }
}

/// Durations written as `6m`, `60d`, `2w`, `3y`.
enum Duration {
    static func add(_ text: String, to day: CalendarDay, backwards: Bool = false) throws -> CalendarDay {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else {
            throw CLIError.usage(Messages.badDuration(text))
        }
        let sign = backwards ? -1 : 1
        switch unit {
        case "d": return day.adding(days: sign * amount)
        case "w": return day.adding(days: sign * 7 * amount)
        case "m": return day.adding(months: sign * amount)
        case "y": return day.adding(months: sign * 12 * amount)
        default: throw CLIError.usage(Messages.badDuration(text))
        }
    }
}

/// Date parsing for options.
enum DateOption {
    static func parse(_ text: String?, option: String) throws -> PartialDate? {
        guard let text else { return nil }
        guard let date = PartialDate(text) else { throw CLIError.usage(Messages.badPartialDate(option: option, text)) }
        return date
    }

    /// A date as written (`2011`, `2011-09`, `2011-09-22`) in JSON, `null` when absent.
    static func json(_ date: PartialDate?) -> String { date.map { JSONText.quote($0.written) } ?? "null" }
}
