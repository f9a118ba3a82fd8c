/// A URI reference split into its RFC 3986 components, with reference resolution (§5.2).
///
/// Only what `$id`, `$ref` and `$schema` need: no percent-decoding except in fragments, no
/// scheme-specific normalization beyond lower-casing the scheme and host. `urn:`, `tag:` and
/// `file:` URIs work like `http:` ones.
public struct URI: Hashable, Sendable, CustomStringConvertible {
    /// Lower-cased scheme (`https`, `urn`), nil for a relative reference.
    public var scheme: String?
    /// Lower-cased authority (`host:port`), nil when there is no `//`.
    public var authority: String?
    /// The path, possibly empty, as written (dot segments removed after resolution).
    public var path: String
    /// The query without `?`, nil when absent.
    public var query: String?
    /// The fragment without `#`, percent-escapes kept (see `decodedFragment`), nil when absent.
    public var fragment: String?

    /// Splits a URI reference (RFC 3986 appendix B's regular expression, by hand, on UTF-8).
    public init(_ text: String) {
        let utf8 = text.utf8
        var rest = text[...]
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(text[text.index(after: hash)...])
            rest = text[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) {
            let candidate = rest.utf8[..<colon]
            if let first = candidate.first, Self.isASCIILetter(first),
               candidate.allSatisfy({ Self.isASCIILetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 })
            {
                scheme = Self.asciiLowercased(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
        }
        if rest.utf8.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            rest = rest.dropFirst(2)
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            authority = Self.asciiLowercased(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    /// Lower-cases ASCII letters only (schemes and host names), without Unicode case tables.
    static func asciiLowercased(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return String(text) }
        return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Whether the URI has a scheme (an absolute URI, possibly with a fragment).
    public var isAbsolute: Bool { scheme != nil }

    /// The URI without its fragment.
    public var withoutFragment: URI {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `reference` against `self` as a base (RFC 3986 §5.2.2, strict).
    public func resolving(_ reference: URI) -> URI {
        if reference.scheme != nil {
            return URI(scheme: reference.scheme, authority: reference.authority,
                       path: Self.removeDotSegments(reference.path), query: reference.query,
                       fragment: reference.fragment)
        }
        if reference.authority != nil {
            return URI(scheme: scheme, authority: reference.authority,
                       path: Self.removeDotSegments(reference.path), query: reference.query,
                       fragment: reference.fragment)
        }
        if reference.path.isEmpty {
            return URI(scheme: scheme, authority: authority, path: path,
                       query: reference.query ?? query, fragment: reference.fragment)
        }
        let merged: String
        if reference.path.hasPrefix("/") {
            merged = reference.path
        } else if authority != nil && path.isEmpty {
            merged = "/" + reference.path
        } else if let slash = path.lastIndex(of: "/") {
            merged = path[...slash] + reference.path
        } else {
            merged = reference.path
        }
        return URI(scheme: scheme, authority: authority, path: Self.removeDotSegments(merged),
                   query: reference.query, fragment: reference.fragment)
    }

    /// Resolves a reference given as text.
    public func resolving(_ reference: String) -> URI { resolving(URI(reference)) }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        // Only a segment that is exactly `.` or `..` changes anything: file names with a dot
        // (`defs.yaml`) are the common case and need no work. A byte scan, as `contains("/.")`
        // goes through generic collection algorithms.
        var previous = UInt8(ascii: "/")
        var startsSegmentWithDot = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: "/") { startsSegmentWithDot = true; break }
            previous = byte
        }
        guard startsSegmentWithDot else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }

    public var description: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// The fragment with `%XX` escapes decoded (JSON pointers in `$ref` fragments are escaped).
    public var decodedFragment: String? {
        fragment.map(Self.percentDecode)
    }

    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
