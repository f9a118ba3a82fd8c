/// Why a tree entry name or a path must never reach the file system.
public enum UnsafePathReason: Hashable, Sendable, CustomStringConvertible {
    /// An empty name, or an empty component (`a//b`, a leading or trailing `/`).
    case empty
    /// A `.` or `..` component: it would climb out of its folder.
    case dotComponent(String)
    /// A `.git` component in any spelling a file system treats as `.git` (case, trailing dots or
    /// spaces, NTFS short name `git~1`, HFS-ignorable code points): it would write into git's
    /// own folder (hooks, config).
    case gitFolder(String)
    /// A `/` inside one tree entry's name: joined into a path it would look like folders.
    case slashInName(String)
    /// A NUL byte: C functions would cut the path there.
    case nul
    /// Bytes that are not UTF-8: the path written would not be the path checked.
    case notUTF8
    /// `.gitmodules`, `.gitattributes`, `.gitignore` or `.mailmap` as a symlink: git reads
    /// those files, and a link would make it read any file of the machine.
    case symlinkedGitFile(String)
    /// Two entries of one tree with the same name (a file and a folder, say).
    case duplicate(String)
    /// A rule of the caller (Kaleido's own, such as "a record must be a regular file").
    case other(String)

    public var description: String {
        switch self {
        case .empty: "an empty path component"
        case .dotComponent(let name): "a '\(name)' component, which would climb out of its folder"
        case .gitFolder(let name): "a '\(name)' component, which the file system may treat as the .git folder"
        case .slashInName(let name): "a '/' inside the name '\(name)'"
        case .nul: "a NUL byte in a name"
        case .notUTF8: "a name that is not UTF-8"
        case .symlinkedGitFile(let name): "'\(name)' as a symlink, which git would read through"
        case .duplicate(let name): "two entries named '\(name)' in one folder"
        case .other(let message): message
        }
    }
}

/// git's own rules for the paths it accepts in a tree, an index or a checkout (`verify_path`,
/// `verify_dotfile`, `is_ntfs_dotgit`, `is_hfs_dotgit` in git's sources), applied on every
/// platform as `git fsck` applies them (a replica on Linux must not pass on a tree that writes
/// into `.git` on a colleague's Mac or Windows machine): no I/O, pure rules. Also refused: names
/// that are not UTF-8, so that the path written is always the path checked.
///
/// A tree entry's *name* must be checked at the tree level with `check(name:mode:)`: a name
/// `a/b` joined into a path is indistinguishable from a folder `a` holding `b`.
public enum GitPathRules {
    /// The reason the single component `name` (a tree entry's name) is unsafe, or `nil`.
    /// `isSymlink` adds git's rule against symlinked `.gitmodules` and friends.
    public static func check(name: some Collection<UInt8>, isSymlink: Bool = false) -> UnsafePathReason? {
        let bytes = Array(name)
        if bytes.isEmpty { return .empty }
        if bytes.contains(0) { return .nul }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .notUTF8 }
        if bytes.contains(UInt8(ascii: "/")) { return .slashInName(text) }
        if text == "." || text == ".." { return .dotComponent(text) }
        if isNTFSDotGit(bytes) || isHFSDotGit(text) { return .gitFolder(text) }
        if isSymlink, let file = symlinkedGitFile(text) { return .symlinkedGitFile(file) }
        return nil
    }

    /// The reason the slash-separated `path` (from a tree walk, an index, the working tree) is
    /// unsafe, or `nil`. `isSymlink` tells whether the last component is a symlink.
    public static func check(path: String, isSymlink: Bool = false) -> UnsafePathReason? {
        let components = Array(path.utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, component) in components.enumerated() {
            if let reason = check(name: component, isSymlink: isSymlink && index == components.count - 1) {
                return reason
            }
        }
        return nil
    }

    // MARK: git's spellings of .git

    /// NTFS: `.git` or `git~1` (its 8.3 short name), any case, followed by nothing but dots and
    /// spaces, or by `:` (an alternate data stream) or a backslash (a Windows folder separator).
    static func isNTFSDotGit(_ name: [UInt8]) -> Bool {
        let lower = name.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var rest: ArraySlice<UInt8>
        if lower.starts(with: Array(".git".utf8)) {
            rest = lower.dropFirst(4)
        } else if lower.starts(with: Array("git~1".utf8)) {
            rest = lower.dropFirst(5)
        } else {
            return false
        }
        while let byte = rest.first {
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\\") { return true }
            if byte != UInt8(ascii: ".") && byte != UInt8(ascii: " ") { return false }
            rest = rest.dropFirst()
        }
        return true
    }

    /// HFS+: `.git` in any case once the code points HFS ignores are removed (`.g\u{200C}it`).
    static func isHFSDotGit(_ name: String) -> Bool {
        let kept = name.unicodeScalars.filter { !isHFSIgnorable($0) }
        return String(String.UnicodeScalarView(kept)).lowercased() == ".git"
    }

    /// The code points HFS+ drops when it compares names (git's `next_hfs_char`).
    static func isHFSIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C...0x200F, 0x202A...0x202E, 0x206A...0x206F, 0xFEFF: true
        default: false
        }
    }

    /// The special file git reads that `name` stands for, in any case, with trailing dots and
    /// spaces (NTFS) or its NTFS short name (`gitmod~1`), else `nil`.
    static func symlinkedGitFile(_ name: String) -> String? {
        var lowered = String(String.UnicodeScalarView(name.unicodeScalars.filter { !isHFSIgnorable($0) })).lowercased()
        while lowered.hasSuffix(".") || lowered.hasSuffix(" ") { lowered.removeLast() }
        let files = [(".gitmodules", "gitmod~"), (".gitattributes", "gitatt~"), (".gitignore", "gitign~"), (".mailmap", "mailma~")]
        for (file, short) in files {
            if lowered == file { return file }
            if lowered.hasPrefix(short), lowered.dropFirst(short.count).allSatisfy(\.isNumber), lowered.count > short.count {
                return file
            }
        }
        return nil
    }
}
