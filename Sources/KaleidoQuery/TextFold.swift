import Foundation

/// Text as searches compare it: case, accents, Arabic vowel marks and punctuation folded away,
/// so that "Chérif", "cherif" and "CHERIF" meet, and "صفاقس" matches with or without harakat.
public enum TextFold {
    /// The folded form: lowercase letters and digits without diacritics, words separated by
    /// single spaces (apostrophes, dashes and other punctuation become spaces).
    public static func fold(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedScalars {
            let properties = scalar.properties
            // Combining marks: Latin accents after decomposition, Arabic harakat and shadda.
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
                || properties.generalCategory == .spacingMark
            {
                continue
            }
            // Tatweel (ـ) only stretches Arabic words.
            if scalar.value == 0x0640 { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace && !output.isEmpty { output.append(" ") }
                pendingSpace = false
                for lower in properties.lowercaseMapping.unicodeScalars { output.append(Self.unify(lower)) }
            } else {
                pendingSpace = true
            }
        }
        return String(output)
    }

    /// The folded words of a text.
    public static func words(_ text: String) -> [Substring] {
        let folded = fold(text)
        return folded.split(separator: " ")
    }

    /// Letters written several ways that readers treat as one: Arabic alef forms, ta marbuta,
    /// alef maqsura; the German sharp s and the French ligatures.
    private static func unify(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0622, 0x0623, 0x0625, 0x0671: Unicode.Scalar(0x0627)!  // آ أ إ ٱ → ا
        case 0x0629: Unicode.Scalar(0x0647)!  // ة → ه
        case 0x0649: Unicode.Scalar(0x064A)!  // ى → ي
        default: scalar
        }
    }
}

extension String {
    /// The Unicode scalars of the canonical decomposition (NFD), so that accents become
    /// separate combining marks; ligatures (œ, æ) are expanded to their letters.
    fileprivate var decomposedScalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "œ", "Œ": result.append(contentsOf: ["o", "e"])
            case "æ", "Æ": result.append(contentsOf: ["a", "e"])
            case "ß": result.append(contentsOf: ["s", "s"])
            default:
                if scalar.isASCII {
                    result.append(scalar)
                } else {
                    // NFD through Foundation (pure string work, no I/O).
                    let decomposed = String(scalar).decomposedStringWithCanonicalMapping
                    result.append(contentsOf: decomposed.unicodeScalars)
                }
            }
        }
        return result
    }
}
