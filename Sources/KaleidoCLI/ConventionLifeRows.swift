import KaleidoKB
import KaleidoQuery

/// What `kaleido show CONV` adds for a convention: the consolidated convention (its end and
/// commitments after the avenants, with which avenant changed what), each French party's
/// transmission to its préfet, and the termination.
struct ConventionLifeRows {
    let context: QueryContext
    let record: Int
    let consolidated: ConsolidatedConvention

    private var questions: Questions { Questions(index: context.index, today: context.today) }

    /// The section's words, in one place for the message catalogue.
    private func words(_ french: String, _ english: String) -> String { context.words(french, english) }

    func append(to table: inout ResultTable) {
        let index = context.index
        table.sections[table.rows.count] = words("Convention consolidée (avenants appliqués par date de signature)",
                                                 "Consolidated convention (avenants applied by signature date)")
        table.rows.append([words("avenants appliqués", "avenants applied"), consolidated.applied.isEmpty ? "—" : consolidated.applied.joined(separator: ", ")])
        if !consolidated.pending.isEmpty {
            table.rows.append([words("avenants non signés", "avenants not signed"), consolidated.pending.joined(separator: ", ")])
        }
        if let end = consolidated.end {
            var text = end.written
            if let avenant = consolidated.endChangedBy {
                text += words(" (modifiée par \(avenant) ; initialement \(consolidated.originalEnd?.written ?? "—"))",
                              " (changed by \(avenant); originally \(consolidated.originalEnd?.written ?? "—"))")
            }
            table.rows.append(["effective_until", text])
        }
        for line in consolidated.commitments {
            let key = "\(line.year) \(line.party) \(context.label(line.nature, field: "nature", type: .convention))"
            var text = "\(line.amount) \(line.currency)"
            if line.amended { text += " (" + line.history.map(describe).joined(separator: " ; ") + ")" }
            table.rows.append([key, text])
        }
        for transmission in questions.transmissions(of: record) {
            let party = index.id(transmission.party)
            let text = transmission.date.map { date in
                [date.written, transmission.prefecture, transmission.receipt.map { words("AR \($0)", "receipt \($0)") }].compactMap { $0 }.joined(separator: ", ")
            } ?? words("non transmise : pas exécutoire pour cette partie", "not sent: not executory for this party")
            table.rows.append([words("transmission \(party)", "transmission \(party)"), text])
        }
        let inForce = questions.isInForce(record, on: context.today)
        let missing = questions.transmissions(of: record).filter { $0.date == nil }.map { index.id($0.party) }.joined(separator: ", ")
        let answer = !inForce ? words("non", "no")
            : missing.isEmpty ? words("oui", "yes") : words("d'après ses dates, mais pas exécutoire pour \(missing)", "by its dates, but not executory for \(missing)")
        table.rows.append([words("en vigueur le \(context.today)", "in force on \(context.today)"), answer])
    }

    private func describe(_ change: ConsolidatedConvention.Change) -> String {
        switch change.operation {
        case .original: "\(change.source) \(change.amount)"
        case .added: "\(change.source) " + (change.amount < .zero ? "\(change.amount)" : "+\(change.amount)")
        case .replaced: words("\(change.source) remplace par \(change.amount)", "\(change.source) replaces with \(change.amount)")
        }
    }

    func json() -> String {
        let index = context.index
        let lines = consolidated.commitments.map { line in
            JSONText.object([
                ("party", JSONText.quote(line.party)), ("year", String(line.year)), ("nature", JSONText.quote(line.nature)),
                ("currency", JSONText.quote(line.currency)), ("amount", line.amount.description),
                ("history", JSONText.array(line.history.map { change in
                    JSONText.object([("source", JSONText.quote(change.source)), ("operation", JSONText.quote(change.operation.rawValue)),
                                     ("amount", change.amount.description)])
                })),
            ])
        }
        let transmissions = questions.transmissions(of: record).map { item in
            JSONText.object([("party", JSONText.quote(index.id(item.party))), ("date", DateOption.json(item.date)),
                             ("prefecture", item.prefecture.map(JSONText.quote) ?? "null"), ("receipt", item.receipt.map(JSONText.quote) ?? "null")])
        }
        return JSONText.object([
            ("applied", JSONText.array(consolidated.applied.map(JSONText.quote))), ("pending", JSONText.array(consolidated.pending.map(JSONText.quote))),
            ("effective_until", DateOption.json(consolidated.end)), ("end_changed_by", consolidated.endChangedBy.map(JSONText.quote) ?? "null"),
            ("financial_commitments", JSONText.array(lines)), ("transmissions", JSONText.array(transmissions)),
            ("in_force", questions.isInForce(record, on: context.today) ? "true" : "false"),
            // In force and sent to the préfet by every French party.
            ("executory", questions.isInForce(record, on: context.today) && !questions.transmissions(of: record).contains { $0.date == nil } ? "true" : "false"),
        ])
    }
}
