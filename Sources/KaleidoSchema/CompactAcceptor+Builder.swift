/// Turns the `SchemaNode` graph of a validator into `AcceptorProgram` tables: every node
/// reachable from the root gets an index (references may form cycles: indexes are handed out
/// first, nodes filled from a work list).
struct AcceptorProgramBuilder {
    typealias Program = AcceptorProgram

    let options: ValidatorOptions
    var nodes: [Program.Node] = []
    var bytes: [UInt8] = []
    var names: [Program.Name] = []
    var children: [Int32] = []
    var slots: [Program.Slot] = []
    var tables: [Program.Table] = []
    var dependencies: [Program.Dependency] = []
    var namedChildren: [Program.NamedChild] = []
    var patternChildren: [Program.PatternChild] = []
    var others: [JSONValue] = []
    var numerics: [Program.Numeric] = []
    var patterns: [Program.Pattern] = []
    var formats: [Format] = []

    private var indexes: [ObjectIdentifier: Int32] = [:]
    private var pending: [(SchemaNode, Int32)] = []

    init(options: ValidatorOptions) {
        self.options = options
    }

    /// The index of `node`, assigned (and queued for compiling) on first sight.
    mutating func index(of node: SchemaNode) -> Int32 {
        if let index = indexes[ObjectIdentifier(node)] { return index }
        let index = Int32(nodes.count)
        nodes.append(Program.Node())
        indexes[ObjectIdentifier(node)] = index
        pending.append((node, index))
        return index
    }

    mutating func compileAll() {
        while let (node, index) = pending.popLast() {
            let compiled = compile(node)
            nodes[Int(index)] = compiled
        }
    }

    private mutating func compile(_ schema: SchemaNode) -> Program.Node {
        var node = Program.Node()
        if let constant = schema.constant {
            node.flags.insert(constant ? .alwaysTrue : .alwaysFalse)
            return node
        }
        if let target = schema.ref { node.ref = index(of: target) }
        if let target = schema.dynamicRef {
            // A dynamic anchor makes the target depend on the dynamic scope: not handled.
            if schema.dynamicRefAnchor != nil { node.flags.insert(.unsupported) }
            node.dynamicRef = index(of: target)
        }
        if let types = schema.types {
            node.flags.insert(.hasTypes)
            node.types = types
            if types.contains(.string) { node.flags.insert(.mayWantString) }
        }
        if let values = schema.enumValues {
            node.flags.insert(.hasEnum)
            (node.enumStrings, node.enumOthers) = valueSet(values)
            if !node.enumStrings.isEmpty { node.flags.formUnion([.enumHasString, .mayWantString]) }
        }
        if let constant = schema.constValue {
            node.flags.insert(.hasConst)
            (node.constStrings, node.constOthers) = valueSet([constant])
            if !node.constStrings.isEmpty { node.flags.formUnion([.constIsString, .mayWantString]) }
        }
        if schema.multipleOf != nil || schema.maximum != nil || schema.exclusiveMaximum != nil
            || schema.minimum != nil || schema.exclusiveMinimum != nil
        {
            node.numeric = Int32(numerics.count)
            numerics.append(Program.Numeric(schema))
        }
        node.minLength = schema.minLength ?? -1
        node.maxLength = schema.maxLength ?? -1
        if let pattern = schema.pattern {
            node.pattern = Int32(patterns.count)
            patterns.append(Program.Pattern(pattern.source, pattern.regex))
        }
        if schema.formatAsserted, let name = schema.format, let format = options.formats[name] {
            node.format = Int32(formats.count)
            formats.append(format)
        }
        if node.minLength >= 0 || node.maxLength >= 0 || node.pattern >= 0 || node.format >= 0 { node.flags.insert(.stringKeywords) }

        // Arrays.
        node.minItems = schema.minItems ?? -1
        node.maxItems = schema.maxItems ?? -1
        if schema.uniqueItems { node.flags.insert(.uniqueItems) }
        node.minContains = schema.minContains ?? -1
        node.maxContains = schema.maxContains ?? -1
        node.prefixItems = childList(schema.prefixItems)
        node.items = optionalIndex(schema.items)
        node.contains = optionalIndex(schema.contains)
        node.unevaluatedItems = optionalIndex(schema.unevaluatedItems)
        if node.minItems >= 0 || node.maxItems >= 0 || schema.uniqueItems || !node.prefixItems.isEmpty || node.items >= 0
            || node.contains >= 0 || node.unevaluatedItems >= 0
        {
            node.flags.insert(.arrayKeywords)
        }

        // Objects.
        node.minProperties = schema.minProperties ?? -1
        node.maxProperties = schema.maxProperties ?? -1
        node.required = nameList(schema.required, node: &node)
        let dependencyStart = dependencies.count
        for (name, needed) in schema.dependentRequired {
            let nameIndex = addName(name, node: &node)
            let list = nameList(needed, node: &node)
            dependencies.append(Program.Dependency(name: nameIndex, needed: list))
        }
        node.dependentRequired = span(from: dependencyStart, to: dependencies.count)
        let dependentStart = namedChildren.count
        for (name, child) in schema.dependentSchemas {
            let entry = Program.NamedChild(name: addName(name, node: &node), child: index(of: child))
            namedChildren.append(entry)
        }
        node.dependentSchemas = span(from: dependentStart, to: namedChildren.count)
        if !schema.properties.isEmpty { node.properties = propertyTable(schema.properties, node: &node) }
        let patternStart = patternChildren.count
        for entry in schema.patternProperties {
            let pattern = Int32(patterns.count)
            patterns.append(Program.Pattern(entry.source, entry.regex))
            let child = index(of: entry.schema)
            patternChildren.append(Program.PatternChild(pattern: pattern, child: child))
        }
        node.patternProperties = span(from: patternStart, to: patternChildren.count)
        node.additionalProperties = optionalIndex(schema.additionalProperties)
        node.propertyNames = optionalIndex(schema.propertyNames)
        node.unevaluatedProperties = optionalIndex(schema.unevaluatedProperties)
        if node.properties >= 0 || !node.patternProperties.isEmpty || node.additionalProperties >= 0 || node.propertyNames >= 0 {
            node.flags.insert(.propertyApplicators)
        }
        if node.flags.contains(.propertyApplicators) || !node.required.isEmpty || !node.dependentRequired.isEmpty
            || !node.dependentSchemas.isEmpty || node.minProperties >= 0 || node.maxProperties >= 0 || node.unevaluatedProperties >= 0
        {
            node.flags.insert(.objectKeywords)
        }
        if schema.needsAnnotations { node.flags.insert(.needsAnnotations) }

        // In-place applicators.
        node.allOf = childList(schema.allOf)
        node.anyOf = childList(schema.anyOf)
        node.oneOf = childList(schema.oneOf)
        node.not = optionalIndex(schema.not)
        node.ifSchema = optionalIndex(schema.ifSchema)
        node.thenSchema = optionalIndex(schema.thenSchema)
        node.elseSchema = optionalIndex(schema.elseSchema)
        if !node.allOf.isEmpty || !node.anyOf.isEmpty || !node.oneOf.isEmpty || node.not >= 0 || node.ifSchema >= 0 {
            node.flags.insert(.combinators)
        }
        return node
    }

    private mutating func optionalIndex(_ node: SchemaNode?) -> Int32 {
        guard let node else { return -1 }
        return index(of: node)
    }

    private func span(from start: Int, to end: Int) -> Program.Span {
        Program.Span(start: Int32(start), count: Int32(end - start))
    }

    private mutating func childList(_ list: [SchemaNode]) -> Program.Span {
        // Indexes first: assigning one may not append to `children` meanwhile.
        let indexes = list.map { index(of: $0) }
        let start = children.count
        children.append(contentsOf: indexes)
        return span(from: start, to: children.count)
    }

    /// Adds a name's bytes; a name outside ASCII makes the node unsupported (Swift compares
    /// such strings by canonical equivalence, bytes cannot).
    private mutating func addName(_ name: String, node: inout Program.Node) -> Int32 {
        if !name.utf8.allSatisfy({ $0 < 0x80 }) { node.flags.insert(.unsupported) }
        let start = bytes.count
        bytes.append(contentsOf: name.utf8)
        let hash = bytes.withUnsafeBufferPointer { AcceptorProgram.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        names.append(Program.Name(start: Int32(start), count: Int32(bytes.count - start), hash: hash))
        return Int32(names.count - 1)
    }

    /// Names added consecutively, as one span of `names`.
    private mutating func nameList(_ list: [String], node: inout Program.Node) -> Program.Span {
        let start = names.count
        for name in list { _ = addName(name, node: &node) }
        return span(from: start, to: names.count)
    }

    /// Splits enum/const values into strings (compared as bytes; values compare bytes exactly,
    /// as `JSONValue ==` does) and the others.
    private mutating func valueSet(_ values: [JSONValue]) -> (Program.Span, Program.Span) {
        let stringStart = names.count
        let otherStart = others.count
        for value in values {
            if case .string(let text) = value {
                let start = bytes.count
                bytes.append(contentsOf: text.utf8)
                names.append(Program.Name(start: Int32(start), count: Int32(bytes.count - start), hash: 0))
            } else {
                others.append(value)
            }
        }
        return (span(from: stringStart, to: names.count), span(from: otherStart, to: others.count))
    }

    /// An open-addressing table of the property names, at most half full.
    private mutating func propertyTable(_ properties: [String: SchemaNode], node: inout Program.Node) -> Int32 {
        var capacity = 4
        while capacity < properties.count * 2 { capacity *= 2 }
        var table = [Program.Slot](repeating: Program.Slot(), count: capacity)
        let mask = UInt32(capacity - 1)
        for (name, child) in properties.sorted(by: { $0.key < $1.key }) {
            let nameIndex = addName(name, node: &node)
            let hash = names[Int(nameIndex)].hash
            var slot = Int(hash & mask)
            while table[slot].name >= 0 { slot = (slot + 1) & Int(mask) }
            table[slot] = Program.Slot(name: nameIndex, child: index(of: child), hash: hash)
        }
        let first = Int32(slots.count)
        slots.append(contentsOf: table)
        tables.append(Program.Table(first: first, mask: mask))
        return Int32(tables.count - 1)
    }
}
