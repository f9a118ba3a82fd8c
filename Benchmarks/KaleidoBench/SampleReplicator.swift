import Foundation
import KaleidoKB

/// Builds a synthetic knowledge base of about N records that follow the schemas, by
/// replicating the sample KB: each copy ("shard") renames every id with a `-sNNNN` suffix and
/// rewrites every reference to stay inside the shard, so the copies are as valid (and as
/// cross-referenced) as the sample itself.
struct SampleReplicator {
    let sampleRoot: String

    /// Writes the KB to `output` (schemas, config and `knowledge/`); returns the record count,
    /// `target` rounded up to whole copies of the sample so that every reference resolves.
    func generate(records target: Int, into output: String) throws -> Int {
        let fileSystem = LocalFileSystem()
        let files = try fileSystem.listFiles(under: sampleRoot + "/knowledge").filter { $0.hasSuffix(".yaml") }
        var templates: [(folder: String, id: String, text: String)] = []
        var ids = Set<String>()
        for file in files {
            let text = String(decoding: try fileSystem.readFile(sampleRoot + "/knowledge/" + file), as: UTF8.self)
            let id = String(file.split(separator: "/").last!.dropLast(".yaml".count))
            let folder = String(file.split(separator: "/").first!)
            templates.append((folder, id, text))
            ids.insert(id)
        }
        let manager = FileManager.default
        try? manager.removeItem(atPath: output)
        try manager.createDirectory(atPath: output + "/knowledge", withIntermediateDirectories: true)
        try manager.copyItem(atPath: sampleRoot + "/schemas", toPath: output + "/schemas")
        try manager.copyItem(atPath: sampleRoot + "/.kaleido", toPath: output + "/.kaleido")

        var written = 0
        var shard = 0
        while written < target {
            let suffix = "-s\(shard)"
            for template in templates {
                let directory = "\(output)/knowledge/\(template.folder)/s\(shard / 100)"
                if !manager.fileExists(atPath: directory) {
                    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                let text = Self.renaming(template.text, ids: ids, suffix: suffix)
                try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(template.id)\(suffix).yaml"))
                written += 1
            }
            shard += 1
        }
        return written
    }

    /// Appends `suffix` to every whole token of `[a-z0-9-]` characters that is a known id.
    static func renaming(_ text: String, ids: Set<String>, suffix: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 256)
        var token = ""
        func flush() {
            if !token.isEmpty {
                output += ids.contains(token) ? token + suffix : token
                token = ""
            }
        }
        for character in text {
            if character.isASCII, character.isLowercase || character.isNumber || character == "-" {
                token.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }
}
