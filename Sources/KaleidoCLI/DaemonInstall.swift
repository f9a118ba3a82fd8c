import Foundation
import KaleidoSync

/// `kaleido daemon --install`: the KB around the current directory registered for the daemon,
/// and the systemd user unit written where `systemctl --user` finds it, unless one is there.
/// Nothing is enabled or started: the user runs the printed `systemctl` line.
enum DaemonInstall {
    /// contrib/kaleido-daemon.service, byte for byte (a test compares them); `ExecStart` is
    /// pointed at the running binary when written.
    static let unit = """
    # systemd user unit for the Kaleido sync daemon.
    # Installed by scripts/install (as PREFIX/share/systemd/user/kaleido-daemon.service, ExecStart set
    # to PREFIX/bin/kaleido); then: systemctl --user enable --now kaleido-daemon
    # The knowledge bases are listed in ~/.config/kaleido/daemon.yaml:
    #   knowledge_bases:
    #     - /home/marie/kaleidoscop-kb
    # Logs: journalctl --user -u kaleido-daemon -f   Status: kaleido status --kb /home/marie/kaleidoscop-kb
    [Unit]
    Description=Kaleido sync daemon (commits, merges and pushes knowledge-base edits)
    After=network-online.target

    [Service]
    ExecStart=%h/.local/bin/kaleido daemon
    # SIGTERM lets the daemon finish or abandon its current step cleanly.
    KillSignal=SIGTERM
    TimeoutStopSec=30
    Restart=on-failure
    RestartSec=10
    # Machine-local secrets, if any: KALEIDO_SSH_KEY=/home/marie/.ssh/id_ed25519, KALEIDO_TOKEN=…
    EnvironmentFile=-%h/.config/kaleido/environment

    [Install]
    WantedBy=default.target

    """

    /// The unit's folder: `$XDG_CONFIG_HOME/systemd/user`, default `~/.config/systemd/user`.
    static func unitPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? "") + "/.config"
        return config + "/systemd/user/kaleido-daemon.service"
    }

    /// `unit` with ExecStart naming `executable`, escaped for systemd (`%` and `$` are
    /// specifiers there; a path with spaces or quotes is quoted), as scripts/install does.
    static func unitText(executable: String) -> String {
        var path = executable.replacing("%", with: "%%").replacing("$", with: "$$")
        if path.contains(where: { $0.isWhitespace || "\"'\\".contains($0) }) {
            path = "\"" + path.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        return unit.replacing("ExecStart=%h/.local/bin/kaleido ", with: "ExecStart=\(path) ")
    }

    static func run(roots: [String]) throws {
        let root = daemonKBRoot(roots.first)
        let file = DaemonRegistry.path()
        do {
            print(try DaemonRegistry.update(root, path: file) ? DaemonRegistryText.added(root, file) : DaemonRegistryText.already(root, file))
        } catch { DaemonRegistryText.fail(error.description) }
        let target = unitPath()
        if FileManager.default.fileExists(atPath: target) {
            print(DaemonRegistryText.unitKept(target))
        } else {
            let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(unitText(executable: executable).utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch { DaemonRegistryText.fail(DaemonRegistryText.cannotWrite(target, error)) }
            print(DaemonRegistryText.unitWritten(target))
        }
        print(DaemonRegistryText.enable)
    }
}
