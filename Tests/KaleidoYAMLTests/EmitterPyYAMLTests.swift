import Foundation
import Testing
import KaleidoTestSupport
@testable import KaleidoYAML

/// A second opinion from a YAML 1.1 reader: PyYAML (pure Python and libyaml-backed loaders)
/// must read every string the emitter writes as that same string, as a key and as a value.
/// Runs only where `python3` with PyYAML is installed.
@Suite struct EmitterPyYAMLTests {
    static let script = """
        import json, sys, yaml
        data = json.load(sys.stdin)
        expected = {"values": data["strings"], "keys": {s: s for s in data["strings"]}}
        problems = []
        for name in ("SafeLoader", "CSafeLoader"):
            loader = getattr(yaml, name, None)
            if loader is None:
                continue
            try:
                loaded = yaml.load(data["yaml"], Loader=loader)
            except Exception as error:
                problems.append("%s cannot load the text: %s" % (name, str(error).splitlines()[0]))
                continue
            for i, (want, got) in enumerate(zip(expected["values"], loaded["values"])):
                if want != got:
                    problems.append("%s value %r read as %r" % (name, want, got))
            if len(loaded["values"]) != len(expected["values"]):
                problems.append("%s read %d values" % (name, len(loaded["values"])))
            if loaded["keys"] != expected["keys"]:
                extra = [k for k in loaded["keys"] if k not in expected["keys"]]
                problems.append("%s keys differ, e.g. %r" % (name, extra[:5]))
        print(json.dumps({"version": yaml.__version__, "problems": problems[:20]}))
        """

    static let pyYAMLAvailable: Bool = (try? run(python: "import yaml", input: Data())) != nil

    /// Runs `python3 -c program` with `input` on its standard input; nil output on failure.
    static func run(python program: String, input: Data) throws -> Data? {
        let result = try ChildProcess.run("python3", ["-c", program], input: .bytes(input))
        return result.status == 0 ? result.standardOutput : nil
    }

    struct Report: Decodable {
        var version: String
        var problems: [String]
    }

    @Test(.enabled(if: pyYAMLAvailable, "python3 with PyYAML is not installed"))
    func pyYAMLReadsEveryEmittedStringUnchanged() throws {
        let strings = YAMLEmitterTests.quoting.map(\.text) + EmitterRoundTripTests.generatedStrings
        var seen = Set<String>()
        let unique = strings.filter { seen.insert($0).inserted }
        let tree = Tree.record([
            ("values", Tree.sequence(unique.map { Tree.string($0) })),
            ("keys", Tree.mapping(unique.map { (Tree.string($0), Tree.string($0)) })),
        ])
        let yaml = YAMLEmitter().emitDocument(tree)
        let input = try JSONSerialization.data(withJSONObject: ["yaml": yaml, "strings": unique])
        let output = try #require(try Self.run(python: Self.script, input: input), "the PyYAML check failed to run")
        let report = try JSONDecoder().decode(Report.self, from: output)
        #expect(report.problems.isEmpty, "\(report.problems)")
        print("emitter: PyYAML \(report.version) reads all \(unique.count) emitted strings unchanged as keys and values")
    }
}
