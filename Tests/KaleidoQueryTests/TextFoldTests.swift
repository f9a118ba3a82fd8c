import Foundation
import KaleidoQuery
import Testing

/// Folding with its per-scalar memo gives what the rule says for every scalar of the blocks
/// records use (Latin, Greek, Cyrillic, Arabic, general punctuation, letterlike symbols),
/// alone and between letters, checked against the rule written plainly with Foundation's NFD.
@Suite struct TextFoldTests {
    /// The rule, slowly: NFD (ligatures and ß expanded; the Arabic block is left as written,
    /// hamza forms included), marks and tatweel dropped, letters and digits lowercased, Arabic
    /// letter variants unified, anything else a word break.
    static func reference(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        func breakWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for original in text.unicodeScalars {
            let expanded: [Unicode.Scalar] = switch original {
            case "œ", "Œ": ["o", "e"]
            case "æ", "Æ": ["a", "e"]
            case "ß": ["s", "s"]
            case "\u{0600}"..."\u{06FF}": [original]
            default: Array(String(original).decomposedStringWithCanonicalMapping.unicodeScalars)
            }
            for scalar in expanded {
                let properties = scalar.properties
                if [.nonspacingMark, .enclosingMark, .spacingMark].contains(properties.generalCategory) || scalar.value == 0x0640 { continue }
                guard properties.isAlphabetic || properties.numericType != nil else {
                    breakWord()
                    continue
                }
                for lower in properties.lowercaseMapping.unicodeScalars {
                    let unified: UInt32 = switch lower.value {
                    case 0x0622, 0x0623, 0x0625, 0x0671: 0x0627
                    case 0x0629: 0x0647
                    case 0x0649: 0x064A
                    default: lower.value
                    }
                    word.unicodeScalars.append(Unicode.Scalar(unified) ?? lower)
                }
            }
        }
        breakWord()
        return words.joined(separator: " ")
    }

    static let blocks: [ClosedRange<UInt32>] = [0x80...0x24F, 0x370...0x4FF, 0x600...0x6FF, 0x1E00...0x1EFF, 0x2000...0x214F]

    @Test(arguments: blocks)
    func everyScalarFoldsByTheRule(_ block: ClosedRange<UInt32>) {
        var mismatches: [String] = []
        for value in block {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // Twice: the second fold of each scalar comes from the memo.
            for text in ["\(scalar)", "ab\(scalar)cd", "x \(scalar)\(scalar) y"] {
                for _ in 0..<2 where TextFold.fold(text) != Self.reference(text) {
                    mismatches.append("U+\(String(value, radix: 16)) in \(text.debugDescription): \(TextFold.fold(text).debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
