extension SyncEngine {
    /// Takes the settings `configLoader` reads (the file's, or the last good ones) and records
    /// the config problem in the report and the state; logs a problem once per engine (a daemon
    /// retrying stays quiet), and once when it clears.
    ///
    /// The root never changes: the engine's repository is opened there.
    func followConfig(_ report: inout CycleReport) throws {
        guard let configLoader else { return }
        let loaded = try configLoader()
        if loaded.settings.root == settings.root {
            // Where transfers run is the caller's choice (the CLI's child process), not the file's.
            let transfer = settings.transfer
            settings = loaded.settings
            settings.transfer = transfer
        }
        report.configProblem = loaded.problem
        if let problem = loaded.problem, problem != loggedConfigProblem {
            logger.error("the shared config is not usable; \(ConfigProblem.consequence)",
                         metadata: ["kb": "\(settings.root)", "error": "\(problem.diagnostic)", "origin": "\(problem.origin)"])
        } else if loaded.problem == nil, state.configProblem != nil {
            logger.notice("the shared config loads again", metadata: ["kb": "\(settings.root)"])
        }
        loggedConfigProblem = loaded.problem
        state.configProblem = loaded.problem
    }
}
