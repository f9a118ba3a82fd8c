import Foundation
import KaleidoTestSupport
import Testing

/// `kaleido forget` on copies of the sample KB. Julien Rey (p-julien-rey) appears in 14 places,
/// read off the records by hand: his record; his id in an engagement's client_contact, two
/// events' participants and four interactions' persons; his name in two summaries (one of them
/// in an interaction whose id is built from his name), his alias "J. Rey" in an event's notes,
/// and his name and e-mail in a comment.
@Suite(.serialized) struct ForgetCLITests {
    /// Every place, `file:line:col`, in output order (files sorted, then positions).
    static let places = [
        "knowledge/engagements/eng-2011-romans-atelier-festivals.yaml:9:17",
        "knowledge/events/2011/evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie.yaml:17:13",
        "knowledge/events/2011/evt-2011-11-24-sfax-comite-pilotage.yaml:13:33",
        "knowledge/events/2011/evt-2011-11-24-sfax-comite-pilotage.yaml:17:32",
        "knowledge/interactions/int-2011-01-18-romans-cadrage-atelier.yaml:11:11",
        "knowledge/interactions/int-2013-06-27-romans-bilan-convention.yaml:10:28",
        "knowledge/interactions/int-2013-06-27-romans-bilan-convention.yaml:12:19",
        "knowledge/interactions/int-2013-06-27-romans-bilan-convention.yaml:12:31",
        "knowledge/interactions/int-2014-05-20-romans-depart-julien-rey.yaml:1:5",
        "knowledge/interactions/int-2014-05-20-romans-depart-julien-rey.yaml:6:10",
        "knowledge/interactions/int-2014-05-20-romans-depart-julien-rey.yaml:8:11",
        "knowledge/interactions/int-2016-04-12-aura-prise-de-contact.yaml:7:3",
        "knowledge/interactions/int-2016-04-12-aura-prise-de-contact.yaml:10:11",
        "knowledge/people/p-julien-rey.yaml:1:1",
    ]

    /// What must be gone, compared without case and accents: names, alias, e-mail, id, and the
    /// name as ids and file names write it.
    static let traces = ["julien rey", "j. rey", "julien.rey@region.example", "p-julien-rey", "julien-rey", "julien_rey"]

    /// Every file under `root` (path relative to it → bytes), `.git` left out.
    static func files(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let path = enumerator.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { enumerator.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            }
        }
        return files
    }

    static func fold(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }

    @Test func dryRunListsEveryPlaceAndWritesNothing() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let before = try Self.files(scratch.root)
        let result = try Kaleido.run(["forget", "p-julien-rey", "--dry-run"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Julien Rey (p-julien-rey) apparaît à 14 endroits :")
        let listed = lines.dropFirst().filter { $0.hasPrefix("knowledge/") }.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        #expect(listed == Self.places)
        #expect(result.stdout.contains("evt-2011-11-24-sfax-comite-pilotage.yaml:17:32: dans le texte (notes) : « J. Rey »"))
        #expect(result.stdout.contains("bilan-convention.yaml:12:31: dans un commentaire : « julien.rey@region.example »"))
        #expect(result.stdout.contains("int-2014-05-20-romans-depart-julien-rey.yaml:1:5: identifiant construit sur le nom (int-2014-05-20-romans-depart-julien-rey) → renommé int-2014-05-20-romans-depart-personne-retiree"))
        #expect(result.stdout.contains("eng-2011-romans-atelier-festivals.yaml:9:17: référence (client_contact)"))
        #expect(lines.last?.hasPrefix("Essai à blanc : rien n'a été écrit") == true)
        #expect(try Self.files(scratch.root) == before)
    }

    @Test func forgettingLeavesNoTraceAndEveryRecordValid() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        // A name resolves like an id; warm the index cache first: it holds the name too.
        #expect(try Kaleido.run(["find", "Julien Rey"], in: scratch.root).status == 0)
        let result = try Kaleido.run(["forget", "Julien Rey"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("l'historique git garde encore la personne"))
        #expect(result.stdout.contains("docs/gdpr.md"))

        for (path, data) in try Self.files(scratch.root) {
            let text = Self.fold(path + "\n" + String(decoding: data, as: UTF8.self))
            for trace in Self.traces { #expect(!text.contains(trace), "\(trace) left in \(path)") }
        }
        let validate = try Kaleido.run(["validate"], in: scratch.root)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

        // References point to the anonymised record, which keeps organisations and roles only.
        let anonymous = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/knowledge/people").first { $0.hasPrefix("p-anonyme-") })
        let id = String(anonymous.dropLast(".yaml".count))
        let record = try String(contentsOfFile: scratch.root + "/knowledge/people/" + anonymous, encoding: .utf8)
        #expect(record == """
            id: \(id)
            type: person
            full_name: "[personne retirée]"
            affiliations:
              - {partner: fr-com-26281-romans-sur-isere, role: charge_mission_ri}
              - {partner: fr-reg-84-auvergne-rhone-alpes, role: technicien}
            legal_basis: interet_legitime
            review_after: "2027-03-31"
            anonymised_on: "2026-11-27"

            """)
        let event = try String(contentsOfFile: scratch.root + "/knowledge/events/2011/evt-2011-11-24-sfax-comite-pilotage.yaml", encoding: .utf8)
        #expect(event.contains("  persons: [p-mohamed-trabelsi, \(id), p-karim-benali]\n"))
        #expect(event.contains("  Relevé de décisions tenu par [personne retirée] pour Romans, contresigné"))
        // The rest of a touched file is untouched: comments, key order, quoting.
        let bilan = try String(contentsOfFile: scratch.root + "/knowledge/interactions/int-2013-06-27-romans-bilan-convention.yaml", encoding: .utf8)
        let original = try String(contentsOfFile: SampleKB.root + "/knowledge/interactions/int-2013-06-27-romans-bilan-convention.yaml", encoding: .utf8)
        #expect(bilan == original
            .replacingOccurrences(of: "p-julien-rey", with: id)
            .replacingOccurrences(of: "de Julien Rey (julien.rey@region.example depuis", with: "de [personne retirée] ([personne retirée] depuis"))
        let renamed = try String(contentsOfFile: scratch.root + "/knowledge/interactions/int-2014-05-20-romans-depart-personne-retiree.yaml", encoding: .utf8)
        #expect(renamed.hasPrefix("id: int-2014-05-20-romans-depart-personne-retiree\n"))
        #expect(renamed.contains("\nsummary: \"[personne retirée] annonce son départ de Romans fin juin 2014 ; son successeur sera recruté à la rentrée.\"\n")
            || renamed.contains("\nsummary: '[personne retirée] annonce son départ de Romans fin juin 2014 ; son successeur sera recruté à la rentrée.'\n"))

        // Counts stay right; contact lists leave the anonymised record out.
        let contacts = try #require(try Kaleido.json(["contacts", "romans", "--on", "2011"], in: scratch.root) as? [[String: Any]])
        #expect(contacts.compactMap { $0["id"] as? String } == ["p-michel-arnaud"])
    }

    @Test func removeDeletesTheRecordAndTheReferences() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let result = try Kaleido.run(["forget", "p-julien-rey", "--remove"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        for (path, data) in try Self.files(scratch.root) {
            let text = Self.fold(path + "\n" + String(decoding: data, as: UTF8.self))
            for trace in Self.traces { #expect(!text.contains(trace), "\(trace) left in \(path)") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/knowledge/people").allSatisfy { !$0.hasPrefix("p-anonyme") })
        let event = try String(contentsOfFile: scratch.root + "/knowledge/events/2011/evt-2011-11-24-sfax-comite-pilotage.yaml", encoding: .utf8)
        #expect(event.contains("  persons: [p-mohamed-trabelsi, p-karim-benali]\n"))
        let engagement = try String(contentsOfFile: scratch.root + "/knowledge/engagements/eng-2011-romans-atelier-festivals.yaml", encoding: .utf8)
        #expect(engagement.contains("status: cloturee\nconsultants: [p-karim-benali, p-emilie-chabert]\n"))
        let renamed = try String(contentsOfFile: scratch.root + "/knowledge/interactions/int-2014-05-20-romans-depart-personne-retiree.yaml", encoding: .utf8)
        #expect(renamed.contains("\npersons: []\n"))
        let validate = try Kaleido.run(["validate"], in: scratch.root)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    /// A record that the edit would make invalid: nothing is written, the record is named.
    @Test func refusesWhenARecordWouldBecomeInvalid() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let schema = scratch.root + "/schemas/interaction.yaml"
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        let strict = text.replacingOccurrences(of: "  persons:\n    type: array\n", with: "  persons:\n    type: array\n    minItems: 1\n")
        #expect(strict != text)
        try strict.write(toFile: schema, atomically: true, encoding: .utf8)
        let before = try Self.files(scratch.root)
        let result = try Kaleido.run(["forget", "p-julien-rey", "--remove"], in: scratch.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("knowledge/interactions/int-2014-05-20-romans-depart-personne-retiree.yaml:8:10: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("rien n'a été écrit : ces fiches ne seraient plus valides : knowledge/interactions/int-2014-05-20-romans-depart-personne-retiree.yaml."))
        #expect(try Self.files(scratch.root) == before)
    }

    @Test func unknownPartialOrSharedNamesAreUsageErrors() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let partial = try Kaleido.run(["forget", "Rey", "--dry-run"], in: scratch.root)
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("« Rey » n'est le nom complet d'aucune personne ; donnez un de ces identifiants :\n  p-julien-rey  Julien Rey"))
        let unknown = try Kaleido.run(["forget", "Jean Personne", "--dry-run"], in: scratch.root)
        #expect(unknown.status == 2 && unknown.stderr.contains("aucune personne ne s'appelle « Jean Personne »"))
        try """
            id: p-julien-rey-2
            type: person
            full_name: Julien Rey
            affiliations: [{partner: tn-mun-sfax, role: expert}]
            legal_basis: interet_legitime
            review_after: "2028-01-31"

            """.write(toFile: scratch.root + "/knowledge/people/p-julien-rey-2.yaml", atomically: true, encoding: .utf8)
        let shared = try Kaleido.run(["forget", "julien rey"], in: scratch.root)
        #expect(shared.status == 2)
        #expect(shared.stderr.contains("désigne plusieurs personnes ; donnez un de ces identifiants :\n  p-julien-rey  Julien Rey\n  p-julien-rey-2  Julien Rey"))
        #expect(FileManager.default.fileExists(atPath: scratch.root + "/knowledge/people/p-julien-rey.yaml"))
    }

    /// Aliases are searchable names (issue 16 item 6).
    @Test func findSearchesPersonAliases() throws {
        let hits = try #require(try Kaleido.json(["find", "J. Rey"]) as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "p-julien-rey")
    }
}
