internal import Foundation

/// An ssh server's public key as it travels in the protocol and sits, base64-encoded, in
/// known_hosts: the key blob, whose first field names its type (`ssh-ed25519`, `ssh-rsa`,
/// `ecdsa-sha2-nistp256`, …).
///
/// Two keys are the same key exactly when their blobs are equal; that is the comparison
/// OpenSSH makes and the only one this module makes.
public struct SSHHostKey: Hashable, Sendable, CustomStringConvertible {
    /// The key in the ssh wire format (RFC 4253, section 6.6).
    public let blob: [UInt8]
    /// The key type the blob declares, e.g. `ssh-ed25519`.
    public let type: String

    /// A key whose type is already known to match its blob.
    init(type: String, blob: [UInt8]) {
        self.type = type
        self.blob = blob
    }

    /// Reads the type out of `blob`; `nil` when the blob does not start with a well-formed,
    /// printable type name.
    public init?(blob: [UInt8]) {
        guard blob.count >= 4 else { return nil }
        let length = Int(blob[0]) << 24 | Int(blob[1]) << 16 | Int(blob[2]) << 8 | Int(blob[3])
        guard length > 0, length <= 64, length <= blob.count - 4 else { return nil }
        let name = blob[4..<(4 + length)]
        guard name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        self.blob = blob
        self.type = String(decoding: name, as: UTF8.self)
    }

    /// Decodes the base64 field of a known_hosts or `.pub` line; `nil` when it is not base64 or
    /// not a key blob.
    public init?(base64: some StringProtocol) {
        guard let data = Data(base64Encoded: String(base64)) else { return nil }
        self.init(blob: Array(data))
    }

    /// The blob in base64, as known_hosts stores it.
    public var base64: String { Data(blob).base64EncodedString() }

    /// The fingerprint as `ssh-keygen -lf` and ssh print it: `SHA256:` and the unpadded base64
    /// of the SHA-256 digest of the blob.
    public var fingerprint: String {
        var encoded = Data(SHA256.hash(blob)).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "SHA256:" + encoded
    }

    /// `TYPE SHA256:…`, safe to print (a public key is public).
    public var description: String { "\(type) \(fingerprint)" }
}

/// Where an ssh server listens, as known_hosts names it: `host` on port 22, `[host]:port`
/// elsewhere.
public struct SSHEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// The host name or address, without brackets.
    public var host: String
    /// The TCP port.
    public var port: Int

    /// An endpoint; `port` defaults to ssh's 22.
    public init(host: String, port: Int = 22) {
        self.host = host
        self.port = port
    }

    /// The host of an ssh remote URL: `ssh://[user@]host[:port]/path` (also `git+ssh://` and
    /// `ssh+git://`) or git's scp-like `[user@]host:path` (always port 22). `nil` for other
    /// URLs (https, file, git).
    public init?(remoteURL url: String) {
        for scheme in ["ssh://", "git+ssh://", "ssh+git://"] where url.lowercased().hasPrefix(scheme) {
            let rest = url.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" }
            let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            self.init(argument: hostPort)
            return
        }
        guard !url.contains("://"), let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") else { return nil }
        let hostPart = url[..<colon].split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        guard !hostPart.isEmpty else { return nil }
        self.init(host: hostPart.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
    }

    /// What a user types: `host`, `host:port`, `[host]:port` (IPv6) or an ssh remote URL.
    public init?(argument text: String) {
        if text.contains("://") {
            guard let endpoint = SSHEndpoint(remoteURL: text) else { return nil }
            self = endpoint
            return
        }
        var host = Substring(text), port = 22
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else { return nil }
                port = number
            }
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            guard let number = Int(text[text.index(after: colon)...]) else { return nil }
            host = text[..<colon]
            port = number
        }
        host = host.split(separator: "@", omittingEmptySubsequences: false).last ?? host
        guard !host.isEmpty, (1...65535).contains(port),
              !host.contains(where: { $0 == " " || $0 == "/" || $0 == "," || $0 == "\t" }) else { return nil }
        self.init(host: String(host), port: port)
    }

    /// The name known_hosts stores: `host` on port 22, `[host]:port` on others; lowercased,
    /// as OpenSSH compares host names without case.
    public var knownHostsName: String {
        let lower = host.lowercased()
        return port == 22 ? lower : "[\(lower)]:\(port)"
    }

    /// `host` or `host:port` (`[host]:port` for IPv6), as `kaleido trust-host` accepts it back.
    public var description: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 22 ? name : "\(name):\(port)"
    }
}
