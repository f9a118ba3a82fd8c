import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace
import KaleidoYAML

/// `kaleido import FILE.csv --type registration --event EVT`: a registrations spreadsheet
/// appended to an event record. Adults with their consent become `registrations`; minors and
/// adults without consent become anonymous `counts` (their names are never written). The event
/// file is edited in place (comments and key order kept) and written atomically, only when
/// every row is valid (or with --skip-invalid) and the edited record validates.
struct RegistrationImport {
    var file: String
    var event: String
    var maps: [String: String]
    var dryRun: Bool
    var skipInvalid: Bool

    func run(table: CSVReader.Table, workspace: Workspace, today: CalendarDay) async throws {
        guard let header = table.rows.first else { throw CLIError.usage(Messages.emptyFile(file)) }
        let (index, _) = try await workspace.indexStore().load()
        let record = try EventLookup.event(event, index: index)
        let value = index.value(record)
        let eventYear = value["start"]?.text.flatMap { Int($0.prefix(4)) }
        let rows: RegistrationRows
        do {
            rows = try RegistrationRows(header: header, maps: maps, eventYear: eventYear, vocabulary: workspace.vocabulary(), index: index)
        } catch {
            throw CLIError.diagnostic("\(file):\(error.line):\(error.column): error: \(error.message)")
        }
        var registrations: [(node: YAMLNode, line: Int)] = []
        var counted: [(key: RegistrationRows.CountKey, line: Int, reason: String)] = []
        var invalidLines: [Int] = []
        for cells in table.rows.dropFirst() {
            switch rows.read(cells) {
            case .success(.registration(let node, let line)): registrations.append((node, line))
            case .success(.counted(let key, let line, let reason)): counted.append((key, line, reason))
            case .failure(let problems):
                for problem in problems { StandardError.write("\(file):\(problem.line):\(problem.column): error: \(problem.message)\n") }
                invalidLines.append(problems.first?.line ?? 0)
            }
        }
        let relative = index.file(record)
        let path = workspace.root + "/" + relative
        guard let original = FileManager.default.contents(atPath: path) else { throw CLIError.io(Messages.cannotRead(relative)) }
        var editor: RecordListAppend
        do { editor = try RecordListAppend(bytes: Array(original)) } catch {
            throw CLIError.diagnostic("\(relative):\(error.line):\(error.column): error: \(error.message)")
        }
        // A person or name already registered is a duplicate (the list is keyed by them).
        let existing = Set((editor.original["registrations"]?.items ?? []).compactMap { $0["person"]?.scalarText ?? $0["name"]?.scalarText })
        var seen = existing
        registrations = registrations.filter { item in
            let name = item.node["person"]?.scalarText ?? item.node["name"]?.scalarText ?? ""
            guard seen.insert(name).inserted else {
                StandardError.write("\(file):\(item.line):1: error: \(Messages.alreadyRegistered(name, event: event))\n")
                invalidLines.append(item.line)
                return false
            }
            return true
        }
        // Counts: one more per row, added to an existing count of the same key.
        var tallies: [RegistrationRows.CountKey: Int] = [:]
        var order: [RegistrationRows.CountKey] = []
        for row in counted {
            if tallies[row.key] == nil { order.append(row.key) }
            tallies[row.key, default: 0] += 1
        }
        var newCounts: [YAMLNode] = []
        for key in order {
            let number = tallies[key] ?? 0
            if let existing = (editor.original["counts"]?.items ?? []).first(where: { Self.countKey($0) == key }),
                let numberNode = existing["number"], let old = numberNode.scalarText.flatMap(Int.init) {
                editor.replace(numberNode, with: String(old + number))
            } else {
                newCounts.append(Self.countNode(key, number: number))
            }
        }
        invalidLines.sort()
        if !invalidLines.isEmpty, !skipInvalid || dryRun {
            let lines = invalidLines.map(String.init).joined(separator: ", ")
            if dryRun {
                print(Messages.registrationInvalidRows(invalidLines.count, lines: lines, skipInvalid: skipInvalid))
            } else {
                print(Messages.registrationNothingWritten(invalidLines.count, lines: lines))
            }
            if !skipInvalid { report(registrations: registrations, counted: counted, wouldBe: true); throw ExitCode(1) }
        }
        do {
            try editor.append("registrations", items: registrations.map(\.node))
            try editor.append("counts", items: newCounts)
        } catch {
            throw CLIError.diagnostic("\(relative):\(error.line):\(error.column): error: \(error.message)")
        }
        let edited = editor.result()
        try check(edited, relative: relative, workspace: workspace, today: today)
        report(registrations: registrations, counted: counted, wouldBe: dryRun)
        if dryRun { return }
        do { try AtomicFile.write(edited, to: path) } catch { throw CLIError.io(Messages.cannotWrite(relative, error.message)) }
        print(Messages.registrationsAdded(relative, registrations: registrations.count, counted: counted.count))
    }

    /// The edited record must validate (schema and rules) before it replaces the file.
    private func check(_ bytes: [UInt8], relative: String, workspace: Workspace, today: CalendarDay) throws {
        guard let root = try? YAMLParser().parseDocument(bytes).root else {
            throw CLIError.io(Messages.editedDoesNotParse(relative))
        }
        let schemas: KBSchemas
        do { schemas = try workspace.schemas() } catch { throw CLIError.io(Messages.cannotRead(Messages.theSchemas) + ": \(error)") }
        let record = Record(file: relative, root: root)
        let rules = RecordRules(knowledgeFolder: workspace.config.knowledgeFolder, today: today)
        let errors = ((schemas.checker?.check(record, type: .event) ?? []) + rules.check(record)).filter { $0.severity == .error }
        guard errors.isEmpty else {
            let lines = errors.map { "\(relative):\($0.span.start.line):\($0.span.start.column): error: \($0.message)" }
            throw CLIError.diagnostic(lines.joined(separator: "\n") + "\n" + Messages.eventWouldNotValidate)
        }
    }

    private func report(registrations: [(node: YAMLNode, line: Int)], counted: [(key: RegistrationRows.CountKey, line: Int, reason: String)], wouldBe: Bool) {
        for item in registrations {
            print(Messages.addsRegistration(line: item.line, item.node["person"]?.scalarText ?? item.node["name"]?.scalarText ?? "", wouldBe: wouldBe))
        }
        for row in counted {
            let key = [row.key.country, row.key.sex, row.key.ageBand].map { $0 ?? "?" }.joined(separator: ", ")
            print(Messages.addsToCount(line: row.line, key: key, reason: row.reason, wouldBe: wouldBe))
        }
    }

    static func countKey(_ node: YAMLNode) -> RegistrationRows.CountKey {
        RegistrationRows.CountKey(country: node["country"]?.scalarText, sex: node["sex"]?.scalarText, ageBand: node["age_band"]?.scalarText,
                                  role: node["role"]?.scalarText, fewerOpportunities: node["fewer_opportunities"]?.scalarText == "true")
    }

    static func countNode(_ key: RegistrationRows.CountKey, number: Int) -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if let country = key.country { pairs.append(("country", YAMLNode(.scalar(country, .singleQuoted)))) }
        if let sex = key.sex { pairs.append(("sex", YAMLNode(.scalar(sex, .plain)))) }
        if let band = key.ageBand { pairs.append(("age_band", YAMLNode(.scalar(band, .plain)))) }
        if let role = key.role { pairs.append(("role", YAMLNode(.scalar(role, .plain)))) }
        if key.fewerOpportunities { pairs.append(("fewer_opportunities", YAMLNode(.scalar("true", .plain)))) }
        pairs.append(("number", YAMLNode(.scalar(String(number), .plain))))
        return RegistrationRows.mapping(pairs, style: .flow)
    }
}
