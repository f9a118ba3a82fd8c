import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoSync

/// What `kaleido daemon add/list/remove/--install` tell the user, in one place (French: the
/// team's language), for the message catalogue to take over.
enum DaemonRegistryText {
    static func added(_ root: String, _ file: String) -> String {
        Lang.pick(fr: "base ajoutée à \(file) : \(root)", en: "knowledge base added to \(file): \(root)")
    }
    static func already(_ root: String, _ file: String) -> String {
        Lang.pick(fr: "\(root) est déjà dans \(file)", en: "\(root) is already in \(file)")
    }
    static func removed(_ root: String, _ file: String) -> String {
        Lang.pick(fr: "base retirée de \(file) : \(root)", en: "knowledge base removed from \(file): \(root)")
    }
    static func notListed(_ root: String, _ file: String) -> String {
        Lang.pick(fr: "\(root) n'est pas dans \(file)", en: "\(root) is not in \(file)")
    }
    static func none(_ file: String) -> String {
        Lang.pick(fr: "aucune base enregistrée dans \(file) : `kaleido daemon add DOSSIER`",
                  en: "no knowledge base listed in \(file): `kaleido daemon add FOLDER`")
    }
    static func missing(_ root: String) -> String { Lang.pick(fr: "\(root)  (introuvable)", en: "\(root)  (not found)") }
    static func notAKB(_ path: String) -> String {
        Lang.pick(fr: "\(path) n'est pas dans une base Kaleido (aucun .kaleido/config.yaml) : donnez le dossier d'une base (kaleido clone ou kaleido init)",
                  en: "\(path) is not in a Kaleido knowledge base (no .kaleido/config.yaml): give the folder of a knowledge base (kaleido clone or kaleido init)")
    }
    static var restart: String {
        Lang.pick(fr: "si le démon tourne déjà : systemctl --user restart kaleido-daemon",
                  en: "if the daemon already runs: systemctl --user restart kaleido-daemon")
    }
    static func unitWritten(_ path: String) -> String { Lang.pick(fr: "service systemd écrit : \(path)", en: "systemd service written: \(path)") }
    static func unitKept(_ path: String) -> String {
        Lang.pick(fr: "service systemd déjà présent, laissé tel quel : \(path)", en: "systemd service already there, left as it is: \(path)")
    }
    static func cannotWrite(_ path: String, _ error: any Error) -> String {
        Lang.pick(fr: "impossible d'écrire \(path) : \(error)", en: "cannot write \(path): \(error)")
    }
    static var enable: String {
        Lang.pick(fr: "pour démarrer le démon maintenant et à chaque session :", en: "to start the daemon now and at each session:")
            + "\n  systemctl --user daemon-reload && systemctl --user enable --now kaleido-daemon"
    }

    /// `DaemonRegistry.Problem`'s English texts (`daemon.yaml:L:C: error: …`) in the run's language.
    static func problem(_ message: String) -> String {
        guard Lang.current == .fr else { return message }
        return message
            .replacingOccurrences(of: "error: knowledge_bases must be a list of folders", with: "error: knowledge_bases doit être une liste de dossiers")
            .replacingOccurrences(of: "error: each entry of knowledge_bases must be a folder", with: "error: chaque entrée de knowledge_bases doit être un dossier")
            .replacingOccurrences(of: "error: knowledge_bases is not a block list; remove ", with: "error: knowledge_bases n'est pas une liste en bloc ; retirez à la main ")
            .replacingOccurrences(of: "error: its knowledge_bases list has a layout this edit cannot keep; change it by hand",
                                  with: "error: sa liste knowledge_bases a une mise en page que cette modification ne saurait garder ; changez-la à la main")
            .replacingOccurrences(of: "cannot write ", with: "impossible d'écrire ")
    }

    static func fail(_ message: String) -> Never {
        StandardError.write(Messages.errorPrefix + problem(message) + "\n")
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
