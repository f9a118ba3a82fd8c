import KaleidoYAML

/// One `CompactAcceptor.accepts` call: walks the compiled schemas over the document's nodes,
/// mirroring `Evaluator` keyword by keyword, and stops at the first failure.
///
/// Every function answers "valid"; false means invalid or declined (`declined` set). Where an
/// invalid subschema is fine (`not`, `if`, `anyOf`/`oneOf` alternatives, `contains`), callers
/// check `declined` before taking a false as a verdict.
struct AcceptorRun {
    typealias Node = AcceptorProgram.Node
    /// A schema read in place from the program (see `AcceptorProgram.nodes`).
    typealias NodeRef = UnsafePointer<AcceptorProgram.Node>

    let program: AcceptorProgram
    let document: CompactDocument
    /// Set when the acceptor cannot tell: `accepts` then answers false whatever else happened.
    var declined = false
    var nesting = 0
    /// The mapping key `propertyNames` is checking: read as its text, a string (keys are).
    var keyNode = -1
    /// `$ref` / `$dynamicRef` targets entered, with their instance (`Evaluator.referenceStack`).
    let references: UnsafeMutableBufferPointer<(target: Int32, instance: Int)>
    var referenceCount = 0

    /// Below `Evaluator.maxNesting` (400), where the slow path reports an error.
    static let maxNesting = 300

    /// `references` must hold `maxNesting + 1` entries (one per nested evaluation at most).
    init(program: AcceptorProgram, document: CompactDocument, references: UnsafeMutableBufferPointer<(target: Int32, instance: Int)>) {
        self.program = program
        self.document = document
        self.references = references
    }

    mutating func decline() -> Bool {
        declined = true
        return false
    }

    /// Whether `instance` is valid against schema `index`; when `collect`, what it evaluated is
    /// merged into `annotations` (only on success, as `Evaluator` drops a failed subschema's).
    mutating func evaluate(_ index: Int32, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        let node = NodeRef(program.nodes + Int(index))
        if node.pointee.flags.contains(.alwaysTrue) { return true }
        if node.pointee.flags.contains(.alwaysFalse) { return false }
        if node.pointee.flags.contains(.unsupported) { return decline() }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting { return decline() }

        let kind = document.kind(instance)
        var scalar = AcceptorScalar.string
        if kind == .scalar {
            scalar = scalarClass(instance)
            // The slow path reads this plain scalar as a string here, with a warning wherever the
            // reading decides a verdict (inside `not` or `contains` too): only it can tell.
            if scalar != .string, node.pointee.flags.contains(.mayWantString), wantsString(node, instance, scalar) {
                return decline()
            }
        }
        let collectHere = collect || node.pointee.flags.contains(.needsAnnotations)
        var local = AcceptorAnnotations()
        if node.pointee.ref >= 0, !follow(node.pointee.ref, instance, collect: collectHere, &local) { return false }
        if node.pointee.dynamicRef >= 0, !follow(node.pointee.dynamicRef, instance, collect: collectHere, &local) { return false }
        if !assertions(node, instance, kind, scalar) { return false }
        if node.pointee.flags.contains(.combinators), !combinators(node, instance, collect: collectHere, &local) { return false }
        switch kind {
        case .mapping:
            if node.pointee.flags.contains(.objectKeywords), !object(node, instance, collect: collectHere, &local) { return false }
        case .sequence:
            if node.pointee.flags.contains(.arrayKeywords), !array(node, instance, collect: collectHere, &local) { return false }
        case .scalar:
            break
        }
        if collect { annotations.merge(local) }
        return true
    }

    /// Follows a reference. A target entered again on the same instance is a loop the slow path
    /// reports as an error (`Evaluator.follow`): declined, not guessed.
    mutating func follow(_ target: Int32, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        var index = referenceCount - 1
        while index >= 0, references[index].instance == instance {
            if references[index].target == target { return decline() }
            index -= 1
        }
        guard referenceCount < references.count else { return decline() }
        references[referenceCount] = (target, instance)
        referenceCount += 1
        defer { referenceCount -= 1 }
        return evaluate(target, instance, collect: collect, &annotations)
    }

    /// What a scalar node is under the core schema (a key read by `propertyNames` is a string).
    func scalarClass(_ instance: Int) -> AcceptorScalar {
        if instance == keyNode || document.scalarStyle(instance) != .plain { return .string }
        return document.withScalarBytes(instance) { AcceptorScalar.classifyPlain($0) }
    }

    /// `Evaluator.wantsString` for a plain scalar that resolved to null, a boolean or a number.
    mutating func wantsString(_ node: NodeRef, _ instance: Int, _ scalar: AcceptorScalar) -> Bool {
        if node.pointee.flags.contains(.hasTypes) {
            return node.pointee.types.contains(.string) && !admits(node.pointee.types, instance, .scalar, scalar)
        }
        if node.pointee.flags.contains(.hasEnum) {
            return node.pointee.flags.contains(.enumHasString) && !contains(node.pointee.enumStrings, node.pointee.enumOthers, instance, .scalar, scalar)
        }
        return node.pointee.flags.contains(.constIsString)
    }

    /// `TypeSet.admits` (`integer` takes `1.0`).
    mutating func admits(_ types: TypeSet, _ instance: Int, _ kind: CompactDocument.Kind, _ scalar: AcceptorScalar) -> Bool {
        switch kind {
        case .mapping: return types.contains(.object)
        case .sequence: return types.contains(.array)
        case .scalar: break
        }
        switch scalar {
        case .string: return types.contains(.string)
        case .null: return types.contains(.null)
        case .isTrue, .isFalse: return types.contains(.boolean)
        case .integer: return types.contains(.number) || types.contains(.integer)
        case .float:
            if types.contains(.number) { return true }
            guard types.contains(.integer) else { return false }
            guard let number = numberValue(instance) else { return decline() }
            return number.isInteger
        case .invalid: return decline()
        }
    }

    /// The exact value of a numeric plain scalar, as `YAMLConversion` makes it (allocates: only
    /// for numbers under numeric keywords).
    func numberValue(_ instance: Int) -> JSONNumber? {
        switch ScalarResolver.resolvePlain(document.string(instance)) {
        case .integer(let digits), .float(let digits): return JSONNumber(digits)
        default: return nil
        }
    }

    /// A plain decimal integer of at most 18 digits (`-12`, `+7`, `007`) as an `Int`; nil for
    /// anything else (hex, floats, longer numbers go through `JSONNumber`).
    func smallInteger(_ instance: Int) -> Int? {
        document.withScalarBytes(instance) { bytes -> Int? in
            var index = 0
            var negative = false
            if let first = bytes.first, first == AcceptorScalar.plus || first == AcceptorScalar.minus {
                negative = first == AcceptorScalar.minus
                index = 1
            }
            guard index < bytes.count, bytes.count - index <= 18 else { return nil }
            var value = 0
            while index < bytes.count {
                guard AcceptorScalar.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - AcceptorScalar.zero)
                index += 1
            }
            return negative ? -value : value
        }
    }

    // MARK: Assertions

    /// type, enum, const, and the string and number keywords.
    mutating func assertions(_ node: NodeRef, _ instance: Int, _ kind: CompactDocument.Kind, _ scalar: AcceptorScalar) -> Bool {
        if node.pointee.flags.contains(.hasTypes), !admits(node.pointee.types, instance, kind, scalar) { return false }
        if node.pointee.flags.contains(.hasEnum), !contains(node.pointee.enumStrings, node.pointee.enumOthers, instance, kind, scalar) { return false }
        if node.pointee.flags.contains(.hasConst), !contains(node.pointee.constStrings, node.pointee.constOthers, instance, kind, scalar) { return false }
        guard kind == .scalar else { return true }
        switch scalar {
        case .string:
            return node.pointee.flags.contains(.stringKeywords) ? stringAssertions(node, instance) : true
        case .integer, .float:
            return node.pointee.numeric >= 0 ? numberAssertions(program.numerics[Int(node.pointee.numeric)], instance) : true
        default:
            return true
        }
    }

    func stringAssertions(_ node: NodeRef, _ instance: Int) -> Bool {
        if node.pointee.minLength >= 0 || node.pointee.maxLength >= 0 {
            // Code points: the UTF-8 bytes that do not continue a scalar.
            let length = document.withScalarBytes(instance) { bytes in
                var count = 0
                for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
                return count
            }
            if node.pointee.maxLength >= 0, length > node.pointee.maxLength { return false }
            if node.pointee.minLength >= 0, length < node.pointee.minLength { return false }
        }
        var text: String?
        if node.pointee.pattern >= 0, !matches(program.patterns[Int(node.pointee.pattern)], instance, text: &text) { return false }
        if node.pointee.format >= 0 {
            let string = text ?? document.string(instance)
            if !program.formats[Int(node.pointee.format)].check(string) { return false }
        }
        return true
    }

    /// Whether a pattern matches a scalar (or a key): on its bytes when the automaton can,
    /// else on its text (made once into `text`).
    func matches(_ pattern: AcceptorProgram.Pattern, _ instance: Int, text: inout String?) -> Bool {
        if let dfa = pattern.dfa, let verdict = document.withScalarBytes(instance, { dfa.matches($0) }) { return verdict }
        let string = text ?? document.string(instance)
        text = string
        return pattern.regex.matches(string)
    }

    mutating func numberAssertions(_ limits: AcceptorProgram.Numeric, _ instance: Int) -> Bool {
        if let exact = limits.exact, let value = smallInteger(instance) {
            // intValue keeps at most 18 digits, so no product or remainder below overflows.
            if let divisor = exact.multipleOf, divisor == 0 || value % divisor != 0 { return false }
            if let limit = exact.maximum, limit < value { return false }
            if let limit = exact.exclusiveMaximum, !(value < limit) { return false }
            if let limit = exact.minimum, value < limit { return false }
            if let limit = exact.exclusiveMinimum, !(limit < value) { return false }
            return true
        }
        guard let number = numberValue(instance) else { return decline() }
        if let divisor = limits.multipleOf, !number.isMultiple(of: divisor) { return false }
        if let limit = limits.maximum, limit < number { return false }
        if let limit = limits.exclusiveMaximum, !(number < limit) { return false }
        if let limit = limits.minimum, number < limit { return false }
        if let limit = limits.exclusiveMinimum, !(limit < number) { return false }
        return true
    }

    // MARK: In-place applicators

    /// allOf, anyOf, oneOf, not, if/then/else (`Evaluator.validateCombinators`).
    mutating func combinators(_ node: NodeRef, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        for position in node.pointee.allOf.range where !evaluate(program.children[position], instance, collect: collect, &annotations) {
            return false
        }
        if !node.pointee.anyOf.isEmpty {
            var matched = false
            for position in node.pointee.anyOf.range {
                if evaluate(program.children[position], instance, collect: collect, &annotations) {
                    matched = true
                    // Annotations come from every valid alternative: go on only to collect them.
                    if !collect { break }
                } else if declined {
                    return false
                }
            }
            if !matched { return false }
        }
        if !node.pointee.oneOf.isEmpty {
            var matches = 0
            for position in node.pointee.oneOf.range {
                if evaluate(program.children[position], instance, collect: collect, &annotations) {
                    matches += 1
                    if matches > 1 { return false }
                } else if declined {
                    return false
                }
            }
            if matches != 1 { return false }
        }
        if node.pointee.not >= 0 {
            var ignored = AcceptorAnnotations()
            let matched = evaluate(node.pointee.not, instance, collect: false, &ignored)
            if matched || declined { return false }
        }
        if node.pointee.ifSchema >= 0 {
            let condition = evaluate(node.pointee.ifSchema, instance, collect: collect, &annotations)
            if condition {
                if node.pointee.thenSchema >= 0, !evaluate(node.pointee.thenSchema, instance, collect: collect, &annotations) { return false }
            } else {
                if declined { return false }
                if node.pointee.elseSchema >= 0, !evaluate(node.pointee.elseSchema, instance, collect: collect, &annotations) { return false }
            }
        }
        return true
    }
}
