import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoMerge
import KaleidoWorkspace
import KaleidoYAML

/// `kaleido conflicts`: every open conflict of the knowledge base.
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the open merge conflicts of the knowledge base.",
        discussion: """
            Each conflict is an entry of a record's _conflicts list: the field's path, the \
            competing values (ours is the one in the record for now) and who and when where \
            known. Settle one with `kaleido resolve ID PATH --ours|--theirs|--base|--value V`. \
            Exit status: 0 when there is none, 1 when some are open, 2 on error.
            """)

    @OptionGroup var kbOptions: KBOptions

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() async throws {
        try await reportingCLIErrors {
            let kb = try kbOptions.open()
            let (conflicts, unreadable) = try ConflictScan.all(in: kb)
            let display = DisplayPaths(kbRoot: kb.root)
            switch format {
            case .json: print(Self.json(conflicts, display: display))
            case .text: print(Self.text(conflicts, display: display), terminator: "")
            }
            for file in unreadable {
                StandardError.write("kaleido: warning: \(display.show(file)) does not parse; its conflicts are not listed\n")
            }
            if !conflicts.isEmpty { throw ExitCode(1) }
        }
    }

    static func text(_ conflicts: [RecordConflict], display: DisplayPaths) -> String {
        guard !conflicts.isEmpty else { return "no open conflict\n" }
        var output = ""
        for item in conflicts {
            let conflict = item.conflict
            output += "\(display.show(item.file)):\(conflict.mark.line):\(conflict.mark.column): \(item.record ?? "?") \(conflict.path)\n"
            for (label, value, by) in [("base", conflict.base, nil), ("ours", conflict.ours, conflict.oursBy), ("theirs", conflict.theirs, conflict.theirsBy)] {
                let shown = value.map { $0.contains("\n") ? "\n" + $0.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") : $0 } ?? "(absent)"
                output += "    \(label): \(shown)\(by.map { "  — \($0)" } ?? "")\n"
            }
            if let at = conflict.at { output += "    at: \(at)\n" }
        }
        output += "\(conflicts.count) open conflict\(conflicts.count == 1 ? "" : "s") in \(Set(conflicts.map(\.file)).count) record\(Set(conflicts.map(\.file)).count == 1 ? "" : "s")\n"
        return output
    }

    static func json(_ conflicts: [RecordConflict], display: DisplayPaths) -> String {
        let objects: [[String: Any]] = conflicts.map { item in
            var object: [String: Any] = ["file": display.show(item.file), "line": item.conflict.mark.line, "path": item.conflict.path]
            if let record = item.record { object["record"] = record }
            let conflict = item.conflict
            for (key, value) in [("base", conflict.baseValue), ("ours", conflict.oursValue), ("theirs", conflict.theirsValue)] {
                if let value { object[key] = jsonValue(value) }
            }
            for (key, value) in [("ours_by", conflict.oursBy), ("theirs_by", conflict.theirsBy), ("at", conflict.at)] {
                if let value { object[key] = value }
            }
            return object
        }
        return jsonText(objects)
    }

    static func jsonText(_ objects: [[String: Any]]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A YAML value as a JSON-ready value: strings, exact numbers (as JSON numbers), booleans, null,
/// arrays and objects.
func jsonValue(_ node: YAMLNode) -> Any {
    switch node.content {
    case .sequence(let items, _): return items.map(jsonValue)
    case .mapping(let pairs, _):
        var object: [String: Any] = [:]
        for pair in pairs { object[pair.key.scalarText ?? "\(pair.key)"] = jsonValue(pair.value) }
        return object
    case .alias(let name): return "*" + name
    case .scalar(let text, _):
        switch node.resolvedScalar ?? .string(text) {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .integer(let digits), .float(let digits): return Decimal(string: digits) ?? digits
        case .infinity(let negative): return negative ? "-.inf" : ".inf"
        case .nan: return ".nan"
        case .string(let string): return string
        }
    }
}
