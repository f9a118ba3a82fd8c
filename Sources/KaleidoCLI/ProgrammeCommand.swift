import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido programme EVT [--include-children]`: an event's sessions, day by day.
struct ProgrammeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: Help.abstract("programme"),
        discussion: Help.discussion("programme"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("programme", "event")))
    var event: String

    @Flag(name: .customLong("include-children"), help: ArgumentHelp(Help.option("programme", "includeChildren")))
    var includeChildren = false

    struct Session {
        var event: Int
        var start: String
        var end: String?
        var title: String
        var speakers: [(person: String?, name: String, organisation: String?)]
        var room: String?
    }

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            let record = try EventLookup.event(event, index: index)
            let records = includeChildren ? EventLookup.withChildren(record, index: index) : [record]
            var sessions: [Session] = []
            for source in records {
                for item in index.value(source)["programme"]?.items ?? [] {
                    guard let start = item["start"]?.text, let title = item["title"]?.text else { continue }
                    let speakers = (item["speakers"]?.items ?? []).map { speaker -> (person: String?, name: String, organisation: String?) in
                        if let id = speaker.text {
                            return (id, index.position(of: id).map(index.title) ?? id, nil)
                        }
                        return (nil, speaker["name"]?.text ?? "?", speaker["organisation"]?.text)
                    }
                    sessions.append(Session(event: source, start: start, end: item["end"]?.text, title: title,
                                            speakers: speakers, room: item["room"]?.text))
                }
            }
            sessions = sessions.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
            if sessions.isEmpty, context.format != .json {
                StandardError.write(context.words("Aucune séance au programme de \(event).\n", "No session in the programme of \(event).\n"))
            }
            let tally = ParticipantTally(events: records.map(index.value), by: [.country, .sex, .ageBand])
            let participants = ParticipantsCommand.json(tally, event: event, events: records.map(index.id))
            context.emit(table(sessions, context: context),
                         json: JSONText.object([("event", JSONText.quote(event)), ("title", JSONText.quote(index.title(record))),
                                                ("sessions", json(sessions, index: index)), ("participants", participants)]))
            if tally.total > 0, context.format == .table || context.format == .markdown {
                print("\n" + context.words("Participants", "Participants"))
                context.emit(ParticipantsCommand.table(tally, context: context), json: "")
            }
        }
    }

    private func table(_ sessions: [Session], context: QueryContext) -> ResultTable {
        var columns = [context.words("Horaire", "Time"), context.words("Séance", "Session"),
                       context.words("Intervenants", "Speakers"), context.words("Salle", "Room")]
        if includeChildren { columns.append(context.words("Événement", "Event")) }
        var table = ResultTable(columns: columns)
        table.flexible = [1, 2]
        var day = ""
        for session in sessions {
            let sessionDay = String(session.start.prefix(10))
            if sessionDay != day {
                day = sessionDay
                table.sections[table.rows.count] = Self.dayHeading(sessionDay, french: context.language == .fr)
            }
            let time = Self.time(session.start) + (session.end.map { "–" + Self.time($0) } ?? "")
            let speakers = session.speakers.map { $0.name + ($0.organisation.map { " (\($0))" } ?? "") }.joined(separator: ", ")
            var row = [time, session.title, speakers, session.room ?? ""]
            if includeChildren { row.append(context.index.id(session.event)) }
            table.rows.append(row)
        }
        return table
    }

    private func json(_ sessions: [Session], index: KBIndex) -> String {
        JSONText.array(sessions.map { session in
            JSONText.object([
                ("event", JSONText.quote(index.id(session.event))), ("start", JSONText.quote(session.start)),
                ("end", session.end.map(JSONText.quote) ?? "null"), ("title", JSONText.quote(session.title)),
                ("speakers", JSONText.array(session.speakers.map { speaker in
                    JSONText.object([("person", speaker.person.map(JSONText.quote) ?? "null"), ("name", JSONText.quote(speaker.name)),
                                     ("organisation", speaker.organisation.map(JSONText.quote) ?? "null")])
                })),
                ("room", session.room.map(JSONText.quote) ?? "null"),
            ])
        })
    }

    /// `09:30` from `2011-09-22T09:30`; a date-only value gives nothing.
    static func time(_ value: String) -> String {
        guard let position = value.firstIndex(of: "T") else { return "" }
        return String(value[value.index(after: position)...])
    }

    /// `jeudi 22 septembre 2011` (`Thursday 22 September 2011`).
    static func dayHeading(_ text: String, french: Bool) -> String {
        guard let date = PartialDate(text), let dayNumber = date.day, let month = date.month else { return text }
        let weekdays = french ? ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = french ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        // 1 January 2024 was a Monday.
        let weekday = ((date.first.ordinal - CalendarDay(year: 2024, month: 1, day: 1).ordinal) % 7 + 7) % 7
        return "\(weekdays[weekday]) \(dayNumber == 1 && french ? "1er" : String(dayNumber)) \(months[month - 1]) \(date.year)"
    }
}
