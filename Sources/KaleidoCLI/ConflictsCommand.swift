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
        abstract: Help.abstract("conflicts"),
        discussion: Help.discussion("conflicts"))

    @OptionGroup var kbOptions: KBOptions

    @Option(help: ArgumentHelp(Help.option("conflicts", "format")))
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
                StandardError.write(Messages.warningPrefix + Messages.unreadableConflicts(display.show(file)) + "\n")
            }
            if !conflicts.isEmpty { throw ExitCode(1) }
        }
    }

    static func text(_ conflicts: [RecordConflict], display: DisplayPaths) -> String {
        guard !conflicts.isEmpty else { return Messages.noOpenConflict + "\n" }
        var output = ""
        for item in conflicts {
            let conflict = item.conflict
            output += "\(display.show(item.file)):\(conflict.mark.line):\(conflict.mark.column): \(item.record ?? "?") \(conflict.path)\n"
            for (label, value, by) in [("base", conflict.base, nil), ("ours", conflict.ours, conflict.oursBy), ("theirs", conflict.theirs, conflict.theirsBy)] {
                let shown = value.map { $0.contains("\n") ? "\n" + $0.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") : $0 } ?? Messages.absent
                output += "    \(Messages.conflictSide(label)): \(shown)\(by.map { "  — \($0)" } ?? "")\n"
            }
            if let at = conflict.at { output += "    \(Messages.conflictSide("at")): \(at)\n" }
        }
        output += Messages.openConflicts(conflicts.count, records: Set(conflicts.map(\.file)).count) + "\n"
        return output
    }

    /// One object per conflict, keys in alphabetical order, an absent value's key left out.
    static func json(_ conflicts: [RecordConflict], display: DisplayPaths) -> String {
        JSONWriter.pretty(.array(conflicts.map { item in
            let conflict = item.conflict
            let value = { (node: YAMLNode?) in node.map { JSONWriter.Value($0) } }
            return .object(omittingNil: [
                ("at", conflict.at.map(JSONWriter.Value.string)), ("base", value(conflict.baseValue)),
                ("file", .string(display.show(item.file))), ("line", .int(conflict.mark.line)),
                ("ours", value(conflict.oursValue)), ("ours_by", conflict.oursBy.map(JSONWriter.Value.string)),
                ("path", .string(conflict.path)), ("record", item.record.map(JSONWriter.Value.string)),
                ("theirs", value(conflict.theirsValue)), ("theirs_by", conflict.theirsBy.map(JSONWriter.Value.string)),
            ])
        }))
    }
}
