internal import CGit2
internal import Foundation

/// An https server's certificate, checked in libgit2's `certificate_check` callback.
///
/// libgit2 1.5 with mbedTLS 2.28 verifies the chain and the host name itself, but compares an
/// address such as `127.0.0.1` with the certificate's DNS names only, never its IP address
/// names (`subjectAltName=IP:…`), and it does not say why a certificate failed. So when it
/// refuses one, the certificate is verified again here against the same CAs: for an address,
/// a certificate whose chain is trusted and that names the address is accepted; any other
/// refusal is explained (not trusted, expired, another name) in `certificateRefusal`.
extension TransferContext {
    func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, valid: Bool, host: String) -> Int32 {
        if valid { return 0 }
        let refusal = cert.withMemoryRebound(to: git_cert_x509.self, capacity: 1) { x509 in
            Self.verify(der: x509.pointee.data, length: x509.pointee.len, host: host, trust: trust)
        }
        guard let refusal else { return 0 }
        certificateRefusal = "the certificate of \(host) is refused: \(refusal) (trusted CAs: \(trust?.origin ?? "libgit2's default"))"
        return GIT_ECERTIFICATE.rawValue
    }

    /// `nil` when the certificate in `der` is trusted for `host`, else why not.
    static func verify(der: UnsafeMutableRawPointer?, length: Int, host: String, trust: TLSTrust?) -> String? {
        guard let der else { return "the server sent no certificate" }
        let leaf = X509Certificates(), authorities = X509Certificates()
        guard mbedtls_x509_crt_parse_der(leaf.pointer, der.assumingMemoryBound(to: UInt8.self), length) == 0 else {
            return "its certificate cannot be read"
        }
        if let file = trust?.file { _ = mbedtls_x509_crt_parse_file(authorities.pointer, file) }
        if let directory = trust?.directory { _ = mbedtls_x509_crt_parse_path(authorities.pointer, directory) }
        let address = IPAddress(host)
        var flags: UInt32 = 0
        // An address is checked against the IP names below, not as a DNS name.
        _ = mbedtls_x509_crt_verify(leaf.pointer, authorities.pointer, nil, address == nil ? host : nil, &flags, nil, nil)
        var reasons: [String] = []
        if flags & UInt32(MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0 {
            reasons.append("it is not signed by a trusted certificate authority (self-signed, or a private CA)")
        }
        if flags & UInt32(MBEDTLS_X509_BADCERT_EXPIRED) != 0 { reasons.append("it has expired") }
        if flags & UInt32(MBEDTLS_X509_BADCERT_FUTURE) != 0 { reasons.append("it is not valid yet (check the clock)") }
        if flags & UInt32(MBEDTLS_X509_BADCERT_REVOKED) != 0 { reasons.append("it has been revoked") }
        if flags & UInt32(MBEDTLS_X509_BADCERT_CN_MISMATCH) != 0 { reasons.append("it does not name \(host)") }
        if let address, !leaf.ipAddresses.contains(address) {
            reasons.append("it does not name \(host) (no subjectAltName IP:\(host))")
        }
        // What the TLS layer would also have checked: a certificate made for a TLS server.
        let serverAuth: [CChar] = [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01]  // 1.3.6.1.5.5.7.3.1
        if mbedtls_x509_crt_check_extended_key_usage(leaf.pointer, serverAuth, serverAuth.count) != 0 {
            reasons.append("it is not made for a TLS server (extendedKeyUsage without serverAuth)")
        }
        if reasons.isEmpty, flags != 0 { reasons.append(String(format: "mbedTLS verification flags %#x", flags)) }
        if reasons.isEmpty, address == nil { reasons.append("libgit2's TLS verification refused it") }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}

/// The bytes of an IPv4 or IPv6 address written in a URL's host (`[…]` for IPv6), or `nil`.
private func IPAddress(_ host: String) -> [UInt8]? {
    let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    var v4 = in_addr()
    if inet_pton(AF_INET, bare, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, bare, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
    return nil
}

/// Owns an mbedTLS certificate chain (`mbedtls_x509_crt`), freed once.
final class X509Certificates {
    let pointer = UnsafeMutablePointer<mbedtls_x509_crt>.allocate(capacity: 1)

    init() { mbedtls_x509_crt_init(pointer) }

    deinit {
        mbedtls_x509_crt_free(pointer)
        pointer.deallocate()
    }

    /// The first certificate's IP address names (`subjectAltName=IP:…`), as raw bytes.
    var ipAddresses: [[UInt8]] {
        let ipTag = Int32(MBEDTLS_ASN1_CONTEXT_SPECIFIC) | Int32(MBEDTLS_X509_SAN_IP_ADDRESS)
        var addresses: [[UInt8]] = []
        let offset = MemoryLayout<mbedtls_x509_crt>.offset(of: \.subject_alt_names) ?? 0
        var entry: UnsafeMutablePointer<mbedtls_x509_sequence>? =
            (UnsafeMutableRawPointer(pointer) + offset).assumingMemoryBound(to: mbedtls_x509_sequence.self)
        while let current = entry {
            let buffer = current.pointee.buf
            if buffer.tag == ipTag, let bytes = buffer.p {
                addresses.append(Array(UnsafeBufferPointer(start: bytes, count: buffer.len)))
            }
            entry = current.pointee.next
        }
        return addresses
    }
}
