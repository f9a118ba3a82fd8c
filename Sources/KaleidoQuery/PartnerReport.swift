public import KaleidoKB

/// A partner's history as a document for a client: the timeline, the conventions with their
/// financial commitments per year, the projects with their funding, and the people (name,
/// role, title and period only: no e-mail, phone or note).
public struct PartnerReport: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var table: ResultTable
    }

    public var title: String
    public var subtitle: String
    public var sections: [Section]

    /// Builds the report of `partner` from the index. `label` turns enumeration keys into
    /// display labels (`label(key, field, type)`).
    public init(partner: Int, index: KBIndex, today: CalendarDay, french: Bool,
                label: (String, String, RecordType?) -> String) {
        func words(_ fr: String, _ en: String) -> String { french ? fr : en }
        let value = index.value(partner)
        title = index.title(partner)
        let aliases = (value["names"]?.items ?? []).compactMap { $0["value"]?.text }
        subtitle = [label(value["kind"]?.text ?? "", "kind", .partner), value["country"]?.text ?? "", aliases.joined(separator: " · ")]
            .filter { !$0.isEmpty }.joined(separator: " — ") + " — " + words("au ", "as of ") + today.description
        let entries = HistoryQuery(partner: partner).run(on: index)

        var timeline = ResultTable(columns: [words("Dates", "Dates"), words("Type", "Type"), words("Intitulé", "Title"), words("Relation", "Relation")])
        var lastYear: Int?? = .none
        for entry in entries {
            if lastYear != .some(entry.year) {
                timeline.sections[timeline.rows.count] = entry.year.map(String.init) ?? words("Sans date", "Undated")
                lastYear = .some(entry.year)
            }
            timeline.rows.append([entry.interval.text, Vocabulary.typeLabel(entry.type, language: french ? .fr : .en), entry.title,
                                  Vocabulary.relationLabel(entry.relation, language: french ? .fr : .en)])
        }

        var conventions = ResultTable(columns: [words("Convention", "Agreement"), words("Statut", "Status"), words("Période", "Period"),
                                                words("Engagements par année", "Commitments per year")])
        for entry in entries where entry.type == .convention {
            let convention = index.value(entry.record)
            var perYear: [String: ExactDecimal] = [:]
            var currencies: [String: Set<String>] = [:]
            for commitment in convention["financial_commitments"]?.items ?? [] {
                guard let year = commitment["year"]?.text, let amount = commitment["amount"]?.text.flatMap(ExactDecimal.init) else { continue }
                perYear[year] = (perYear[year] ?? .zero) + amount
                currencies[year, default: []].insert(commitment["currency"]?.text ?? "")
            }
            let commitments = perYear.keys.sorted().map { year in
                "\(year): \(perYear[year]?.description ?? "") \(currencies[year]?.sorted().joined(separator: "+") ?? "")"
            }
            conventions.rows.append([entry.title, label(convention["status"]?.text ?? "", "status", .convention), entry.interval.text,
                                     commitments.isEmpty ? "—" : commitments.joined(separator: "; ")])
        }

        var projects = ResultTable(columns: [words("Projet", "Project"), words("Statut", "Status"), words("Période", "Period"),
                                             words("Financements", "Funding")])
        for entry in entries where entry.type == .project {
            let project = index.value(entry.record)
            let funding = (project["funding"]?.items ?? []).map { line -> String in
                let funder = line["funder"]?.text.flatMap(index.position(of:)).map(index.title) ?? line["funder"]?.text ?? ""
                let amount = line["amount_granted"]?.text ?? line["amount_requested"]?.text ?? ""
                return "\(funder) \(amount) \(line["currency"]?.text ?? "") (\(label(line["status"]?.text ?? "", "funding_status", nil)))"
            }
            projects.rows.append([entry.title, label(project["status"]?.text ?? "", "status", .project), entry.interval.text,
                                  funding.isEmpty ? "—" : funding.joined(separator: "; ")])
        }

        var people = ResultTable(columns: [words("Nom", "Name"), words("Fonction", "Position"), words("Rôle", "Role"), words("Période", "Period")])
        let partnerID = index.id(partner)
        for entry in entries where entry.type == .person {
            for affiliation in index.value(entry.record)["affiliations"]?.items ?? [] where affiliation["partner"]?.text == partnerID {
                let period = DateSpan(start: affiliation["from"]?.text.flatMap(PartialDate.init),
                                      end: affiliation["until"]?.text.flatMap(PartialDate.init))
                people.rows.append([entry.title, affiliation["title"]?.text ?? "", label(affiliation["role"]?.text ?? "", "person_role", nil),
                                    period.text])
            }
        }

        sections = [
            Section(title: words("Chronologie", "Timeline"), table: timeline),
            Section(title: words("Conventions", "Agreements"), table: conventions),
            Section(title: words("Projets et financements", "Projects and funding"), table: projects),
            Section(title: words("Interlocuteurs", "Contacts"), table: people),
        ]
    }

    /// The report as Markdown.
    public func markdown() -> String {
        var output = "# \(title)\n\n_\(subtitle)_\n"
        for section in sections {
            output += "\n## \(section.title)\n\n"
            output += section.table.rows.isEmpty ? "—\n" : section.table.renderMarkdown()
        }
        return output
    }

    /// The report as one self-contained HTML page: inline style, no script, no external resource.
    public func html() -> String {
        func escape(_ text: String) -> String {
            text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
        }
        var output = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
            h1{margin-bottom:.2rem}.subtitle{color:#555;margin-top:0}
            table{border-collapse:collapse;width:100%;margin:1rem 0}
            th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:start;vertical-align:top}
            th{background:#f3f3f3}tr.year td{font-weight:bold;background:#fafafa;padding-top:.8rem}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <p class="subtitle">\(escape(subtitle))</p>

            """
        for section in sections {
            output += "<section><h2>\(escape(section.title))</h2>\n"
            guard !section.table.rows.isEmpty else {
                output += "<p>—</p></section>\n"
                continue
            }
            output += "<table><thead><tr>" + section.table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for (index, row) in section.table.rows.enumerated() {
                if let heading = section.table.sections[index] {
                    output += "<tr class=\"year\"><td colspan=\"\(section.table.columns.count)\">\(escape(heading))</td></tr>\n"
                }
                output += "<tr>" + row.map { "<td dir=\"auto\">\(escape($0))</td>" }.joined() + "</tr>\n"
            }
            output += "</tbody></table></section>\n"
        }
        return output + "</body></html>\n"
    }
}
