import ArgumentParser
import Foundation
import KaleidoSync

/// `kaleido log ID`: who changed which field of a record, and when.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Help.abstract("log"))

    @OptionGroup var kb: KBOptions

    @Argument(help: ArgumentHelp(Help.option("log", "id")))
    var id: String

    @Option(name: .customLong("format"), help: ArgumentHelp(Help.option("log", "format")))
    var format: DiagnosticFormat = .text

    @Option(help: ArgumentHelp(Help.option("log", "limit")))
    var limit: Int = 1000

    func run() async throws {
        try await reportingCLIErrors {
            let base = try kb.open()
            let settings = try SyncSettings.load(root: base.root)
            guard let path = try RecordHistory.path(of: id, settings: settings) else {
                throw CLIError.usage(Messages.noRecordOnBranch(id, folder: settings.knowledgeFolder))
            }
            let revisions = try RecordHistory.revisions(of: path, settings: settings, limit: limit)
            if format == .json {
                print(RecordRevision.json(revisions))
                return
            }
            let formatter = ISO8601DateFormatter()
            for revision in revisions {
                let what = Messages.revisionKind(created: revision.created, deleted: revision.deleted, merged: revision.isMerge)
                print("\(formatter.string(from: revision.date))  \(revision.author)  \(what)  \(revision.commit.prefix(10))")
                for field in revision.fields {
                    switch field.action {
                    case "set": print("    " + Messages.fieldSet(field.field, to: field.new.map(quoted)))
                    case "removed": print("    " + Messages.fieldRemoved(field.field, was: field.old.map(quoted)))
                    default:
                        if let old = field.old, let new = field.new {
                            print("    \(field.field): \(quoted(old)) → \(quoted(new))")
                        } else {
                            print("    " + Messages.fieldChanged(field.field))
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
