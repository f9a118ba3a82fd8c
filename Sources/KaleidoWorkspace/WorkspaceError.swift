/// A failure of the workspace (a file that cannot be read or written): the CLI prints its
/// description on stderr and exits with code 2, the daemon logs it.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    /// A file or folder could not be read or written.
    case io(String)
    /// What was asked cannot be done as asked (an unknown field, a taken id): says what to do.
    case invalid(String)

    /// The message without the `kaleido: error:` prefix.
    public var message: String {
        switch self {
        case .io(let message), .invalid(let message): message
        }
    }

    public var description: String { "kaleido: error: \(message)" }
}
