import KaleidoQuery
import Testing

/// The text anonymisation `kaleido forget` applies to free text: whole words, any case, any
/// accents, any punctuation between the words; e-mails and ids whole; phones by their digits.
struct NameScrubberTests {
    static let token = "[personne retirée]"

    @Test(arguments: [
        ("Réunion avec Claire Morel.", "Réunion avec [personne retirée]."),
        ("CLAIRE MOREL a signé", "[personne retirée] a signé"),
        ("claire morel", "[personne retirée]"),
        // Accents added or dropped, precomposed or not.
        ("Clàire Morél", "[personne retirée]"),
        ("Cla\u{0301}ire Morel", "[personne retirée]"),
        // Any punctuation or line break between the words (ids, folded text).
        ("claire-morel", "[personne retirée]"),
        ("Claire\n  Morel y était", "[personne retirée] y était"),
        // Word boundaries: another family name, a longer word, a name glued to letters.
        ("Claire Morelle", "Claire Morelle"),
        ("Morelle et Claire Morell", "Morelle et Claire Morell"),
        ("Claire Morel et Claire Morelle", "[personne retirée] et Claire Morelle"),
        ("xClaire Morel", "xClaire Morel"),
        ("Morel seul", "Morel seul"),
    ])
    func names(_ text: String, _ expected: String) {
        #expect(NameScrubber(names: ["Claire Morel"]).scrub(text, token: Self.token) == expected)
    }

    @Test func accentedNameMeetsPlainSpellingsAndAliases() {
        let scrubber = NameScrubber(names: ["Émilie Chabert", "É. Chabert"])
        #expect(scrubber.scrub("emilie chabert, EMILIE CHABERT, E. Chabert", token: "X") == "X, X, X")
        #expect(scrubber.scrub("Chabert seule, Émilie seule", token: "X") == "Chabert seule, Émilie seule")
    }

    @Test func arabicAliasWithOrWithoutVowelMarks() {
        let scrubber = NameScrubber(names: ["محمد الطرابلسي"])
        #expect(scrubber.scrub("Nom en arabe : محمد الطرابلسي", token: "X") == "Nom en arabe : X")
        #expect(scrubber.scrub("مُحَمَّد الطرابلسي", token: "X") == "X")
        #expect(scrubber.scrub("محمد الصفاقسي", token: "X") == "محمد الصفاقسي")
    }

    @Test func byteRangesCountUTF8() {
        // "é " is three bytes: the name starts at byte 3 and is ten bytes long.
        #expect(NameScrubber(names: ["Julien Rey"]).matches(in: Array("é Julien Rey.".utf8)) == [3..<13])
    }

    @Test func emailsAndIdsWholeInAnyCase() {
        let scrubber = NameScrubber(names: [], literals: ["claire.morel@kaleidoscop.example", "p-claire-morel"])
        #expect(scrubber.scrub("Écrire à Claire.Morel@Kaleidoscop.example.", token: "X") == "Écrire à X.")
        #expect(scrubber.scrub("voir p-claire-morel, pas p-claire-morel-2", token: "X") == "voir X, pas p-claire-morel-2")
        #expect(scrubber.scrub("xclaire.morel@kaleidoscop.example", token: "X") == "xclaire.morel@kaleidoscop.example")
    }

    @Test(arguments: [
        ("Tél. +33199001201", "Tél. X"),
        ("Tél. +33 1 99 00 12 01.", "Tél. X."),
        ("au 01 99 00 12 01 ou", "au X ou"),
        ("01.99.00.12.01", "X"),
        ("01-99-00-12-01", "X"),
        // Other numbers stay.
        ("01 99 00 12 02", "01 99 00 12 02"),
        ("2026-11-27", "2026-11-27"),
    ])
    func phonesByTheirDigits(_ text: String, _ expected: String) {
        #expect(NameScrubber(names: [], phones: ["+33199001201"]).scrub(text, token: "X") == expected)
    }
}
