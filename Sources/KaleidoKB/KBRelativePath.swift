/// The rule for the folders and files the shared config names (`knowledge`, `schemas`, `vocab`):
/// a path relative to the KB root that stays inside it and outside git's folder.
///
/// The config travels through git, so anyone with push access writes it: an absolute path or a
/// `..` would make `kaleido validate` and every query read whatever it points at, and a path
/// into `.git` would read (or, through the sync, write) git's own files. Only the spelling is
/// checked here; symbolic links inside the KB are the file system's business.
public enum KBRelativePath {
    /// Why `path` is not a path inside the KB, or nil when it is: not absolute, no empty, `.` or
    /// `..` part, no part that is `.git` in any case spelling, no control character.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.hasPrefix("/") { return "it is an absolute path" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains a control character"
        }
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "": return "it has an empty part ('//' or a trailing '/')"
            case ".": return "it has a '.' part"
            case "..": return "it climbs out with '..'"
            default:
                // git folds case on case-insensitive file systems: `.GIT` is git's folder there.
                if part.lowercased() == ".git" { return "it points into git's folder" }
            }
        }
        return nil
    }
}
