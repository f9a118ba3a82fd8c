import Testing
import KaleidoKB
@testable import KaleidoMerge

/// Settling conflicts: the value written in place, the entry removed, the rest untouched.
@Suite struct ConflictResolverTests {
    static let record = """
        # a partner
        id: p
        phone: '2'   # office
        contacts:
          - id: amel-b
            phone: '5'
        themes: [a, x, c]
        _conflicts:
          - path: phone
            base: '1'
            ours: '2'
            theirs: "3"
          - path: contacts[amel-b].phone
            base: '4'
            ours: '5'
            theirs: '6'
          - path: themes[1]
            base: b
            ours: x
            theirs: 'y'

        """

    func resolve(_ path: String, _ choice: ConflictResolver.Choice, in text: String = Self.record) throws -> String {
        guard case .bytes(let bytes) = try ConflictResolver().resolve(Array(text.utf8), path: path, choice: choice) else {
            Issue.record("expected bytes")
            return ""
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func listsOpenConflicts() throws {
        let open = try ConflictResolver.openConflicts(in: Array(Self.record.utf8))
        #expect(open.map(\.path) == ["phone", "contacts[amel-b].phone", "themes[1]"])
        #expect(open[0].theirs == "'3'")
        #expect(open[0].mark.line == 9)
    }

    @Test func theirsWritesTheValueInPlace() throws {
        let text = try resolve("phone", .theirs)
        #expect(text == Self.record.replacing("phone: '2'   # office", with: "phone: '3'   # office")
            .replacing("  - path: phone\n    base: '1'\n    ours: '2'\n    theirs: \"3\"\n", with: ""))
    }

    @Test func keyedPathAndPosition() throws {
        var text = try resolve("contacts[amel-b].phone", .theirs)
        #expect(text.contains("  - id: amel-b\n    phone: '6'\n"))
        text = try resolve("themes[1]", .value("z"), in: text)
        #expect(text.contains("themes: [a, z, c]\n"))
        text = try resolve("phone", .ours, in: text)
        #expect(text == "# a partner\nid: p\nphone: '2'   # office\ncontacts:\n  - id: amel-b\n    phone: '6'\nthemes: [a, z, c]\n")
    }

    @Test func absentSideDeletesTheValue() throws {
        let record = "id: p\nfax: '2'\nname: A\n_conflicts:\n  - path: fax\n    base: '1'\n    theirs: '2'\n"
        #expect(try resolve("fax", .ours, in: record) == "id: p\nname: A\n")
    }

    @Test func wholeRecordDeletedSide() throws {
        let record = "id: p\n_conflicts:\n  - path: .\n    theirs: edited\n"
        #expect(try ConflictResolver().resolve(Array(record.utf8), path: ".", choice: .ours) == .deleteFile)
        #expect(try resolve(".", .theirs, in: record) == "id: p\n")
    }

    @Test func unknownPathIsAnError() throws {
        #expect(throws: MergeError.self) { try ConflictResolver().resolve(Array(Self.record.utf8), path: "name", choice: .ours) }
        #expect(throws: MergeError.self) { try ConflictResolver().resolve(Array(Self.record.utf8), path: "phone", choice: .value("[unclosed")) }
    }

    @Test func flowMappingRecordIsSettledInPlace() throws {
        let record = "{id: p, name: B, phone: \"1\", _conflicts: [{path: name, base: A, ours: B, theirs: C, at: '2026-11-27T10:42:00Z'}]}  # flow\n"
        #expect(try resolve("name", .theirs, in: record) == "{id: p, name: C, phone: \"1\"}  # flow\n")
        #expect(try resolve("name", .ours, in: record) == "{id: p, name: B, phone: \"1\"}  # flow\n")
        #expect(try resolve("name", .value("D E"), in: record) == "{id: p, name: D E, phone: \"1\"}  # flow\n")
    }

    @Test func jsonRecordIsSettledInPlaceAndStaysJSON() throws {
        let record = "{\"id\": \"p\", \"name\": \"B\", \"_conflicts\": [{\"path\": \"name\", \"base\": \"A\", \"ours\": \"B\", \"theirs\": \"C\"}], \"n\": 1}\n"
        #expect(try resolve("name", .theirs, in: record) == "{\"id\": \"p\", \"name\": \"C\", \"n\": 1}\n")
        let pretty = """
            {
              "id": "p",
              "name": "B",
              "fax": "2",
              "_conflicts": [{"path": "name", "ours": "B", "theirs": "C"}, {"path": "fax", "base": "1", "ours": "2"}]
            }

            """
        let faxSettled = try resolve("fax", .theirs, in: pretty)
        #expect(faxSettled == "{\n  \"id\": \"p\",\n  \"name\": \"B\",\n  \"_conflicts\": [{\"path\": \"name\", \"ours\": \"B\", \"theirs\": \"C\"}]\n}\n")
        #expect(try resolve("name", .value("[1, x]"), in: faxSettled) == "{\n  \"id\": \"p\",\n  \"name\": [1, \"x\"]\n}\n")
    }
}
