internal import Foundation

/// Runs the command that prints an ssh key's passphrase (`kaleido.sshKeyPassphraseCommand` in
/// git config, or `KALEIDO_SSH_KEY_PASSPHRASE_COMMAND`), like `ssh`'s `SSH_ASKPASS`. Its output
/// is a secret: it is never logged nor put in an error.
enum PassphraseCommand {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The command's standard output without its final line break.
    static func run(_ command: String, directory: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdout = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Failure(description: "the ssh key passphrase command could not start: \(error)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the ssh key passphrase command exited with status \(process.terminationStatus)")
        }
        var text = String(decoding: output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
