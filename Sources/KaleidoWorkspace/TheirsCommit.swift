public import Foundation
public import KaleidoGit

/// Which commit "theirs" is while git runs the merge driver, and who wrote it: the `theirs_by`
/// of `_conflicts` entries (docs/merge.md).
///
/// Git does not tell a merge driver (`%O %A %B %P` are temporary files), and the pseudo-refs one
/// would look at first are written only after the merge stopped: with git 2.39, while the driver
/// runs, there is no MERGE_HEAD during `git merge`, no REBASE_HEAD during a `git rebase` (merge
/// backend) and no CHERRY_PICK_HEAD during `git cherry-pick`. What git does leave, checked by
/// `MergeDriverAuthorTests` with real git:
///
/// - `git merge` / `git pull` export `GITHEAD_<commit id>=<name>` for each merged head (the
///   labels of conflict markers);
/// - `git rebase` (merge backend, the default) lists the command being replayed last in
///   `<git dir>/rebase-merge/done` (`pick <id> <subject>`);
/// - `git rebase --apply` (and `git am -3`) write `rebase-apply/original-commit` and REBASE_HEAD;
/// - a cherry-pick of several commits keeps the current one first in `sequencer/todo`.
///
/// The pseudo-refs come last, for gits that write them earlier. A single `git cherry-pick`
/// leaves no trace at all: theirs' author stays unknown and `theirs_by` is omitted.
public enum TheirsCommit {
    /// The revision naming theirs' commit, from git's environment and the files of the git
    /// directory (read through `readFile`, given a path relative to the git directory); nil when
    /// nothing names it unambiguously. Pure.
    public static func revision(environment: [String: String], readFile: (String) -> String?) -> String? {
        let heads = environment.keys.filter { $0.hasPrefix("GITHEAD_") }
        if heads.count == 1, let head = heads.first { return String(head.dropFirst("GITHEAD_".count)) }
        if heads.count > 1 { return nil }  // an octopus merge: which head this file came from is unknown
        let replaying: Set<String> = ["pick", "p", "reword", "r", "edit", "e", "squash", "s", "fixup", "f"]
        if let done = readFile("rebase-merge/done") {
            let lines = done.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            return lines.last.flatMap { commandRevision(String($0), commands: replaying) }
        }
        if let original = readFile("rebase-apply/original-commit").flatMap(firstLine) { return original }
        if let todo = readFile("sequencer/todo") {
            let first = todo.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            // A revert's "theirs" is the reverted commit's parent, not its author's work.
            return first.flatMap { commandRevision(String($0), commands: ["pick", "p"]) }
        }
        for pseudo in ["MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD"] {
            guard let text = readFile(pseudo) else { continue }
            let ids = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return ids.count == 1 ? ids[0] : nil
        }
        return nil
    }

    /// The commit a todo line replays (`pick 2aeb0e5 subject`, `fixup -C 2aeb0e5 subject`), when
    /// its command is one of `commands`.
    public static func commandRevision(_ line: String, commands: Set<String>) -> String? {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard let command = words.first, commands.contains(String(command)) else { return nil }
        return words.dropFirst().first { !$0.hasPrefix("-") }.map(String.init)
    }

    private static func firstLine(_ text: String) -> String? {
        let line = text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        return line?.isEmpty == false ? line : nil
    }

    /// `Name <email>` of theirs' commit for the driver running in `directory` (git runs it at
    /// the top of the working tree); nil when unknown. Never throws: a missing author only
    /// leaves `theirs_by` out.
    public static func author(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let start = environment["GIT_DIR"].map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 }
        guard let location = start ?? GitMergeDriverSetup.repositoryRoot(from: directory),
            let repository = try? Repository.open(at: location)
        else { return nil }
        let gitDirectory = repository.gitDirectory
        let readFile: (String) -> String? = { relative in
            FileManager.default.contents(atPath: gitDirectory + relative).map { String(decoding: $0, as: UTF8.self) }
        }
        guard let revision = revision(environment: environment, readFile: readFile),
            let id = try? repository.resolveRevision(revision),
            let commit = try? repository.commit(id)
        else { return nil }
        let name = commit.author.name, email = commit.author.email
        guard !name.isEmpty else { return email.isEmpty ? nil : "<\(email)>" }
        return email.isEmpty ? name : "\(name) <\(email)>"
    }
}
