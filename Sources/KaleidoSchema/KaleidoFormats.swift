/// The knowledge base's own formats: partial dates and French administrative identifiers.
enum KaleidoFormats {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each a real calendar value (`2011-02-30` is not).
    @Sendable static func isPartialDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        switch bytes.count {
        case 4:
            return DateTimeFormats.digits(bytes, &index, 4) != nil
        case 7:
            guard DateTimeFormats.digits(bytes, &index, 4) != nil, DateTimeFormats.expect(bytes, &index, "-"),
                  let month = DateTimeFormats.digits(bytes, &index, 2) else { return false }
            return (1...12).contains(month)
        case 10:
            return DateTimeFormats.isDate(text)
        default:
            return false
        }
    }

    /// An INSEE commune code (Code officiel géographique): a department (01–19, 21–95, or 2A/2B
    /// for Corsica, whose communes have no "20" code) then three digits; overseas 971–978 and
    /// the Pacific collectivities 984–988, then two digits.
    @Sendable static func isINSEECommune(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2...].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        if bytes[0] == UInt8(ascii: "2"), bytes[1] == UInt8(ascii: "A") || bytes[1] == UInt8(ascii: "B") { return true }
        guard bytes[0...1].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let department = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
        let third = Int(bytes[2] - 48)
        switch department {
        case 1...19, 21...95: return true
        case 97: return (1...8).contains(third)
        case 98: return (4...8).contains(third)
        default: return false
        }
    }

    /// The Luhn checksum over ASCII digits (the rightmost digit is the check digit).
    static func luhn(_ bytes: [UInt8]) -> Bool {
        var sum = 0
        for (position, byte) in bytes.reversed().enumerated() {
            var digit = Int(byte - 48)
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// A SIREN: nine digits with a valid Luhn check digit. (La Poste's own SIREN, 356000000,
    /// satisfies Luhn; the exception for La Poste concerns its SIRETs: see `isSIRET`.)
    @Sendable static func isSIREN(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 9, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return luhn(bytes)
    }

    /// A SIRET: fourteen digits with a valid Luhn check digit, except La Poste's establishments
    /// (SIREN 356000000, all under one SIREN since 2010): only the head office, 35600000000048,
    /// satisfies Luhn; the others are numbered so that the sum of their 14 digits is a multiple
    /// of 5 (INSEE's rule).
    @Sendable static func isSIRET(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 14, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        if bytes.starts(with: Array("356000000".utf8)) {
            return luhn(bytes) || bytes.reduce(0) { $0 + Int($1 - 48) } % 5 == 0
        }
        return luhn(bytes)
    }
}
