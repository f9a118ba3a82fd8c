extension Evaluator {
    /// The validation vocabulary's keywords that look at the value itself (type, enum, numbers,
    /// strings, format).
    mutating func validateAssertions(_ node: SchemaNode, _ instance: JSONValue) -> Bool {
        var valid = true
        if let types = node.types, !types.admits(instance) {
            report(node, "type", "\(subject) must be \(Messages.typePhrase(types)), not \(Messages.describe(instance))")
            valid = false
            if !wantErrors { return false }
        }
        if let values = node.enumValues, !values.contains(instance) {
            report(node, "enum", "\(subject) \(Messages.describe(instance)) is not one of the allowed values: \(Messages.list(values))")
            valid = false
        }
        if let constant = node.constValue, constant != instance {
            report(node, "const", "\(subject) must be \(Messages.render(constant)), not \(Messages.describe(instance))")
            valid = false
        }
        switch instance {
        case .number(let number):
            if let divisor = node.multipleOf, !number.isMultiple(of: divisor) {
                report(node, "multipleOf", "\(subject) \(number) must be a multiple of \(divisor)")
                valid = false
            }
            if let limit = node.maximum, limit < number {
                report(node, "maximum", "\(subject) \(number) must be at most \(limit)")
                valid = false
            }
            if let limit = node.exclusiveMaximum, !(number < limit) {
                report(node, "exclusiveMaximum", "\(subject) \(number) must be below \(limit)")
                valid = false
            }
            if let limit = node.minimum, number < limit {
                report(node, "minimum", "\(subject) \(number) must be at least \(limit)")
                valid = false
            }
            if let limit = node.exclusiveMinimum, !(limit < number) {
                report(node, "exclusiveMinimum", "\(subject) \(number) must be above \(limit)")
                valid = false
            }
        case .string(let string):
            if node.maxLength != nil || node.minLength != nil {
                // Lengths count Unicode scalars (code points), as JSON Schema says: the UTF-8
                // bytes that do not continue a scalar.
                let length = string.utf8.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                if let limit = node.maxLength, length > limit {
                    report(node, "maxLength", "\(subject) is \(Messages.count(length, "character", "characters")) long; at most \(Messages.limit(limit, "is", "are")) allowed")
                    valid = false
                }
                if let limit = node.minLength, length < limit {
                    report(node, "minLength", limit == 1 ? "\(subject) must not be empty"
                        : "\(subject) is \(Messages.count(length, "character", "characters")) long; at least \(Messages.limit(limit, "is", "are")) required")
                    valid = false
                }
            }
            if let pattern = node.pattern, !pattern.regex.matches(string) {
                report(node, "pattern", "\(subject) \(Messages.render(instance)) does not match the pattern \(pattern.source)")
                valid = false
            }
            if node.formatAsserted, let name = node.format, let format = options.formats[name], !format.check(string) {
                report(node, "format", "\(subject) \(Messages.render(instance)) is not \(format.description)")
                valid = false
            }
        default:
            break
        }
        return valid
    }

    /// allOf, anyOf, oneOf, not, if/then/else: in-place applicators.
    mutating func validateCombinators(_ node: SchemaNode, _ instance: JSONValue, collect: Bool,
                                      annotations: inout Annotations) -> Bool
    {
        var valid = true
        for (index, child) in node.allOf.enumerated() {
            let outcome = descend(child, instance, keywords: "allOf", String(index), token: nil, collect: collect)
            if !outcome.valid { valid = false; if !wantErrors && !collect { return false } }
            if collect { annotations.merge(outcome.annotations) }
        }
        if !node.anyOf.isEmpty, !validateAlternatives(node, node.anyOf, keyword: "anyOf", instance, collect: collect, annotations: &annotations) {
            valid = false
        }
        if !node.oneOf.isEmpty, !validateAlternatives(node, node.oneOf, keyword: "oneOf", instance, collect: collect, annotations: &annotations) {
            valid = false
        }
        if let negated = node.not {
            let matched = silently { $0.descend(negated, instance, keywords: "not", token: nil) }.valid
            if matched {
                report(node, "not", "\(subject) (\(Messages.describe(instance))) has a form that is not allowed here")
                valid = false
            }
        }
        if let condition = node.ifSchema {
            let (outcome, notes) = silentlyWithTyping { $0.descend(condition, instance, keywords: "if", token: nil, collect: collect) }
            if collect, outcome.valid { annotations.merge(outcome.annotations) }
            var branchValid = true
            if let branch = outcome.valid ? node.thenSchema : node.elseSchema {
                let result = descend(branch, instance, keywords: outcome.valid ? "then" : "else", token: nil, collect: collect)
                branchValid = result.valid
                if !result.valid { valid = false }
                if collect { annotations.merge(result.annotations) }
            }
            // The typing chose the branch: it says so when the other branch would judge otherwise.
            if !notes.isEmpty {
                let other = outcome.valid ? node.elseSchema : node.thenSchema
                let otherValid = other.map { branch in
                    silently { $0.descend(branch, instance, keywords: outcome.valid ? "else" : "then", token: nil) }.valid
                } ?? true
                if otherValid != branchValid { findings.append(contentsOf: notes) }
            }
        }
        return valid
    }

    /// anyOf / oneOf. On failure, reports the errors of the alternative that came closest (the
    /// one whose errors lie deepest in the value, then the fewest), not every alternative's.
    mutating func validateAlternatives(_ node: SchemaNode, _ alternatives: [SchemaNode], keyword: String,
                                       _ instance: JSONValue, collect: Bool, annotations: inout Annotations) -> Bool
    {
        let mark = findings.count
        var matches: [Int] = []
        var failures: [(index: Int, findings: [ValidationError])] = []
        // Typing warnings of the alternatives whose verdict the typing changed: kept whatever the
        // outcome, so that a result typing decided always says so.
        var notes: [ValidationError] = []
        for (index, child) in alternatives.enumerated() {
            let outcome = descend(child, instance, keywords: keyword, String(index), token: nil, collect: collect)
            var produced = Array(findings[mark...])
            findings.removeSubrange(mark...)
            if produced.contains(where: \.isTypingNote) {
                let changed = typingChangesVerdict(outcome.valid) {
                    $0.descend(child, instance, keywords: keyword, String(index), token: nil, collect: collect)
                }
                if changed { notes += produced.filter(\.isTypingNote) }
                produced.removeAll(where: \.isTypingNote)
            }
            if outcome.valid {
                matches.append(index)
                if collect { annotations.merge(outcome.annotations) }
                if keyword == "anyOf", !collect { break }
                if keyword == "oneOf", matches.count > 1, !wantErrors, !collect { break }
            } else if wantErrors {
                failures.append((index, produced))
            }
        }
        defer { findings.append(contentsOf: notes) }
        if keyword == "anyOf" ? !matches.isEmpty : matches.count == 1 {
            return true
        }
        if matches.count > 1 {
            report(node, keyword, "\(subject) matches more than one alternative (\(matches[0] + 1) and \(matches[1] + 1)); it must match exactly one")
            return false
        }
        guard wantErrors else { return false }
        let here = instancePointer
        let shallow: Set<String> = ["type", "const", "enum", "false"]
        let allShallow = failures.allSatisfy { failure in
            failure.findings.allSatisfy { $0.severity == .warning || ($0.instanceLocation == here && shallow.contains($0.keyword)) }
        }
        if allShallow {
            let accepted = alternatives.compactMap { Messages.acceptedForm($0) }
            if accepted.count == alternatives.count {
                let forms = accepted.dropLast().joined(separator: ", ") + " or " + (accepted.last ?? "")
                report(node, keyword, "\(subject) must be \(forms), not \(Messages.describe(instance))")
            } else {
                report(node, keyword, "\(subject) \(Messages.describe(instance)) matches none of the allowed forms")
            }
            return false
        }
        let best = failures.max { lhs, rhs in
            let left = (Self.depth(lhs.findings), -lhs.findings.count)
            let right = (Self.depth(rhs.findings), -rhs.findings.count)
            return left < right
        }
        findings.append(contentsOf: best?.findings.filter { $0.severity == .error } ?? [])
        return false
    }

    static func depth(_ findings: [ValidationError]) -> Int {
        findings.filter { $0.severity == .error }.map { $0.instanceLocation.utf8.filter { $0 == UInt8(ascii: "/") }.count }.max() ?? 0
    }

    /// How the current location is named in messages: its property name, `item N`, or `the value`.
    var subject: String {
        if propertyNameDepth == instancePath.count { return "property name" }
        switch instancePath.last {
        case .key(let key)?: return key
        case .index(let index)?:
            if instancePath.count >= 2, case .key(let key) = instancePath[instancePath.count - 2] {
                return "\(key) item \(index + 1)"
            }
            return "item \(index + 1)"
        case nil: return "the value"
        }
    }
}
