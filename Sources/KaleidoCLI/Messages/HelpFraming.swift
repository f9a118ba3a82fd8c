import Foundation

/// ArgumentParser's own words around the help texts (`OVERVIEW:`, `USAGE:`, the section
/// titles, the `--help`/`--version` lines, `(default: …)`), which it writes in English, in the
/// run's language. Only a help screen is touched: `--version`, the completion scripts and the
/// JSON of `--experimental-dump-help` pass through as they are.
extension Help {
    static func framed(_ message: String) -> String {
        guard Lang.current == .fr, message.hasPrefix("OVERVIEW: ") || message.hasPrefix("USAGE: ") else { return message }
        let lines: [(String, String)] = [
            (#"^OVERVIEW: "#, "RÉSUMÉ : "),
            (#"^USAGE: "#, "UTILISATION : "),
            (#"^ARGUMENTS:$"#, "ARGUMENTS :"),
            (#"^OPTIONS:$"#, "OPTIONS :"),
            (#"^SUBCOMMANDS:$"#, "SOUS-COMMANDES :"),
            (#"Show help information\.$"#, "Afficher l'aide."),
            (#"Show the version\.$"#, "Afficher la version."),
            (#"Show subcommand help information\.$"#, "Afficher l'aide d'une sous-commande."),
            (#"^  See '(.*)' for detailed help\.$"#, "  Voir '$1' pour l'aide détaillée."),
        ]
        // Anywhere in a line: ArgumentParser wraps long help, so these may start a line too.
        let inline: [(String, String)] = [
            (#"\(values:( |$)"#, "(valeurs :$1"),
            (#"\(default as flag:( |$)"#, "(par défaut, sans valeur :$1"),
            (#"\(default:( |$)"#, "(par défaut :$1"),
            (#";\s+default: "#, " ; par défaut : "),
            (#"^(\s+)default: "#, "$1par défaut : "),
        ]
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            for (pattern, french) in lines where text.range(of: pattern, options: .regularExpression) != nil {
                text = text.replacingOccurrences(of: pattern, with: french, options: .regularExpression)
                break
            }
            for (pattern, french) in inline {
                text = text.replacingOccurrences(of: pattern, with: french, options: .regularExpression)
            }
            return text
        }.joined(separator: "\n")
    }

    /// ArgumentParser's help of its own options (`--help`, `--version`), as the manual page shows it.
    static func framed(phrase: String) -> String {
        guard Lang.current == .fr else { return phrase }
        return ["Show help information.": "Afficher l'aide.", "Show the version.": "Afficher la version."][phrase] ?? phrase
    }
}
