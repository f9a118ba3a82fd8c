import Foundation
import Testing
import KaleidoTestSupport

/// What a client document leaves out (records not `public`, interactions) and says it leaves
/// out, and which partner the partner commands chose.
@Suite(.serialized) struct ReportScopeTests {
    /// conv-2027 (a draft under negotiation) and prj-2027 say nothing: `interne` by default.
    static let draftConvention = "Convention de coopération décentralisée Romans-sur-Isère – Sfax 2027-2030"

    @Test func reportShowsOnlyPublicRecordsAndSaysWhatItLeavesOut() throws {
        let result = try Kaleido.run(["report", "sfax", "--lang", "en"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains(Self.draftConvention))
        #expect(!result.stdout.contains("Festivals durables"), "the 2027 project is interne")
        // Interactions are the team's notes: never in a client document.
        #expect(!result.stdout.contains("co-rédaction") && !result.stdout.contains("| interaction |"))
        #expect(result.stdout.contains("records marked interne not shown (--include interne to show them)."))
        #expect(result.stdout.contains("(internal notes) not shown."))
        #expect(result.stdout.contains("Period covered: 2009–"))
        // Still the public record set.
        #expect(result.stdout.contains("Convention de coopération décentralisée Romans-sur-Isère – Sfax 2021-2027"))
    }

    @Test func includeInterneWidensTheReportButNotToRestrictedRecords() throws {
        let result = try Kaleido.run(["report", "sfax", "--include", "interne", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.draftConvention))
        #expect(!result.stdout.contains("marked interne"))
        #expect(!result.stdout.contains("| interaction |"))
        // The Vienne department's strategy engagement is marked restreint: out unless asked for.
        let strategy = "Élaboration de la stratégie internationale du Département de la Vienne"
        let interne = try Kaleido.run(["report", "fr-dep-86-vienne", "--include", "interne", "--lang", "en"])
        #expect(!interne.stdout.contains(strategy) && interne.stdout.contains("1 record marked restreint not shown."), "\(interne.stdout)")
        let restreint = try Kaleido.run(["report", "fr-dep-86-vienne", "--include", "restreint", "--lang", "en"])
        #expect(restreint.stdout.contains(strategy) && !restreint.stdout.contains("marked restreint"))
        let bad = try Kaleido.run(["report", "sfax", "--include", "secret"])
        #expect(bad.status != 0 && bad.stdout.isEmpty)
    }

    @Test func aRecordMarkedInterneInAScratchKBIsLeftOutThenShown() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let file = scratch.root + "/knowledge/conventions/conv-2021-romans-sfax-cooperation.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "confidentiality: public", with: "confidentiality: interne").write(toFile: file, atomically: true, encoding: .utf8)
        let hidden = try Kaleido.run(["report", "sfax"], in: scratch.root)
        #expect(hidden.status == 0, "\(hidden.stderr)")
        #expect(!hidden.stdout.contains("2021-2027") && !hidden.stdout.contains("15000 | TND"))
        let shown = try Kaleido.run(["report", "sfax", "--include", "interne"], in: scratch.root)
        #expect(shown.stdout.contains("2021-2027") && shown.stdout.contains("| 15000 | TND |"))
    }

    @Test func historyNamesThePartnerChosenAndTheOtherCandidate() throws {
        let table = try Kaleido.run(["history", "Sfax", "--lang", "en"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Partner: tn-mun-sfax — Municipalité de Sfax")
        #expect(lines.dropFirst().first == "  also matches: tn-gouv-sfax (Gouvernorat de Sfax); pass the id to choose")
        // Machine formats keep standard output for the data.
        let json = try Kaleido.run(["history", "Sfax", "--format", "json"])
        #expect(json.stderr.contains("tn-mun-sfax — Municipalité de Sfax") && json.stderr.contains("tn-gouv-sfax (Gouvernorat de Sfax)"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) is [Any])
        // An id chooses: no other candidate to mention.
        let byID = try Kaleido.run(["history", "tn-mun-sfax", "--lang", "en"])
        #expect(byID.stdout.hasPrefix("Partner: tn-mun-sfax — Municipalité de Sfax\n\n") && !byID.stdout.contains("also matches"))
    }

    @Test func reportAndContactsNameThePartnerToo() throws {
        let report = try Kaleido.run(["report", "Sfax"])
        #expect(report.stdout.hasPrefix("# Municipalité de Sfax\n"))
        #expect(report.stderr.contains("Partenaire : tn-mun-sfax — Municipalité de Sfax") && report.stderr.contains("tn-gouv-sfax"))
        let contacts = try Kaleido.run(["contacts", "Sfax", "--format", "csv"])
        #expect(contacts.stderr.contains("tn-mun-sfax") && contacts.stderr.contains("tn-gouv-sfax"))
        #expect(contacts.stdout.hasPrefix("Rôle,"))
    }
}
