internal import Foundation

extension SyncEngine {
    /// `transfer`, else the one `settings` ask for (made at each use: a reloaded config's
    /// timeout applies at the next transfer).
    var remoteTransfer: any RemoteTransfer { transfer ?? settings.makeTransfer() }

    /// Runs one fetch or push with `state.syncingSince` saved while it runs, so that
    /// `kaleido status` shows a transfer in progress (a stalled one, say) and since when.
    func transferring<T>(_ body: () throws -> T) rethrows -> T {
        state.syncingSince = Date()
        do { try state.save(to: statePath, durable: false) } catch {
            logger.debug("could not save the status file", metadata: ["error": "\(error)"])
        }
        defer { state.syncingSince = nil }
        return try body()
    }
}
