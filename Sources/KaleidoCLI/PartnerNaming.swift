import KaleidoQuery

extension QueryContext {
    /// Says which partner `query` was resolved to (by `partner(_:)`), so that the user sees which one
    /// was chosen: `Partner: tn-mun-sfax — Municipalité de Sfax`, and the other partners the
    /// words also match (`also matches: tn-gouv-sfax (Gouvernorat de Sfax); pass the id to
    /// choose`). Printed before the table on standard output for the terminal table; on standard
    /// error for CSV, Markdown and JSON, and whenever `document` is set (a report for a client),
    /// so that machine-read output stays as it was. Called once the other options are checked:
    /// a usage error leaves standard output empty.
    func announcePartner(_ record: Int, query: String, document: Bool = false) {
        var lines = [words("Partenaire : ", "Partner: ") + "\(index.id(record)) — \(index.title(record))"]
        let others = PartnerResolver(index: index).otherCandidates(query, chosen: record)
        if !others.isEmpty {
            let shown = others.prefix(5).map { "\(index.id($0)) (\(index.title($0)))" } + (others.count > 5 ? ["…"] : [])
            lines.append(words("  correspond aussi à : ", "  also matches: ") + shown.joined(separator: ", ")
                         + words(" ; donnez l'id pour choisir", "; pass the id to choose"))
        }
        let text = lines.joined(separator: "\n") + "\n"
        if format == .table && !document {
            print(text)
        } else {
            StandardError.write(text)
        }
    }
}
