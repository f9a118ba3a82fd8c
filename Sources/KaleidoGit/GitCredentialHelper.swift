internal import Foundation

/// git's credential helper, run as `git credential fill` and `git credential reject` (libgit2
/// does not read helpers), in the repository's folder so that its `credential.helper` applies.
public struct GitCredentialHelper: Sendable {
    /// Where git runs (a working tree or git folder); `nil`: this process's current folder.
    /// `Repository.fetch` and `push` set it to their repository when it is `nil`.
    public var directory: String?

    /// A helper run in `directory`.
    public init(directory: String? = nil) { self.directory = directory }

    /// The user name and password git's configured helper knows for `url`, or `nil`.
    public func fill(url: String, username: String?) -> (String, String)? {
        guard var input = Self.description(of: url) else { return nil }
        if let username { input += "username=\(username)\n" }
        guard let output = run("fill", input: input + "\n") else { return nil }
        return Self.parse(output)
    }

    /// Tells the helper that the server refused this password, so that it forgets it (as git
    /// does after a 401): a stored wrong password is not replayed at every retry.
    public func reject(url: String, username: String, password: String) {
        guard let input = Self.description(of: url) else { return }
        _ = run("reject", input: input + "username=\(username)\npassword=\(password)\n\n")
    }

    /// `protocol`, `host` (with its port) and `path` lines for `url`.
    static func description(of url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host else { return nil }
        var text = "protocol=\(components.scheme ?? "https")\nhost=\(host)\(components.port.map { ":\($0)" } ?? "")\n"
        if !components.path.isEmpty { text += "path=\(components.path.drop { $0 == "/" })\n" }
        return text
    }

    /// Runs `git credential ACTION` with `input`; its standard output when it exits 0.
    private func run(_ action: String, input: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "credential", action]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"  // a daemon has no terminal: never block on a prompt
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))  // git gone: EPIPE, not a trap
        try? stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? output : nil
    }

    /// The `username` and `password` lines of a helper's answer.
    static func parse(_ output: String) -> (String, String)? {
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let user = fields["username"], let password = fields["password"] else { return nil }
        return (user, password)
    }
}
