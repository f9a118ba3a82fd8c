import ArgumentParser
import Foundation

/// The command tree as swift-argument-parser describes it (`kaleido --experimental-dump-help`,
/// its `ToolInfoV0` JSON), reduced to what the manual page shows. ArgumentParser does not export
/// its own `ToolInfo` types, so the few fields read here are decoded from that JSON.
struct CommandDump: Decodable {
    /// One command: the root or a subcommand.
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    /// One option, flag or positional argument of a command.
    struct Argument: Decodable {
        enum Kind: String, Decodable { case positional, option, flag }

        struct Name: Decodable {
            var kind: String
            var name: String

            /// As typed: `--kb`, `-h`, `-kb` (a long name with one dash).
            var spelled: String {
                switch kind {
                case "long": "--" + name
                case "short": "-" + name
                default: "-" + name
                }
            }
        }

        var kind: Kind
        var shouldDisplay: Bool
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var isOptional: Bool
        var isRepeating: Bool
        var defaultValue: String?
        var allValues: [String]?
    }

    var command: Command

    /// The dump of `KaleidoCommand`'s tree, taken in-process: ArgumentParser answers
    /// `--experimental-dump-help` by throwing, and renders the JSON as that error's message.
    static func kaleido() throws -> CommandDump {
        let json: String
        do {
            _ = try KaleidoCommand.parseAsRoot(["--experimental-dump-help"])
            throw CLIError.io("swift-argument-parser gave no command dump for --experimental-dump-help")
        } catch let error as CLIError {
            throw error
        } catch {
            json = KaleidoCommand.fullMessage(for: error)
        }
        do {
            return try JSONDecoder().decode(CommandDump.self, from: Data(json.utf8))
        } catch {
            throw CLIError.io("cannot read swift-argument-parser's command dump: \(error)")
        }
    }
}
