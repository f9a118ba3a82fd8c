import Testing
@testable import KaleidoSchema

@Suite struct FormatTests {
    static func check(_ format: String, _ value: String) -> Bool {
        guard let checker = FormatRegistry.kaleido[format] else {
            Issue.record("no format \(format)")
            return false
        }
        return checker.check(value)
    }

    @Test(arguments: [
        ("732829320", true),   // Luhn-valid
        ("732829321", false),  // wrong check digit
        ("356000000", true),   // La Poste
        ("552100554", true),
        ("55210055", false),
        ("5521005540", false),
        ("55210055a", false),
        ("552 100 554", false),
    ])
    func siren(value: String, valid: Bool) {
        #expect(Self.check("siren", value) == valid)
    }

    @Test(arguments: [
        ("73282932000074", true),
        ("73282932000075", false),
        // La Poste establishments: digit sum a multiple of 5, not Luhn.
        ("35600000000048", true),   // head office: Luhn
        ("35600000012346", true),   // digit sum 30
        ("35600000012345", false),  // digit sum 29, Luhn fails
    ])
    func siret(value: String, valid: Bool) {
        #expect(Self.check("siret", value) == valid)
    }

    @Test(arguments: [
        ("01004", true), ("2A004", true), ("2B033", true), ("75056", true), ("97411", true),
        ("97608", true), ("98818", true), ("20004", false), ("2C004", false), ("00001", false),
        ("96001", false), ("97911", false), ("1004", false), ("010044", false), ("2a004", false),
    ])
    func inseeCommune(value: String, valid: Bool) {
        #expect(Self.check("insee-commune", value) == valid)
    }

    @Test(arguments: [
        ("2011", true), ("2011-02", true), ("2011-02-28", true), ("2012-02-29", true),
        ("2011-02-30", false), ("2011-02-29", false), ("2011-13", false), ("2011-00", false),
        ("2011-2", false), ("11", false), ("2011-02-28T10:00:00Z", false), ("2011/02", false),
        ("1900-02-29", false), ("2000-02-29", true),
    ])
    func partialDate(value: String, valid: Bool) {
        #expect(Self.check("partial-date", value) == valid)
    }

    @Test func isoCodes() {
        for code in ["NO", "TN", "FR", "DE", "SN", "CI", "MA", "US", "GB", "SS", "XK"] where code != "XK" {
            #expect(Self.check("iso3166-alpha2", code), "\(code)")
        }
        for code in ["TNX", "UK", "EU", "fr", "XK", "ZZ", ""] {
            #expect(!Self.check("iso3166-alpha2", code), "\(code)")
        }
        #expect(ISOCodes.countries.count == 249)
        for code in ["EUR", "TND", "XOF", "XAF", "USD", "NOK", "CHF", "MAD"] {
            #expect(Self.check("iso4217", code), "\(code)")
        }
        for code in ["FRF", "EURO", "eur", "ABC"] {
            #expect(!Self.check("iso4217", code), "\(code)")
        }
    }
}
