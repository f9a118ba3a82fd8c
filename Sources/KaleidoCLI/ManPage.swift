import Foundation

/// The manual page kaleido(1) in roff (the `man` macros), generated from the command tree so
/// that it says what `--help` says: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, one subsection per
/// command with its synopsis and options, then EXIT STATUS, FILES and ENVIRONMENT, which no
/// command's help carries (docs/ARCHITECTURE.md holds the same facts).
struct ManPage {
    let root: CommandDump.Command
    let version: String

    /// The whole page; it ends with a newline.
    func rendered() -> String {
        var lines = [
            ".TH KALEIDO 1 \"\" \"kaleido \(Self.escaped(version))\" \"" + Lang.pick(fr: "Commandes utilisateur", en: "User Commands") + "\"",
            // No hyphenation, ragged right: an option split across lines cannot be copied.
            ".nh",
            ".ad l",
            ".SH " + Lang.pick(fr: "NOM", en: "NAME"),
            "kaleido \\- " + Self.escaped(root.abstract ?? ""),
            ".SH SYNOPSIS",
            ".B kaleido",
            ".I " + Lang.pick(fr: "commande", en: "command"),
            ".RI [ options ]",
            ".SH DESCRIPTION",
        ]
        lines += Self.paragraphs(root.discussion ?? "")
        lines += [".PP"] + Self.paragraphs(Self.completions)
        lines += [".SH OPTIONS"] + options(root.arguments ?? [])
        lines.append(".SH " + Lang.pick(fr: "COMMANDES", en: "COMMANDS"))
        for command in root.subcommands ?? [] where command.shouldDisplay {
            lines += section(command, path: ["kaleido"])
        }
        lines += [".SH " + Lang.pick(fr: "CODES DE SORTIE", en: "EXIT STATUS")] + Self.tagged(Self.exitStatus)
        lines += [".SH " + Lang.pick(fr: "FICHIERS", en: "FILES")] + Self.tagged(Self.files)
        lines += [".SH " + Lang.pick(fr: "ENVIRONNEMENT", en: "ENVIRONMENT")] + Self.tagged(Self.environment)
        lines += [".SH " + Lang.pick(fr: "VOIR AUSSI", en: "SEE ALSO"), ".BR git (1),", ".BR systemctl (1),", ".BR journalctl (1)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A command's subsection (and those of its own subcommands): synopsis, abstract,
    /// discussion, options.
    private func section(_ command: CommandDump.Command, path: [String]) -> [String] {
        let path = path + [command.commandName]
        // --help and --version are the root's options, which ArgumentParser repeats on each command.
        let shown = (command.arguments ?? []).filter { argument in
            !["help", "version"].contains(argument.names?.last?.name ?? "")
        }
        var lines = [".SS \"" + Self.escaped(path.joined(separator: " ")) + "\""]
        lines.append(".B " + Self.escaped(path.joined(separator: " ")))
        lines += shown.filter(\.shouldDisplay).map { Self.escaped(Self.usage(of: $0)) }
        lines.append(".PP")
        lines += Self.paragraphs(command.abstract ?? "")
        if let discussion = command.discussion, !discussion.isEmpty { lines += [".PP"] + Self.paragraphs(discussion) }
        lines += options(shown)
        for subcommand in command.subcommands ?? [] where subcommand.shouldDisplay {
            lines += section(subcommand, path: path)
        }
        return lines
    }

    /// One tagged paragraph per displayed argument: its names and value, then its help. Flags
    /// that share their help (`--strict`, `--no-strict`: one `@Flag(inversion:)`) share it.
    private func options(_ arguments: [CommandDump.Argument]) -> [String] {
        var groups: [[CommandDump.Argument]] = []
        for argument in arguments where argument.shouldDisplay {
            if argument.kind == .flag, let last = groups.last?.last, last.kind == .flag, last.abstract == argument.abstract {
                groups[groups.count - 1].append(argument)
            } else {
                groups.append([argument])
            }
        }
        return groups.flatMap { group -> [String] in
            let argument = group[0]
            var help = Help.framed(phrase: argument.abstract ?? "")
            if let discussion = argument.discussion, !discussion.isEmpty { help += " " + discussion }
            if let values = argument.allValues, !values.isEmpty, argument.kind != .flag {
                help += Lang.pick(fr: " Valeurs : ", en: " Values: ") + values.joined(separator: ", ") + "."
            }
            if let value = argument.defaultValue, !value.isEmpty, argument.kind != .flag { help += Lang.pick(fr: " Par défaut : ", en: " Default: ") + value + "." }
            return [".TP", group.map(Self.term).joined(separator: ", ")] + Self.paragraphs(help)
        }
    }

    /// `\fB--kb\fR \fIdir\fR`, `\fB-h\fR, \fB--help\fR` or `\fIfile\fR`.
    private static func term(_ argument: CommandDump.Argument) -> String {
        let value = "\\fI" + escaped(argument.valueName ?? "value") + "\\fR" + (argument.isRepeating ? "\\&..." : "")
        if argument.kind == .positional { return value }
        let names = (argument.names ?? []).map { "\\fB" + escaped($0.spelled) + "\\fR" }.joined(separator: ", ")
        return argument.kind == .option ? names + " " + value : names
    }

    /// The argument as a synopsis shows it: `[--kb <dir>]`, `<file> ...`.
    private static func usage(of argument: CommandDump.Argument) -> String {
        let value = "<" + (argument.valueName ?? "value") + ">"
        let name = argument.names?.last?.spelled ?? ""
        var text = switch argument.kind {
        case .positional: value
        case .option: name + " " + value
        case .flag: name
        }
        if argument.isRepeating { text += " ..." }
        return argument.isOptional ? "[" + text + "]" : text
    }

    /// Text as roff lines: blank lines start paragraphs, other lines are filled together.
    private static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.trimmingCharacters(in: .whitespaces).isEmpty ? ".PP" : escaped(String(line))
        }
    }

    /// Pairs of a term and its explanation, as tagged paragraphs.
    private static func tagged(_ entries: [(String, String)]) -> [String] {
        entries.flatMap { [".TP", "\\fB" + escaped($0.0) + "\\fR", escaped($0.1)] }
    }

    /// `text` safe on a roff text line: backslashes as `\e`, hyphens as minus signs (so that
    /// options copied from the page still work), and a control character at the start of the
    /// line made plain text with `\&`.
    static func escaped(_ text: String) -> String {
        let body = text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
        return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
    }
}
