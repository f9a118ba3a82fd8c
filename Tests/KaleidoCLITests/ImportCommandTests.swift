import Foundation
import Testing

/// `kaleido import` on a French Excel export, through the built binary on copies of the sample
/// KB: Windows-1252 bytes, semicolons, accents, French numbers and dates, one bad row.
@Suite struct ImportCommandTests {
    /// Windows-1252 bytes of `text`: Latin-1 characters are their own byte; the few others the
    /// test uses are spelled out (the code page's table, independent of the reader's).
    static func windows1252(_ text: String) -> [UInt8] {
        let high: [Character: UInt8] = ["€": 0x80, "œ": 0x9C, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96]
        return text.map { character in
            if let byte = high[character] { return byte }
            let value = character.unicodeScalars.first!.value
            precondition(value < 0x100, "no Windows-1252 byte for \(character)")
            return UInt8(value)
        }
    }

    static let header = "id;Financeur;Programme;Ouverture;closes_on;Statut;amount_max.amount;amount_max.currency;themes"
    /// Line 2 and the record spanning lines 3–4 are valid; line 5 has 31 February at column 32.
    static let rows = [
        "aap-fej-2027-egalite;FEJ;Égalité des chances – l’œuvre “jeunes” 5 €;01/02/2027;30/04/2027;À venir;1 500,50;EUR;jeunesse|insertion",
        "aap-fej-2027-mobilite;fr-etat-fej;\"Mobilité; été\ninternationale\";2027-03-02;09/2027;ouvert;300000;EUR;Jeunesse",
        "aap-fej-2027-bad;FEJ;Programme;31/02/2027;06/2027;ouvert;12,5;EUR;jeunesse",
    ]
    static let maps = ["--map", "Ouverture=opens_on", "--map", "Statut=status"]

    static func writeExport(to path: String) throws {
        let bytes = windows1252(([header] + rows).joined(separator: "\r\n") + "\r\n")
        #expect(bytes.contains(0xE9) && bytes.contains(0x9C))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The KB's files but its index cache (which every command reading the index may refresh).
    static func kbFiles(_ kb: String) -> Set<String> { Run.files(under: kb).filter { !$0.hasPrefix(".kaleido/cache") } }

    static let created = ["aap-fej-2027-egalite", "aap-fej-2027-mobilite"]

    @Test func dryRunReportsTheBadRowAtItsCellAndWritesNothing() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../appels.csv"
            try Self.writeExport(to: csv)
            let before = Self.kbFiles(kb)
            let output = try Run.kaleido(["import", csv, "--type", "call", "--dry-run"] + Self.maps, in: kb)
            #expect(output.status == 1)
            #expect(output.stderr == "\(csv):5:32: error: opens_on: « 31/02/2027 » n'est pas une date (écrivez 22/09/2011, 09/2011 ou 2011-09-22)\n")
            #expect(output.stdout.contains("créerait 2 fiches call: aap-fej-2027-egalite, aap-fej-2027-mobilite"))
            #expect(Self.kbFiles(kb) == before)
        }
    }

    @Test func invalidRowsWriteNothingUnlessSkipped() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../appels.csv"
            try Self.writeExport(to: csv)
            let before = Self.kbFiles(kb)
            let refused = try Run.kaleido(["import", csv, "--type", "call"] + Self.maps, in: kb)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(csv):5:32: error:"))
            #expect(Self.kbFiles(kb) == before)

            let skipped = try Run.kaleido(["import", csv, "--type", "call", "--skip-invalid"] + Self.maps, in: kb)
            #expect(skipped.status == 0, "\(skipped.stderr)")
            #expect(skipped.stdout.contains("2 créées (aap-fej-2027-egalite, aap-fej-2027-mobilite) ; 1 ignorée (ligne 5"))
            #expect(Self.kbFiles(kb).subtracting(before) == Set(Self.created.map { "knowledge/calls/\($0).yaml" }))
            #expect(Run.read(kb + "/knowledge/calls/aap-fej-2027-egalite.yaml") == """
                id: aap-fej-2027-egalite
                type: call
                funder: fr-etat-fej
                programme: Égalité des chances – l’œuvre “jeunes” 5 €
                opens_on: '2027-02-01'
                closes_on: '2027-04-30'
                status: a_venir
                amount_max:
                  amount: 1500.50
                  currency: EUR
                themes:
                  - jeunesse
                  - insertion
                # optional: scheme, eligible_countries, eligible_applicants, requires_convention, amount_min,
                #   max_rate, min_own_contribution_rate, url, notes, sources, confidentiality

                """)
            let validate = try Run.kaleido(["validate"], in: kb)
            #expect(validate.status == 0)
            #expect(validate.stdout.contains(" fiches, 0 erreur, "))

            // The same ids again: taken, reported at the id cells, nothing written.
            let again = try Run.kaleido(["import", csv, "--type", "call", "--skip-invalid"] + Self.maps, in: kb)
            #expect(again.stderr.contains("\(csv):2:1: error: l'identifiant aap-fej-2027-egalite est déjà pris"))
            #expect(again.stdout.contains("0 créée ; 3 ignorées"))
        }
    }

    @Test func excelFrenchExportReimportsToTheSameRecords() throws {
        try Run.withSampleKB { first in
            let csv = first + "/../appels.csv"
            try Self.writeExport(to: csv)
            try #require(try Run.kaleido(["import", csv, "--type", "call", "--skip-invalid"] + Self.maps, in: first).status == 0)
            // Free text that is a key of some enumeration (a theme) stays the text, not its label.
            let free = first + "/../libre.csv"
            try Run.write("id,funder,programme,opens_on,closes_on,status\naap-fej-2027-libre,fr-etat-fej,jeunesse,2027,2027,clos\n", to: free)
            try #require(try Run.kaleido(["import", free, "--type", "call"], in: first).status == 0)
            let export = try Run.kaleido(["list", "call", "--where", "id~aap-fej-2027",
                                          "--fields", "id,funder,programme,opens_on,closes_on,status,amount_max.amount,amount_max.currency,themes",
                                          "--format", "csv", "--csv", "excel-fr"], in: first)
            #expect(export.status == 0)
            #expect(export.standardOutput.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(export.stdout.contains(";1500,50;EUR;Jeunesse | Insertion\r\n"))
            let exported = first + "/../export.csv"
            try export.standardOutput.write(to: URL(fileURLWithPath: exported))
            try Run.withSampleKB { second in
                let output = try Run.kaleido(["import", exported, "--type", "call"], in: second)
                #expect(output.status == 0, "\(output.stderr)")
                for id in Self.created + ["aap-fej-2027-libre"] {
                    let file = "/knowledge/calls/\(id).yaml"
                    let original = try Data(contentsOf: URL(fileURLWithPath: first + file))
                    #expect(try Data(contentsOf: URL(fileURLWithPath: second + file)) == original, "\(id)")
                }
            }
        }
    }

    @Test func unknownColumnIsAUsageErrorWithASuggestion() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../appels.csv"
            try Run.write("id;funder;programe\naap-x-2027-y;FEJ;Programme\n", to: csv)
            let output = try Run.kaleido(["import", csv, "--type", "call"], in: kb)
            #expect(output.status == 2)
            #expect(output.stderr.contains("\(csv):1:11: error: la colonne « programe » n'est pas un champ des fiches call (vouliez-vous dire « programme » ?)"))
            let mapped = try Run.kaleido(["import", csv, "--type", "call", "--map", "programe=programm"], in: kb)
            #expect(mapped.status == 2)
            #expect(mapped.stderr.contains("\(csv):1:11: error: --map programe=programm : les fiches call n'ont pas de champ « programm » (vouliez-vous dire « programme » ?)"))

            // A type column must say the type imported.
            try Run.write("id;type;funder;programme;opens_on;closes_on;status\naap-fej-2027-t;partner;FEJ;P;2027;2027;clos\n", to: csv)
            let typed = try Run.kaleido(["import", csv, "--type", "call", "--dry-run"], in: kb)
            #expect(typed.status == 1)
            #expect(typed.stderr == "\(csv):2:16: error: type : cette ligne est un(e) partner, pas un(e) call (--type call)\n")
        }
    }

    @Test func ambiguousAndUnknownReferencesAreReportedNeverGuessed() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../appels.csv"
            // Three partners answer to "Vienne" in the sample KB (the commune, the département, Wien).
            try Run.write("id,funder,programme,opens_on,closes_on,status\naap-x-2027-y,Vienne,P,2027,2027,ouvert\naap-x-2027-z,Nulle Part,P,2027,2027,ouvert\n", to: csv)
            let output = try Run.kaleido(["import", csv, "--type", "call", "--dry-run"], in: kb)
            #expect(output.status == 1)
            #expect(output.stderr.contains("\(csv):2:14: error: funder: « Vienne » désigne plusieurs fiches partner : at-mun-wien (Stadt Wien), fr-com-38544-vienne (Ville de Vienne), fr-dep-86-vienne (Département de la Vienne) ; écrivez l'identifiant"))
            #expect(output.stderr.contains("\(csv):3:14: error: funder: aucune fiche partner n'a l'identifiant, le nom ou l'alias « Nulle Part »"))
        }
    }

    @Test func idsAreMadeFromTheTypePatternAndCollisionsReported() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../partenaires.csv"
            // UTF-8 with a BOM, commas, titles as headers, no id column.
            let text = "\u{FEFF}Nom,Nature,country,codes.insee,Existe depuis\r\n"
                + "Municipalité de Gabès,municipalite_etrangere,TN,,2011\r\n"
                + "Valence,Commune,FR,26362,22/09/2011\r\n"
                + "Ville de Gabès,municipalite_etrangere,TN,,2012\r\n"
            try Run.write(text, to: csv)
            let output = try Run.kaleido(["import", csv, "--type", "partner", "--skip-invalid"], in: kb)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stderr == "\(csv):4:1: error: l'identifiant tn-mun-gabes fabriqué pour cette ligne est aussi celui de la ligne 2 ; donnez les identifiants dans une colonne id\n")
            #expect(output.stdout.contains("2 créées (tn-mun-gabes, fr-com-26362-valence) ; 1 ignorée (ligne 4"))
            let valence = Run.read(kb + "/knowledge/partners/fr/fr-com-26362-valence.yaml")
            #expect(valence?.contains("kind: commune\ncountry: FR\ncodes:\n  insee: '26362'\nvalid_from: '2011-09-22'\n") == true)
            #expect(Run.read(kb + "/knowledge/partners/tn/tn-mun-gabes.yaml")?.contains("name: Municipalité de Gabès\n") == true)
            #expect(try Run.kaleido(["validate"], in: kb).status == 0)

            // Again: the made ids are taken now.
            let again = try Run.kaleido(["import", csv, "--type", "partner"], in: kb)
            #expect(again.status == 1)
            #expect(again.stderr.contains("\(csv):2:1: error: l'identifiant tn-mun-gabes est déjà pris"))
        }
    }

    @Test func unreadableCSVIsAnErrorAtItsPlace() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../appels.csv"
            try Self.writeExport(to: csv)
            let forced = try Run.kaleido(["import", csv, "--type", "call", "--encoding", "utf-8"], in: kb)
            #expect(forced.status == 2)
            #expect(forced.stderr == "\(csv):1:1: error: le fichier n'est pas de l'UTF-8 valide ; essayez --encoding windows-1252\n")
            try Run.write("id;programme\naap-x-2027-y;\"open\n", to: csv)
            let open = try Run.kaleido(["import", csv, "--type", "call"], in: kb)
            #expect(open.status == 2)
            #expect(open.stderr == "\(csv):2:14: error: ce guillemet n'est jamais fermé\n")
        }
    }

    @Test func everyErrorOfARowIsToldAtItsCell() throws {
        try Run.withSampleKB { kb in
            let csv = kb + "/../appels.csv"
            // A misspelt status, a rate above 1, closing before opening; no closes_on in the second row.
            try Run.write("id;funder;programme;opens_on;closes_on;status;max_rate\n"
                          + "aap-fej-2027-q;FEJ;P;2028;2027;ouvrt;1,5\n"
                          + "aap-fej-2027-r;FEJ;P;2027;;ouvert;0,5\n", to: csv)
            let output = try Run.kaleido(["import", csv, "--type", "call", "--dry-run"], in: kb)
            #expect(output.status == 1)
            #expect(output.stderr == """
                \(csv):2:27: error: closes_on: closes_on 2027 est avant opens_on 2028
                \(csv):2:32: error: status: « ouvrt » n'est pas une des valeurs permises (vouliez-vous dire « ouvert » ?): a_venir, ouvert, clos
                \(csv):2:38: error: max_rate: max_rate 1.5 doit être au plus 1
                \(csv):3:27: error: closes_on: obligatoire, et aucune valeur n'est donnée

                """)
        }
    }
}
