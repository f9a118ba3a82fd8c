public import KaleidoYAML

/// The KB rules of an event's participants and programme (docs/data-model.md, "Events"):
/// minors are never recorded one by one, only in `counts` (rule `gdpr-minor`); an adult is
/// named (`person` or `name`) only with their consent recorded (rule `gdpr-consent`); a
/// session ends after it starts (`date-order`) and takes place within the event's dates
/// (`session-date`). Every finding is an error. Pure.
public struct EventRules: Sendable {
    /// Age bands under 18 (defs.yaml `age_band`).
    public static let minorAgeBands: Set<String> = ["moins_13", "age_13_17"]

    public init() {}

    /// Whether a registration describes someone under 18 at an event of `eventYear`: marked
    /// `minor: true`, an age band under 18, or a birth year less than 18 years before the
    /// event's year.
    public static func isMinor<Node: ReadableNode>(_ registration: Node, eventYear: Int?) -> Bool {
        if case .bool(true)? = registration["minor"]?.resolvedScalar { return true }
        if let band = registration["age_band"]?.stringValue, minorAgeBands.contains(band) { return true }
        if let eventYear, case .integer(let digits)? = registration["birth_year"]?.resolvedScalar, let born = Int(digits) {
            return eventYear - born < 18
        }
        return false
    }

    /// The findings of one event record, in source order.
    public func check<Node: ReadableNode>(_ record: RecordOf<Node>) -> [Finding] {
        var findings: [Finding] = []
        func add(_ node: Node, _ rule: String, _ pointer: String, _ message: String) {
            findings.append(Finding(file: record.file, span: node.span, severity: .error, rule: rule, pointer: pointer, message: message))
        }
        let root = record.root
        let start = root["start"]?.stringValue.flatMap(PartialDate.init)
        let end = root["end"]?.stringValue.flatMap(PartialDate.init)
        for (index, registration) in (root["registrations"]?.items ?? []).enumerated() {
            let pointer = "/registrations/\(index)"
            let named = ["person", "name"].compactMap { key in registration[key].map { (key, $0) } }
            if Self.isMinor(registration, eventYear: start?.year) {
                if let (key, node) = named.first {
                    add(node, "gdpr-minor", pointer + "/" + key,
                        "a minor is never recorded by name: delete \(named.map(\.0).joined(separator: " and ")) and count them in counts ({country, sex, age_band, number})")
                } else {
                    add(registration, "gdpr-minor", pointer,
                        "a minor is recorded only as a number: move this registration into counts ({country, sex, age_band, number})")
                }
            } else if let (key, node) = named.first, registration["consent"]?["given_on"] == nil {
                add(node, "gdpr-consent", pointer + "/" + key,
                    "an adult is named only with their consent: add consent: {given_on: YYYY-MM-DD, scope: …}, or count them in counts without their name")
            }
        }
        for (index, session) in (root["programme"]?.items ?? []).enumerated() {
            let pointer = "/programme/\(index)"
            guard let startNode = session["start"], let startText = startNode.stringValue, let sessionStart = Self.day(startText) else { continue }
            if let endNode = session["end"], let endText = endNode.stringValue, endText.count == startText.count, endText < startText {
                add(endNode, "date-order", pointer + "/end", "end \(endText) is before start \(startText)")
            }
            guard let start else { continue }
            let last = (end ?? start).last
            if sessionStart < start.first || last < sessionStart {
                let span = end.map { "\(start) to \($0)" } ?? "\(start)"
                add(startNode, "session-date", pointer + "/start", "this session (\(startText)) is outside the event's dates (\(span))")
            }
        }
        return findings
    }

    /// The day of a `YYYY-MM-DDTHH:MM` value (the schema checks the form).
    static func day(_ text: String) -> CalendarDay? {
        PartialDate(String(text.prefix(10))).flatMap { $0.day == nil ? nil : $0.first }
    }
}
