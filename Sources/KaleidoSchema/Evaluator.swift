/// What a subschema evaluated, for `unevaluatedProperties` / `unevaluatedItems` (2020-12 §11).
///
/// The name and index sets live in a box allocated on first insertion: most evaluations collect
/// nothing, and an empty `Annotations` then costs no reference counting at all.
struct Annotations {
    final class Sets {
        var properties: Set<String> = []
        var items: Set<Int> = []
    }

    var allProperties = false
    var allItems = false
    var itemPrefix = 0
    private var sets: Sets?

    var properties: Set<String> { sets?.properties ?? [] }
    var items: Set<Int> { sets?.items ?? [] }

    private mutating func storage() -> Sets {
        if let sets { return sets }
        let created = Sets()
        sets = created
        return created
    }

    mutating func insertProperty(_ name: String) { storage().properties.insert(name) }
    mutating func insertItem(_ index: Int) { storage().items.insert(index) }

    mutating func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if let theirs = other.sets {
            let mine = storage()
            // Most merges go into an empty set: sharing the other set (copy on write) costs no
            // rehashing of every property name.
            if !theirs.properties.isEmpty {
                if mine.properties.isEmpty { mine.properties = theirs.properties } else { mine.properties.formUnion(theirs.properties) }
            }
            if !theirs.items.isEmpty {
                if mine.items.isEmpty { mine.items = theirs.items } else { mine.items.formUnion(theirs.items) }
            }
        }
    }
}

struct Outcome {
    var valid: Bool
    var annotations = Annotations()
}

/// One validation run: walks compiled nodes over an instance, collecting findings.
///
/// Annotations are only gathered while some enclosing schema has `unevaluated*` (`collect`);
/// messages only while someone will read them (`wantErrors`: not inside `not`, `if`,
/// `contains`); otherwise evaluation stops at the first failure.
struct Evaluator {
    let compiled: CompiledSchema
    let options: ValidatorOptions
    let plainScalars: (any PlainScalarSource)?
    /// A reference type so that `report` need not be `mutating` (its message closures read self).
    let sink = FindingSink()
    var findings: [ValidationError] {
        get { sink.items }
        nonmutating set { sink.items = newValue }
    }
    var wantErrors = true
    /// Set while an evaluation is repeated without schema-directed typing, to learn whether the
    /// typing changed its verdict (see `silently`).
    var typingOff = false
    var instancePath: [JSONPointer.Token] = []
    var keywordPath: [String] = []
    var dynamicScope: [Int] = []
    /// `$ref` targets entered, with the instance depth they were entered at: the same target at
    /// the same depth again is a loop that would never end.
    var referenceStack: [(ObjectIdentifier, Int)] = []
    /// While `propertyNames` checks a key: the instance depth at which the key is the subject.
    var propertyNameDepth: Int?

    init(compiled: CompiledSchema, options: ValidatorOptions, plainScalars: (any PlainScalarSource)?) {
        self.compiled = compiled
        self.options = options
        self.plainScalars = plainScalars?.isEmpty == false ? plainScalars : nil
    }

    /// Nested evaluations allowed: deep enough for any record (a 10-level record under its
    /// meta-schema uses about 50), shallow enough for a 512 KiB thread stack in a debug build.
    static let maxNesting = 400
    var nesting = 0

    mutating func evaluate(_ node: SchemaNode, _ original: JSONValue, collect: Bool) -> Outcome {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting {
            report(node, "$ref", "the value or the schema is nested more than \(Self.maxNesting) levels deep: flatten it")
            return Outcome(valid: false)
        }
        if let constant = node.constant {
            if !constant { report(node, "false", "\(subject) is not allowed here") }
            return Outcome(valid: constant)
        }
        let enteredResource = dynamicScope.last != node.resource
        if enteredResource { dynamicScope.append(node.resource) }
        defer { if enteredResource { dynamicScope.removeLast() } }

        var instance = original
        if plainScalars != nil, !typingOff, wantsString(node, instance) {
            instance = readPlainScalarAsString(instance, node: node)
        }
        let collectHere = collect || node.needsAnnotations
        let stopEarly = !wantErrors && !collectHere
        var valid = true
        var annotations = Annotations()

        if let target = node.ref {
            let outcome = follow(target, instance, keyword: "$ref", node: node, collect: collectHere)
            if !outcome.valid { valid = false; if stopEarly { return Outcome(valid: false) } }
            if collectHere { annotations.merge(outcome.annotations) }
        }
        if var target = node.dynamicRef {
            if let anchor = node.dynamicRefAnchor {
                for resource in dynamicScope {
                    if let index = compiled.resources[resource].dynamicAnchors[anchor] {
                        target = compiled.nodes[index]
                        break
                    }
                }
            }
            let outcome = follow(target, instance, keyword: "$dynamicRef", node: node, collect: collectHere)
            if !outcome.valid { valid = false; if stopEarly { return Outcome(valid: false) } }
            if collectHere { annotations.merge(outcome.annotations) }
        }
        if !validateAssertions(node, instance) {
            valid = false
            if stopEarly { return Outcome(valid: false) }
        }
        if !validateCombinators(node, instance, collect: collectHere, annotations: &annotations) {
            valid = false
            if stopEarly { return Outcome(valid: false) }
        }
        switch instance {
        case .object(let object):
            if !validateObject(node, object, collect: collectHere, annotations: &annotations) { valid = false }
        case .array(let array):
            if !validateArray(node, array, collect: collectHere, annotations: &annotations) { valid = false }
        default:
            break
        }
        return Outcome(valid: valid, annotations: valid && collect ? annotations : Annotations())
    }

    /// Follows `$ref` / `$dynamicRef`, refusing a loop that would never consume the instance.
    mutating func follow(_ target: SchemaNode, _ instance: JSONValue, keyword: String, node: SchemaNode,
                         collect: Bool) -> Outcome
    {
        let identity = ObjectIdentifier(target)
        let depth = instancePath.count
        for (entered, enteredDepth) in referenceStack.reversed() {
            if enteredDepth != depth { break }
            if entered == identity {
                report(node, keyword, "the schema refers back to itself at \(target.location) without going deeper into the value: fix the schema's references")
                return Outcome(valid: false)
            }
        }
        referenceStack.append((identity, depth))
        keywordPath.append(keyword)
        let outcome = evaluate(target, instance, collect: collect)
        keywordPath.removeLast()
        referenceStack.removeLast()
        return outcome
    }

    /// Evaluates a subschema under `keywords` (pushed on the keyword path) at a child location.
    mutating func descend(_ node: SchemaNode, _ instance: JSONValue, keywords keyword: String, _ second: String? = nil,
                          token: JSONPointer.Token?, collect: Bool = false) -> Outcome
    {
        keywordPath.append(keyword)
        if let second { keywordPath.append(second) }
        if let token { instancePath.append(token) }
        let outcome = evaluate(node, instance, collect: collect)
        if token != nil { instancePath.removeLast() }
        keywordPath.removeLast()
        if second != nil { keywordPath.removeLast() }
        return outcome
    }

    /// Evaluates `body` with messages off (inside `not`, `contains`, an `if` condition), dropping
    /// its errors. A plain scalar read as a string in there keeps its warning only when the
    /// reading changed the verdict (the body is evaluated again without schema-directed typing to
    /// know): typing then never flips a result silently, and never warns for nothing.
    mutating func silently(_ body: (inout Evaluator) -> Outcome) -> Outcome {
        let (outcome, notes) = silentlyWithTyping(body)
        findings.append(contentsOf: notes)
        return outcome
    }

    /// `silently`, returning the typing warnings instead of keeping them: empty unless the typing
    /// changed this verdict (`contains` then asks whether it changed its own).
    mutating func silentlyWithTyping(_ body: (inout Evaluator) -> Outcome) -> (Outcome, [ValidationError]) {
        let saved = wantErrors
        let mark = findings.count
        wantErrors = false
        let outcome = body(&self)
        let notes = findings[mark...].filter(\.isTypingNote)
        findings.removeSubrange(mark...)
        wantErrors = saved
        if !notes.isEmpty, typingChangesVerdict(outcome.valid, body) { return (outcome, notes) }
        return (outcome, [])
    }

    /// Whether `body`, evaluated again without schema-directed typing (and without messages),
    /// gives another verdict than `typed`.
    mutating func typingChangesVerdict(_ typed: Bool, _ body: (inout Evaluator) -> Outcome) -> Bool {
        guard !typingOff else { return false }
        let saved = wantErrors
        let mark = findings.count
        wantErrors = false
        typingOff = true
        let plain = body(&self).valid
        typingOff = false
        wantErrors = saved
        findings.removeSubrange(mark...)
        return plain != typed
    }

    // MARK: Findings

    var instancePointer: String { JSONPointer.string(instancePath) }

    /// Records a finding while messages are wanted (`always`: even when they are not, for the
    /// typing warnings `silently` sorts out).
    func report(_ node: SchemaNode, _ keyword: String, _ message: @autoclosure () -> String,
                severity: ValidationError.Severity = .error, propertyName: String? = nil,
                extraToken: JSONPointer.Token? = nil, always: Bool = false)
    {
        guard wantErrors || always else { return }
        var location = instancePointer
        if let extraToken { location += "/" + JSONPointer.escape(extraToken.text) }
        let isConstant = keyword == "false"
        let keywordPointer = JSONPointer.string(keywordPath.map { .key($0) }) + (isConstant ? "" : "/" + keyword)
        sink.items.append(ValidationError(
            severity: severity, instanceLocation: location, keywordLocation: keywordPointer,
            absoluteKeywordLocation: node.location + (isConstant ? "" : "/" + JSONPointer.escape(keyword)),
            keyword: keyword, message: message(), propertyName: propertyName))
    }

    /// Whether the schema asks for a string where the instance resolved to something else: its
    /// `type` admits a string but not the instance, or (without `type`) its `enum`/`const` lists
    /// strings only and the instance is not among the values.
    func wantsString(_ node: SchemaNode, _ instance: JSONValue) -> Bool {
        switch instance {
        case .number, .bool, .null: break
        default: return false
        }
        if let types = node.types { return types.contains(.string) && !types.admits(instance) }
        if let values = node.enumValues {
            return !values.contains(instance) && values.contains { $0.stringValue != nil }
        }
        if case .string? = node.constValue { return true }
        return false
    }

    /// The schema-directed typing hook: a plain YAML scalar that resolved to a number, boolean or
    /// null where only a string fits is read as its source text, with a warning.
    mutating func readPlainScalarAsString(_ instance: JSONValue, node: SchemaNode) -> JSONValue {
        switch instance {
        case .number, .bool, .null: break
        default: return instance
        }
        guard let text = plainScalars?.plainText(at: instancePath) else { return instance }
        let reading: String
        switch instance {
        case .number: reading = "a number"
        case .bool: reading = "a boolean"
        default: reading = "null (no value)"
        }
        report(node, "type", "\(text) is read as a string here; other tools read it as \(reading): quote it (\"\(text)\")",
               severity: .warning, always: true)
        return .string(text)
    }
}

/// The findings of one evaluation.
final class FindingSink {
    var items: [ValidationError] = []
}
