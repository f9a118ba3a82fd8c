import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido atlas CLIENT`: a French authority's actions in the columns of the CNCD's Atlas
/// français de la coopération décentralisée, to send to the DCTCIV or compare with the Atlas.
struct AtlasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: Help.abstract("atlas"),
        discussion: Help.discussion("atlas"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("atlas", "client")))
    var client: String

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let record = try context.partner(client)
            let index = context.index
            let actions = Questions(index: index, today: context.today).atlasActions(client: record)
            if actions.isEmpty, context.format != .json {
                StandardError.write(context.words("Aucune action de \(index.title(record)) à déclarer dans l'Atlas.\n",
                                                  "No action of \(index.title(record)) for the Atlas.\n"))
            }
            var table = ResultTable(columns: [
                context.words("Collectivité française", "French authority"), context.words("Collectivité partenaire", "Partner authority"),
                context.words("Pays", "Country"), context.words("Intitulé", "Title"), context.words("Type d'action", "Kind of action"),
                context.words("Thématiques", "Themes"), context.words("Début", "Start"), context.words("Fin", "End"),
                context.words("Statut", "Status"), context.words("Fiche", "Record"),
            ])
            table.flexible = [3]
            func field(_ action: Questions.AtlasAction, _ key: String) -> String { index.value(action.project)[key]?.text ?? "" }
            table.rows = actions.map { action in
                [index.title(record), action.foreignPartners.map(index.title).joined(separator: "; "), action.countries.joined(separator: "; "),
                 index.title(action.project), context.label(field(action, "kind"), field: "project_kind", type: nil),
                 action.themes.map { context.label($0, field: "theme", type: nil) }.joined(separator: "; "),
                 field(action, "start"), field(action, "end"), context.label(field(action, "status"), field: "project_status", type: nil),
                 index.id(action.project)]
            }
            func list(_ items: [String]) -> String { JSONText.array(items.map(JSONText.quote)) }
            func text(_ value: String) -> String { value.isEmpty ? "null" : JSONText.quote(value) }
            context.emit(table, json: JSONText.array(actions.map { action in
                JSONText.object([("client", JSONText.quote(index.id(record))), ("partners", list(action.foreignPartners.map(index.id))),
                                 ("countries", list(action.countries)), ("title", JSONText.quote(index.title(action.project))),
                                 ("kind", JSONText.quote(field(action, "kind"))), ("themes", list(action.themes)),
                                 ("start", text(field(action, "start"))), ("end", text(field(action, "end"))),
                                 ("status", JSONText.quote(field(action, "status"))), ("record", JSONText.quote(index.id(action.project)))])
            }))
        }
    }
}
