import Foundation
public import KaleidoKB
public import KaleidoQuery
import KaleidoYAML

/// The persistent index cache of a KB: `.kaleido/cache/index.bin` (git-ignored, never
/// committed). It holds the stamp of every record file and the index snapshot.
///
/// Each command walks the record files and compares stamps: when nothing changed the snapshot
/// is used as is; when some files changed only those are parsed again and the index is
/// patched (then saved); a missing, unreadable, damaged or foreign cache is rebuilt from the
/// files. Files modified in the last two seconds before a save are stamped as unknown, so a
/// same-tick edit is never missed (git's "racily clean" entries).
public struct IndexStore {
    let workspace: Workspace
    let parallelism: Int
    var kb: KnowledgeBase { workspace.kb }

    /// The store of `workspace`'s index; `parallelism` threads read and stat the files.
    public init(workspace: Workspace, parallelism: Int) {
        self.workspace = workspace
        self.parallelism = parallelism
    }

    /// How the index was obtained, for `--verbose` and the benchmark.
    public enum Outcome: Equatable, Sendable {
        case warm
        case refreshed(changed: Int)
        case rebuilt(reason: String)
    }

    var cacheFile: String { kb.path(".kaleido/cache/index.bin") }
    var overlayFile: String { kb.path(".kaleido/cache/overlay.bin") }

    /// Beyond this many edited records, the snapshot is rewritten instead of the overlay.
    static let maximumOverrides = 2000

    /// The index, up to date with the files.
    public func load() async throws -> (KBIndex, Outcome) {
        let knowledge = kb.path(kb.config.knowledgeFolder)
        let trace = Trace()
        let fingerprint = self.fingerprint()
        // Checked whole before use: a flipped bit anywhere means a rebuild, never a wrong answer.
        var cached = MappedFile(path: cacheFile).flatMap(CacheChecksum.verified).flatMap { CacheCodec.decode($0, fingerprint: fingerprint) }
        // An overlay that does not fit its snapshot is ignored: the snapshot's own stamps
        // then send the edited files to be read again.
        if let base = cached, let overlay = MappedFile(path: overlayFile).flatMap(CacheChecksum.verified) {
            cached = CacheCodec.applyOverlay(overlay, to: base, fingerprint: fingerprint) ?? base
        }
        trace.mark("read cache")
        let (listing, folders) = FileListing.list(knowledge, previous: cached?.listing, threads: parallelism)
        trace.mark("list \(listing.files.count) files")
        defer { trace.mark("done") }
        guard let cached else {
            let reason = FileManager.default.fileExists(atPath: cacheFile) ? "the cache was unreadable or stale" : "no cache yet"
            let fields = ReferenceFields(hints: try hints())
            let index = rebuild(listing, folders: folders, fields: fields)
            trace.mark("rebuild")
            save(index, listing: listing, fields: fields, fingerprint: fingerprint)
            trace.mark("save")
            return (index, .rebuilt(reason: reason))
        }
        if listing.stamps == cached.listing.stamps, listing.files == cached.listing.files {
            return (cached.index, .warm)
        }
        let (index, changed, patched) = refresh(cached, listing: listing, folders: folders)
        trace.mark("refresh")
        if patched {
            saveOverlay(index, listing: listing, snapshotStamps: cached.snapshotStamps, fingerprint: fingerprint, generation: cached.generation)
        } else {
            save(index, listing: listing, fields: cached.fields, fingerprint: fingerprint)
        }
        trace.mark("save")
        return (index, .refreshed(changed: changed))
    }

    // MARK: Building

    private func hints() throws -> [RecordType: [FieldHint]] {
        do { return try workspace.schemas().hints } catch {
            throw WorkspaceError.io("cannot read the schemas in \(kb.config.schemasFolder)/: \(error)")
        }
    }

    /// The entries of the listed files at `positions`.
    private func entries(_ positions: [Int], listing: FileListing, folders: OpenFolders, fields: ReferenceFields) -> [IndexEntry?] {
        guard !positions.isEmpty else { return [] }
        let indexer = RecordIndexer(knowledgeFolder: kb.config.knowledgeFolder, fields: fields)
        return indexer.entries(positions, listing: listing, folders: folders, threads: parallelism)
    }

    private func rebuild(_ listing: FileListing, folders: OpenFolders, fields: ReferenceFields) -> KBIndex {
        let entries = entries(Array(0..<listing.files.count), listing: listing, folders: folders, fields: fields)
        var builder = KBIndexBuilder(capacity: entries.count)
        for entry in entries { if let entry { builder.append(entry) } }
        return builder.finish()
    }

    /// The index after re-reading the changed files: as overrides on the saved snapshot when
    /// the files are the same and each edited record keeps its id and type (`patched`), else
    /// rebuilt (copying every unchanged record).
    private func refresh(_ cached: CacheCodec.Cached, listing: FileListing, folders: OpenFolders) -> (KBIndex, Int, patched: Bool) {
        let old = cached.listing
        let sameFiles = old.files == listing.files
        var previous: [String: Int] = [:]
        if !sameFiles {
            previous.reserveCapacity(old.files.count)
            for position in 0..<old.files.count { previous[old.files[position]] = position }
        }
        func oldPosition(_ position: Int) -> Int? { sameFiles ? position : previous[listing.files[position]] }
        let changed = (0..<listing.files.count).filter { position in
            guard let before = oldPosition(position) else { return true }
            return old.stamps[before] != listing.stamps[position]
        }
        let fresh = entries(changed, listing: listing, folders: folders, fields: cached.fields)

        if sameFiles, cached.index.recordOverrides.count + changed.count <= Self.maximumOverrides {
            var index = cached.index
            var patchable = true
            for (offset, position) in changed.enumerated() {
                let record = cached.records[position]
                guard record >= 0, let entry = fresh[offset], index.canOverride(Int(record), with: entry) else {
                    patchable = false
                    break
                }
                index = index.overriding(Int(record), with: entry)
            }
            if patchable { return (index, changed.count, true) }
        }

        // Rebuild: records overridden so far are read again too (the snapshot holds their old form).
        var replacements: [Int: IndexEntry?] = [:]
        for (offset, position) in changed.enumerated() { replacements[position] = fresh[offset] }
        let overridden = (0..<listing.files.count).filter { position in
            guard replacements[position] == nil, let before = oldPosition(position) else { return false }
            let record = cached.records[before]
            return record >= 0 && cached.index.recordOverrides[Int(record)] != nil
        }
        let reread = entries(overridden, listing: listing, folders: folders, fields: cached.fields)
        for (offset, position) in overridden.enumerated() { replacements[position] = reread[offset] }
        var builder = KBIndexBuilder(capacity: cached.index.count)
        for position in 0..<listing.files.count {
            if let replacement = replacements[position] {
                if let entry = replacement { builder.append(entry) }
            } else if let before = oldPosition(position), cached.records[before] >= 0 {
                builder.append(copyOf: Int(cached.records[before]), from: cached.index, samePositions: false)
            }
        }
        return (builder.finish(), changed.count, false)
    }

    // MARK: The cache file

    /// What must not change under a cache: the tool's version, the config and the schemas.
    private func fingerprint() -> String {
        var parts = ["kaleido \(KaleidoVersion.current)", kb.config.knowledgeFolder]
        let schemas = kb.path(kb.config.schemasFolder)
        for file in [kb.path(KBConfig.path)] + ((try? kb.fileSystem.listFiles(under: schemas)) ?? []).map({ schemas + "/" + $0 }) {
            let stamp = FileListing.stamp(file)
            parts.append("\(file):\(stamp?.size ?? -1):\(stamp?.mtime ?? 0):\(stamp?.inode ?? 0)")
        }
        return parts.joined(separator: "\n")
    }

    private func save(_ index: KBIndex, listing: FileListing, fields: ReferenceFields, fingerprint: String) {
        let parts = CacheCodec.encode(index, listing: listing, fields: fields, fingerprint: fingerprint, knowledgeFolder: kb.config.knowledgeFolder,
                                      generation: UInt64.random(in: 1...UInt64.max))
        // The new snapshot makes any overlay obsolete; remove it first so that no reader pairs
        // the old overlay with the new snapshot (the generation check would refuse it anyway).
        unlink(overlayFile)
        let directory = kb.path(".kaleido/cache")
        // A read-only KB still answers; it just stays cold.
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return }
        writeFile(parts, to: cacheFile)
    }

    private func saveOverlay(_ index: KBIndex, listing: FileListing, snapshotStamps: StampTable, fingerprint: String, generation: UInt64) {
        writeFile([CacheCodec.encodeOverlay(index, listing: listing, snapshotStamps: snapshotStamps, fingerprint: fingerprint, generation: generation)],
              to: overlayFile)
    }

    /// Writes a file whole (its parts one after the other, never joined in memory, then their
    /// checksums) through the atomic writer. A failure leaves no file behind (the KB then
    /// stays cold).
    private func writeFile(_ sections: [[UInt8]], to path: String) {
        try? AtomicFile.write(sections: sections + [CacheChecksum.trailer(for: sections)], to: path, mode: 0o644, durable: false)
    }
}
