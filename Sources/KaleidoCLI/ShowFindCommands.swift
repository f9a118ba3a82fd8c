import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido show ID`: a record, its references resolved to names, and what refers to it.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: Help.abstract("show"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("show", "id")))
    var id: String

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            guard let record = index.position(of: id) else {
                throw CLIError.usage(Messages.noRecord(id: id))
            }
            let value = index.value(record)
            let outgoing = index.references(from: record)
            let incoming = index.references(to: record)
            var table = ResultTable(columns: [Headers.field, Headers.value])
            table.flexible = [1]
            table.sections[0] = "\(index.title(record)) — \(context.typeLabel(index.type(record))) (\(index.file(record)))"
            for (key, field) in fieldPairs(value) {
                table.rows.append([key, displayed(field, key: key, type: index.type(record), context: context)])
            }
            let consolidated = index.type(record) == .convention ? ConsolidatedConvention(record: record, in: index) : nil
            if let consolidated { ConventionLifeRows(context: context, record: record, consolidated: consolidated).append(to: &table) }
            if !outgoing.isEmpty { table.sections[table.rows.count] = Headers.references }
            for link in outgoing {
                let name = link.target.map { index.title($0) } ?? Headers.notFound
                table.rows.append([link.field, "\(link.targetID) — \(name)"])
            }
            if !incoming.isEmpty { table.sections[table.rows.count] = Headers.referredToBy }
            for link in incoming {
                table.rows.append([link.relation, "\(index.id(link.source)) — \(index.title(link.source)) (\(link.field))"])
            }
            context.emit(table, json: Self.json(record, value: value, outgoing: outgoing, incoming: incoming, index: index,
                                                consolidated: consolidated.map { ConventionLifeRows(context: context, record: record, consolidated: $0).json() }))
        }
    }

    private func fieldPairs(_ value: QValue) -> [(String, QValue)] {
        guard case .map(let pairs) = value else { return [] }
        return pairs.map { ($0.key, $0.value) }
    }

    private func displayed(_ value: QValue, key: String, type: RecordType, context: QueryContext) -> String {
        switch value {
        case .string(let text): return context.label(text, field: key, type: type)
        case .list(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            return items.compactMap(\.text).map { context.label($0, field: key, type: type) }.joined(separator: ", ")
        default: return value.displayText
        }
    }

    static func json(_ record: Int, value: QValue, outgoing: [KBIndex.Link], incoming: [KBIndex.Link], index: KBIndex,
                     consolidated: String? = nil) -> String {
        let references = outgoing.map { link in
            JSONText.object([("field", JSONText.quote(link.field)), ("relation", JSONText.quote(link.relation)),
                             ("id", JSONText.quote(link.targetID)), ("title", link.target.map { JSONText.quote(index.title($0)) } ?? "null")])
        }
        let backReferences = incoming.map { link in
            JSONText.object([("id", JSONText.quote(index.id(link.source))), ("type", JSONText.quote(index.type(link.source).rawValue)),
                             ("title", JSONText.quote(index.title(link.source))), ("field", JSONText.quote(link.field)),
                             ("relation", JSONText.quote(link.relation))])
        }
        var pairs: [(String, String)] = [("record", JSONText.encode(value)), ("references", "[" + references.joined(separator: ", ") + "]"),
                                         ("referenced_by", "[" + backReferences.joined(separator: ", ") + "]")]
        if let consolidated { pairs.append(("consolidated", consolidated)) }
        return JSONText.object(pairs)
    }
}

/// `kaleido find TEXT`: ranked full-text search.
struct FindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: Help.abstract("find"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("find", "words")))
    var words: [String]

    @Option(help: ArgumentHelp(Help.option("find", "limit")))
    var limit = 50

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            guard limit > 0 else { throw CLIError.usage(Messages.badLimit(limit)) }
            let text = words.joined(separator: " ")
            let hits = FindQuery(text: text, limit: limit).run(on: index)
            if hits.isEmpty { StandardError.write(Messages.nothingMatches(text) + "\n") }
            var table = ResultTable(columns: ["Id", Headers.type, Headers.title, "Score"])
            table.flexible = [2]
            table.rows = hits.map { [index.id($0.record), context.typeLabel(index.type($0.record)), index.title($0.record), String($0.score)] }
            context.emit(table, json: JSONText.array(hits.map { hit in
                JSONText.object([("id", JSONText.quote(index.id(hit.record))), ("type", JSONText.quote(index.type(hit.record).rawValue)),
                                 ("title", JSONText.quote(index.title(hit.record))), ("score", String(hit.score))])
            }))
        }
    }
}
