public import KaleidoYAML

/// The rules of one engagement's business fields (docs/data-model.md, "The cooperative's
/// business") that JSON Schema cannot say:
/// - `invoice-amount` (warning): amount_ttc must equal amount_ht × (1 + vat_rate) rounded to
///   the cent (the currency's minor unit: the millime for TND). A warning, not an error: the record copies the invoice as issued, and an
///   invoice of several lines rounds each line's VAT, so a one-cent gap can be what was sent;
///   a larger gap is almost always a typo the consultant should see.
/// - `invoice-dates` (error): an invoice cannot fall due before it is issued.
/// - `timesheet-person` (warning): time is booked by a consultant of the mission.
/// - `schedule-total` (warning): the payment schedule adds up to the contract's amount.
/// - `invoice-milestone` (warning): an invoice's `milestone` is one of the schedule's.
/// The invoice numbers' uniqueness across the KB is a cross-record rule (`InvoiceNumberRule`).
struct EngagementRules {
    typealias Add<Node> = (Node, Finding.Severity, String, String, String) -> Void

    static func check<Node: ReadableNode>(_ root: Node, add: Add<Node>) {
        for (index, invoice) in (root["invoices"]?.items ?? []).enumerated() {
            let pointer = "/invoices/\(index)"
            if let htNode = invoice["amount_ht"], let ttcNode = invoice["amount_ttc"], let rateNode = invoice["vat_rate"],
                let ht = DecimalText(htNode), let ttc = DecimalText(ttcNode), let rate = DecimalText(rateNode),
                case let places = DecimalText.minorUnits(of: invoice["currency"]?.stringValue),
                let expected = ht.timesOnePlus(rate)?.rounded(to: places), ttc != DecimalText(mantissa: expected, scale: places)
            {
                add(ttcNode, .warning, "invoice-amount", pointer + "/amount_ttc",
                    "amount_ttc \(ttcNode.scalarText ?? "") is not amount_ht \(htNode.scalarText ?? "") × (1 + vat_rate \(rateNode.scalarText ?? "")) = \(DecimalText(mantissa: expected, scale: places)); check the invoice as issued")
            }
            if let issued = invoice["date"]?.stringValue.flatMap(PartialDate.init), let dueNode = invoice["due"],
                let due = dueNode.stringValue.flatMap(PartialDate.init), due.last < issued.first
            {
                add(dueNode, .error, "invoice-dates", pointer + "/due", "due \(due) is before the invoice's date \(issued)")
            }
        }
        // An invoice that names a milestone names one of the schedule's (a typo would leave the
        // milestone "to invoice" in `kaleido billing` for ever).
        if let schedule = root["schedule"]?.items, !schedule.isEmpty {
            let milestones = Set(schedule.compactMap { $0["milestone"]?.stringValue })
            for (index, invoice) in (root["invoices"]?.items ?? []).enumerated() {
                guard let node = invoice["milestone"], let name = node.stringValue, !milestones.contains(name) else { continue }
                add(node, .warning, "invoice-milestone", "/invoices/\(index)/milestone",
                    "milestone \"\(name)\" is not in the schedule (\(milestones.sorted().joined(separator: ", ")))")
            }
        }
        let consultants = Set(root["consultants"]?.items?.compactMap(\.stringValue) ?? [])
        for (index, entry) in (root["timesheet"]?.items ?? []).enumerated() {
            guard let personNode = entry["person"], let person = personNode.stringValue, !consultants.contains(person) else { continue }
            add(personNode, .warning, "timesheet-person", "/timesheet/\(index)/person",
                "\(person) booked time but is not one of this mission's consultants; add them to consultants or fix the entry")
        }
        checkSchedule(root, add: add)
    }

    private static func checkSchedule<Node: ReadableNode>(_ root: Node, add: Add<Node>) {
        guard let scheduleNode = root["schedule"], let items = scheduleNode.items, !items.isEmpty,
            let contract = root["contract"], let amountNode = contract["amount_ht"], let amount = DecimalText(amountNode)
        else { return }
        let currency = contract["currency"]?.stringValue
        var total = DecimalText(mantissa: 0, scale: 0)
        for item in items {
            // A milestone in another currency is not part of this sum (never across currencies).
            if let own = item["currency"]?.stringValue, own != currency { continue }
            guard let node = item["amount_ht"], let value = DecimalText(node), let sum = total.adding(value) else { return }
            total = sum
        }
        if total != amount {
            add(scheduleNode, .warning, "schedule-total", "/schedule",
                "the schedule adds up to \(total) but contract.amount_ht is \(amountNode.scalarText ?? "")")
        }
    }
}
