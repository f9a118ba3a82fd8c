import Foundation
import KaleidoTestSupport
import Testing

/// Every `--format json` output is JSON that Foundation parses, with snake_case keys only and no
/// `\/` (one JSON writer for every command).
@Suite struct JSONOutputTests {
    /// The sample KB in a git repository with two revisions of a record whose website changed,
    /// then an open conflict on that website.
    @Test func everyJSONOutputParsesWithSnakeCaseKeysAndPlainSlashes() throws {
        try Run.withSampleKB { kb in
            let record = kb + "/knowledge/partners/fr/fr-com-21231-dijon.yaml"
            let identity = ["-c", "user.name=Ann Martin", "-c", "user.email=ann@example.org"]
            try Run.git(["init", "-q", "-b", "main"], in: kb)
            try Run.git(["add", "-A"], in: kb)
            try Run.git(identity + ["commit", "-qm", "sample"], in: kb)
            let original = try #require(Run.read(record))
            try Run.write(original.replacingOccurrences(of: "https://www.dijon.fr", with: "https://www.dijon.fr/mairie"), to: record)
            try Run.git(identity + ["commit", "-qam", "website"], in: kb)

            var outputs: [(String, String)] = []
            for arguments in [["status"], ["log", "fr-com-21231-dijon"], ["list", "partner"], ["find", "Dijon"],
                              ["history", "Dijon"], ["show", "fr-com-21231-dijon"], ["validate"]] {
                let result = try Run.kaleido(arguments + ["--format", "json"], in: kb)
                outputs.append((arguments[0], result.stdout))
            }
            try Run.write(try #require(Run.read(record)) + """
                _conflicts:
                  - path: website
                    base: https://www.dijon.fr
                    ours: https://www.dijon.fr/mairie
                    theirs: https://dijon.fr/ville
                    ours_by: Ann Martin <ann@example.org>
                    at: '2026-11-27T10:42:00Z'

                """, to: record)
            let conflicts = try Run.kaleido(["conflicts", "--format", "json"], in: kb)
            #expect(conflicts.status == 1, "\(conflicts.stderr)")
            outputs.append(("conflicts", conflicts.stdout))
            outputs.append(("yaml", try Run.kaleido(["yaml", record], in: kb).stdout))

            for (command, output) in outputs {
                #expect(!output.contains("\\/"), "\(command): \(output)")
                let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8))
                let keys = Self.keys(of: parsed)
                #expect(!keys.isEmpty, "\(command): \(output)")
                let bad = keys.filter { $0.wholeMatch(of: /[a-z0-9_]+/) == nil }
                #expect(bad.isEmpty, "\(command) has keys that are not snake_case: \(bad.sorted())")
                if ["log", "list", "show", "conflicts", "yaml"].contains(command) {
                    #expect(output.contains("dijon.fr/"), "\(command) shows the URL: \(output)")
                }
            }
            let status = try #require(try JSONSerialization.jsonObject(with: Data(outputs[0].1.utf8)) as? [String: Any])
            #expect(status["daemon_running"] as? Bool == false)
            #expect((status["state"] as? [String: Any])?["ahead"] as? Int == 0)
            let log = try #require(try JSONSerialization.jsonObject(with: Data(outputs[1].1.utf8)) as? [[String: Any]])
            #expect(log.first?["is_merge"] as? Bool == false)
            let fields = try #require(log.first?["fields"] as? [[String: Any]])
            #expect(fields.first?["new"] as? String == "https://www.dijon.fr/mairie")
        }
    }

    /// Every key of every object, recursively.
    static func keys(of value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys(of: $1.value)) }
        }
        if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys(of: $1)) } }
        return []
    }
}
