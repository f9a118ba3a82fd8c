import ArgumentParser
import Foundation
import KaleidoSync

/// `kaleido log ID`: who changed which field of a record, and when.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show who changed which field of a record and when, from the git history.")

    @OptionGroup var kb: KBOptions

    @Argument(help: "The record's id, e.g. tn-mun-sfax.")
    var id: String

    @Option(name: .customLong("format"), help: "text or json.")
    var format: DiagnosticFormat = .text

    @Option(help: "At most this many revisions.")
    var limit: Int = 1000

    func run() async throws {
        try await reportingCLIErrors {
            let base = try kb.open()
            let settings = try SyncSettings.load(root: base.root)
            guard let path = try RecordHistory.path(of: id, settings: settings) else {
                throw CLIError.usage("no record '\(id)' in \(settings.knowledgeFolder)/ on the current branch; check the id with `kaleido find`")
            }
            let revisions = try RecordHistory.revisions(of: path, settings: settings, limit: limit)
            if format == .json {
                print(RecordRevision.json(revisions))
                return
            }
            let formatter = ISO8601DateFormatter()
            for revision in revisions {
                let what = revision.created ? "created" : revision.deleted ? "deleted" : revision.isMerge ? "merged" : "changed"
                print("\(formatter.string(from: revision.date))  \(revision.author)  \(what)  \(revision.commit.prefix(10))")
                for field in revision.fields {
                    switch field.action {
                    case "set": print("    \(field.field): set" + (field.new.map { " to \(quoted($0))" } ?? ""))
                    case "removed": print("    \(field.field): removed" + (field.old.map { " (was \(quoted($0)))" } ?? ""))
                    default:
                        if let old = field.old, let new = field.new {
                            print("    \(field.field): \(quoted(old)) → \(quoted(new))")
                        } else {
                            print("    \(field.field): changed")
                        }
                    }
                }
            }
        }
    }

    private func quoted(_ text: String) -> String {
        let line = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return "\"" + line.replacingOccurrences(of: "\n", with: "⏎") + "\""
    }
}
