import KaleidoGit
import KaleidoMerge
import KaleidoSync

/// A stand-in record merger (for tests of the engine alone): git's line merge when it is clean, otherwise the symmetric
/// winner's whole file with one conflict named "(record)". It records no `_conflicts` entry;
/// it exists so the engine can be tested without KaleidoMerge.
struct LineRecordMerger: RecordMerging {
    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput {
        let merged = try LineMerge.merge(base: base?.bytes, ours: ours.bytes, theirs: theirs.bytes, path: path)
        if merged.isClean { return RecordMergeOutput(bytes: merged.bytes, conflicts: []) }
        let winner = SymmetricRule.theirsWins(ours: ours, theirs: theirs) ? theirs : ours
        return RecordMergeOutput(bytes: winner.bytes, conflicts: ["(record)"])
    }
}
