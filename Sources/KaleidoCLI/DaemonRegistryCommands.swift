import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoSync

/// What `kaleido daemon add/list/remove/--install` tell the user, in one place (French: the
/// team's language), for the message catalogue to take over.
enum DaemonRegistryText {
    static func added(_ root: String, _ file: String) -> String { "base ajoutée à \(file) : \(root)" }
    static func already(_ root: String, _ file: String) -> String { "\(root) est déjà dans \(file)" }
    static func removed(_ root: String, _ file: String) -> String { "base retirée de \(file) : \(root)" }
    static func notListed(_ root: String, _ file: String) -> String { "\(root) n'est pas dans \(file)" }
    static func none(_ file: String) -> String { "aucune base enregistrée dans \(file) : kaleido daemon add DOSSIER" }
    static func missing(_ root: String) -> String { "\(root)  (introuvable)" }
    static func notAKB(_ path: String) -> String {
        "\(path) n'est pas dans une base Kaleido (aucun .kaleido/config.yaml) : donnez le dossier d'une base (kaleido clone ou kaleido init)"
    }
    static let restart = "si le démon tourne déjà : systemctl --user restart kaleido-daemon"
    static func unitWritten(_ path: String) -> String { "service systemd écrit : \(path)" }
    static func unitKept(_ path: String) -> String { "service systemd déjà présent, laissé tel quel : \(path)" }
    static let enable = "pour démarrer le démon maintenant et à chaque session :\n  systemctl --user daemon-reload && systemctl --user enable --now kaleido-daemon"

    static func fail(_ message: String) -> Never {
        StandardError.write("kaleido: erreur : \(message)\n")
        exit(2)
    }
}

/// The KB root holding `directory` (default: the current one), made absolute; exits 2 when
/// there is none.
func daemonKBRoot(_ directory: String?) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let start = URL(fileURLWithPath: directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd).standardizedFileURL.path
    guard let root = KnowledgeBase.locate(from: start, fileSystem: LocalFileSystem()) else {
        DaemonRegistryText.fail(DaemonRegistryText.notAKB(start))
    }
    return root
}

/// `kaleido daemon add [DIR]`.
struct DaemonAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: Help.abstract("daemon add"),
        discussion: Help.discussion("daemon add"))

    @Argument(help: ArgumentHelp(Help.option("daemon add", "directory")))
    var directory: String?

    func run() throws {
        let file = DaemonRegistry.path()
        let root = daemonKBRoot(directory)
        do {
            if try DaemonRegistry.update(root, path: file) {
                print(DaemonRegistryText.added(root, file))
                print(DaemonRegistryText.restart)
            } else {
                print(DaemonRegistryText.already(root, file))
            }
        } catch { DaemonRegistryText.fail(error.description) }
    }
}

/// `kaleido daemon list`.
struct DaemonListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: Help.abstract("daemon list"))

    func run() throws {
        let file = DaemonRegistry.path()
        let text = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        do {
            let roots = try DaemonRegistry.listed(in: text, file: file)
            if roots.isEmpty { print(DaemonRegistryText.none(file)) }
            for root in roots {
                print(FileManager.default.fileExists(atPath: root + "/" + KBConfig.path) ? root : DaemonRegistryText.missing(root))
            }
        } catch { DaemonRegistryText.fail(error.description) }
    }
}

/// `kaleido daemon remove DIR`.
struct DaemonRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: Help.abstract("daemon remove"),
        discussion: Help.discussion("daemon remove"))

    @Argument(help: ArgumentHelp(Help.option("daemon remove", "directory")))
    var directory: String

    func run() throws {
        let file = DaemonRegistry.path()
        let cwd = FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: directory.hasPrefix("/") ? directory : cwd + "/" + directory).standardizedFileURL.path
        do {
            if try DaemonRegistry.update(root, remove: true, path: file) {
                print(DaemonRegistryText.removed(root, file))
                print(DaemonRegistryText.restart)
            } else {
                StandardError.write("kaleido: \(DaemonRegistryText.notListed(root, file))\n")
                throw ExitCode.failure
            }
        } catch let error as DaemonRegistry.Problem { DaemonRegistryText.fail(error.description) }
    }
}
