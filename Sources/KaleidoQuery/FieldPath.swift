import Foundation
import KaleidoKB

/// A dotted path into a record (`funding.status`, `parties.partner.country`), optionally with
/// a function applied to each value (`funding.decided_on:year`).
///
/// Lists are walked through; a string that is the id of a record is followed when the path
/// goes on (`parties.partner.country` reads each party's partner record).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Function: String, Hashable, Sendable { case year, month }

    public var keys: [String]
    public var function: Function?

    public init(keys: [String], function: Function? = nil) {
        self.keys = keys
        self.function = function
    }

    public init(parsing text: String) throws(QueryError) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if let colon = body.lastIndex(of: ":") {
            guard let function = Function(rawValue: String(body[body.index(after: colon)...])) else {
                throw QueryError("\(text): unknown function after ':' (use :year or :month)")
            }
            self.function = function
            body = body[..<colon]
        }
        keys = body.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !keys.isEmpty, keys.allSatisfy({ !$0.isEmpty }) else {
            throw QueryError("\(text): expected a field name or a dotted path such as funding.status")
        }
    }

    public var description: String { keys.joined(separator: ".") + (function.map { ":" + $0.rawValue } ?? "") }

    /// The values at this path in `value`, following references through `resolve`.
    public func values(in value: QValue, resolve: (String) -> QValue?) -> [QValue] {
        var current: [QValue] = [value]
        for key in keys {
            var next: [QValue] = []
            func step(_ value: QValue, followed: Bool) {
                switch value {
                case .list(let items): for item in items { step(item, followed: followed) }
                case .map: if let found = value[key] { next.append(found) }
                case .string(let id) where !followed:
                    if let record = resolve(id) { step(record, followed: true) }
                default: break
                }
            }
            for value in current { step(value, followed: false) }
            current = next
        }
        let leaves = current.flatMap { value -> [QValue] in
            if case .list(let items) = value { return items }
            return [value]
        }
        guard let function else { return leaves }
        return leaves.compactMap { leaf in
            guard let text = leaf.text, let date = PartialDate(text) else { return nil }
            switch function {
            case .year: return .string(String(date.year))
            case .month:
                var month = date
                month.day = nil
                return date.month == nil ? nil : .string(month.written)
            }
        }
    }
}
