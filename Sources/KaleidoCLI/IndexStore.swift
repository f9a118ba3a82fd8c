import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoYAML

/// The persistent index cache of a KB: `.kaleido/cache/index.bin` (git-ignored, never
/// committed). It holds the stamp of every record file and the index snapshot.
///
/// Each command walks the record files and compares stamps: when nothing changed the snapshot
/// is used as is; when some files changed only those are parsed again and the index is
/// patched (then saved); a missing, unreadable, damaged or foreign cache is rebuilt from the
/// files. Files modified in the last two seconds before a save are stamped as unknown, so a
/// same-tick edit is never missed (git's "racily clean" entries).
struct IndexStore {
    let kb: KnowledgeBase
    let parallelism: Int

    /// How the index was obtained, for `--verbose` and the benchmark.
    enum Outcome: Equatable {
        case warm
        case refreshed(changed: Int)
        case rebuilt(reason: String)
    }


    var cacheFile: String { kb.path(".kaleido/cache/index.bin") }

    /// The index, up to date with the files.
    func load() async throws -> (KBIndex, Outcome) {
        let knowledge = kb.path(kb.config.knowledgeFolder)
        let walked = StampWalker.walk(knowledge)
        let fingerprint = self.fingerprint()
        guard let cached = readCache(fingerprint: fingerprint) else {
            let reason = FileManager.default.fileExists(atPath: cacheFile) ? "the cache was unreadable or stale" : "no cache yet"
            let index = try await rebuild(walked)
            save(index, walked: walked, fingerprint: fingerprint)
            return (index, .rebuilt(reason: reason))
        }
        if cached.paths.count == walked.count,
            walked.indices.allSatisfy({ cached.stamps[$0] == walked[$0].stamp && cached.paths.equals($0, walked[$0].path) })
        {
            return (cached.index, .warm)
        }
        let (index, changed) = try await refresh(cached, walked: walked)
        save(index, walked: walked, fingerprint: fingerprint)
        return (index, .refreshed(changed: changed))
    }

    // MARK: Building

    private func hints() throws -> [RecordType: [FieldHint]] {
        do { return try KBSchemas.load(kb).hints } catch {
            throw CLIError.io("cannot read the schemas in \(kb.config.schemasFolder)/: \(error)")
        }
    }

    private func entries(for files: [String]) async throws -> [IndexEntry?] {
        let hints = try hints()
        let folder = kb.config.knowledgeFolder
        let parser = YAMLParser()
        return await kb.mapFiles(files.map { folder + "/" + $0 }, parallelism: parallelism) { file, bytes in
            guard let bytes, let document = try? parser.parseDocument(bytes) else { return nil }
            return IndexEntry(record: Record(file: file, root: document.root), knowledgeFolder: folder, hints: hints)
        }
    }

    private func rebuild(_ walked: [(path: String, stamp: FileStamp)]) async throws -> KBIndex {
        let entries = try await entries(for: walked.map(\.path))
        var builder = KBIndexBuilder(capacity: entries.count)
        for entry in entries { if let entry { builder.append(entry) } }
        return builder.finish()
    }

    private func refresh(_ cached: CachedIndex, walked: [(path: String, stamp: FileStamp)]) async throws -> (KBIndex, Int) {
        var previous: [String: Int] = [:]
        previous.reserveCapacity(cached.paths.count)
        for position in 0..<cached.paths.count { previous[cached.paths[position]] = position }
        var toParse: [Int] = []
        for (position, file) in walked.enumerated() {
            guard let old = previous[file.path], cached.stamps[old] == file.stamp else {
                toParse.append(position)
                continue
            }
        }
        let fresh = try await entries(for: toParse.map { walked[$0].path })
        var replacements: [Int: IndexEntry?] = [:]
        for (offset, position) in toParse.enumerated() { replacements[position] = fresh[offset] }

        // Fast path: the same files, and each re-read one keeps its record id and type, so
        // every other record keeps its position and its resolved references.
        let sameFiles = cached.paths.count == walked.count && walked.indices.allSatisfy { cached.paths.equals($0, walked[$0].path) }
        let samePositions = sameFiles && toParse.allSatisfy { position in
            guard let old = cached.records[position], let replacement = replacements[position], let entry = replacement else { return false }
            return cached.index.id(Int(old)) == entry.id && cached.index.type(Int(old)) == entry.type
        }
        var builder = KBIndexBuilder(capacity: cached.index.count)
        for (position, file) in walked.enumerated() {
            if let replacement = replacements[position] {
                if let entry = replacement { builder.append(entry) }
            } else if let old = previous[file.path], let record = cached.records[old] {
                builder.append(copyOf: Int(record), from: cached.index, samePositions: samePositions)
            }
        }
        return (builder.finish(), toParse.count)
    }

    // MARK: The cache file

    struct CachedIndex {
        var paths: StringColumn
        var stamps: [FileStamp]
        /// The index position of each file's record, nil when the file holds none.
        var records: [Int32?]
        var index: KBIndex
    }

    /// What must not change under a cache: the tool's version, the config and the schemas.
    private func fingerprint() -> String {
        var parts = ["kaleido \(KaleidoVersion.current)", kb.config.knowledgeFolder]
        let schemas = kb.path(kb.config.schemasFolder)
        for file in [kb.path(KBConfig.path)] + ((try? kb.fileSystem.listFiles(under: schemas)) ?? []).map({ schemas + "/" + $0 }) {
            let stamp = StampWalker.stamp(file)
            parts.append("\(file):\(stamp?.size ?? -1):\(stamp?.mtime ?? 0):\(stamp?.inode ?? 0)")
        }
        return parts.joined(separator: "\n")
    }

    private func readCache(fingerprint: String) -> CachedIndex? {
        guard let data = FileManager.default.contents(atPath: cacheFile) else { return nil }
        return data.withUnsafeBytes { raw -> CachedIndex? in
            CacheCodec.decode(raw, fingerprint: fingerprint)
        }
    }

    private func save(_ index: KBIndex, walked: [(path: String, stamp: FileStamp)], fingerprint: String) {
        let bytes = CacheCodec.encode(index, walked: walked, fingerprint: fingerprint, knowledgeFolder: kb.config.knowledgeFolder)
        let directory = kb.path(".kaleido/cache")
        // A read-only KB still answers; it just stays cold.
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return }
        let temporary = cacheFile + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, cacheFile) != 0 { unlink(temporary) }
    }
}
