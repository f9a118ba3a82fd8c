import Foundation
import Testing

/// `kaleido import --type registration --event EVT` on a French Excel export (Windows-1252,
/// semicolons) through the built binary, on copies of the sample KB: an adult with consent
/// becomes a registration, a minor and an adult without consent only counts, a bad row is
/// reported at its cell.
@Suite struct RegistrationImportTests {
    static let event = "evt-2011-09-arricod-universites-dijon"
    static let eventFile = "knowledge/events/2011/evt-2011-09-arricod-universites-dijon.yaml"
    static let header = "Nom;Organisation;Rôle;Statut;Pays;Sexe;Âge;Consentement;Objet du consentement"
    /// Line 2 an adult with consent; line 3 a minor (16); line 4 an adult without consent;
    /// line 5 a consent on 31 February, at column 58.
    static let rows = [
        "Hélène Dupré;Région Bourgogne;Participante;Présente;FR;F;34;15/09/2011;Liste des participants",
        "Youssef Ben Ali;Association Horizons Sfax;Participant;Inscrit;TN;H;16;;",
        "Jean Morin;Ville de Dijon;participant;présent;FR;H;45;;",
        "Chloé Martin;Ville de Lyon;Participante;Présente;FR;F;29;31/02/2011;Actes",
    ]

    static func writeExport(_ rows: [String], to path: String) throws {
        let text = ([header] + rows).joined(separator: "\r\n") + "\r\n"
        let bytes = text.unicodeScalars.map { scalar -> UInt8 in
            precondition(scalar.value < 0x100, "no Windows-1252 byte for \(scalar)")
            return UInt8(scalar.value)
        }
        #expect(bytes.contains(0xC2))  // Â of Âge: not UTF-8
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func dryRunReportsTheBadRowAndWritesNothing() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../inscriptions.csv"
            try Self.writeExport(Self.rows, to: csv)
            let before = Run.read(kb + "/" + Self.eventFile)
            let output = try Run.kaleido(["import", csv, "--type", "registration", "--event", Self.event, "--dry-run", "--lang", "en"], in: kb)
            #expect(output.status == 1)
            #expect(output.stderr == "\(csv):5:58: error: consent.given_on: \"31/02/2011\" is not a date (write 12/09/2011)\n")
            #expect(output.stdout.contains("line 2: would add registration Hélène Dupré"))
            #expect(output.stdout.contains("line 3: would add 1 to the count (TN, homme, age_13_17): minor: counted, never named"))
            #expect(output.stdout.contains("line 4: would add 1 to the count (FR, homme, plus_30): no consent: counted without the name"))
            #expect(Run.read(kb + "/" + Self.eventFile) == before)
            let refused = try Run.kaleido(["import", csv, "--type", "registration", "--event", Self.event, "--lang", "en"], in: kb)
            #expect(refused.status == 1)
            #expect(Run.read(kb + "/" + Self.eventFile) == before)
        }
    }

    @Test func skipInvalidAppendsKeepingCommentsAndNeverNamesTheMinor() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../inscriptions.csv"
            try Self.writeExport(Self.rows, to: csv)
            let before = try #require(Run.read(kb + "/" + Self.eventFile))
            let output = try Run.kaleido(["import", csv, "--type", "registration", "--event", Self.event, "--skip-invalid", "--lang", "en"], in: kb)
            #expect(output.status == 0, "\(output.stderr)")
            let after = try #require(Run.read(kb + "/" + Self.eventFile))
            // Every line of the record is still there, in order (comments included).
            var remaining = after.split(separator: "\n", omittingEmptySubsequences: false)[...]
            for line in before.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                let found = try #require(remaining.firstIndex(of: line), "lost line: \(line)")
                remaining = remaining[(found + 1)...]
            }
            #expect(after.contains("name: Hélène Dupré"))
            #expect(after.contains(#"""
                  - name: Hélène Dupré
                    organisation: Région Bourgogne
                    role: participant
                    status: present
                    country: FR
                    sex: femme
                    age_band: plus_30
                    consent: {given_on: "2011-09-15", scope: Liste des participants}
                # Participants who did not agree to appear by name, counted from the sign-in sheets.
                """#))
            #expect(after.contains("""
                  - {country: TN, sex: homme, age_band: age_13_17, role: participant, number: 1}
                  - {country: FR, sex: homme, age_band: plus_30, role: participant, number: 1}
                sources:
                """))
            #expect(!after.contains("Youssef") && !after.contains("Ben Ali") && !after.contains("Jean Morin") && !after.contains("Chloé"))
            let validate = try Run.kaleido(["validate", "--lang", "en"], in: kb)
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
            // 114 before; Hélène Dupré, the minor and Jean Morin add one each.
            let participants = try Run.kaleido(["participants", Self.event, "--by", "country,sex,age_band,role", "--format", "json", "--lang", "en"], in: kb)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(participants.stdout.utf8)) as? [String: Any])
            #expect(object["total"] as? Int == 117)
            let groups = (object["groups"] as? [[String: Any]] ?? []).map { group in
                ["country", "sex", "age_band", "role"].map { group[$0] as? String ?? "-" }.joined(separator: " ") + " \(group["number"] as? Int ?? -1)"
            }
            #expect(groups.contains("TN homme age_13_17 participant 1"))
            #expect(groups.contains("FR homme plus_30 participant 1"))
            #expect(groups.contains("FR femme plus_30 participant 1"))
        }
    }

    @Test func aSecondImportAddsToTheSameCounts() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../mineurs.csv"
            try Self.writeExport(["Youssef Ben Ali;Association Horizons Sfax;Participant;Inscrit;TN;H;16;;"], to: csv)
            #expect(try Run.kaleido(["import", csv, "--type", "registration", "--event", Self.event, "--lang", "en"], in: kb).status == 0)
            try Self.writeExport(["Sami Trabelsi;Association Horizons Sfax;Participant;Inscrit;TN;H;15;;"], to: csv)
            #expect(try Run.kaleido(["import", csv, "--type", "registration", "--event", Self.event, "--lang", "en"], in: kb).status == 0)
            let after = try #require(Run.read(kb + "/" + Self.eventFile))
            #expect(after.contains("  - {country: TN, sex: homme, age_band: age_13_17, role: participant, number: 2}\nsources:"))
        }
    }

    /// An event without registrations or counts: both lists are added at the end of the file,
    /// after its last line, and the record validates; a row longer than the header is refused.
    @Test func anEventWithoutListsGetsThemAtTheEnd() throws {
        try Run.withSampleKB { kb in
            let file = "knowledge/events/2011/evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie.yaml"
            let before = try #require(Run.read(kb + "/" + file))
            let csv = kb + "/../atelier.csv"
            try Self.writeExport([
                "Nadia Cherif;Ville de Romans;Intervenante;Confirmée;FR;F;;01/05/2011;Programme",
                "Sami;Sfax;Participant;Inscrit;TN;H;17;;;en trop",
            ], to: csv)
            let refused = try Run.kaleido(["import", csv, "--type", "registration", "--event", "evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie", "--lang", "en"], in: kb)
            #expect(refused.status == 1)
            #expect(refused.stderr == "\(csv):3:41: error: this row has more cells than the header has columns\n")
            try Self.writeExport([
                "Nadia Cherif;Ville de Romans;Intervenante;Confirmée;FR;F;;01/05/2011;Programme",
                "Sami;Sfax;Participant;Inscrit;TN;H;17;;",
            ], to: csv)
            let output = try Run.kaleido(["import", csv, "--type", "registration", "--event", "evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie", "--lang", "en"], in: kb)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(Run.read(kb + "/" + file) == before + """
                registrations:
                  - name: Nadia Cherif
                    organisation: Ville de Romans
                    role: intervenant
                    status: confirme
                    country: FR
                    sex: femme
                    consent: {given_on: "2011-05-01", scope: Programme}
                counts:
                  - {country: TN, sex: homme, age_band: age_13_17, role: participant, number: 1}

                """)
            #expect(try Run.kaleido(["validate", "--lang", "en"], in: kb).status == 0)
        }
    }

    /// A minor written into a registration by hand: `validate` names the file, line and column.
    @Test func validateRefusesANamedMinorAndAnAdultWithoutConsent() throws {
        try Run.withSampleKB { kb in
            let file = "knowledge/events/2010/evt-2010-07-molde-echange-jeunes.yaml"
            let text = try #require(Run.read(kb + "/" + file))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let counts = try #require(lines.firstIndex(of: "counts:"))  // 0-based: the new lines start at counts + 1
            let added = [
                "  - {name: Ola Nordmann, role: participant, status: present, country: \"NO\", age_band: age_13_17}",
                "  - {name: Jean Martin, role: accompagnateur, status: present, country: FR}",
            ]
            let edited = (lines[..<counts] + added.map { Substring($0) } + lines[counts...]).joined(separator: "\n")
            try Run.write(edited, to: kb + "/" + file)
            let output = try Run.kaleido(["validate", "--lang", "en"], in: kb)
            #expect(output.status == 1)
            #expect(output.stdout.contains("\(file):\(counts + 1):12: error: a minor is never recorded by name: delete name and count them in counts ({country, sex, age_band, number}) [gdpr-minor]"))
            #expect(output.stdout.contains("\(file):\(counts + 2):12: error: an adult is named only with their consent: add consent: {given_on: YYYY-MM-DD, scope: …}, or count them in counts without their name [gdpr-consent]"))
            // The sample's language, French: the same findings worded for the consultant.
            let french = try Run.kaleido(["validate"], in: kb)
            #expect(french.stdout.contains("\(file):\(counts + 1):12: error: un mineur n'est jamais enregistré nommément : supprimez name et comptez-le dans counts"))
            #expect(french.stdout.contains("\(file):\(counts + 2):12: error: un adulte n'est nommé qu'avec son consentement"))
        }
    }

    @Test func usageErrors() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../inscriptions.csv"
            try Self.writeExport(Self.rows, to: csv)
            #expect(try Run.kaleido(["import", csv, "--type", "registration", "--lang", "en"], in: kb).status == 2)
            #expect(try Run.kaleido(["import", csv, "--type", "registration", "--event", "fr-asso-arricod", "--lang", "en"], in: kb).status == 2)
            #expect(try Run.kaleido(["import", csv, "--type", "call", "--event", Self.event, "--lang", "en"], in: kb).status == 2)
            try Run.write("Nom;Nationalité\nX;Y\n", to: csv)
            let unknown = try Run.kaleido(["import", csv, "--type", "registration", "--event", Self.event, "--lang", "en"], in: kb)
            #expect(unknown.status == 2)
            #expect(unknown.stderr.hasPrefix("\(csv):1:5: error: the column \"Nationalité\" is no field of a registration"))
        }
    }
}
