internal import CGit2

/// The process-wide libgit2 runtime.
///
/// `git_libgit2_init` must run before any other libgit2 call. A `static let` is initialised
/// lazily and exactly once, even when several threads race to it (Swift guarantees this with
/// `swift_once`), so every entry point of this module only has to call `Libgit2.prepare()`.
/// We never call `git_libgit2_shutdown`: the runtime lives as long as the process.
enum Libgit2 {
    /// `true` once libgit2 is initialised; `false` if its global state could not be set up.
    static let ready: Bool = git_libgit2_init() >= 0

    /// Initialises libgit2 if needed, or explains why it cannot be used.
    static func prepare() throws {
        guard ready else {
            throw GitError(
                code: .generic, errorClass: .internal,
                message: "libgit2 could not initialise its global state",
                operation: "start libgit2")
        }
    }
}

/// Turns a libgit2 return code into a thrown `GitError`, reading `git_error_last()` at once.
///
/// libgit2 keeps the last error message in thread-local storage, so this must run right after
/// the failing call, on the same thread, with nothing in between (in particular no `await`).
/// - Parameter operation: what we were trying to do, phrased to follow "Could not …".
/// - Returns: the non-negative result, for calls that return a count or a boolean.
@discardableResult
func check(
    _ result: Int32, _ operation: @autoclosure () -> String, hint: String? = nil
) throws -> Int32 {
    guard result < 0 else { return result }
    var message = "libgit2 gave no details"
    var errorClass = GitError.Class.none
    if let last = git_error_last() {
        if let text = last.pointee.message { message = String(cString: text) }
        errorClass = GitError.Class(rawValue: last.pointee.klass)
    }
    throw GitError(
        code: GitError.Code(rawValue: result), errorClass: errorClass,
        message: message, operation: operation(), hint: hint)
}

extension String {
    /// Copies a C string borrowed from libgit2, or returns `nil` for a null pointer.
    init?(borrowing pointer: UnsafePointer<CChar>?) {
        guard let pointer else { return nil }
        self.init(cString: pointer)
    }
}
