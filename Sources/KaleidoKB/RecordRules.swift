public import KaleidoYAML
import KaleidoSchema

/// The KB rules that look at one record alone (docs/data-model.md, "Rules beyond single-field
/// types"): what JSON Schema cannot say, such as an id that must equal the file name or an end
/// date that must not precede its start.
///
/// Pure: `today` is given by the caller, so that tests fix the date.
public struct RecordRules: Sendable {
    public var knowledgeFolder: String
    public var today: CalendarDay

    public init(knowledgeFolder: String = "knowledge", today: CalendarDay) {
        self.knowledgeFolder = knowledgeFolder
        self.today = today
    }

    /// Date fields that bound an interval, as (start, end) pairs, at the record's top level.
    static let topLevelIntervals = [
        ("start", "end"), ("effective_from", "effective_until"), ("valid_from", "valid_until"),
        ("since", "until"), ("opens_on", "closes_on"),
    ]

    /// Fields that must never be recorded about a person (GDPR special categories and more).
    static let forbiddenPersonalFields: Set<String> = [
        "birth_date", "date_of_birth", "birthday", "birthdate", "age", "political_affiliation", "politics",
        "party", "health", "religion", "ethnic_origin", "ethnicity", "sexual_orientation", "trade_union",
        "nationality_origin", "social_security_number",
    ]

    /// Every finding of the per-record rules, in source order.
    public func check<Node: ReadableNode>(_ record: RecordOf<Node>) -> [Finding] {
        var findings: [Finding] = []
        func add(_ node: Node, _ severity: Finding.Severity, _ rule: String, _ pointer: String, _ message: String) {
            findings.append(Finding(file: record.file, span: node.span, severity: severity, rule: rule, pointer: pointer, message: message))
        }
        let root = record.root
        guard root.isMapping else {
            add(root, .error, "record-shape", "", "a record must be a mapping of fields (`id: …`, `type: …`)")
            return findings
        }

        if let idNode = root["id"], let id = idNode.stringValue, id != record.fileStem {
            add(idNode, .error, "id-file-name", "/id", "id \"\(id)\" must equal the file name \"\(record.fileStem)\"; rename the file or fix the id")
        }
        let folderType = record.folderType(knowledgeFolder: knowledgeFolder)
        if let typeNode = root["type"], let typeText = typeNode.stringValue {
            if let folderType, folderType.rawValue != typeText {
                add(typeNode, .error, "type-folder", "/type",
                    "a record of type \"\(typeText)\" cannot live in \(knowledgeFolder)/\(folderType.folder)/; move it to the folder of its type")
            }
        }
        if folderType == nil {
            add(root["type"] ?? root, .error, "type-folder", "/type",
                "records live in a type folder under \(knowledgeFolder)/ (\(RecordType.allCases.map(\.folder).joined(separator: ", ")))")
        }

        for (startKey, endKey) in Self.topLevelIntervals {
            checkOrder(in: root, pointer: "", startKey: startKey, endKey: endKey, add: add)
        }
        for (listKey, startKey, endKey) in [("affiliations", "from", "until"), ("phases", "start", "end")] {
            for (index, item) in (root[listKey]?.items ?? []).enumerated() {
                checkOrder(in: item, pointer: "/\(listKey)/\(index)", startKey: startKey, endKey: endKey, add: add)
            }
        }

        for (index, entry) in (root["_conflicts"]?.items ?? []).enumerated() {
            let path = entry["path"]?.scalarText ?? "?"
            add(entry, .warning, "open-conflict", "/_conflicts/\(index)",
                "open merge conflict on \(path); settle it with `kaleido resolve \(record.id ?? record.fileStem) \(path) --ours|--theirs|--value V`")
        }

        switch record.type {
        case .person: checkPerson(root, add: add)
        case .convention: checkConvention(root, add: add)
        case .project: checkFunding(root, add: add)
        case .engagement:
            checkFunding(root, add: add)
            EngagementRules.check(root, add: add)
        case .event: findings += EventRules().check(record)
        default: break
        }
        return findings
    }

    private typealias Add<Node> = (Node, Finding.Severity, String, String, String) -> Void

    private func checkOrder<Node: ReadableNode>(in node: Node, pointer: String, startKey: String, endKey: String, add: Add<Node>) {
        guard let startText = node[startKey]?.stringValue, let start = PartialDate(startText),
            let endNode = node[endKey], let endText = endNode.stringValue, let end = PartialDate(endText),
            end.last < start.first
        else { return }
        add(endNode, .error, "date-order", pointer + "/" + endKey, "\(endKey) \(endText) is before \(startKey) \(startText)")
    }

    private func checkPerson<Node: ReadableNode>(_ root: Node, add: Add<Node>) {
        for pair in root.keyedValues ?? [] {
            guard let key = pair.key.scalarText, Self.forbiddenPersonalFields.contains(key) else { continue }
            add(pair.key, .error, "personal-data", "/" + JSONPointer.escape(key),
                "\"\(key)\" is personal data that must never be recorded; delete the field")
        }
        if let node = root["review_after"], let text = node.stringValue, let date = PartialDate(text), date.last < today {
            add(node, .warning, "review-due", "/review_after",
                "the GDPR review date \(text) has passed; check the data is still needed, then set a new date")
        }
    }

    private func checkConvention<Node: ReadableNode>(_ root: Node, add: Add<Node>) {
        let status = root["status"]?.stringValue
        let inForce = status == "en_vigueur"
        let bases = root["legal_basis"]?.items?.compactMap(\.stringValue) ?? root["legal_basis"]?.stringValue.map { [$0] } ?? []
        if inForce, bases.contains("cgct_l1115_1"), let statusNode = root["status"] {
            if (root["financial_commitments"]?.items ?? []).isEmpty {
                add(statusNode, .warning, "l1115-financial-commitments", "/status",
                    "a convention in force under L1115-1 must state its financial commitments (financial_commitments)")
            }
        }
        let transmitted = root["transmitted_to_prefect_on"] != nil || !(root["transmissions"]?.items ?? []).isEmpty
        let started = root["effective_from"]?.stringValue.flatMap(PartialDate.init).map { $0.first <= today } ?? false
        if bases.contains("cgct_l1115_1"), !transmitted, let statusNode = root["status"] {
            if inForce {
                add(statusNode, .warning, "l1115-prefect", "/status",
                    "a convention under L1115-1 takes effect once sent to the préfet: record its transmissions")
            } else if status == "signee", started {
                add(statusNode, .warning, "l1115-prefect", "/status",
                    "its dates say this convention is in force, but it is executory only once sent to the préfet: record its transmissions")
            }
        }
        ConventionDateRules().check(root) { node, rule, pointer, message in add(node, .error, rule, pointer, message) }
        if let durationNode = root["duration_months"], case .integer(let digits)? = durationNode.resolvedScalar,
            let months = Int(digits),
            let from = root["effective_from"]?.stringValue.flatMap(PartialDate.init),
            let until = root["effective_until"]?.stringValue.flatMap(PartialDate.init)
        {
            let span = until.last.adding(days: 1)
            let actual = (span.year - from.first.year) * 12 + (span.month - from.first.month)
            if abs(actual - months) > 1 {
                add(durationNode, .warning, "duration", "/duration_months",
                    "duration_months is \(months) but effective_from \(from) to effective_until \(until) is about \(actual) months")
            }
        }
        // Signed counts too: a convention waiting for its transmission still ends on its date.
        if inForce || status == "signee", root["terminated_on"] == nil, let untilNode = root["effective_until"], let until = untilNode.stringValue.flatMap(PartialDate.init),
            today <= until.last, until.last <= today.adding(days: 90), root["superseded_by"] == nil
        {
            add(untilNode, .warning, "convention-ending", "/effective_until",
                "this convention ends on \(until) (within 90 days) and no successor is recorded (superseded_by)")
        }
    }

    private func checkFunding<Node: ReadableNode>(_ root: Node, add: Add<Node>) {
        for (lineIndex, line) in (root["funding"]?.items ?? []).enumerated() {
            guard let status = line["status"]?.stringValue, status == "accorde" || status == "verse_partiel" else { continue }
            for (reportIndex, report) in (line["reports"]?.items ?? []).enumerated() {
                guard report["submitted_on"] == nil, let dueNode = report["due"],
                    let due = dueNode.stringValue.flatMap(PartialDate.init), due.last < today
                else { continue }
                let funder = line["funder"]?.stringValue ?? "the funder"
                add(dueNode, .warning, "funding-report-overdue", "/funding/\(lineIndex)/reports/\(reportIndex)/due",
                    "the report due \(due) to \(funder) has not been submitted (no submitted_on)")
            }
        }
    }
}
