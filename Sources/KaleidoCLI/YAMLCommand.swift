import ArgumentParser
import KaleidoYAML

/// `kaleido yaml FILE`: prints a YAML file's document tree as JSON (plumbing for people and tests).
struct YAMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml",
        abstract: "Print a YAML file's document tree as JSON: each node's kind, value, style and span.")

    @Argument(help: "The YAML file to read.")
    var file: String

    func run() throws {
        throw ValidationError("kaleido yaml is not implemented yet")
    }
}
