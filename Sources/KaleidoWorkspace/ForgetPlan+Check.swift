public import KaleidoKB

extension ForgetPlan {
    /// The errors the plan would add: the KB is validated as it is and as it would be once the
    /// plan is written (over a file system that serves the planned contents), and the errors
    /// of the touched files that were not there before are returned with their sources. An
    /// empty list means every touched record still validates.
    public func newErrors(in kb: KnowledgeBase, today: CalendarDay, parallelism: Int) async throws -> (findings: [Finding], sources: [String: [UInt8]]) {
        let schemas = try KBSchemas.load(kb)
        func errors(_ kb: KnowledgeBase, in files: Set<String>) async throws -> ValidationReport {
            let validator = KBValidator(kb: kb, today: today, schemaChecker: schemas.checker, hints: schemas.hints, parallelism: parallelism)
            var report = try await validator.validate(only: files)
            report.findings = report.findings.filter { $0.severity == .error }
            return report
        }
        let before = try await errors(kb, in: Set(removals).union(writes.keys))
        let planned = KnowledgeBase(root: kb.root, config: kb.config,
                                    fileSystem: PlannedFileSystem(base: kb.fileSystem, root: kb.root, writes: writes, removals: Set(removals)))
        let after = try await errors(planned, in: Set(writes.keys))
        // A finding is old when the same rule said the same thing about the record before
        // (under its old name for a renamed record).
        let old = Set(before.findings.map { "\($0.rule)\u{0}\($0.pointer)\u{0}\($0.message)" })
        let added = after.findings.filter { !old.contains("\($0.rule)\u{0}\($0.pointer)\u{0}\($0.message)") }
        return (added, after.sources)
    }
}

/// The KB's files as the plan would leave them: planned contents first, removed files gone.
struct PlannedFileSystem: FileSystem {
    let base: any FileSystem
    let root: String
    /// Planned contents by path relative to `root`.
    let writes: [String: [UInt8]]
    let removals: Set<String>

    private func relative(_ path: String) -> String? {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
    }

    func readFile(_ path: String) throws -> [UInt8] {
        if let file = relative(path) {
            if let bytes = writes[file] { return bytes }
            if removals.contains(file) { throw FileSystemError(path: path, reason: "No such file or directory") }
        }
        return try base.readFile(path)
    }

    func listFiles(under directory: String) throws -> [String] {
        var files = Set(try base.listFiles(under: directory))
        guard let folder = relative(directory) else { return files.sorted() }
        let prefix = folder + "/"
        for file in removals where file.hasPrefix(prefix) { files.remove(String(file.dropFirst(prefix.count))) }
        for file in writes.keys where file.hasPrefix(prefix) { files.insert(String(file.dropFirst(prefix.count))) }
        return files.sorted()
    }

    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }

    func exists(_ path: String) -> Bool {
        if let file = relative(path) {
            if writes[file] != nil { return true }
            if removals.contains(file) { return false }
        }
        return base.exists(path)
    }
}
