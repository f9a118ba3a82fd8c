/// Many strings (or byte blobs) stored end to end in one buffer, with their end offsets.
///
/// The index keeps its texts this way so that a snapshot loads with a few large copies
/// instead of one allocation per string; a `String` is made only when a row is shown.
public struct StringColumn: Sendable, Equatable {
    public private(set) var bytes: [UInt8] = []
    /// `ends[i]` is where item `i` ends in `bytes` (its start is `ends[i - 1]`, or 0).
    public private(set) var ends: [UInt32] = []

    public init() {}

    init(bytes: [UInt8], ends: [UInt32]) {
        self.bytes = bytes
        self.ends = ends
    }

    /// A column over bytes read back from disk, or nil when the ends do not fit them.
    public init?(validating bytes: [UInt8], ends: [UInt32]) {
        self.init(bytes: bytes, ends: ends)
        guard isConsistent else { return nil }
    }

    /// How many items the column holds.
    public var count: Int { ends.count }

    /// Appends a string's UTF-8 bytes as one item.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(UInt32(bytes.count))
    }

    /// Appends raw bytes as one item.
    public mutating func append(bytes item: [UInt8]) {
        bytes.append(contentsOf: item)
        ends.append(UInt32(bytes.count))
    }

    /// Appends item `index` of another column.
    public mutating func append(from other: StringColumn, at index: Int) {
        let range = other.range(index)
        bytes.append(contentsOf: other.bytes[range])
        ends.append(UInt32(bytes.count))
    }

    /// Appends items `range` of another column in one copy.
    public mutating func append(from other: StringColumn, range items: Range<Int>) {
        guard !items.isEmpty else { return }
        let start = items.lowerBound == 0 ? 0 : Int(other.ends[items.lowerBound - 1])
        let shift = Int64(bytes.count) - Int64(start)
        bytes.append(contentsOf: other.bytes[start..<Int(other.ends[items.upperBound - 1])])
        ends.append(contentsOf: other.ends[items].map { UInt32(Int64($0) + shift) })
    }

    /// Reserves room for `items` items of `count` bytes in all.
    public mutating func reserve(items: Int, bytes count: Int) {
        ends.reserveCapacity(items)
        bytes.reserveCapacity(count)
    }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// Item `index` as a string.
    public subscript(index: Int) -> String {
        let range = range(index)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The raw bytes of item `index`.
    public func itemBytes(_ index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

    /// Whether item `index` is exactly `text` (no allocation).
    public func equals(_ index: Int, _ text: String) -> Bool {
        var text = text
        let range = range(index)
        return text.withUTF8 { utf8 in
            utf8.count == range.count && bytes.withUnsafeBufferPointer { buffer in
                UnsafeBufferPointer(rebasing: buffer[range]).elementsEqual(utf8)
            }
        }
    }

    /// Whether item `index` contains `needle` (UTF-8 bytes), a plain substring search.
    public func contains(_ index: Int, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let range = range(index)
        guard range.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var position = range.lowerBound
            let last = range.upperBound - needle.count
            while position <= last {
                if buffer[position] == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[position + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                position += 1
            }
            return false
        }
    }

    /// Whether the ends are increasing and within the buffer (a snapshot check).
    var isConsistent: Bool {
        var previous: UInt32 = 0
        for end in ends {
            if end < previous { return false }
            previous = end
        }
        return Int(previous) == bytes.count
    }
}
