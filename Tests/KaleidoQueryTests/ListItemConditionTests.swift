import Foundation
import KaleidoKB
import KaleidoQuery
import Testing

/// `ListQuery` conditions on one list holding for one item, and `Suggestion`, without the CLI.
@Suite struct ListItemConditionTests {
    /// The sample KB plus a project whose two funding lines each match one condition only, and
    /// one whose single line matches both.
    static let index: KBIndex = {
        do {
            let kb = try ScratchKB(copyingSample: ())
            defer { kb.remove() }
            func project(_ id: String, _ lines: [(String, String)]) -> String {
                """
                id: \(id)
                type: project
                title: \(id)
                kind: mobilite_jeunes
                lead: fr-com-26281-romans-sur-isere
                countries: [FR]
                themes: [jeunesse]
                start: "2013"
                status: cloture
                funding:

                """ + lines.map { "  - {funder: \($0.0), scheme: fej, amount_requested: 10, currency: EUR, status: \($0.1)}\n" }.joined()
            }
            try project("prj-2013-split", [("fr-etat-fej", "refuse"), ("fr-etat-daect", "solde")])
                .write(toFile: kb.root + "/knowledge/projects/prj-2013-split.yaml", atomically: false, encoding: .utf8)
            try project("prj-2013-one", [("fr-etat-fej", "solde")])
                .write(toFile: kb.root + "/knowledge/projects/prj-2013-one.yaml", atomically: false, encoding: .utf8)
            return try SampleKB.buildIndex(root: kb.root)
        } catch {
            fatalError("cannot build the scratch index: \(error)")
        }
    }()

    func ids(_ conditions: [String], groupBy: [String] = []) throws -> [String] {
        var query = ListQuery(type: .project)
        query.conditions = try conditions.map { try Condition(parsing: $0) }
        query.groupBy = try groupBy.map { try FieldPath(parsing: $0) }
        let rows = query.rows(in: Self.index, resolver: RecordResolver(index: Self.index))
        return Array(Set(rows.map { Self.index.id($0.record) })).sorted()
    }

    @Test func twoConditionsOnOneListHoldForOneItem() throws {
        #expect(try ids(["funding.funder=fr-etat-fej", "funding.status=solde"]) == ["prj-2013-one"])
        #expect(try ids(["funding.funder=fr-etat-fej", "funding.status=solde"], groupBy: ["funding.funder"]) == ["prj-2013-one"])
        // A negative condition joins the item too: a fej line that is not refused.
        #expect(try ids(["funding.funder=fr-etat-fej", "funding.status!=refuse"]) == ["prj-2013-one"])
        // Alone, each condition keeps its meaning over the whole list.
        #expect(try ids(["funding.funder=fr-etat-fej"]).contains("prj-2013-split"))
        #expect(try !ids(["funding.status!=refuse"]).contains("prj-2013-split"))
        // Conditions on different lists or outside lists are independent.
        #expect(try ids(["funding.funder=fr-etat-fej", "funding.status=solde", "themes=jeunesse", "countries=FR"]) == ["prj-2013-one"])
    }

    @Test func theSameFieldTwiceWithEqualsAsksForTwoItems() throws {
        #expect(try ids(["funding.funder=fr-etat-fej", "funding.funder=fr-etat-daect"]).contains("prj-2013-split"))
        #expect(try !ids(["funding.funder=fr-etat-fej", "funding.funder=fr-etat-daect"]).contains("prj-2013-one"))
    }

    @Test(arguments: [
        ("contry", ["name", "country", "kind"], "country"), ("nme", ["id", "name", "names"], "name"),
        ("échue", ["en_vigueur", "echue", "signee"], "echue"), ("EN_VIGEUR", ["en_vigueur", "echue"], "en_vigueur"),
        ("nmae", ["name", "kind"], "name"), ("projet", ["partner", "project", "person"], "project"),
    ])
    func suggestionsFoldAccentsAndCase(_ text: String, _ candidates: [String], _ expected: String) {
        #expect(Suggestion.closest(to: text, among: candidates) == expected)
    }

    @Test func farWordsGetNoSuggestionAndTitlesCount() {
        #expect(Suggestion.closest(to: "zzzzzz", among: ["name", "country"]) == nil)
        #expect(Suggestion.closest(to: "ab", among: ["name"]) == nil)
        #expect(Suggestion.closest(to: "nom", among: [(name: "names", alsoKnownAs: ["Autres noms"]), (name: "name", alsoKnownAs: ["Nom"])]) == "name")
    }
}
