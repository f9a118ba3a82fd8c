import KaleidoKB
@testable import KaleidoMerge
import KaleidoYAML

/// Runs the merge on texts, the way every test here does.
enum Merge {
    static func run(_ base: String?, _ ours: String, _ theirs: String, hints: [FieldHint] = [],
                    rule: ProvisionalRule = .ours, now: String? = nil) throws -> RecordMergeResult {
        try RecordMerger(hints: hints).merge(
            base: base.map { MergeSide(bytes: Array($0.utf8)) }, ours: MergeSide(bytes: Array(ours.utf8)),
            theirs: MergeSide(bytes: Array(theirs.utf8)), rule: rule, now: now)
    }

    static func text(_ result: RecordMergeResult) -> String { String(decoding: result.bytes, as: UTF8.self) }
}
