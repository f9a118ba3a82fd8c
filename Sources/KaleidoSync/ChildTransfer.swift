internal import Foundation
internal import Glibc
public import KaleidoGit

/// Fetches, pushes and reads ssh host keys in a child process `EXECUTABLE __transfer LABEL PID`
/// (`TransferChild` is its other end), so that a transfer which stops making progress can be
/// abandoned: libgit2 1.5 has no network timeout, and its callbacks run only when data arrives,
/// so a server that accepts and never answers (or a dead NFS mount, or a DNS lookup that hangs)
/// would block the calling thread for ever.
///
/// The child prints a line each time libgit2 calls back and its result as a last JSON line;
/// `timeout` seconds without a line, or `options.isCancelled()`, and it is killed and reaped
/// within 100 ms.
public struct ChildTransfer: RemoteTransfer {
    /// The `kaleido` binary (`TransferMode.currentExecutable` for the running one).
    public var executable: String
    /// Seconds without progress after which a transfer is abandoned (`sync.timeout`).
    public var timeout: Double
    /// Shown in the child's arguments, so that `ps` tells whose transfer it is.
    public var label: String

    public init(executable: String, timeout: Double, label: String) {
        self.executable = executable
        self.timeout = timeout
        self.label = label
    }

    public func fetch(_ repository: Repository, remote: String, options: TransferOptions) throws {
        var request = TransferRequest(operation: .fetch, repository: repository.gitDirectory, remote: remote)
        request.credentials = options.credentials
        request.knownHosts = options.knownHosts
        _ = try run(request, isCancelled: options.isCancelled, operation: "fetch from '\(remote)'")
    }

    public func push(_ repository: Repository, remote: String, localReference: String, remoteReference: String,
                     options: TransferOptions) throws -> PushOutcome {
        var request = TransferRequest(operation: .push, repository: repository.gitDirectory, remote: remote,
                                      localReference: localReference, remoteReference: remoteReference)
        request.credentials = options.credentials
        request.knownHosts = options.knownHosts
        let reply = try run(request, isCancelled: options.isCancelled, operation: "push to '\(remote)'")
        return reply.outcome == .rejected ? .rejected(reply.reason ?? "rejected") : .pushed
    }

    /// The key the ssh server at `endpoint` presents (`HostKeyProbe.key(of:)` in the child).
    ///
    /// - Throws: `GitError` when the server cannot be reached or gives no progress for `timeout`.
    public func hostKey(of endpoint: SSHEndpoint, isCancelled: () -> Bool = { false }) throws -> SSHHostKey {
        let request = TransferRequest(operation: .hostKey, host: endpoint.host, port: endpoint.port)
        let reply = try run(request, isCancelled: isCancelled, operation: "read the host key of \(endpoint)")
        guard let key = reply.key.flatMap({ SSHHostKey(base64: $0) }) else {
            throw GitError(code: .generic, errorClass: .none, message: "the server did not present an ssh host key",
                           operation: "read the host key of \(endpoint)")
        }
        return key
    }

    private func run(_ request: TransferRequest, isCancelled: () -> Bool, operation: String) throws -> TransferReply {
        // Our pid, so that the child can tell whether we died before it asked to die with us.
        let child = WatchedChild(executable: executable, arguments: ["__transfer", label, "\(getpid())"], stallTimeout: timeout)
        let input = Array(try JSONEncoder().encode(request))
        switch try child.run(input: input, isCancelled: isCancelled) {
        case .cancelled:
            throw GitError(code: GitError.Code(rawValue: -7 /* GIT_EUSER */), errorClass: .none, message: "cancelled", operation: operation)
        case .stalled:
            throw GitError(code: .generic, errorClass: .net,
                           message: "no progress for \(Self.seconds(timeout)) (sync.timeout): the remote accepted the connection but stopped answering, or could not be reached in time; the transfer was abandoned",
                           operation: operation)
        case .exited(let status, let output):
            let lastLine = output.split(separator: 0x0A).last { $0.first == UInt8(ascii: "{") }.map { Array($0) } ?? []
            guard let reply = try? JSONDecoder().decode(TransferReply.self, from: Data(lastLine)) else {
                throw GitError(code: .generic, errorClass: .os, message: "the transfer process ended without an answer (\(Self.describe(status)))",
                               operation: operation)
            }
            if let error = reply.error(knownHosts: request.knownHosts) { throw error }
            return reply
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// A `waitpid` status in words.
    private static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        return signal == 0 ? "exit status \((status >> 8) & 0xff)" : "killed by signal \(signal)"
    }
}
