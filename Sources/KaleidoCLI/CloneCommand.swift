import ArgumentParser
import Foundation
import KaleidoSync
import KaleidoWorkspace

/// `kaleido clone URL [DIR]`: joins a team's knowledge base (the work is `KBClone`'s).
struct CloneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: Help.abstract("clone"),
        discussion: """
            Fetches URL (ssh, https, git, file URL, user@host:path or a folder) with the sync's \
            transfer and checks (known_hosts, certificates, credentials, sync.timeout; a tree holding \
            .git/, .. or a symlinked record is refused before anything is written), checks out the \
            remote's default branch (a folder remote's HEAD, else the branch .kaleido/config.yaml \
            names, else the only branch), registers the merge driver (`kaleido merge-driver`, found \
            on PATH) and the editor schema associations, writes your identity (--name/--email, \
            else git's user.name/user.email) into the clone's git config, runs one sync cycle, and \
            prints the next steps (the daemon). DIR defaults to the URL's last component without \
            .git; it must not exist or be empty. On any failure nothing is left behind. Exit codes: \
            0 cloned and in sync, 1 the remote is empty, is no Kaleido KB, refused access or holds \
            an unsafe tree, or the sync check failed, 2 usage error (bad URL, DIR not empty, no \
            identity, ambiguous branch), 3 the remote could not be reached, 130 interrupted (Ctrl-C).
            """)

    @Argument(help: "The team's repository: an ssh, https or file URL, user@host:path, or a folder.")
    var url: String

    @Argument(help: "The folder of your copy (default: the URL's last component, without .git).")
    var directory: String?

    @Option(help: "Your name for your commits (default: git's user.name).")
    var name: String?

    @Option(help: "Your email for your commits (default: git's user.email).")
    var email: String?

    @Option(help: "The branch to check out (default: the remote's HEAD, else the config's, else the only one).")
    var branch: String?

    @Option(help: ArgumentHelp("The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH).", valueName: "command"))
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
