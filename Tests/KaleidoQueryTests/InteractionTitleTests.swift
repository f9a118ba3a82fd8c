import Testing
@testable import KaleidoQuery

/// An interaction has no title field: its summary's first sentence stands for one in histories
/// and lists, unwrapped from the editor's line breaks.
@Suite struct InteractionTitleTests {
    @Test(arguments: [
        // A first line that stops on a colon continues on the next: unwrapped, cut at a word.
        ("Lancement du renouvellement de la convention 2021–2027 (échéance 31 mars 2027) :\nbilan rapide, pistes pour 2027–2030 (festivals durables, jeunes), calendrier de\ndélibération (février 2027).\n",
         "Lancement du renouvellement de la convention 2021–2027 (échéance 31 mars 2027) : bilan rapide, pistes pour 2027–2030…"),
        // The first sentence, when more follows.
        ("Comité de pilotage en visioconférence. Le projet de convention est validé,\nsous réserve de la délibération.\n",
         "Comité de pilotage en visioconférence."),
        // One sentence: kept whole, its period too.
        ("Appel de Nadia Cherif au sujet du calendrier.\n", "Appel de Nadia Cherif au sujet du calendrier."),
        // Only the first paragraph.
        ("Mission à Sfax\n\nDétails : trois jours d'ateliers.\n", "Mission à Sfax"),
        // A word longer than the limit is cut inside.
        (String(repeating: "x", count: 130), String(repeating: "x", count: 119) + "…"),
        // Abbreviations of two letters do not end a sentence.
        ("Réunion avec M. Trabelsi et l'équipe jeunesse de la municipalité.", "Réunion avec M. Trabelsi et l'équipe jeunesse de la municipalité."),
    ])
    func summaryBecomesATitle(summary: String, title: String) {
        #expect(RecordSemantics.headline(summary) == title)
    }
}
