/// Reading many record files on every core, for callers other than the validator (the query
/// index): the same chunking as `KBValidator.validate`, with the caller's work per file.
extension KnowledgeBase {
    /// Reads each file (relative to the root) and hands its bytes to `transform`, in parallel
    /// chunks; answers the results in the order of `files`. A file that cannot be read gets
    /// `transform(file, nil)`.
    public func mapFiles<T: Sendable>(_ files: [String], parallelism: Int,
                                      _ transform: @escaping @Sendable (String, [UInt8]?) -> T) async -> [T] {
        let tasks = max(1, parallelism)
        let chunkSize = max(64, (files.count + tasks * 4 - 1) / max(1, tasks * 4))
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { Array(files[$0..<min($0 + chunkSize, files.count)]) }
        var results: [[T]] = Array(repeating: [], count: chunks.count)
        await withTaskGroup(of: (Int, [T]).self) { group in
            var next = 0
            func launch(_ index: Int) {
                let chunk = chunks[index]
                group.addTask { [self] in
                    (index, chunk.map { file in transform(file, try? fileSystem.readFile(path(file))) })
                }
            }
            while next < min(chunks.count, tasks * 2) { launch(next); next += 1 }
            for await (index, chunk) in group {
                results[index] = chunk
                if next < chunks.count { launch(next); next += 1 }
            }
        }
        return Array(results.joined())
    }
}
