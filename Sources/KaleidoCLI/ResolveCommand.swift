import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoMerge
import KaleidoYAML
import KaleidoWorkspace

/// `kaleido resolve ID PATH (--ours | --theirs | --base | --value V)`: settles one conflict.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: Help.abstract("resolve"),
        discussion: Help.discussion("resolve"))

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: ArgumentHelp(Help.option("resolve", "id")))
    var id: String

    @Argument(help: ArgumentHelp(Help.option("resolve", "path")))
    var path: String

    @Flag(help: ArgumentHelp(Help.option("resolve", "ours")))
    var ours = false
    @Flag(help: ArgumentHelp(Help.option("resolve", "theirs")))
    var theirs = false
    @Flag(help: ArgumentHelp(Help.option("resolve", "base")))
    var base = false
    @Option(help: ArgumentHelp(Help.option("resolve", "value"), valueName: "V"))
    var value: String?

    func validate() throws {
        let chosen = [ours, theirs, base, value != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError(Messages.chooseOneSide) }
    }

    func run() async throws {
        try await reportingCLIErrors {
            let kb = try kbOptions.open()
            let (file, bytes, root) = try Self.find(id: id, in: kb)
            let choice: ConflictResolver.Choice = ours ? .ours : theirs ? .theirs : base ? .base : .value(value ?? "")
            let context = MergeContext.find(for: kb.path(file), from: kb.root, record: root)
            let outcome: ConflictResolver.Outcome
            do {
                outcome = try ConflictResolver(hints: context.hints).resolve(bytes, path: path, choice: choice)
            } catch {
                throw CLIError.usage("\(DisplayPaths(kbRoot: kb.root).show(file)): \((error as? MergeError)?.message ?? "\(error)")")
            }
            let shown = DisplayPaths(kbRoot: kb.root).show(file)
            switch outcome {
            case .bytes(let resolved):
                try AtomicFile.write(resolved, to: kb.path(file))
                print(Messages.settled(shown, path: path))
            case .deleteFile:
                guard unlink(kb.path(file)) == 0 else { throw CLIError.io(Messages.cannotDelete(shown, reason: String(cString: strerror(errno)))) }
                print(Messages.deletedBySide(shown))
            }
        }
    }

    /// The record file whose `id` is `id`: by file name first (ids name their files), else by content.
    static func find(id: String, in kb: KnowledgeBase) throws -> (file: String, bytes: [UInt8], root: YAMLNode) {
        let folder = kb.config.knowledgeFolder
        let names = (try? kb.fileSystem.listFiles(under: kb.path(folder))) ?? []
        let candidates = names.filter { $0.hasSuffix("/\(id).yaml") || $0 == "\(id).yaml" } + names.filter { $0.hasSuffix(".yaml") }
        for name in candidates {
            let file = folder + "/" + name
            guard let bytes = try? kb.fileSystem.readFile(kb.path(file)),
                  let root = try? YAMLParser().parseDocument(bytes).root, root["id"]?.stringValue == id else { continue }
            return (file, bytes, root)
        }
        throw CLIError.usage(Messages.noConflictRecord(id, folder: folder))
    }
}
