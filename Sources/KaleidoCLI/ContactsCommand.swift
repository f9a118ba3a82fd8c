import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido contacts PARTNER [--role ROLE] [--on DATE]`: who held which role at a partner.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: Help.abstract("contacts"),
        discussion: Help.discussion("contacts"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("contacts", "partner")))
    var partner: String

    @Option(help: ArgumentHelp(Help.option("contacts", "role"), valueName: "role"))
    var role: String?

    @Option(help: ArgumentHelp(Help.option("contacts", "on"), valueName: "date"))
    var on: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            let record = try context.partner(partner)
            let period = try DateOption.parse(on, option: "--on").map { DateInterval(start: $0, end: $0) }
                ?? DateInterval(from: context.today, to: context.today)
            let roleKey = try role.map { try Self.roleKey($0, context: context) }
            let contacts = Questions(index: index, today: context.today).contacts(of: record, role: roleKey, during: period)
            context.announcePartner(record, query: partner)
            if contacts.isEmpty, context.format != .json {
                let when = on ?? context.today.description
                let role = roleKey.map { context.label($0, field: "role", type: .person) }
                StandardError.write(Messages.noContact(role: role, partner: index.title(record), on: when) + "\n")
            }
            context.emit(Self.table(contacts, context: context), json: Self.json(contacts, index: index))
        }
    }

    /// A role typed by the user as the key it stands for: the key itself, or a label in either
    /// language, ignoring case and accents, whole or by the starts of its words ("chargé de
    /// mission" for "Chargé·e de mission relations internationales"). Any key is accepted when
    /// vocab.yaml lists no roles.
    static func roleKey(_ text: String, context: QueryContext) throws -> String {
        let keys = context.vocabulary.keys(of: "person_role")
        if keys.isEmpty || keys.contains(text) { return text }
        let folded = TextFold.fold(text)
        let words = folded.split(separator: " ")
        var matching: [String] = []
        for key in keys {
            let labels = Vocabulary.Language.allCases.map { TextFold.fold(context.vocabulary.label(key, field: "role", type: .person, language: $0)) }
            if labels.contains(folded) { return key }
            let matches = labels.contains { label in
                let labelWords = label.split(separator: " ")
                return words.allSatisfy { word in labelWords.contains { $0.hasPrefix(word) } }
            }
            if !words.isEmpty, matches { matching.append(key) }
        }
        if matching.count == 1 { return matching[0] }
        let choices = (matching.isEmpty ? keys : matching).map { "  \($0)  \(context.label($0, field: "role", type: .person))" }
        throw CLIError.usage(Messages.roleProblem(text, several: !matching.isEmpty, choices: choices))
    }

    static func table(_ contacts: [Questions.Contact], context: QueryContext) -> ResultTable {
        let index = context.index
        var table = ResultTable(columns: [Headers.role, Headers.name, Headers.function,
                                          Headers.from, Headers.until, "Id"])
        table.flexible = [2]
        table.rows = contacts.map { contact in
            [context.label(contact.role, field: "role", type: .person),
             index.title(contact.person) + (contact.optOut ? context.words(" (ne pas contacter)", " (do not contact)") : ""), contact.title ?? "",
             contact.from?.written ?? "", contact.until?.written ?? "", index.id(contact.person)]
        }
        return table
    }

    static func json(_ contacts: [Questions.Contact], index: KBIndex) -> String {
        JSONText.array(contacts.map { contact in
            JSONText.object([
                ("id", JSONText.quote(index.id(contact.person))), ("full_name", JSONText.quote(index.title(contact.person))),
                ("role", JSONText.quote(contact.role)), ("title", contact.title.map(JSONText.quote) ?? "null"),
                ("from", DateOption.json(contact.from)), ("until", DateOption.json(contact.until)),
                ("primary", contact.primary ? "true" : "false"), ("opt_out", contact.optOut ? "true" : "false"),
            ])
        })
    }
}
