internal import Foundation

/// A line of a known_hosts file: `file:line`, for messages that send the user to it.
public struct KnownHostsLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as it was given.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// A location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// One usable line of a known_hosts file (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT").
public struct KnownHostsEntry: Hashable, Sendable {
    /// The line's marker.
    public enum Marker: Hashable, Sendable {
        /// A host key.
        case none
        /// `@revoked`: this key must never be accepted, for any host.
        case revoked
    }

    /// One name of the host-names field.
    public enum HostName: Hashable, Sendable {
        /// A name or pattern (`*`, `?`), possibly negated with `!`.
        case pattern(String, negated: Bool)
        /// `|1|salt|hash`: HMAC-SHA1 of the name under the salt (ssh's `HashKnownHosts`).
        case hashed(salt: [UInt8], hash: [UInt8])
    }

    /// `@revoked` or nothing.
    public var marker: Marker
    /// The host-names field.
    public var names: [HostName]
    /// The key.
    public var key: SSHHostKey
    /// Where the line is.
    public var location: KnownHostsLocation

    /// Whether the line names `name` (a `SSHEndpoint.knownHostsName`): a hashed name or a
    /// pattern matches it and no negated pattern does, as OpenSSH's `match_hostname` decides.
    public func matches(_ name: String) -> Bool {
        var matched = false
        for hostName in names {
            switch hostName {
            case .hashed(let salt, let hash):
                if SHA1.hmac(key: salt, message: Array(name.utf8)) == hash { matched = true }
            case .pattern(let pattern, let negated):
                guard Self.glob(Array(pattern.lowercased().utf8)[...], Array(name.utf8)[...]) else { continue }
                if negated { return false }
                matched = true
            }
        }
        return matched
    }

    /// ssh's wildcard match: `*` any run of bytes, `?` one byte.
    static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case UInt8(ascii: "*"):
            let rest = pattern.dropFirst()
            var suffix = text
            while true {
                if glob(rest, suffix) { return true }
                guard !suffix.isEmpty else { return false }
                suffix = suffix.dropFirst()
            }
        case UInt8(ascii: "?"):
            return !text.isEmpty && glob(pattern.dropFirst(), text.dropFirst())
        default:
            return text.first == first && glob(pattern.dropFirst(), text.dropFirst())
        }
    }
}

/// The lines of one or more known_hosts files, parsed: what OpenSSH would trust, plus the
/// lines set aside and why. Parsing is pure and total: a line that does not parse is skipped
/// with a reason, never an error.
public struct KnownHosts: Hashable, Sendable {
    /// The usable lines, in file order.
    public var entries: [KnownHostsEntry] = []
    /// Lines that were not used, with the reason (malformed, `@cert-authority`).
    public var skipped: [SkippedLine] = []
    /// The files that were read (missing files are not listed).
    public var files: [String] = []

    /// Nothing known.
    public init() {}

    /// Parses the text of the file at `file` (the path is only used in locations).
    public static func parse(_ text: String, file: String) -> KnownHosts {
        var result = KnownHosts()
        result.files = [file]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = KnownHostsLocation(file: file, line: index + 1)
            switch parseLine(rawLine, location: location) {
            case .entry(let entry): result.entries.append(entry)
            case .skip(let reason): result.skipped.append(SkippedLine(location: location, reason: reason))
            case .nothing: break
            }
        }
        return result
    }

    /// Appends another file's lines (files are searched in order).
    public mutating func append(_ other: KnownHosts) {
        entries += other.entries
        skipped += other.skipped
        files += other.files
    }

    private enum Parsed {
        case entry(KnownHostsEntry)
        case skip(String)
        case nothing
    }

    private static func parseLine(_ rawLine: Substring, location: KnownHostsLocation) -> Parsed {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty || line.hasPrefix("#") { return .nothing }
        var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        var marker = KnownHostsEntry.Marker.none
        if let first = fields.first, first.hasPrefix("@") {
            switch first {
            case "@revoked": marker = .revoked
            case "@cert-authority":
                return .skip("@cert-authority lines are ignored: Kaleido checks host keys, not host certificates (libgit2 does not pass certificates on)")
            default: return .skip("unknown marker \(first)")
            }
            fields = fields.dropFirst()
        }
        guard fields.count >= 3 else { return .skip("expected host names, a key type and a base64 key") }
        let namesField = fields[fields.startIndex], typeField = fields[fields.startIndex + 1]
        let keyField = fields[fields.startIndex + 2]
        guard let key = SSHHostKey(base64: keyField) else { return .skip("the key is not a valid base64 ssh key") }
        guard key.type == typeField else { return .skip("the key type \(typeField) does not match the key, which is \(key.type)") }
        guard let names = parseNames(namesField) else { return .skip("malformed host names \(namesField)") }
        return .entry(KnownHostsEntry(marker: marker, names: names, key: key, location: location))
    }

    private static func parseNames(_ field: Substring) -> [KnownHostsEntry.HostName]? {
        // A hashed name takes the whole field (ssh writes one per line).
        if field.hasPrefix("|") {
            let parts = field.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0].isEmpty, parts[1] == "1",
                  let salt = Data(base64Encoded: String(parts[2])), let hash = Data(base64Encoded: String(parts[3])),
                  salt.count == 20, hash.count == 20 else { return nil }
            return [.hashed(salt: Array(salt), hash: Array(hash))]
        }
        var names: [KnownHostsEntry.HostName] = []
        for item in field.split(separator: ",", omittingEmptySubsequences: false) {
            let negated = item.hasPrefix("!")
            let pattern = negated ? item.dropFirst() : item
            guard !pattern.isEmpty else { return nil }
            names.append(.pattern(String(pattern), negated: negated))
        }
        return names
    }
}

extension KnownHosts {
    /// What the known lines say about `key` presented by the server at `endpoint`, as OpenSSH
    /// decides it: a `@revoked` key is refused whatever else is known; a line naming the host
    /// with this very key trusts it; a line naming the host with another key of the same type
    /// means the key changed; otherwise the key is unknown (the host may be known with keys of
    /// other types, which the result lists).
    public func verify(_ key: SSHHostKey, at endpoint: SSHEndpoint) -> HostKeyVerdict {
        if let revoked = entries.first(where: { $0.marker == .revoked && $0.key == key }) {
            return .revoked(revoked.location)
        }
        let name = endpoint.knownHostsName
        var sameType: [KnownHostsEntry] = [], otherTypes: [KnownHostsEntry] = []
        for entry in entries where entry.marker == .none && entry.matches(name) {
            if entry.key == key { return .trusted(entry.location) }
            if entry.key.type == key.type { sameType.append(entry) } else { otherTypes.append(entry) }
        }
        if !sameType.isEmpty { return .changed(stored: sameType) }
        return .unknown(otherTypes: otherTypes)
    }

    /// A known_hosts line trusting `key` at `endpoint`; hashed (`|1|salt|hash`) when a 20-byte
    /// `salt` is given, else the plain name, as `ssh-keyscan` prints it.
    public static func line(for key: SSHHostKey, at endpoint: SSHEndpoint, hashingWith salt: [UInt8]? = nil) -> String {
        let name = endpoint.knownHostsName
        guard let salt else { return "\(name) \(key.type) \(key.base64)" }
        let hash = SHA1.hmac(key: salt, message: Array(name.utf8))
        return "|1|\(Data(salt).base64EncodedString())|\(Data(hash).base64EncodedString()) \(key.type) \(key.base64)"
    }
}

/// A known_hosts line that was not used, and why.
public struct SkippedLine: Hashable, Sendable, CustomStringConvertible {
    /// Where it is.
    public var location: KnownHostsLocation
    /// Why it was skipped, e.g. "the key is not a valid base64 ssh key".
    public var reason: String

    /// `file:line: reason`.
    public var description: String { "\(location): \(reason)" }
}

/// What known_hosts says about a server's key.
public enum HostKeyVerdict: Hashable, Sendable {
    /// A line names the host with this key.
    case trusted(KnownHostsLocation)
    /// The key is marked `@revoked`.
    case revoked(KnownHostsLocation)
    /// The host is known with a different key of the same type: possibly a man in the middle.
    case changed(stored: [KnownHostsEntry])
    /// No line names the host with a key of this type (`otherTypes`: its keys of other types).
    case unknown(otherTypes: [KnownHostsEntry])
}
