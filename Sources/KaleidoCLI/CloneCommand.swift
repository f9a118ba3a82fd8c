import ArgumentParser
import Foundation
import KaleidoSync
import KaleidoWorkspace

/// `kaleido clone URL [DIR]`: joins a team's knowledge base (the work is `KBClone`'s).
struct CloneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: Help.abstract("clone"),
        discussion: Help.discussion("clone"))

    @Argument(help: ArgumentHelp(Help.option("clone", "url")))
    var url: String

    @Argument(help: ArgumentHelp(Help.option("clone", "directory")))
    var directory: String?

    @Option(help: ArgumentHelp(Help.option("clone", "name")))
    var name: String?

    @Option(help: ArgumentHelp(Help.option("clone", "email")))
    var email: String?

    @Option(help: ArgumentHelp(Help.option("clone", "branch")))
    var branch: String?

    @Option(help: ArgumentHelp(Help.option("clone", "driver"), valueName: "command"))
    var driver: String?

    func run() async throws {
        let cwd = FileManager.default.currentDirectoryPath
        guard let folder = directory ?? Self.defaultFolder(for: url) else {
            StandardError.write(Messages.errorPrefix + Lang.pick(
                fr: "impossible de déduire un dossier de « \(url) » : donnez-le (kaleido clone URL DOSSIER)",
                en: "cannot tell a folder from \"\(url)\": give it (kaleido clone URL FOLDER)") + "\n")
            throw ExitCode(2)
        }
        let root = URL(fileURLWithPath: folder.hasPrefix("/") ? folder : cwd + "/" + folder).standardizedFileURL.path
        // Ctrl-C stops the transfer (its child is killed) and removes the half-made copy.
        StopSignal.install()
        var request = KBClone.Request(
            url: url, directory: root, name: name, email: email, branch: branch,
            driver: driver ?? GitMergeDriverSetup.defaultDriver(note: Messages.writeDriverNote),
            transfer: .childProcess(executable: TransferMode.currentExecutable))
        request.isCancelled = { StopSignal.isRequested }
        do {
            let result = try KBClone.clone(request) { StandardError.write(Lang.pick(fr: $0.text, en: $0.englishText) + "\n") }
            let records = Self.recordCount(folder: root + "/" + result.knowledgeFolder)
            print(Lang.pick(fr: CloneMessage.done(result, records: records), en: CloneMessage.englishDone(result, records: records)), terminator: "")
        } catch {
            StandardError.write(Messages.errorPrefix + Lang.pick(fr: error.description, en: error.englishDescription) + "\n")
            throw ExitCode(error.exitCode)
        }
    }

    /// What git names the folder: the last component of the URL's path, without `.git`.
    static func defaultFolder(for url: String) -> String? {
        var path = url.trimmingCharacters(in: .whitespaces)
        while path.hasSuffix("/") { path.removeLast() }
        var last = String(path.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? "")
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.isEmpty || last == "." || last == ".." ? nil : last
    }

    private static func recordCount(folder: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.count
    }
}
