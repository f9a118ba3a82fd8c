import Foundation

/// Text as searches compare it: case, accents, Arabic vowel marks and punctuation folded away,
/// so that "Chérif", "cherif" and "CHERIF" meet, and "صفاقس" matches with or without harakat.
public enum TextFold {
    /// The folded form: lowercase letters and digits without diacritics, words separated by
    /// single spaces (apostrophes, dashes and other punctuation become spaces).
    public static func fold(_ text: String) -> String {
        // Most text is ASCII: fold it byte by byte, without Unicode property lookups.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            if scalar.isASCII {
                output.append(UInt8(scalar.value))
            } else {
                output.append(contentsOf: String(scalar).utf8)
            }
        }
        for original in text.unicodeScalars {
            if original.isASCII {
                switch original.value {
                case 0x61...0x7A, 0x30...0x39: emit(original)
                case 0x41...0x5A: emit(Unicode.Scalar(UInt8(original.value + 32)))
                default: pendingSpace = true
                }
                continue
            }
            switch pieces.piece(of: original) {
            case .letters(let bytes):
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: bytes)
            case .separator: pendingSpace = true
            case .nothing: break
            case .mixed(let actions):
                for action in actions {
                    switch action {
                    case .emit(let scalar): emit(scalar)
                    case .space: pendingSpace = true
                    }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// What folding one non-ASCII scalar does: letters to write, a word break, nothing (a
    /// mark), or a mix of them in order.
    private enum Piece: Sendable {
        case letters([UInt8])
        case separator
        case nothing
        case mixed([Action])
    }

    private enum Action: Sendable {
        case emit(Unicode.Scalar)
        case space
    }

    /// The folding of one scalar, worked out from its decomposition and Unicode properties.
    private static func actions(of original: Unicode.Scalar) -> [Action] {
        var actions: [Action] = []
        for scalar in decompose(original) {
            let properties = scalar.properties
            // Combining marks: Latin accents after decomposition, Arabic harakat and shadda.
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            // Tatweel (ـ) only stretches Arabic words.
            if scalar.value == 0x0640 { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                for lower in properties.lowercaseMapping.unicodeScalars { actions.append(.emit(Self.unify(lower))) }
            } else {
                actions.append(.space)
            }
        }
        return actions
    }

    /// Each scalar's piece, worked out once per process: property lookups and decompositions
    /// for every accented letter of 100,000 records cost seconds.
    private static let pieces = PieceCache()

    private final class PieceCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [UInt32: Piece] = [:]

        func piece(of scalar: Unicode.Scalar) -> Piece {
            if let found = lock.withLock({ known[scalar.value] }) { return found }
            let actions = TextFold.actions(of: scalar)
            let piece: Piece
            if actions.isEmpty {
                piece = .nothing
            } else if actions.allSatisfy({ if case .space = $0 { true } else { false } }) {
                piece = .separator
            } else if actions.allSatisfy({ if case .emit = $0 { true } else { false } }) {
                piece = .letters(actions.flatMap { action -> [UInt8] in
                    if case .emit(let scalar) = action { return Array(String(scalar).utf8) }
                    return []
                })
            } else {
                piece = .mixed(actions)
            }
            lock.withLock { known[scalar.value] = piece }
            return piece
        }
    }

    /// NFD of the accented Latin letters French names use most (U+00C0–U+017F), computed once.
    private static let latinDecompositions: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for value in UInt32(0xC0)...0x17F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[value] = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        }
        return table
    }()

    /// The canonical decomposition (NFD) of one scalar; ligatures expand to their letters.
    private static func decompose(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar {
        case "œ", "Œ": return ["o", "e"]
        case "æ", "Æ": return ["a", "e"]
        case "ß": return ["s", "s"]
        default:
            // Arabic letters and most scripts have no decomposition: skip Foundation for them.
            if (0x0600...0x06FF).contains(scalar.value) { return [scalar] }
            if let latin = latinDecompositions[scalar.value] { return latin }
            return decompositions.decomposition(of: scalar)
        }
    }

    /// Other scalars' decompositions (typographic apostrophes, narrow spaces, dashes…), asked
    /// of Foundation once per scalar and per process: indexing met them in most records.
    private static let decompositions = DecompositionCache()

    private final class DecompositionCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [UInt32: [Unicode.Scalar]] = [:]

        func decomposition(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
            if let found = lock.withLock({ known[scalar.value] }) { return found }
            let computed = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            lock.withLock { known[scalar.value] = computed }
            return computed
        }
    }

    private static func foldASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            let folded: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte + 32
            default:
                pendingSpace = true
                continue
            }
            if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
            bytes.append(folded)
        }
        return String(decoding: bytes, as: UTF8.self)
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
