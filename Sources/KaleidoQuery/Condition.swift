public import KaleidoKB
import Foundation

/// One `--where` condition: a dotted field path, an operator and a value (`country=TN`,
/// `themes~jeunesse`, `start>=2010`, `status in en_cours,accepte`, `funding.status=accorde`).
///
/// A path reaching several values (through lists) matches when any value does (`!=` and
/// `not in` when none does); `ListQuery` checks several conditions on one list against each
/// item in turn, so that they hold for one item. Dates compare as intervals: `=` means overlapping, `>=` starting
/// on or after the value's first day, `<=` ending on or before its last day, `>`/`<` entirely
/// after/before it. Numbers compare as exact decimals; other text folded (case, accents).
public struct Condition: Hashable, Sendable, CustomStringConvertible {
    /// The comparison of a condition (`in` and `not in` take a comma-separated list).
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", contains = "~", greaterOrEqual = ">=", lessOrEqual = "<="
        case greater = ">", less = "<", isIn = "in", notIn = "not in"
    }

    /// Where the compared values are.
    public var path: FieldPath
    public var op: Operator
    /// The operand (several for `in` and `not in`).
    public var values: [String]

    public init(path: FieldPath, op: Operator, values: [String]) {
        self.path = path
        self.op = op
        self.values = values
    }

    public var description: String { "\(path)\(op == .isIn || op == .notIn ? " \(op.rawValue) " : op.rawValue)\(values.joined(separator: ","))" }

    /// Parses `path OP value`; throws a sentence naming the accepted forms.
    public init(parsing text: String) throws(QueryError) {
        for (keyword, op) in [(" not in ", Operator.notIn), (" in ", Operator.isIn)] {
            if let range = text.range(of: keyword) {
                let list = text[range.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                self.init(path: try FieldPath(parsing: String(text[..<range.lowerBound])), op: op, values: list.filter { !$0.isEmpty })
                return
            }
        }
        let characters = Array(text)
        guard let start = characters.firstIndex(where: { "=!<>~".contains($0) }) else {
            throw QueryError("--where \(text): expected FIELD=VALUE, FIELD!=VALUE, FIELD~TEXT, FIELD>=VALUE, FIELD<=VALUE, FIELD>VALUE, FIELD<VALUE or FIELD in A,B")
        }
        let two = start + 1 < characters.count ? String(characters[start...start + 1]) : ""
        let symbol: String
        if ["!=", ">=", "<="].contains(two) { symbol = two } else { symbol = String(characters[start]) }
        guard let op = Operator(rawValue: symbol), op != .isIn, op != .notIn else {
            throw QueryError("--where \(text): unknown operator \(symbol)")
        }
        let value = String(characters[(start + symbol.count)...]).trimmingCharacters(in: .whitespaces)
        self.init(path: try FieldPath(parsing: String(characters[..<start])), op: op, values: [value])
    }

    /// Whether the values found at the path satisfy the condition.
    public func matches(_ found: [QValue]) -> Bool {
        switch op {
        case .notEqual: return !found.contains { value in values.contains { Self.equal(value, $0) } }
        case .notIn: return !found.contains { value in values.contains { Self.equal(value, $0) } }
        case .equal, .isIn: return found.contains { value in values.contains { Self.equal(value, $0) } }
        case .contains:
            let needle = TextFold.fold(values.first ?? "")
            return found.contains { TextFold.fold($0.displayText).contains(needle) }
        case .greaterOrEqual, .lessOrEqual, .greater, .less:
            guard let operand = values.first else { return false }
            return found.contains { Self.ordered($0, op, operand) }
        }
    }

    static func equal(_ value: QValue, _ operand: String) -> Bool {
        guard let text = value.text else { return operand.isEmpty && value == .null }
        if let left = PartialDate(text), let right = PartialDate(operand) {
            return DateInterval(start: left, end: left).overlaps(DateInterval(start: right, end: right))
        }
        if case .number = value, let left = Decimal(string: text), let right = Decimal(string: operand) { return left == right }
        return TextFold.fold(text) == TextFold.fold(operand)
    }

    static func ordered(_ value: QValue, _ op: Operator, _ operand: String) -> Bool {
        guard let text = value.text else { return false }
        if let left = PartialDate(text), let right = PartialDate(operand) {
            switch op {
            case .greaterOrEqual: return left.first >= right.first
            case .lessOrEqual: return left.last <= right.last
            case .greater: return left.first > right.last
            default: return left.last < right.first
            }
        }
        if let left = Decimal(string: text), let right = Decimal(string: operand), case .number = value {
            return compare(left, right, op)
        }
        return compare(TextFold.fold(text), TextFold.fold(operand), op)
    }

    static func compare<T: Comparable>(_ left: T, _ right: T, _ op: Operator) -> Bool {
        switch op {
        case .greaterOrEqual: left >= right
        case .lessOrEqual: left <= right
        case .greater: left > right
        default: left < right
        }
    }
}

/// A query the user wrote wrongly: the message says what to write instead.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
