import Foundation
import KaleidoTestSupport
import KaleidoWorkspace
import Testing

/// How `kaleido init` merges its schema associations into `.vscode/settings.json`, and the
/// exclusive file creation `kaleido new` relies on (the process tests are in KaleidoCLITests).
@Suite struct EditorSettingsMergeTests {
    static let partner = [(schema: "./schemas/partner.yaml", glob: "knowledge/partners/**/*.yaml")]

    static let merges: [(existing: String?, outcome: EditorSettings.Outcome)] = [
        (nil, .write("{\n    \"yaml.schemas\": {\n        \"./schemas/partner.yaml\": \"knowledge/partners/**/*.yaml\"\n    }\n}\n", added: 1)),
        ("  \n", .write("{\n    \"yaml.schemas\": {\n        \"./schemas/partner.yaml\": \"knowledge/partners/**/*.yaml\"\n    }\n}\n", added: 1)),
        ("{\"a\": [1, 2.50, null], \"b\": {}}", .write("{\n    \"a\": [\n        1,\n        2.5,\n        null\n    ],\n    \"b\": {},\n    \"yaml.schemas\": {\n        \"./schemas/partner.yaml\": \"knowledge/partners/**/*.yaml\"\n    }\n}\n", added: 1)),
        ("{\"yaml.schemas\": {\"./schemas/partner.yaml\": [\"x/*.yaml\"]}}", .unchanged),
        ("{\"yaml.schemas\": \"nope\"}", .cannotMerge("its \"yaml.schemas\" is not an object")),
        ("[1]", .cannotMerge("it holds no JSON object")),
    ]

    @Test(arguments: merges.indices)
    func mergeKeepsEveryOtherKey(_ index: Int) {
        let item = Self.merges[index]
        #expect(EditorSettings.merge(into: item.existing, associations: Self.partner) == item.outcome)
    }

    @Test func aTrailingCommaIsNotMergedOver() {
        guard case .cannotMerge(let reason) = EditorSettings.merge(into: "{\"a\": 1,}", associations: Self.partner) else {
            Issue.record("a file that is not plain JSON must not be rewritten")
            return
        }
        #expect(reason.contains("not plain JSON"))
    }

    @Test func createNewNeverReplacesAFile() throws {
        let scratch = try TestFiles.makeTemporaryFolder(prefix: "kaleido-workspace-")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let path = scratch.path + "/record.yaml"
            try AtomicFile.createNew(Array("id: a\n".utf8), at: path)
            #expect(TestFiles.read(path) == "id: a\n")
            #expect(throws: WorkspaceError.self) { try AtomicFile.createNew(Array("id: b\n".utf8), at: path) }
            #expect(TestFiles.read(path) == "id: a\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["record.yaml"], "no temporary file left")
        }
    }
}
