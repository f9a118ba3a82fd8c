import Foundation
@testable import KaleidoYAML

/// JSON-like data to compare a parsed YAML document with the suite's `in.json`.
indirect enum JSONData: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONData])
    case object([String: JSONData])

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .number(let number): return "\(number)"
        case .string(let text): return "\"\(text)\""
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// The data of a tree whose aliases are already expanded; nil when a key is not a scalar
    /// (JSON cannot hold it).
    init?(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let text, let style):
            switch ScalarResolver.resolve(text, style: style, tag: node.tag) {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .integer(let digits), .float(let digits):
                guard let number = Double(digits) else { return nil }
                self = .number(number)
            case .infinity, .nan: return nil
            case .string(let text): self = .string(text)
            }
        case .sequence(let items, _):
            var array: [JSONData] = []
            for item in items {
                guard let data = JSONData(item) else { return nil }
                array.append(data)
            }
            self = .array(array)
        case .mapping(let pairs, _):
            var object: [String: JSONData] = [:]
            for pair in pairs {
                guard case .scalar(let key, _) = pair.key.content, let value = JSONData(pair.value) else { return nil }
                object[key] = value
            }
            self = .object(object)
        case .alias:
            return nil
        }
    }

    /// The data of a Foundation JSON value.
    init?(foundation value: Any) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let number as NSNumber:
            // Foundation gives booleans as NSNumber whose Objective-C type is `c` (char).
            if String(cString: number.objCType) == "c" { self = .bool(number.boolValue) } else { self = .number(number.doubleValue) }
        case let array as [Any]:
            var items: [JSONData] = []
            for item in array {
                guard let data = JSONData(foundation: item) else { return nil }
                items.append(data)
            }
            self = .array(items)
        case let object as [String: Any]:
            var members: [String: JSONData] = [:]
            for (key, item) in object {
                guard let data = JSONData(foundation: item) else { return nil }
                members[key] = data
            }
            self = .object(members)
        default: return nil
        }
    }

    /// Every JSON value of a file that holds several (one per YAML document), in order.
    static func stream(_ bytes: [UInt8]) throws -> [JSONData] {
        var values: [JSONData] = []
        for range in topLevelRanges(bytes) {
            let object = try JSONSerialization.jsonObject(with: Data(bytes[range]), options: [.fragmentsAllowed])
            guard let data = JSONData(foundation: object) else { throw CocoaError(.propertyListReadCorrupt) }
            values.append(data)
        }
        return values
    }

    /// The byte ranges of the top-level values of a JSON text sequence.
    private static func topLevelRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        while index < bytes.count {
            if whitespace.contains(bytes[index]) { index += 1; continue }
            let start = index
            let compound = [quote, UInt8(ascii: "["), UInt8(ascii: "{")].contains(bytes[start])
            var depth = 0
            var inString = false
            scan: while index < bytes.count {
                let byte = bytes[index]
                if !compound, whitespace.contains(byte) { break }
                index += 1
                if inString {
                    if byte == backslash {
                        index += 1
                    } else if byte == quote {
                        inString = false
                        if depth == 0 { break scan }
                    }
                    continue
                }
                switch byte {
                case quote: inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { break scan }
                default: break
                }
            }
            ranges.append(start..<min(index, bytes.count))
        }
        return ranges
    }
}
