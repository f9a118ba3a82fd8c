import Testing
import KaleidoSchema

/// The JSON-Schema-Test-Suite for draft 2020-12, one test case per suite test.
@Suite struct JSONSchemaSuiteTests {
    /// The suite tests this validator does not pass, each with the reason. Only optional tests
    /// may be here: the required suite must pass whole. A listed test that starts passing fails
    /// (through `withKnownIssue`), so the list cannot go stale.
    static let skipped: [String: String] = [
        "optional/cross-draft.json | refs to historic drafts are processed as historic drafts | first item not a string is valid":
            "other drafts: this validator implements 2020-12 only and refuses a draft 2019-09 meta-schema",
        "optional/format/ecmascript-regex.json | ECMA 262 lookbehind is valid, including variable width | a variable-width lookbehind (ES2018)":
            "Swift Regex has no variable-width lookbehind",
        "optional/format/hostname.json | validation of A-label (punycode) host names | invalid Punycode":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | contains illegal char U+302E Hangul single dot tone mark":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Begins with a Spacing Combining Mark":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Begins with a Nonspacing Mark":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Begins with an Enclosing Mark":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Exceptions that are DISALLOWED, right-to-left chars":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Exceptions that are DISALLOWED, left-to-right chars":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with no preceding 'l'":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with nothing preceding":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with no following 'l'":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with nothing following":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Greek KERAIA not followed by Greek":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Greek KERAIA not followed by anything":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERESH not preceded by Hebrew":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERESH not preceded by anything":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERSHAYIM not preceded by Hebrew":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERSHAYIM not preceded by anything":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | KATAKANA MIDDLE DOT with no other characters":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | Arabic-Indic digits mixed with Extended Arabic-Indic digits":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | ZERO WIDTH JOINER not preceded by Virama":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | ZERO WIDTH JOINER not preceded by anything":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/hostname.json | validation of A-label (punycode) host names | contains \"--\" in the 3rd and 4th position":
            "A-labels: Punycode decoding and the IDNA 2008 tables (RFC 5891-5893) are not implemented",
        "optional/format/idn-email.json | validation of an internationalized e-mail addresses | a domain label that is not in Unicode NFC is valid":
            "the domain of an idn-email is not checked against IDNA 2008 (NFC)",
        "optional/format/idn-hostname.json | validation of internationalized host names | illegal first char U+302E Hangul single dot tone mark":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | contains illegal char U+302E Hangul single dot tone mark":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | a single label of 64 characters is too long":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | invalid label, correct Punycode":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | invalid Punycode":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | U-label contains \"--\" in the 3rd and 4th position":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | U-label starts with a dash":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | U-label ends with a dash":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | U-label starts and ends with a dash":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Begins with a Spacing Combining Mark":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Begins with a Nonspacing Mark":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Begins with an Enclosing Mark":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Exceptions that are DISALLOWED, right-to-left chars":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Exceptions that are DISALLOWED, left-to-right chars":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | MIDDLE DOT with no preceding 'l'":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | MIDDLE DOT with nothing preceding":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | MIDDLE DOT with no following 'l'":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | MIDDLE DOT with nothing following":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Greek KERAIA not followed by Greek":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Greek KERAIA not followed by anything":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Hebrew GERESH not preceded by Hebrew":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Hebrew GERESH not preceded by anything":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Hebrew GERSHAYIM not preceded by Hebrew":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Hebrew GERSHAYIM not preceded by anything":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | KATAKANA MIDDLE DOT with no other characters":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Arabic-Indic digits mixed with Extended Arabic-Indic digits":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | ZERO WIDTH JOINER not preceded by Virama":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | ZERO WIDTH JOINER not preceded by anything":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | empty string":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | zero width non-joiner must pass at every occurrence":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | Bidi domain name with a digit-first label is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | label starting with a digit before a right-to-left letter is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | left-to-right label containing a right-to-left letter is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | right-to-left label mixing both digit types is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | A-label that decodes to a disallowed code point is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | A-label that decodes to a Bidi rule violation is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | a U-label whose A-label form is longer than 63 octets is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | empty label between two dots is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | a name longer than 253 characters is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | A-label that decodes to only ASCII is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of internationalized host names | non-canonical Punycode that does not re-encode to itself is invalid":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | single dot":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | single ideographic full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | single fullwidth full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | single halfwidth ideographic full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | leading dot":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | leading ideographic full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | leading fullwidth full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | leading halfwidth ideographic full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | trailing dot":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | trailing ideographic full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | trailing fullwidth full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/idn-hostname.json | validation of separators in internationalized host names | trailing halfwidth ideographic full stop":
            "idn-hostname is not implemented (IDNA 2008 tables, Punycode, Bidi rules): the format is unknown and passes",
        "optional/format/iri.json | validation of IRIs | an IPvFuture host with an uppercase version letter is valid":
            "IPvFuture hosts ([v1.…]) are not recognized",
    ]

    @Test(arguments: SuiteCase.all)
    func suiteCase(_ suiteCase: SuiteCase) {
        if let reason = Self.skipped[suiteCase.id] {
            withKnownIssue(Comment(rawValue: reason)) {
                let failure = suiteCase.run()
                #expect(failure == nil, Comment(rawValue: failure ?? ""))
            }
            return
        }
        let failure = suiteCase.run()
        #expect(failure == nil, Comment(rawValue: failure ?? ""))
    }

    @Test func corpusIsPresent() {
        #expect(SuiteCorpus.root != nil, "shared/corpora/json-schema-test-suite was not found next to the package")
        #expect(SuiteCase.all.filter { $0.kind == .required }.count == 1299)
    }

    /// Prints passed/total for the required, optional and format parts, and checks that the
    /// required part passes whole and that only optional tests are skipped.
    @Test func summary() {
        var passed: [SuiteCase.Kind: Int] = [:]
        var total: [SuiteCase.Kind: Int] = [:]
        var failing: [String] = []
        for suiteCase in SuiteCase.all {
            total[suiteCase.kind, default: 0] += 1
            if suiteCase.run() == nil {
                passed[suiteCase.kind, default: 0] += 1
            } else {
                failing.append(suiteCase.id)
            }
        }
        for kind in [SuiteCase.Kind.required, .optional, .format] {
            print("JSON-Schema-Test-Suite draft2020-12 \(kind.rawValue): \(passed[kind, default: 0])/\(total[kind, default: 0]) passed")
        }
        print("Skipped (\(Self.skipped.count)):")
        for (id, reason) in Self.skipped.sorted(by: { $0.key < $1.key }) { print("  \(id): \(reason)") }
        #expect(passed[.required, default: 0] == total[.required, default: 0])
        let unlisted = failing.filter { Self.skipped[$0] == nil }
        #expect(unlisted.isEmpty, "failing and not in the skip list: \(unlisted)")
        #expect(Self.skipped.keys.allSatisfy { $0.hasPrefix("optional/") }, "only optional tests may be skipped")
    }
}
