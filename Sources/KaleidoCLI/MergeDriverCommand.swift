import ArgumentParser
import Foundation
import KaleidoMerge
import KaleidoYAML
import KaleidoWorkspace

/// `kaleido merge-driver BASE OURS THEIRS PATH`: git's merge driver for record files.
struct MergeDriverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: Help.abstract("merge-driver"),
        discussion: Help.discussion("merge-driver"))

    @Argument(help: ArgumentHelp(Help.option("merge-driver", "base")))
    var base: String
    @Argument(help: ArgumentHelp(Help.option("merge-driver", "ours")))
    var ours: String
    @Argument(help: ArgumentHelp(Help.option("merge-driver", "theirs")))
    var theirs: String
    @Argument(help: ArgumentHelp(Help.option("merge-driver", "path")))
    var path: String = ""

    func run() async throws {
        let shown = path.isEmpty ? ours : path
        let baseBytes: [UInt8], oursBytes: [UInt8], theirsBytes: [UInt8]
        do {
            baseBytes = try AtomicFile.read(base)
            oursBytes = try AtomicFile.read(ours)
            theirsBytes = try AtomicFile.read(theirs)
        } catch {
            StandardError.write("kaleido merge-driver: error: \(error)\n")
            throw ExitCode(2)
        }
        let cwd = FileManager.default.currentDirectoryPath
        let record = try? YAMLParser().parseDocument(oursBytes).root
        let context = MergeContext.find(for: shown, from: cwd, record: record)
        let merger = RecordMerger(hints: context.hints, checker: context.checker)
        var result: RecordMergeResult
        do {
            let now = MergeClock.now()
            func merge(theirsAuthor: String?) throws(MergeError) -> RecordMergeResult {
                try merger.merge(base: MergeSide(bytes: baseBytes), ours: MergeSide(bytes: oursBytes, author: Self.oursAuthor()),
                                 theirs: MergeSide(bytes: theirsBytes, author: theirsAuthor), rule: .ours, now: now)
            }
            result = try merge(theirsAuthor: nil)
            // Theirs' author only shows in conflict entries, and finding it costs a libgit2
            // start-up (about 10 ms, more than the merge of a record): only when there are some.
            if !result.isClean, let author = TheirsCommit.author(directory: cwd) {
                result = try merge(theirsAuthor: author)
            }
        } catch {
            let source = error.side == "base" ? baseBytes : error.side == "theirs" ? theirsBytes : oursBytes
            let diagnostic = error.diagnostic(file: "\(shown) (\(error.side))")
            StandardError.write(diagnostic.rendered(source: source) + "\nkaleido merge-driver: \(shown) left as ours; fix the file and merge again\n")
            throw ExitCode(2)
        }
        do {
            if result.bytes != oursBytes { try AtomicFile.write(result.bytes, to: ours) }
        } catch {
            StandardError.write("kaleido merge-driver: error: \(error)\n")
            throw ExitCode(2)
        }
        if !result.isClean {
            let paths = result.conflicts.map(\.path).joined(separator: ", ")
            StandardError.write("kaleido: \(shown): \(result.conflicts.count) conflict(s) recorded in _conflicts (\(paths)); ours kept for now, see `kaleido conflicts`\n")
            throw ExitCode(1)
        }
    }

    /// Who is merging: git's author variables when set (`GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`).
    static func oursAuthor() -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let name = environment["GIT_AUTHOR_NAME"] ?? environment["GIT_COMMITTER_NAME"] else { return nil }
        let email = environment["GIT_AUTHOR_EMAIL"] ?? environment["GIT_COMMITTER_EMAIL"]
        return email.map { "\(name) <\($0)>" } ?? name
    }
}
