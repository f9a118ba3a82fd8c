import Foundation
import Testing

/// `kaleido vocab [LIST]` on the sample's schemas/vocab.yaml: the lists, one list's keys with
/// their labels in the KB's language, JSON with both labels, and a misspelt list.
@Suite struct VocabCommandTests {
    @Test func listsTheVocabularyAndOneListsLabels() throws {
        try Run.withSampleKB { kb in
            let lists = try Run.kaleido(["vocab", "--format", "csv"], in: kb)
            #expect(lists.status == 0, "\(lists.stderr)")
            let rows = lists.stdout.components(separatedBy: "\r\n")
            #expect(rows.first == "Liste,Valeurs")
            // confidentiality: public, interne, restreint in vocab.yaml; partner_kind: 25 kinds.
            #expect(rows.contains("confidentiality,3") && rows.contains("partner_kind,32"), "\(lists.stdout)")

            let french = try Run.kaleido(["vocab", "confidentiality"], in: kb)
            #expect(french.stdout == """
                Clé        Libellé
                ─────────  ─────────
                interne    Interne
                public     Public
                restreint  Restreint

                """, "\(french.stdout)")
            let english = try Run.kaleido(["vocab", "confidentiality", "--lang", "en", "--format", "markdown"], in: kb)
            #expect(english.stdout.hasPrefix("| Key | Label |"), "\(english.stdout)")
            #expect(english.stdout.contains("| interne | Internal |") && english.stdout.contains("| restreint | Restricted |"))

            let json = try #require(try JSONSerialization.jsonObject(with: Data(Run.kaleido(["vocab", "confidentiality", "--format", "json"], in: kb).stdout.utf8))
                as? [[String: String]])
            #expect(json == [["key": "interne", "fr": "Interne", "en": "Internal"], ["key": "public", "fr": "Public", "en": "Public"],
                             ["key": "restreint", "fr": "Restreint", "en": "Restricted"]])
        }
    }

    @Test func anUnknownListExitsTwoWithASuggestion() throws {
        try Run.withSampleKB { kb in
            let misspelt = try Run.kaleido(["vocab", "Confidentialité"], in: kb)
            #expect(misspelt.status == 2)
            #expect(misspelt.stdout.isEmpty)
            #expect(misspelt.stderr == "kaleido: erreur : liste inconnue « Confidentialité » dans le vocabulaire (vouliez-vous dire « confidentiality » ?)\n")
            let far = try Run.kaleido(["vocab", "zzz", "--lang", "en"], in: kb)
            #expect(far.status == 2)
            #expect(far.stderr == "kaleido: error: unknown list \"zzz\" in the vocabulary; `kaleido vocab` lists them all\n")
        }
    }
}
