internal import Foundation
internal import Glibc
internal import KaleidoGit

/// `prctl` (<sys/prctl.h>, variadic in C, so not imported); PR_SET_PDEATHSIG is 1.
@_silgen_name("prctl")
private func prctl(_ option: Int32, _ argument: UInt) -> Int32

/// The child end of `ChildTransfer`: `kaleido __transfer LABEL PARENT-PID`, dispatched by `kaleido`'s
/// main before the argument parser. Reads one `TransferRequest` (JSON) on standard input,
/// runs it with libgit2, prints a heartbeat line (at most every 100 ms) whenever libgit2 calls
/// back, and the `TransferReply` as the last line.
public enum TransferChild {
    /// Runs the request on standard input; returns the exit status (0 whenever a reply was
    /// written, failures included: the reply says what failed).
    public static func main() -> Int32 {
        // Killed with the process that started us (a daemon killed -9 leaves no transfer behind);
        // a parent that died before this line would not be noticed, so compare with its pid.
        _ = prctl(1, UInt(SIGKILL))
        if let parent = CommandLine.arguments.dropFirst(3).first.flatMap(Int32.init), getppid() != parent { return 1 }
        signal(SIGPIPE, SIG_IGN)
        let heartbeat = Heartbeat()
        heartbeat.beat(force: true)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let reply: TransferReply
        do {
            let request = try JSONDecoder().decode(TransferRequest.self, from: input)
            let sending = SendQueueWatch { heartbeat.beat() }
            reply = run(request, heartbeat: heartbeat)
            sending.stop()
        } catch {
            var failure = TransferReply(outcome: .failure)
            failure.reason = "the transfer request is not readable: \(error)"
            reply = failure
        }
        return heartbeat.finish(with: reply.line()) ? 0 : 1
    }

    static func run(_ request: TransferRequest, heartbeat: Heartbeat) -> TransferReply {
        var options = TransferOptions(credentials: request.credentials ?? Credentials(), knownHosts: request.knownHosts ?? .current)
        options.progress = { heartbeat.beat() }
        do {
            switch request.operation {
            case .fetch:
                let repository = try Repository.open(at: request.repository ?? ".")
                try repository.fetch(remote: request.remote ?? "origin", options: options)
                return TransferReply(outcome: .fetched)
            case .push:
                let repository = try Repository.open(at: request.repository ?? ".")
                let outcome = try repository.push(
                    remote: request.remote ?? "origin", localReference: request.localReference ?? "HEAD",
                    remoteReference: request.remoteReference ?? "HEAD", options: options)
                switch outcome {
                case .pushed: return TransferReply(outcome: .pushed)
                case .rejected(let reason):
                    var reply = TransferReply(outcome: .rejected)
                    reply.reason = reason
                    return reply
                }
            case .hostKey:
                let endpoint = SSHEndpoint(host: request.host ?? "", port: request.port ?? 22)
                let key = try HostKeyProbe.key(of: endpoint)
                var reply = TransferReply(outcome: .hostKey)
                reply.key = key.base64
                return reply
            }
        } catch let refusal as HostKeyRefusal {
            return TransferReply(refusal: refusal)
        } catch let error as GitError {
            return TransferReply(error: error)
        } catch {
            var reply = TransferReply(outcome: .failure)
            reply.reason = "\(error)"
            return reply
        }
    }
}

/// Heartbeat lines on standard output, at most one per 100 ms (libgit2 calls back for every
/// few kilobytes), from the transfer's thread and `SendQueueWatch`'s; then the reply, after
/// which nothing more is written (the parent reads the last line as the reply).
final class Heartbeat: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0.0
    private var finished = false

    func beat(force: Bool = false) {
        lock.withLock {
            let now = WatchedChild.clock()
            guard !finished, force || now - last >= 0.1 else { return }
            last = now
            _ = Self.writeAll(Array("progress\n".utf8))
        }
    }

    /// Writes the reply line; `false` when the parent is gone (EPIPE).
    func finish(with line: [UInt8]) -> Bool {
        lock.withLock {
            finished = true
            return Self.writeAll(line)
        }
    }

    /// Writes all of `bytes` to standard output; `false` when the parent is gone (EPIPE).
    static func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
