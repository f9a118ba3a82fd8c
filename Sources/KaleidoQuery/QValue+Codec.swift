/// A compact binary form of `QValue`, for the index snapshot: one tag byte, then a varint
/// length and UTF-8 bytes for texts, a varint count for collections.
extension QValue {
    private enum Tag: UInt8 { case null = 0, bool = 1, number = 2, string = 3, list = 4, map = 5 }

    /// Appends the value's binary form to `bytes`.
    public func encode(into bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(Tag.null.rawValue)
        case .bool(let value): bytes.append(Tag.bool.rawValue); bytes.append(value ? 1 : 0)
        case .number(let text): bytes.append(Tag.number.rawValue); BinaryCoding.appendString(text, to: &bytes)
        case .string(let text): bytes.append(Tag.string.rawValue); BinaryCoding.appendString(text, to: &bytes)
        case .list(let items):
            bytes.append(Tag.list.rawValue)
            BinaryCoding.appendVarint(UInt64(items.count), to: &bytes)
            for item in items { item.encode(into: &bytes) }
        case .map(let pairs):
            bytes.append(Tag.map.rawValue)
            BinaryCoding.appendVarint(UInt64(pairs.count), to: &bytes)
            for pair in pairs {
                BinaryCoding.appendString(pair.key, to: &bytes)
                pair.value.encode(into: &bytes)
            }
        }
    }

    /// Decodes a value written by `encode(into:)`; nil when the bytes are not such a value
    /// (a damaged snapshot, which the caller then rebuilds).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> QValue? {
        var reader = BinaryReader(bytes)
        guard let value = decodeValue(&reader, depth: 0), reader.isAtEnd else { return nil }
        return value
    }

    private static func decodeValue(_ reader: inout BinaryReader, depth: Int) -> QValue? {
        guard depth < 128, let raw = reader.byte(), let tag = Tag(rawValue: raw) else { return nil }
        switch tag {
        case .null: return .null
        case .bool: return reader.byte().map { .bool($0 != 0) }
        case .number: return reader.string().map(QValue.number)
        case .string: return reader.string().map(QValue.string)
        case .list:
            guard let count = reader.count() else { return nil }
            var items: [QValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = decodeValue(&reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .list(items)
        case .map:
            guard let count = reader.count() else { return nil }
            var pairs: [(key: String, value: QValue)] = []
            pairs.reserveCapacity(count)
            for _ in 0..<count {
                guard let key = reader.string(), let value = decodeValue(&reader, depth: depth + 1) else { return nil }
                pairs.append((key, value))
            }
            return .map(pairs)
        }
    }
}

/// Varints and length-prefixed strings shared by the value codec and the snapshot.
public enum BinaryCoding {
    /// Appends an unsigned LEB128 varint.
    public static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a varint count, then the integers little-endian (one copy on little-endian hosts).
    public static func appendArray<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        appendVarint(UInt64(values.count), to: &bytes)
        if 1.littleEndian == 1 {
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        } else {
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        }
    }

    /// Reads what `appendArray` wrote at `offset` and moves past it; nil when the bytes are
    /// truncated or the count is impossible (a damaged file is never trusted).
    public static func readArray<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> [T]? {
        guard offset <= raw.count else { return nil }
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let count = reader.varint(), count <= UInt64(raw.count) else { return nil }
        let start = offset + reader.offset
        let length = Int(count) * MemoryLayout<T>.stride
        guard length <= raw.count - start else { return nil }
        let values = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<start + length]))
            initialized = Int(count)
        }
        offset = start + length
        return 1.littleEndian == 1 ? values : values.map { T(littleEndian: $0) }
    }

    /// Appends a varint byte length, then the UTF-8 bytes.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
}

/// Reads what `BinaryCoding` wrote, never past the end: every read answers nil on truncation.
public struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next byte, or nil at the end.
    public mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next varint, or nil when truncated or longer than 64 bits.
    public mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64 {
            guard let byte = byte() else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A varint that must be a plausible count (no larger than the bytes left).
    public mutating func count() -> Int? {
        guard let value = varint(), value <= UInt64(bytes.count - offset) else { return nil }
        return Int(value)
    }

    /// The next length-prefixed string, or nil when truncated.
    public mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }
}
