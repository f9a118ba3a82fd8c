public import Foundation
internal import KaleidoKB
internal import KaleidoWorkspace
internal import KaleidoYAML

/// The user's list of KBs the daemon syncs: `knowledge_bases:` in
/// `$XDG_CONFIG_HOME/kaleido/daemon.yaml` (default `~/.config`). Edited as text, so that the
/// user's comments, other keys and entries stay as they were; each edit is checked by parsing
/// the result and written atomically.
public enum DaemonRegistry {
    /// Why the list could not be read or changed.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The file's path for this environment.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? "") + "/.config"
        return config + "/kaleido/daemon.yaml"
    }

    /// The folders `text` lists under `knowledge_bases:`.
    /// - Throws: `Problem` (`daemon.yaml:LINE:COL: error: …`) when the file does not parse, or
    ///   the key holds something else than a list of folders.
    public static func listed(in text: String, file: String = "daemon.yaml") throws(Problem) -> [String] {
        // A new file, or one of comments only, lists nothing (libyaml sees no document there).
        let content = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        if content.allSatisfy({ $0.isEmpty || $0.hasPrefix("#") }) { return [] }
        let document: YAMLDocument
        do { document = try YAMLParser().parseDocument(Array(text.utf8)) } catch {
            throw Problem(message: "\(file):\(error.description)")
        }
        guard let node = document.root["knowledge_bases"], !node.isNull else { return [] }
        guard let items = node.items else {
            throw Problem(message: "\(file):\(node.span.start): error: knowledge_bases must be a list of folders")
        }
        return try items.map { (item) throws(Problem) -> String in
            guard let path = item.stringValue, !path.isEmpty else {
                throw Problem(message: "\(file):\(item.span.start): error: each entry of knowledge_bases must be a folder")
            }
            return path
        }
    }

    /// `text` with `root` appended to its list (the key added when missing); nil when the list
    /// has it already (as the same folder).
    public static func adding(_ root: String, to text: String) throws(Problem) -> String? {
        let before = try listed(in: text)
        guard !before.contains(where: { sameFolder($0, root) }) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let item = "- " + quoted(root)
        if let key = lines.firstIndex(where: isKeyLine) {
            let value = lines[key].dropFirst("knowledge_bases:".count).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("[") || (!value.isEmpty && !value.hasPrefix("#")) {
                // A flow list (`[]`, `[a, b]`) or null: rewritten as a block list.
                lines[key] = "knowledge_bases:"
                lines.insert(contentsOf: (before + [root]).map { "  - " + quoted($0) }, at: key + 1)
            } else {
                var last = key, indent = "  "
                for index in lines.indices.dropFirst(key + 1) {
                    let line = lines[index]
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("-") {
                        indent = String(line.prefix { $0 == " " })
                        last = index
                    } else if !(trimmed.isEmpty || trimmed.hasPrefix("#") || line.first == " ") {
                        break
                    }
                }
                lines.insert(indent + item, at: last + 1)
            }
        } else {
            if let last = lines.last, !last.isEmpty { lines.append("") }
            lines += ["# The knowledge bases `kaleido daemon` syncs (kaleido daemon add DIR).", "knowledge_bases:", "  " + item]
        }
        let result = lines.joined(separator: "\n") + "\n"
        try verify(result, expected: before + [root])
        return result
    }

    /// `text` without the entries naming `root`; nil when none does.
    public static func removing(_ root: String, from text: String) throws(Problem) -> String? {
        let before = try listed(in: text)
        guard before.contains(where: { sameFolder($0, root) }) else { return nil }
        guard let key = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).firstIndex(where: isKeyLine) else {
            throw Problem(message: "daemon.yaml: error: knowledge_bases is not a block list; remove \(root) by hand")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = key + 1
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("-") {
                let value = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                if let parsed = try? listed(in: "knowledge_bases:\n  - " + value + "\n").first, sameFolder(parsed, root) {
                    lines.remove(at: index)
                    continue
                }
            } else if !(trimmed.isEmpty || trimmed.hasPrefix("#") || lines[index].first == " ") {
                break
            }
            index += 1
        }
        let result = lines.joined(separator: "\n")
        try verify(result, expected: before.filter { !sameFolder($0, root) })
        return result
    }

    /// Adds (or with `remove`, removes) `root` in the file at `path`, atomically; returns
    /// whether the file changed.
    public static func update(_ root: String, remove: Bool = false, path: String) throws(Problem) -> Bool {
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard let text = remove ? try removing(root, from: existing) : try adding(root, to: existing) else { return false }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(Array(text.utf8), to: path, mode: 0o644)
        } catch {
            throw Problem(message: "cannot write \(path): \(error)")
        }
        return true
    }

    private static func isKeyLine(_ line: String) -> Bool {
        line.hasPrefix("knowledge_bases:")
    }

    private static func verify(_ text: String, expected: [String]) throws(Problem) {
        let after = try listed(in: text)
        guard after == expected else {
            throw Problem(message: "daemon.yaml: error: its knowledge_bases list has a layout this edit cannot keep; change it by hand")
        }
    }

    /// Two spellings of one folder (a trailing slash, a `..`, a symlink).
    static func sameFolder(_ first: String, _ second: String) -> Bool {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return first == second || canonical(first) == canonical(second)
    }

    /// A path as a YAML scalar: plain when nothing in it means anything to YAML.
    static func quoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+@~".contains($0) } && path.first != "~" && path.first != "-"
        return plain ? path : "'" + path.replacing("'", with: "''") + "'"
    }
}
