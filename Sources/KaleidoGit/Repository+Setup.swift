internal import CGit2
internal import Foundation

/// What setting up a replica needs beside the sync: listing fetched references, pointing HEAD
/// at a branch (born or not), and writing the repository's own git config.
extension Repository {
    /// The references whose full name matches `glob` (`refs/remotes/origin/*`), sorted by name,
    /// with the commit each points to; symbolic ones (`refs/remotes/origin/HEAD`) are skipped.
    public func references(matching glob: String) throws -> [(name: String, id: ObjectID)] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, pointer, glob), "list the references \(glob)")
        guard let iterator else { return [] }
        defer { git_reference_iterator_free(iterator) }
        var found: [(name: String, id: ObjectID)] = []
        while true {
            var raw: OpaquePointer?
            let result = git_reference_next(&raw, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "list the references \(glob)")
            guard let raw else { break }
            let reference = ReferenceHandle(owning: raw)
            guard git_reference_type(reference.pointer) == GIT_REFERENCE_DIRECT,
                  let name = String(borrowing: git_reference_name(reference.pointer)),
                  let target = git_reference_target(reference.pointer) else { continue }
            found.append((name, ObjectID(target)))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Points HEAD at the branch `reference` (`refs/heads/main`), which need not exist yet (an
    /// unborn branch). Works in a bare repository too: what `git symbolic-ref HEAD` does.
    public func pointHead(at reference: String) throws {
        var raw: OpaquePointer?
        try check(git_reference_symbolic_create(&raw, pointer, "HEAD", reference, 1, "kaleido: HEAD names \(reference)"),
                  "point HEAD at \(reference)")
        if let raw { _ = ReferenceHandle(owning: raw) }
    }

    /// Writes `key = value` into the repository's own config file (`.git/config`), not the
    /// user's or the system's.
    public func setConfigString(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "open the repository's git config")
        guard let config else { throw GitError.unexpectedNull("open the repository's git config") }
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "open the repository's git config")
        guard let local else { throw GitError.unexpectedNull("open the repository's git config") }
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "set \(key) in the repository's git config")
    }

    /// The value of `key` in the user's own git config, as git reads it: the file
    /// `GIT_CONFIG_GLOBAL` names when set (git's override, which libgit2 does not know), else
    /// `~/.gitconfig` and `$XDG_CONFIG_HOME/git/config`; `nil` when unset or empty.
    public static func userConfigString(_ key: String, environment: [String: String]) -> String? {
        var paths: [String] = []
        if let global = environment["GIT_CONFIG_GLOBAL"] {
            paths = [global]
        } else {
            let home = environment["HOME"] ?? ""
            let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
            // git reads the XDG file first, so ~/.gitconfig wins when both set the key.
            paths = [home + "/.gitconfig", xdg + "/git/config"]
        }
        for path in paths where FileManager.default.isReadableFile(atPath: path) {
            var config: OpaquePointer?
            guard (try? Libgit2.prepare()) != nil, git_config_open_ondisk(&config, path) == 0, let config else { continue }
            defer { git_config_free(config) }
            // git_config_get_string reads only snapshots.
            var snapshot: OpaquePointer?
            guard git_config_snapshot(&snapshot, config) == 0, let snapshot else { continue }
            defer { git_config_free(snapshot) }
            var value: UnsafePointer<CChar>?
            if git_config_get_string(&value, snapshot, key) == 0, let text = String(borrowing: value),
               !text.trimmingCharacters(in: .whitespaces).isEmpty {
                return text
            }
        }
        return nil
    }
}
