import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido participants EVT [--by country,sex,age_band] [--include-children]`: how many took
/// part, grouped as Erasmus+ and OFAJ reports ask.
struct ParticipantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants",
        abstract: Help.abstract("participants"),
        discussion: Help.discussion("participants"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("participants", "event")))
    var event: String

    @Option(help: ArgumentHelp(Help.option("participants", "by"), valueName: "list"))
    var by = "country,sex,age_band"

    @Flag(name: .customLong("include-children"), help: ArgumentHelp(Help.option("participants", "includeChildren")))
    var includeChildren = false

    func run() async throws {
        try await reportingCLIErrors {
            let dimensions = try by.split(separator: ",").map { name in
                let name = name.trimmingCharacters(in: .whitespaces)
                guard let dimension = ParticipantTally.Dimension(rawValue: name) else {
                    throw CLIError.usage(Messages.badParticipantsBy(name))
                }
                return dimension
            }
            guard !dimensions.isEmpty else { throw CLIError.usage(Messages.participantsByEmpty) }
            let context = try await options.context()
            let record = try EventLookup.event(event, index: context.index)
            let records = includeChildren ? EventLookup.withChildren(record, index: context.index) : [record]
            let tally = ParticipantTally(events: records.map(context.index.value), by: dimensions)
            if tally.leftOut > 0, context.format == .table {
                StandardError.write(context.words("\(tally.leftOut) inscription(s) absente(s) ou annulée(s) non comptée(s)\n",
                                                  "\(tally.leftOut) absent or cancelled registration(s) not counted\n"))
            }
            context.emit(Self.table(tally, context: context),
                         json: Self.json(tally, event: event, events: records.map(context.index.id)))
        }
    }

    static func header(_ dimension: ParticipantTally.Dimension, context: QueryContext) -> String {
        switch dimension {
        case .country: context.words("Pays", "Country")
        case .sex: context.words("Sexe", "Sex")
        case .ageBand: context.words("Tranche d'âge", "Age band")
        case .role: context.words("Rôle", "Role")
        case .fewerOpportunities: context.words("Moins d'opportunités", "Fewer opportunities")
        }
    }

    static func table(_ tally: ParticipantTally, context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: tally.dimensions.map { header($0, context: context) } + [context.words("Nombre", "Number")])
        for group in tally.groups {
            let cells = zip(tally.dimensions, group.values).map { dimension, value -> String in
                if value.isEmpty { return context.words("non renseigné", "not given") }
                switch dimension {
                case .country: return value
                case .fewerOpportunities: return value == "true" ? context.words("oui", "yes") : context.words("non", "no")
                case .role: return context.label(value, field: "registration_role", type: nil)
                default: return context.label(value, field: dimension.rawValue, type: nil)
                }
            }
            table.rows.append(cells + [String(group.number)])
        }
        table.rows.append(["Total"] + Array(repeating: "", count: tally.dimensions.count - 1) + [String(tally.total)])
        return table
    }

    static func json(_ tally: ParticipantTally, event: String, events: [String]) -> String {
        let groups = tally.groups.map { group in
            JSONText.object(zip(tally.dimensions, group.values).map { dimension, value in
                (dimension.rawValue, dimension == .fewerOpportunities ? value : value.isEmpty ? "null" : JSONText.quote(value))
            } + [("number", String(group.number))])
        }
        return JSONText.object([
            ("event", JSONText.quote(event)), ("events", JSONText.array(events.map(JSONText.quote))),
            ("by", JSONText.array(tally.dimensions.map { JSONText.quote($0.rawValue) })),
            ("groups", JSONText.array(groups)), ("total", String(tally.total)), ("left_out", String(tally.leftOut)),
        ])
    }
}

/// Finding an event and its children in the index.
enum EventLookup {
    /// The event with this id; anything else is a usage error.
    static func event(_ id: String, index: KBIndex) throws -> Int {
        guard let record = index.position(of: id) else {
            throw CLIError.usage(Messages.noEvent(id))
        }
        guard index.type(record) == .event else {
            throw CLIError.usage(Messages.notAnEvent(id, type: index.type(record).rawValue))
        }
        return record
    }

    /// The event, then its children (events whose `parent` is it) and theirs, each once.
    static func withChildren(_ record: Int, index: KBIndex) -> [Int] {
        var result = [record]
        var seen: Set<Int> = [record]
        var position = 0
        while position < result.count {
            let children = index.references(to: result[position])
                .filter { $0.field == "parent" && index.type($0.source) == .event }
                .map(\.source).sorted { index.id($0) < index.id($1) }
            for child in children where seen.insert(child).inserted { result.append(child) }
            position += 1
        }
        return result
    }
}
