import Foundation
import Testing

/// `kaleido init`'s editor schema associations (`.vscode/settings.json`), through the binary.
@Suite struct EditorSettingsTests {

    @Test func initAssociatesEveryRealSchemaFileWithItsFolder() throws {
        try withScratchDirectory { scratch in
            let run = try Run.kaleido(["init", "kb"], in: scratch.path)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("editor settings: .vscode/settings.json: yaml.schemas associates 9 schemas"))
            let kb = scratch.path + "/kb"
            let data = try #require(FileManager.default.contents(atPath: kb + "/.vscode/settings.json"))
            let settings = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let schemas = try #require(settings["yaml.schemas"] as? [String: String])
            let folders = ["partner": "partners", "person": "people", "partnership": "partnerships", "convention": "conventions",
                           "project": "projects", "engagement": "engagements", "event": "events", "interaction": "interactions", "call": "calls"]
            #expect(schemas.count == folders.count)
            for (type, folder) in folders {
                let schema = "./schemas/\(type).yaml"
                #expect(schemas[schema] == "knowledge/\(folder)/**/*.yaml", "\(type)")
                // The association names files that exist: the schema and the records' folder.
                #expect(FileManager.default.fileExists(atPath: kb + "/" + schema.dropFirst(2)), "\(schema)")
                #expect(FileManager.default.fileExists(atPath: kb + "/knowledge/" + folder), "\(folder)")
            }
            // The project's own schemas are the installed ones: same names.
            let projectSchemas = try FileManager.default.contentsOfDirectory(atPath: Run.projectRoot.path + "/schemas")
            for type in folders.keys { #expect(projectSchemas.contains("\(type).yaml")) }
        }
    }

    /// In a clone of an existing knowledge base, `init` keeps every file and adds only what
    /// lives outside git: the editor associations and the merge driver.
    @Test func initInAnExistingKnowledgeBaseKeepsItsFilesAndAddsTheEditorSettings() throws {
        try withScratchDirectory { scratch in
            #expect(try Run.kaleido(["init", "kb", "--name", "Ours"], in: scratch.path).status == 0)
            let kb = scratch.path + "/kb"
            try FileManager.default.removeItem(atPath: kb + "/.vscode")
            try Run.write("name: \"Ours, edited\"\n", to: kb + "/.kaleido/config.yaml")
            try FileManager.default.removeItem(atPath: kb + "/schemas/call.yaml")
            let again = try Run.kaleido(["init", "kb", "--name", "Other"], in: scratch.path)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("is already a knowledge base: its files are kept as they are"), "\(again.stdout)")
            #expect(Run.read(kb + "/.kaleido/config.yaml") == "name: \"Ours, edited\"\n")
            #expect(!FileManager.default.fileExists(atPath: kb + "/schemas/call.yaml"), "a schema removed on purpose stays removed")
            #expect(FileManager.default.fileExists(atPath: kb + "/.vscode/settings.json"))
        }
    }

    @Test func initMergesIntoExistingSettingsAndKeepsWhatItCannotParse() throws {
        try withScratchDirectory { scratch in
            let existing = "{\n  \"editor.tabSize\": 2,\n  \"yaml.schemas\": {\"./schemas/partner.yaml\": \"knowledge/partners/*/*.yaml\"},\n  \"files.exclude\": {\"**/.git\": true}\n}\n"
            try Run.write(existing, to: scratch.path + "/a/.vscode/settings.json")
            #expect(try Run.kaleido(["init", "a"], in: scratch.path).status == 0)
            let merged = try #require(Run.read(scratch.path + "/a/.vscode/settings.json"))
            let settings = try #require(try JSONSerialization.jsonObject(with: Data(merged.utf8)) as? [String: Any])
            #expect(settings["editor.tabSize"] as? Int == 2)
            #expect((settings["files.exclude"] as? [String: Bool])?["**/.git"] == true)
            let schemas = try #require(settings["yaml.schemas"] as? [String: String])
            #expect(schemas.count == 9)
            #expect(schemas["./schemas/partner.yaml"] == "knowledge/partners/*/*.yaml", "the user's own association stays")
            #expect(merged.hasPrefix("{\n    \"editor.tabSize\": 2,\n    \"yaml.schemas\": {"), "keys keep their order: \(merged)")

            // VS Code allows comments; an automatic edit would lose them: the file stays as it is.
            let commented = "{\n  // my settings\n  \"editor.tabSize\": 2,\n}\n"
            try Run.write(commented, to: scratch.path + "/b/.vscode/settings.json")
            let run = try Run.kaleido(["init", "b"], in: scratch.path)
            #expect(run.status == 0)
            #expect(Run.read(scratch.path + "/b/.vscode/settings.json") == commented)
            #expect(run.stderr.contains("left .vscode/settings.json as it is: it is not plain JSON"), "\(run.stderr)")
            #expect(run.stderr.contains("\"./schemas/event.yaml\": \"knowledge/events/**/*.yaml\""), "the snippet to add by hand")
        }
    }
}
