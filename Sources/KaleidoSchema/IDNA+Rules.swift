extension IDNA {
    /// RFC 5892 §2.6 exceptions.
    static let exceptionallyValid: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]
    static let exceptionallyDisallowed: Set<UInt32> = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B]

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isHan(_ value: UInt32) -> Bool {
        (0x2E80...0x2FDF).contains(value) || value == 0x3005 || value == 0x3007 || (0x3021...0x3029).contains(value)
            || (0x3038...0x303B).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x3FFFF).contains(value)
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return ((0x0620...0x06FF).contains(value) || (0x0750...0x077F).contains(value)) && scalar.properties.isAlphabetic
            && !isCombiningMark(scalar)
    }

    /// A U-label: the code points IDNA 2008 allows, in their contexts.
    static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, label.count <= 63, first != "-", label.last != "-", !isCombiningMark(first) else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        let values = label.map(\.value)
        if values.contains(where: { (0x0660...0x0669).contains($0) }), values.contains(where: { (0x06F0...0x06F9).contains($0) }) {
            return false
        }
        for (index, scalar) in label.enumerated() {
            let value = scalar.value
            let previous = index > 0 ? label[index - 1] : nil
            let next = index + 1 < label.count ? label[index + 1] : nil
            switch value {
            case 0x00B7:  // MIDDLE DOT: only in "l·l" (Catalan)
                guard previous == "l", next == "l" else { return false }
            case 0x0375:  // GREEK LOWER NUMERAL SIGN: before a Greek letter
                guard let next, (0x0370...0x03FF).contains(next.value) || (0x1F00...0x1FFF).contains(next.value) else { return false }
            case 0x05F3, 0x05F4:  // GERESH, GERSHAYIM: after a Hebrew letter
                guard let previous, (0x0590...0x05FF).contains(previous.value) else { return false }
            case 0x30FB:  // KATAKANA MIDDLE DOT: with Hiragana, Katakana or Han in the label
                let others = values.filter { $0 != 0x30FB }
                guard others.contains(where: { (0x3040...0x30FF).contains($0) || isHan($0) }) else { return false }
            case 0x200D:  // ZERO WIDTH JOINER: after a virama
                guard let previous, previous.properties.canonicalCombiningClass.rawValue == 9 else { return false }
            case 0x200C:  // ZERO WIDTH NON-JOINER: after a virama, or between joining letters
                if let previous, previous.properties.canonicalCombiningClass.rawValue == 9 { continue }
                let before = label[..<index].last { !isCombiningMark($0) }
                let after = label[(index + 1)...].first { !isCombiningMark($0) }
                guard let before, let after, isArabicLetter(before), isArabicLetter(after) else { return false }
            default:
                guard isValidCodePoint(scalar) else { return false }
            }
        }
        return true
    }

    static func isValidCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" }
        if exceptionallyValid.contains(value) { return true }
        if exceptionallyDisallowed.contains(value) { return false }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }

    enum BidiClass { case left, right, arabicLetter, arabicNumber, europeanNumber, nonspacingMark, neutral }

    static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        if ("0"..."9").contains(scalar) || (0x06F0...0x06F9).contains(value) { return .europeanNumber }
        if (0x0660...0x0669).contains(value) || (0x066B...0x066C).contains(value) { return .arabicNumber }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return .nonspacingMark
        }
        if (0x0590...0x05FF).contains(value) || (0x07C0...0x085F).contains(value) || (0xFB1D...0xFB4F).contains(value) { return .right }
        if (0x0600...0x07BF).contains(value) || (0x0860...0x08FF).contains(value) || (0xFB50...0xFDFF).contains(value)
            || (0xFE70...0xFEFF).contains(value) { return .arabicLetter }
        if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .spacingMark { return .left }
        return .neutral
    }

    /// RFC 5893 §2: in a name with a right-to-left label, every label keeps one direction.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(bidiClass) }
        let isBidiDomain = classes.contains { label in label.contains { [.right, .arabicLetter, .arabicNumber].contains($0) } }
        guard isBidiDomain else { return true }
        for label in classes {
            guard let first = label.first else { return false }
            let last = label.last { $0 != .nonspacingMark }
            switch first {
            case .right, .arabicLetter:
                if label.contains(.left) { return false }
                guard let last, [.right, .arabicLetter, .europeanNumber, .arabicNumber].contains(last) else { return false }
                if label.contains(.europeanNumber), label.contains(.arabicNumber) { return false }
            case .left:
                if label.contains(where: { [.right, .arabicLetter, .arabicNumber].contains($0) }) { return false }
                guard let last, last == .left || last == .europeanNumber else { return false }
            default:
                return false
            }
        }
        return true
    }
}
