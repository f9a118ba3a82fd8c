import Foundation

/// Bytes that outlive the indexes read from them: a snapshot file mapped in memory, owned by
/// the caller (the CLI's cache adapter); the index copies a section out of it on first use.
public protocol SnapshotStorage: AnyObject, Sendable {
    /// The whole snapshot.
    var bytes: UnsafeRawBufferPointer { get }
}

/// A column that is either in memory or still in a mapped snapshot, copied out the first time
/// it is read (the values and texts only `list`, `show` and `find` need never slow `history`).
final class ColumnBox: @unchecked Sendable {
    private let lock = NSLock()
    private var column: StringColumn?
    private let ends: [UInt32]
    private let storage: (any SnapshotStorage)?
    private let range: Range<Int>

    init(_ column: StringColumn) {
        self.column = column
        ends = []
        storage = nil
        range = 0..<0
    }

    /// A column whose bytes are `range` of `storage`; `ends` must already fit them.
    init(ends: [UInt32], storage: any SnapshotStorage, range: Range<Int>) {
        self.ends = ends
        self.storage = storage
        self.range = range
    }

    var count: Int { column?.count ?? ends.count }

    /// Calls `body` with item `index`'s bytes, straight from the mapped snapshot when the
    /// column was not copied out (no 60 MB copy to read a few records).
    func withItem<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let storage, lock.withLock({ self.column == nil }) {
            let start = index == 0 ? 0 : Int(ends[index - 1])
            let end = Int(ends[index])
            return body(UnsafeRawBufferPointer(rebasing: storage.bytes[(range.lowerBound + start)..<(range.lowerBound + end)]))
        }
        let loaded = value
        let itemRange = loaded.range(index)
        return loaded.bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[itemRange])) }
    }

    var value: StringColumn {
        lock.withLock {
            if let column { return column }
            let bytes = storage.map { Array(UnsafeRawBufferPointer(rebasing: $0.bytes[range])) } ?? []
            let loaded = StringColumn(bytes: bytes, ends: ends)
            column = loaded
            return loaded
        }
    }
}
