import Foundation
import KaleidoKB
import KaleidoQuery

/// The language of every message, header and help text of a run, decided once at start-up,
/// before the arguments are parsed (so that help and command abstracts can be French too).
///
/// In order: `--lang fr|en` anywhere on the command line (a global option: `KaleidoMain`
/// takes it out before ArgumentParser sees the arguments, so every command accepts it), else
/// the environment variable `KALEIDO_LANG` (`fr…` or `en…`), else the `language:` setting of
/// the knowledge base found from `--kb DIR` or the current folder (`.kaleido/config.yaml`),
/// else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): French when it starts with `fr`, English
/// otherwise. JSON keys, CSV dialects and other machine formats never depend on it.
enum Lang: String, Sendable, CaseIterable {
    case fr, en

    /// The language of this run. Written once by `KaleidoMain` before parsing and before any
    /// task starts, then only read: no lock is needed.
    nonisolated(unsafe) static var current: Lang = .en

    /// The French or the English text, whichever this run speaks.
    static func pick(fr: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
        current == .fr ? fr() : en()
    }

    /// The vocabulary's label language that goes with this run's language.
    static var labels: Vocabulary.Language { current == .fr ? .fr : .en }

    /// `fr`, `fr_FR.UTF-8`, `FR` → French; `en`, `en_GB` → English; anything else → nil.
    init?(tag: String) {
        let lowered = tag.lowercased()
        if lowered.hasPrefix("fr") { self = .fr } else if lowered.hasPrefix("en") { self = .en } else { return nil }
    }

    /// The arguments without `--lang X`/`--lang=X` (before any `--`), and the value given, if any.
    static func extractOption(from arguments: [String]) -> (arguments: [String], value: String?, missing: Bool) {
        var kept: [String] = []
        var value: String?
        var missing = false
        var index = 0
        var ended = false
        while index < arguments.count {
            let argument = arguments[index]
            if ended || argument == "--" {
                ended = true
                kept.append(argument)
            } else if argument == "--lang" {
                if index + 1 < arguments.count { value = arguments[index + 1]; index += 1 } else { missing = true }
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            } else {
                kept.append(argument)
            }
            index += 1
        }
        return (kept, value, missing)
    }

    /// The language when no `--lang` is given: `KALEIDO_LANG`, the KB's `language:`, the locale.
    static func fallback(arguments: [String], environment: [String: String], currentDirectory: String) -> Lang {
        if let tag = environment["KALEIDO_LANG"], let lang = Lang(tag: tag) { return lang }
        if let lang = kbLanguage(arguments: arguments, currentDirectory: currentDirectory) { return lang }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return Lang(tag: value) == .fr ? .fr : .en }
        }
        return .en
    }

    /// The `language:` of the KB the command will open, read from the top-level key of its
    /// config by line (a config that does not parse is the command's to report, in English
    /// or French: this must not fail).
    static func kbLanguage(arguments: [String], currentDirectory: String) -> Lang? {
        var root: String?
        if let position = arguments.firstIndex(of: "--kb"), position + 1 < arguments.count {
            root = arguments[position + 1]
        } else if let given = arguments.first(where: { $0.hasPrefix("--kb=") }) {
            root = String(given.dropFirst("--kb=".count))
        }
        if let given = root, !given.hasPrefix("/") { root = currentDirectory + "/" + given }
        let fileSystem = LocalFileSystem()
        guard let base = root ?? KnowledgeBase.locate(from: currentDirectory, fileSystem: fileSystem),
            let data = FileManager.default.contents(atPath: base + "/" + KBConfig.path)
        else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("language:") {
            let value = line.dropFirst("language:".count).split(separator: "#").first ?? ""
            let tag = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return Lang(tag: tag)
        }
        return nil
    }
}
