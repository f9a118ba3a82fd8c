import Foundation
import Testing

/// Issue 15's "every help text in French": `kaleido <command> --help` for every command of the
/// tree (taken from `--experimental-dump-help`, hidden ones included) holds no English word of
/// `MessageLanguageTests.englishWords` with `KALEIDO_LANG=fr`, and no French word of
/// `MessageLanguageTests.frenchWords` with `KALEIDO_LANG=en`: the abstract, the discussion,
/// each option's help and ArgumentParser's own framing (`USAGE:`, `OPTIONS:`, `(default: …)`).
/// Words are filtered as `MessageLanguageTests.words` does, plus what only a help screen holds
/// and the user types: the command path, the subcommands' names and `<value>` names.
@Suite struct HelpLanguageTests {
    /// The paths of every command under `kaleido` (`["daemon", "add"]`), the root first.
    static func commandPaths(in folder: String) throws -> [[String]] {
        let run = try Run.kaleido(["--experimental-dump-help"], in: folder, environment: ["KALEIDO_LANG": "en"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let root = try #require(json["command"] as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(root, [])
        return paths
    }

    /// The help screen's lines as written before ArgumentParser wrapped them: a paragraph of the
    /// discussion, or one option's row with its continuation lines (so that a list of tokens
    /// split by a line end is still seen as one).
    static func unwrapped(_ output: String) -> [String] {
        var rows: [String] = []
        var previous = ""
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let continuation = line.hasPrefix(String(repeating: " ", count: 10))
                || (!line.isEmpty && !line.hasPrefix(" ") && !previous.isEmpty && !previous.hasPrefix(" ") && !line.contains(": "))
            if continuation, !rows.isEmpty {
                rows[rows.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                rows.append(line)
            }
            previous = line
        }
        return rows
    }

    /// The help screen's words, without the command path, the subcommands' names, value names
    /// and the values and defaults ArgumentParser appends to an option's help (data, not language:
    /// `--name`'s default is the name `init` writes).
    static func words(ofHelp output: String, path: [String]) -> [String] {
        let names = Set(path)
        let cleaned = unwrapped(output).map { line -> String in
            var text = line
            // A subcommand's row: its name, then its abstract.
            text = text.replacingOccurrences(of: #"^  [a-z_-]+(?=\s{2,}|$)"#, with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: #"(?<=\.) \((values|valeurs ?):.*\)$"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: #"(?<=\.) \((default|par défaut ?):[^()]*\)$"#, with: "", options: .regularExpression)
            return text
        }.joined(separator: "\n")
        return MessageLanguageTests.words(cleaned).flatMap(\.words).filter { $0 != "kaleido" && !names.contains($0) }
    }

    @Test func everyHelpScreenSpeaksTheRunsLanguage() throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path
            let paths = try Self.commandPaths(in: folder)
            // The tree holds the commands issue 15 and 16 added, nested ones included.
            for expected in [["daemon", "add"], ["daemon", "list"], ["daemon", "remove"], ["hooks", "install"], ["clone"], ["forget"],
                             ["followups"], ["days"], ["billing"], ["invoices"], ["pipeline"], ["due"], ["participants"],
                             ["programme"], ["atlas"], ["vocab"], ["list"], ["sync"]] {
                #expect(paths.contains(expected), "\(expected)")
            }
            for path in paths {
                let french = try Run.kaleido(path + ["--help"], in: folder, environment: ["KALEIDO_LANG": "fr"])
                let english = try Run.kaleido(path + ["--help"], in: folder, environment: ["KALEIDO_LANG": "en"])
                #expect(french.status == 0 && english.status == 0, "\(path): \(french.stderr)\(english.stderr)")
                #expect(french.stdout.contains("UTILISATION : kaleido") && english.stdout.contains("USAGE: kaleido"), "\(path)")
                let englishInFrench = Self.words(ofHelp: french.stdout, path: path).filter(MessageLanguageTests.englishWords.contains)
                let frenchInEnglish = Self.words(ofHelp: english.stdout, path: path).filter(MessageLanguageTests.frenchWords.contains)
                #expect(englishInFrench == [], "kaleido \(path.joined(separator: " ")) --help (fr):\n\(french.stdout)")
                #expect(frenchInEnglish == [], "kaleido \(path.joined(separator: " ")) --help (en):\n\(english.stdout)")
            }
        }
    }

    /// An option's own help is in the run's language, not only the shared options' (`--kb`).
    @Test func optionHelpFollowsTheLanguage() throws {
        try withScratchDirectory { scratch in
            let french = try Run.kaleido(["list", "--help"], in: scratch.path, environment: ["KALEIDO_LANG": "fr"])
            let english = try Run.kaleido(["list", "--help"], in: scratch.path, environment: ["KALEIDO_LANG": "en"])
            #expect(french.stdout.contains("Une condition (répétable ; toutes doivent être"))
            #expect(french.stdout.contains("Conditions : CHAMP=V"))
            #expect(french.stdout.contains("OPTIONS :") && french.stdout.contains("Afficher l'aide."))
            #expect(english.stdout.contains("A condition (repeatable; all must hold)."))
            #expect(english.stdout.contains("Conditions: FIELD=V") && english.stdout.contains("Show help information."))
            // --lang wins over the environment.
            let option = try Run.kaleido(["list", "--help", "--lang", "en"], in: scratch.path, environment: ["KALEIDO_LANG": "fr"])
            #expect(option.stdout == english.stdout)
        }
    }

    /// The manual page speaks the run's language too: headings, the commands' texts and the
    /// sections no command's help carries (roff's requests and font escapes taken out first).
    @Test func theManualPageFollowsTheLanguage() throws {
        try withScratchDirectory { scratch in
            let french = try Run.kaleido(["__man"], in: scratch.path, environment: ["KALEIDO_LANG": "fr"])
            let english = try Run.kaleido(["__man"], in: scratch.path, environment: ["KALEIDO_LANG": "en"])
            for heading in [".SH NOM", ".SH COMMANDES", ".SH CODES DE SORTIE", ".SH FICHIERS", ".SH ENVIRONNEMENT"] {
                #expect(french.stdout.contains("\n" + heading + "\n"), "\(heading)")
            }
            for heading in [".SH NAME", ".SH COMMANDS", ".SH EXIT STATUS", ".SH FILES", ".SH ENVIRONMENT"] {
                #expect(english.stdout.contains("\n" + heading + "\n"), "\(heading)")
            }
            func text(_ page: String) -> String {
                // Not the requests, nor an option's term line (its names and value name, typed as they are).
                page.split(separator: "\n").filter { !$0.hasPrefix(".") && !$0.hasPrefix("\\fB") && !$0.hasPrefix("\\fI") }.map { line in
                    String(line).replacingOccurrences(of: #"\\f[BIR]|\\&|\\e"#, with: " ", options: .regularExpression)
                        .replacingOccurrences(of: "\\-", with: "-")
                        .replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
                        // The default value ArgumentParser knows (data: `init --name`'s is an English name).
                        .replacingOccurrences(of: #" (Par défaut|Default) ?: [^.]*\.$"#, with: "", options: .regularExpression)
                }.joined(separator: "\n")
            }
            let englishInFrench = MessageLanguageTests.offending(text(french.stdout), list: MessageLanguageTests.englishWords)
            let frenchInEnglish = MessageLanguageTests.offending(text(english.stdout), list: MessageLanguageTests.frenchWords)
            #expect(englishInFrench == [])
            #expect(frenchInEnglish == [])
        }
    }
}
