internal import Foundation
internal import KaleidoGit

/// What the parent asks a `__transfer` child, as one JSON document on the child's standard
/// input (credentials travel on the pipe, never in the arguments, which `ps` shows).
struct TransferRequest: Codable {
    enum Operation: String, Codable { case fetch, push, hostKey }

    var operation: Operation
    /// The git folder of the repository (fetch, push).
    var repository: String?
    var remote: String?
    var localReference: String?
    var remoteReference: String?
    /// The ssh server whose key to read (hostKey).
    var host: String?
    var port: Int?
    var credentials: Credentials?
    var knownHosts: KnownHostsFiles?
}

/// The child's answer: the last line of its standard output, one JSON object. Every line
/// before it is a heartbeat (libgit2 called back: the transfer is progressing).
struct TransferReply: Codable {
    enum Outcome: String, Codable { case fetched, pushed, rejected, hostKey, hostKeyRefusal, gitError, failure }

    var outcome: Outcome
    /// Why the push was rejected, or the message of a `failure`.
    var reason: String?
    /// The ssh server and the key it presented (hostKey, hostKeyRefusal).
    var host: String?
    var port: Int?
    var key: String?
    /// A `GitError`'s fields (gitError).
    var code: Int32?
    var errorClass: Int32?
    var message: String?
    var operation: String?
    var hint: String?

    init(outcome: Outcome) { self.outcome = outcome }

    init(error: GitError) {
        outcome = .gitError
        code = error.code.rawValue
        errorClass = error.errorClass.rawValue
        message = error.message
        operation = error.operation
        hint = error.hint
    }

    init(refusal: HostKeyRefusal) {
        outcome = .hostKeyRefusal
        host = refusal.endpoint.host
        port = refusal.endpoint.port
        key = refusal.key.base64
    }

    /// The error this reply stands for, or `nil` for a success. A refusal's verdict is read
    /// again here from the same known_hosts files the child used.
    func error(knownHosts: KnownHostsFiles?) -> (any Error)? {
        switch outcome {
        case .fetched, .pushed, .rejected, .hostKey:
            return nil
        case .hostKeyRefusal:
            let endpoint = SSHEndpoint(host: host ?? "", port: port ?? 22)
            let files = knownHosts ?? .current
            guard let key = key.flatMap({ SSHHostKey(base64: $0) }) else {
                return GitError(code: .certificate, errorClass: .ssh, message: "the server presented no usable host key",
                                operation: "check the host key of \(endpoint)")
            }
            var verdict = files.load().verify(key, at: endpoint)
            if case .trusted = verdict { verdict = .unknown(otherTypes: []) }  // trusted since: the next sync goes through
            return HostKeyRefusal(endpoint: endpoint, key: key, verdict: verdict, files: files)
        case .gitError:
            return GitError(code: GitError.Code(rawValue: code ?? -1), errorClass: GitError.Class(rawValue: errorClass ?? 0),
                            message: message ?? "", operation: operation ?? "transfer", hint: hint)
        case .failure:
            return GitError(code: .generic, errorClass: .none, message: reason ?? "the transfer failed", operation: "transfer")
        }
    }

    /// One line of JSON, newline-terminated.
    func line() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data(#"{"outcome":"failure"}"#.utf8)) + [0x0A]
    }
}
