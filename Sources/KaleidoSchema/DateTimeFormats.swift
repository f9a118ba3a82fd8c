/// RFC 3339 dates and times and ISO 8601 durations (RFC 3339 appendix A), checked on ASCII
/// bytes: `১` (a Bengali digit) is not a digit here.
enum DateTimeFormats {
    /// Reads `count` ASCII digits at `index`, advancing it.
    static func digits(_ bytes: [UInt8], _ index: inout Int, _ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    static func expect(_ bytes: [UInt8], _ index: inout Int, _ byte: Character) -> Bool {
        guard index < bytes.count, let ascii = byte.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `full-date`: YYYY-MM-DD, a real calendar date.
    @Sendable static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        return parseDate(bytes, &index) && index == bytes.count
    }

    static func parseDate(_ bytes: [UInt8], _ index: inout Int) -> Bool {
        guard let year = digits(bytes, &index, 4), expect(bytes, &index, "-"),
              let month = digits(bytes, &index, 2), expect(bytes, &index, "-"),
              let day = digits(bytes, &index, 2) else { return false }
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// `full-time`: HH:MM:SS[.frac](Z|±HH:MM); a leap second only at 23:59:60 UTC.
    @Sendable static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        return parseTime(bytes, &index) && index == bytes.count
    }

    static func parseTime(_ bytes: [UInt8], _ index: inout Int) -> Bool {
        guard let hour = digits(bytes, &index, 2), expect(bytes, &index, ":"),
              let minute = digits(bytes, &index, 2), expect(bytes, &index, ":"),
              let second = digits(bytes, &index, 2) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            if index == start { return false }
        }
        guard hour <= 23, minute <= 59, second <= 60, index < bytes.count else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHour = digits(bytes, &index, 2), expect(bytes, &index, ":"),
                  let offsetMinute = digits(bytes, &index, 2), offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        default:
            return false
        }
        if second == 60 {
            // A leap second is inserted at 23:59:60 UTC only.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// `date-time`: full-date "T" full-time (`t` and `T` alike).
    @Sendable static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        guard parseDate(bytes, &index), index < bytes.count,
              bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") else { return false }
        index += 1
        return parseTime(bytes, &index) && index == bytes.count
    }

    /// RFC 3339 appendix A: `P` then years-months-days (contiguous, in order) and/or `T` hours-
    /// minutes-seconds (contiguous, in order), or weeks alone. Integers only.
    @Sendable static func isDuration(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        var components: [(UInt8, Bool)] = []  // designator, after T
        var index = 1
        var inTime = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                if inTime { return false }
                inTime = true
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard index > start, index < bytes.count else { return false }
            components.append((bytes[index], inTime))
            index += 1
        }
        if components.isEmpty { return false }
        if inTime && !components.contains(where: { $0.1 }) { return false }
        let dateOrder: [UInt8] = Array("YMD".utf8)
        let timeOrder: [UInt8] = Array("HMS".utf8)
        if components.count == 1, components[0] == (UInt8(ascii: "W"), false) { return true }
        func contiguous(_ letters: [UInt8], _ order: [UInt8]) -> Bool {
            guard let first = letters.first, let start = order.firstIndex(of: first) else { return letters.isEmpty }
            return letters.count <= order.count - start && Array(order[start..<start + letters.count]) == letters
        }
        let date = components.filter { !$0.1 }.map(\.0)
        let time = components.filter { $0.1 }.map(\.0)
        return contiguous(date, dateOrder) && contiguous(time, timeOrder)
    }
}
