import ArgumentParser
import Foundation
import KaleidoYAML

/// `kaleido yaml FILE`: prints a YAML file's document tree as JSON (plumbing for people and tests).
///
/// Each node: `kind` (scalar, sequence, mapping, alias), `value` (a scalar's presented text,
/// a sequence's items, a mapping's `{key, value}` pairs in order, an alias's name),
/// `resolved` for scalars (the YAML 1.2 core value), `style`, `tag`, `anchor` and `span`.
/// Exit codes: 0 printed, 1 the file is not an acceptable YAML record (a diagnostic on
/// stderr), 2 the file cannot be read.
struct YAMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml",
        abstract: Help.abstract("yaml"))

    @Argument(help: ArgumentHelp(Help.option("yaml", "file")))
    var file: String

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            printError("kaleido: cannot read \(file): \(reason)")
            throw ExitCode(2)
        }
        do {
            let document = try YAMLParser().parseDocument(bytes)
            print(YAMLTreeJSON.json(document.root))
        } catch {
            printError(error.diagnostic(file: file).rendered(source: bytes))
            throw ExitCode(1)
        }
    }

    private func printError(_ text: String) {
        StandardError.write(text + "\n")
    }
}
