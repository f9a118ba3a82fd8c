import Testing
@testable import KaleidoMerge
import KaleidoYAML

/// The rules around the table: the symmetric provisional value, who and when in entries, the
/// file level, sides that do not parse, and the schema check after the merge.
@Suite struct MergeRuleTests {
    static let base = "id: p\nphone: '1'\nname: A\n"
    static let ours = "id: p\nphone: '2'\nname: A\n"
    static let theirs = "id: p\nphone: '3'\nname: B\n"

    func side(_ text: String, time: Int64? = nil, id: String? = nil, author: String? = nil) -> MergeSide {
        MergeSide(bytes: Array(text.utf8), author: author, commitTime: time, commitID: id)
    }

    @Test func symmetricRuleKeepsTheNewerSideWhicheverIsOurs() throws {
        let merger = RecordMerger()
        let one = try merger.merge(base: side(Self.base), ours: side(Self.ours, time: 100, author: "Ann <a@x>"),
                                   theirs: side(Self.theirs, time: 200, author: "Bob <b@x>"), rule: .symmetric, now: "T")
        let other = try merger.merge(base: side(Self.base), ours: side(Self.theirs, time: 200, author: "Bob <b@x>"),
                                     theirs: side(Self.ours, time: 100, author: "Ann <a@x>"), rule: .symmetric, now: "T")
        #expect(one.bytes == other.bytes)
        // The newer side (theirs in the first call) provides the provisional value and is "ours" in the entry.
        #expect(Merge.text(one) == "id: p\nphone: '3'\nname: B\n_conflicts:\n  - path: phone\n    base: '1'\n    ours: '3'\n    theirs: '2'\n    ours_by: Bob <b@x>\n    theirs_by: Ann <a@x>\n    at: T\n")
    }

    @Test func symmetricTiesAreBrokenByCommitID() throws {
        let merger = RecordMerger()
        let one = try merger.merge(base: side(Self.base), ours: side(Self.ours, time: 5, id: "aaa"),
                                   theirs: side(Self.theirs, time: 5, id: "bbb"), rule: .symmetric, now: nil)
        let other = try merger.merge(base: side(Self.base), ours: side(Self.theirs, time: 5, id: "bbb"),
                                     theirs: side(Self.ours, time: 5, id: "aaa"), rule: .symmetric, now: nil)
        #expect(one.bytes == other.bytes)
        #expect(Merge.text(one).hasPrefix("id: p\nphone: '3'\n"))
    }

    @Test func driverRuleKeepsOursAndNamesWhoAndWhen() throws {
        let result = try RecordMerger().merge(base: side(Self.base), ours: side(Self.ours, author: "Ann <a@x>"),
                                              theirs: side(Self.theirs, author: "Bob <b@x>"), rule: .ours, now: "2026-11-27T10:42:00Z")
        #expect(Merge.text(result) == "id: p\nphone: '2'\nname: B\n_conflicts:\n  - path: phone\n    base: '1'\n    ours: '2'\n    theirs: '3'\n    ours_by: Ann <a@x>\n    theirs_by: Bob <b@x>\n    at: '2026-11-27T10:42:00Z'\n")
        #expect(result.conflicts == [MergeConflict(path: "phone", base: "'1'", ours: "'2'", theirs: "'3'")])
    }

    @Test func remergingDoesNotDuplicateEntries() throws {
        let first = try Merge.run(Self.base, Self.ours, Self.theirs)
        // The same conflict met again (a replica merging the same pair) adds nothing.
        let again = try Merge.run(Self.base, Merge.text(first), Self.theirs)
        #expect(Merge.text(again) == Merge.text(first))
    }

    @Test func fileDeletedOnOneSideEditedOnTheOther() throws {
        let result = try RecordMerger().mergeDeletedFile(edited: side(Self.ours), editedIsOurs: false, deletedBy: "Ann <a@x>", now: "T")
        #expect(Merge.text(result) == Self.ours + "_conflicts:\n  - path: '.'\n    theirs: edited\n    ours_by: Ann <a@x>\n    at: T\n")
        #expect(result.conflicts.map(\.path) == ["."])
    }

    @Test(arguments: [("base", "id: p\nname: [a\n"), ("ours", "id: p\n  name: a\n bad: b\n"), ("theirs", "id: p\nid: q\n")])
    func aSideThatDoesNotParseIsAnError(side name: String, text: String) throws {
        let sides = [name == "base" ? text : Self.base, name == "ours" ? text : Self.ours, name == "theirs" ? text : Self.theirs]
        do {
            _ = try Merge.run(sides[0], sides[1], sides[2])
            Issue.record("the merge should fail")
        } catch let error as MergeError {
            #expect(error.side == name)
            #expect(error.mark != nil)
            #expect(error.diagnostic(file: "p.yaml").description.hasPrefix("p.yaml:"))
        }
    }

    @Test func aSideThatIsNotARecordIsAnError() throws {
        #expect(throws: MergeError.self) { try Merge.run(Self.base, "- a\n- b\n", Self.theirs) }
    }

    @Test func emptyBaseIsAnAddAddMerge() throws {
        let result = try Merge.run("", "id: p\na: 1\n", "id: p\nb: 2\n")
        #expect(Merge.text(result) == "id: p\na: 1\nb: 2\n")
    }

    @Test func mergedRecordThatBreaksItsSchemaGetsAConflict() throws {
        // A toy rule: `end` may not come before `start` (both sides valid, the merge not).
        let checker: @Sendable (YAMLNode) -> [String] = { root in
            guard let start = root["start"]?.scalarText, let end = root["end"]?.scalarText, end < start else { return [] }
            return ["/end"]
        }
        let result = try RecordMerger(checker: checker).merge(
            base: side("start: '2020'\nend: '2025'\n"), ours: side("start: '2023'\nend: '2025'\n"),
            theirs: side("start: '2020'\nend: '2021'\n"), rule: .ours, now: nil)
        // Each side is valid; the merge is not: the entry lists every side's value of the field.
        #expect(Merge.text(result) == "start: '2023'\nend: '2021'\n_conflicts:\n  - path: end\n    base: '2025'\n    ours: '2025'\n    theirs: '2021'\n")
        #expect(result.conflicts.map(\.path) == ["end"])
    }

    @Test func unchangedSidesGiveTheOtherByteForByte() throws {
        let odd = "id:   p   # spacing kept\nname: \"A\"\n"
        #expect(Merge.text(try Merge.run(Self.base, odd, Self.base)) == odd)
        #expect(Merge.text(try Merge.run(Self.base, Self.base, odd)) == odd)
    }
}
