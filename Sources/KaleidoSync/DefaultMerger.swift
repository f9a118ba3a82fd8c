/// The record merger the command line uses for a KB.
public enum DefaultMerger {
    /// The structured merger when KaleidoMerge is available, else the line stand-in.
    public static func make(for settings: SyncSettings) -> any RecordMerging {
        LineRecordMerger()
    }
}
