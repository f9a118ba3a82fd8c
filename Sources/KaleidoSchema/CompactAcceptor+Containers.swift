import KaleidoYAML

extension AcceptorRun {
    /// Object keywords (`Evaluator.validateObject`): members are walked in place; the members
    /// evaluated are bits of `annotations.properties` by position.
    mutating func object(_ node: NodeRef, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        let count = document.count(instance)
        for name in node.pointee.required.range where member(instance, name: Int32(name)) < 0 { return false }
        for position in node.pointee.dependentRequired.range {
            let dependency = program.dependencies[position]
            guard member(instance, name: dependency.name) >= 0 else { continue }
            for name in dependency.needed.range where member(instance, name: Int32(name)) < 0 { return false }
        }
        if node.pointee.maxProperties >= 0, count > node.pointee.maxProperties { return false }
        if node.pointee.minProperties >= 0, count < node.pointee.minProperties { return false }

        let tracked = collect || node.pointee.unevaluatedProperties >= 0
        if node.pointee.flags.contains(.propertyApplicators) {
            if tracked, count > 64 { return decline() }
            var position = 0
            var key = instance + 1
            let end = document.end(instance)
            while key < end {
                let value = document.end(key)
                var matched = false
                var ignored = AcceptorAnnotations()
                if node.pointee.properties >= 0, let child = property(node.pointee.properties, key: key) {
                    matched = true
                    if !evaluate(child, value, collect: false, &ignored) { return false }
                }
                for entry in node.pointee.patternProperties.range {
                    let pattern = program.patternChildren[entry]
                    var text: String?
                    guard matches(program.patterns[Int(pattern.pattern)], key, text: &text) else { continue }
                    matched = true
                    if !evaluate(pattern.child, value, collect: false, &ignored) { return false }
                }
                if !matched, node.pointee.additionalProperties >= 0 {
                    if !evaluate(node.pointee.additionalProperties, value, collect: false, &ignored) { return false }
                    matched = true
                }
                if matched, tracked { annotations.properties |= 1 << UInt64(position) }
                if node.pointee.propertyNames >= 0 {
                    let saved = keyNode
                    keyNode = key
                    let valid = evaluate(node.pointee.propertyNames, key, collect: false, &ignored)
                    keyNode = saved
                    if !valid { return false }
                }
                key = document.end(value)
                position += 1
            }
        }
        for position in node.pointee.dependentSchemas.range {
            let dependent = program.namedChildren[position]
            guard member(instance, name: dependent.name) >= 0 else { continue }
            if !evaluate(dependent.child, instance, collect: collect, &annotations) { return false }
        }
        if node.pointee.unevaluatedProperties >= 0, !annotations.allProperties {
            if count > 64 { return decline() }
            var position = 0
            var key = instance + 1
            let end = document.end(instance)
            while key < end {
                let value = document.end(key)
                var ignored = AcceptorAnnotations()
                if annotations.properties & (1 << UInt64(position)) == 0,
                   !evaluate(node.pointee.unevaluatedProperties, value, collect: false, &ignored)
                {
                    return false
                }
                key = document.end(value)
                position += 1
            }
            annotations.allProperties = true
        }
        return true
    }

    /// The key node of the member called `names[name]`, or -1.
    func member(_ mapping: Int, name: Int32) -> Int {
        let entry = program.names[Int(name)]
        var key = mapping + 1
        let end = document.end(mapping)
        while key < end {
            if equalsName(key, entry) { return key }
            key = document.end(document.end(key))
        }
        return -1
    }

    /// Whether a scalar's bytes are exactly a name's.
    func equalsName(_ scalar: Int, _ name: AcceptorProgram.Name) -> Bool {
        document.withScalarBytes(scalar) { equalsName($0, name) }
    }

    /// Whether a scalar's bytes, already at hand, are exactly a name's.
    @inline(__always)
    func equalsName(_ text: UnsafeBufferPointer<UInt8>, _ name: AcceptorProgram.Name) -> Bool {
        guard text.count == Int(name.count) else { return false }
        return program.bytes.withUnsafeBufferPointer { bytes in
            let start = Int(name.start)
            for index in 0..<text.count where text[index] != bytes[start + index] { return false }
            return true
        }
    }

    /// The `properties` subschema for a key, from the table's open addressing.
    func property(_ table: Int32, key: Int) -> Int32? {
        let table = program.tables[Int(table)]
        return document.withScalarBytes(key) { text -> Int32? in
            let hash = AcceptorProgram.hash(text)
            var slot = hash & table.mask
            while true {
                let entry = program.slots[Int(table.first) + Int(slot)]
                if entry.name < 0 { return nil }
                if entry.hash == hash, equalsName(text, program.names[Int(entry.name)]) { return entry.child }
                slot = (slot + 1) & table.mask
            }
        }
    }

    /// Array keywords (`Evaluator.validateArray`).
    mutating func array(_ node: NodeRef, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        let count = document.count(instance)
        if node.pointee.maxItems >= 0, count > node.pointee.maxItems { return false }
        if node.pointee.minItems >= 0, count < node.pointee.minItems { return false }
        if node.pointee.flags.contains(.uniqueItems), !uniqueItems(instance, count: count) { return false }
        var ignored = AcceptorAnnotations()
        var position = 0
        var item = instance + 1
        let end = document.end(instance)
        let prefixCount = Int(node.pointee.prefixItems.count)
        while item < end {
            if position < prefixCount {
                if !evaluate(program.children[Int(node.pointee.prefixItems.start) + position], item, collect: false, &ignored) { return false }
            } else if node.pointee.items >= 0 {
                if !evaluate(node.pointee.items, item, collect: false, &ignored) { return false }
            } else {
                break
            }
            item = document.end(item)
            position += 1
        }
        annotations.itemPrefix = max(annotations.itemPrefix, min(prefixCount, count))
        if node.pointee.items >= 0 { annotations.allItems = true }
        if node.pointee.contains >= 0 {
            if collect, count > 64 { return decline() }
            var matching = 0
            position = 0
            item = instance + 1
            while item < end {
                let matched = evaluate(node.pointee.contains, item, collect: false, &ignored)
                if matched {
                    matching += 1
                    if collect { annotations.items |= 1 << UInt64(position) }
                } else if declined {
                    return false
                }
                item = document.end(item)
                position += 1
            }
            if matching < (node.pointee.minContains >= 0 ? node.pointee.minContains : 1) { return false }
            if node.pointee.maxContains >= 0, matching > node.pointee.maxContains { return false }
        }
        if node.pointee.unevaluatedItems >= 0, !annotations.allItems {
            if count > 64 { return decline() }
            position = 0
            item = instance + 1
            while item < end {
                if position >= annotations.itemPrefix, annotations.items & (1 << UInt64(position)) == 0,
                   !evaluate(node.pointee.unevaluatedItems, item, collect: false, &ignored)
                {
                    return false
                }
                item = document.end(item)
                position += 1
            }
            annotations.allItems = true
        }
        return true
    }
}
