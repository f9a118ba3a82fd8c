internal import Foundation
internal import Logging

extension SyncEngine {
    /// The server refused our credentials, or we refused its certificate: a matter for the
    /// user, not an outage. Logged as an error at each attempt (the daemon makes few).
    func refusedAccess(_ report: inout CycleReport, _ refusal: AccessRefusal) {
        report.accessRefusal = refusal
        if state.refusal != refusal.kind { state.refusedSince = Date() }
        state.refusal = refusal.kind
        state.offlineSince = nil
        state.lastError = refusal.message
        logger.error("\(refusal.kind.label); nothing fetched or pushed, commits wait in the local queue",
                     metadata: ["kb": "\(settings.root)", "error": "\(refusal.message)"])
    }
}
