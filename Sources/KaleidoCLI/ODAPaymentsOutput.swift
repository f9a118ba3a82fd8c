import KaleidoKB
import KaleidoQuery

/// What `kaleido oda CLIENT --year N` prints from payments: sums per currency by country,
/// channel and sector with the totals and what was left out (table, Markdown), the e-APD
/// declaration one payment a row (CSV), or everything (JSON). Every word shown is here.
struct ODAPaymentsOutput {
    let declaration: ODAPaymentDeclaration
    let context: QueryContext

    var index: KBIndex { context.index }

    /// The CSV columns, in the order of the e-APD form's entry for one payment (docs/data-model.md,
    /// "Disbursements and the e-APD", gives the source of each).
    var csvColumns: [String] {
        [context.words("Année", "Year"), context.words("Collectivité déclarante", "Declaring authority"),
         context.words("Pays bénéficiaire", "Recipient country"), context.words("Canal d'acheminement", "Channel of delivery"),
         context.words("Secteur CAD", "DAC sector"), context.words("Type d'aide", "Type of aid"),
         context.words("Partenaire", "Partner"), context.words("Montant", "Amount"), context.words("Devise", "Currency"),
         context.words("Date du versement", "Payment date"), context.words("Marqueurs", "Markers"),
         context.words("Base légale", "Legal basis"), "Convention", context.words("Fiche", "Record")]
    }

    var unallocated: String { context.words("Non ventilé", "Unallocated") }

    func reason(_ reason: ODAPaymentDeclaration.Exclusion) -> String {
        switch reason {
        case .otherPayer: context.words("payé par un autre", "paid by another party")
        case .otherYear: context.words("date hors de l'année", "dated outside the year")
        case .noCountry: context.words("sans pays", "no country")
        case .notOnDACList: context.words("pays absent de la liste du CAD \(declaration.year)", "country not on the \(declaration.year) DAC list")
        }
    }

    func noPayment(client: Int) -> String {
        context.words("Aucun versement de \(index.title(client)) trouvé pour \(declaration.year).\n",
                      "No payment by \(index.title(client)) found for \(declaration.year).\n")
    }

    func label(_ key: String, _ enumeration: String) -> String { key.isEmpty ? "" : context.label(key, field: enumeration, type: nil) }

    func partner(_ payment: Questions.Disbursement) -> String {
        if let id = payment.recipient { return index.position(of: id).map(index.title) ?? id }
        return payment.recipientName ?? ""
    }

    /// French Excel's CSV reads `12,50`, not `12.50`.
    func amount(_ value: ExactDecimal) -> String {
        context.isExcelFR ? value.description.replacing(".", with: ",") : value.description
    }

    /// The declaration as the e-APD form takes it: one declared payment a row.
    func csvTable(client: Int) -> ResultTable {
        var table = ResultTable(columns: csvColumns)
        table.rows = declaration.payments.map { payment in
            let country = ODAPaymentDeclaration.declaredCountry(payment)
            return [String(declaration.year), index.title(client), country.isEmpty ? unallocated : country,
                    label(payment.channel, "oda_channel"), payment.sector, label(payment.aidType, "oda_aid_type"), partner(payment),
                    amount(payment.money.amount), payment.money.currency, payment.date?.written ?? "",
                    payment.markers.map { "\($0.key)=\($0.score)" }.joined(separator: " "), label(payment.legalBasis, "legal_basis"),
                    payment.convention ?? context.words("sans convention", "no convention"), index.id(payment.record)]
        }
        return table
    }

    /// Sums by country, channel and sector, totals per currency, then what was left out.
    func summaryTable() -> ResultTable {
        var table = ResultTable(columns: [context.words("Ligne", "Line"), context.words("Montant", "Amount"),
                                          context.words("Devise", "Currency"), context.words("Détail", "Detail")])
        table.flexible = [3]
        func count(_ payments: Int) -> String {
            payments == 1 ? context.words("1 versement", "1 payment") : context.words("\(payments) versements", "\(payments) payments")
        }
        let groups: [(String, [ODAPaymentDeclaration.Sum], (String) -> String)] = [
            (context.words("Par pays (liste du CAD \(declaration.year))", "By country (\(declaration.year) DAC list)"),
             declaration.byCountry, { $0.isEmpty ? unallocated : $0 }),
            (context.words("Par canal", "By channel"), declaration.byChannel, { $0.isEmpty ? "?" : label($0, "oda_channel") }),
            (context.words("Par secteur CAD", "By DAC sector"), declaration.bySector, { $0.isEmpty ? "?" : $0 }),
        ]
        for (title, sums, name) in groups where !sums.isEmpty {
            table.sections[table.rows.count] = title
            table.rows += sums.map { [name($0.key), $0.money.amount.description, $0.money.currency, count($0.payments)] }
        }
        if !declaration.payments.isEmpty {
            table.sections[table.rows.count] = context.words("Total par devise", "Total per currency")
            table.rows += declaration.totals.totals.map { ["Total", $0.amount.description, $0.currency, ""] }
        }
        if !declaration.excluded.isEmpty {
            table.sections[table.rows.count] = context.words("Exclus", "Left out")
            table.rows += declaration.excluded.map { item in
                [reason(item.reason), item.payment.money.amount.description, item.payment.money.currency,
                 "\(index.id(item.payment.record)) \(item.payment.date?.written ?? "")"
                    + (item.reason == .notOnDACList || item.reason == .otherPayer
                        ? " (\(item.reason == .otherPayer ? item.payment.payer ?? "?" : item.payment.country ?? ""))" : "")]
            }
        }
        return table
    }

    func json(client: Int) -> String {
        func sums(_ list: [ODAPaymentDeclaration.Sum], _ name: String) -> String {
            JSONText.array(list.map {
                JSONText.object([(name, $0.key.isEmpty ? "null" : JSONText.quote($0.key)), ("currency", JSONText.quote($0.money.currency)),
                                 ("amount", $0.money.amount.description), ("payments", String($0.payments))])
            })
        }
        func text(_ value: String?) -> String { value.map(JSONText.quote) ?? "null" }
        func payment(_ item: Questions.Disbursement) -> [(String, String)] {
            [("record", JSONText.quote(index.id(item.record))), ("date", text(item.date?.written)),
             ("amount", item.money.amount.description), ("currency", JSONText.quote(item.money.currency)),
             ("payer", text(item.payer)), ("recipient", text(item.recipient)), ("recipient_name", text(item.recipientName)),
             ("country", text(item.country)), ("channel", text(item.channel.isEmpty ? nil : item.channel)),
             ("sector", text(item.sector.isEmpty ? nil : item.sector)), ("aid_type", text(item.aidType.isEmpty ? nil : item.aidType)),
             ("legal_basis", text(item.legalBasis.isEmpty ? nil : item.legalBasis)), ("convention", text(item.convention))]
        }
        return JSONText.object([
            ("client", JSONText.quote(index.id(client))), ("year", String(declaration.year)),
            ("payments", JSONText.array(declaration.payments.map { JSONText.object(payment($0)) })),
            ("by_country", sums(declaration.byCountry, "country")), ("by_channel", sums(declaration.byChannel, "channel")),
            ("by_sector", sums(declaration.bySector, "sector")),
            ("totals", JSONText.array(declaration.totals.totals.map(\.json))),
            ("excluded", JSONText.array(declaration.excluded.map { JSONText.object(payment($0.payment) + [("reason", JSONText.quote($0.reason.rawValue))]) })),
        ])
    }
}
