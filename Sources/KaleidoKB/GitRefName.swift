/// git's rules for reference names (`git check-ref-format`, libgit2's
/// `git_reference_name_is_valid`), in pure Swift: KaleidoKB does not link libgit2, and the
/// shared config's `branch` and `remote` must be checked before anything builds a path or a
/// reference from them (a branch `../../x` would otherwise name a lock file anywhere on disk).
///
/// The rules, for a full name like `refs/heads/main`: no component starts with `.` or ends with
/// `.lock`; no `..`, no `@{`, no `//`; no control character, space, `~ ^ : ? * [ \`; the name
/// does not start or end with `/`, does not end with `.` and is not `@`.
public enum GitRefName {
    /// Why `name` is not a valid branch name (the part after `refs/heads/`), or nil when it is.
    /// Stricter than git on two points, as `git branch` is: no leading `-` (read as an option),
    /// and not `HEAD` or `@` (git reads both as the current commit).
    public static func branchProblem(_ name: String) -> String? {
        if name.hasPrefix("-") { return "it starts with '-'" }
        if name == "HEAD" || name == "@" { return "\(name) names the current commit, not a branch" }
        return problem(fullName: "refs/heads/" + name, part: name)
    }

    /// Why `name` is not a valid remote name, or nil when it is: git checks that
    /// `refs/remotes/NAME/test` is a valid reference (remote.c `valid_remote_name`). No leading
    /// `-`, as for branches.
    public static func remoteProblem(_ name: String) -> String? {
        if name.hasPrefix("-") { return "it starts with '-'" }
        return problem(fullName: "refs/remotes/" + name + "/test", part: name)
    }

    /// Why the full reference name `name` is not valid, or nil when it is.
    public static func problem(fullName name: String) -> String? {
        problem(fullName: name, part: name)
    }

    /// `part` is the user's text inside `name`, for the empty-name message.
    private static func problem(fullName name: String, part: String) -> String? {
        if part.isEmpty { return "it is empty" }
        if name == "@" { return "it is '@'" }
        if name.hasPrefix("/") { return "it starts with '/'" }
        if name.hasSuffix("/") { return "it ends with '/'" }
        if name.hasSuffix(".") { return "it ends with '.'" }
        if name.contains("..") { return "it contains '..'" }
        if name.contains("@{") { return "it contains '@{'" }
        if name.contains("//") { return "it contains '//'" }
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { return "it contains a control character" }
            if scalar == " " { return "it contains a space" }
            if "~^:?*[\\".unicodeScalars.contains(scalar) { return "it contains '\(scalar)'" }
        }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            if component.hasPrefix(".") { return "a part starts with '.'" }
            if component.hasSuffix(".lock") { return "a part ends with '.lock'" }
        }
        return nil
    }
}
