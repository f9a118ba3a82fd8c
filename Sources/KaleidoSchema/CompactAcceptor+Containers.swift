import KaleidoYAML

extension AcceptorRun {
    /// Object keywords (`Evaluator.validateObject`): members are walked in place; the members
    /// evaluated are bits of `annotations.properties` by position.
    mutating func object(_ node: Node, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        let count = document.count(instance)
        for name in node.required.range where member(instance, name: Int32(name)) < 0 { return false }
        for position in node.dependentRequired.range {
            let dependency = program.dependencies[position]
            guard member(instance, name: dependency.name) >= 0 else { continue }
            for name in dependency.needed.range where member(instance, name: Int32(name)) < 0 { return false }
        }
        if node.maxProperties >= 0, count > node.maxProperties { return false }
        if node.minProperties >= 0, count < node.minProperties { return false }

        let tracked = collect || node.unevaluatedProperties >= 0
        if node.flags.contains(.propertyApplicators) {
            if tracked, count > 64 { return decline() }
            var position = 0
            var key = instance + 1
            let end = document.end(instance)
            while key < end {
                let value = document.end(key)
                var matched = false
                var ignored = AcceptorAnnotations()
                if node.properties >= 0, let child = property(node.properties, key: key) {
                    matched = true
                    if !evaluate(child, value, collect: false, &ignored) { return false }
                }
                for entry in node.patternProperties.range {
                    let pattern = program.patternChildren[entry]
                    var text: String?
                    guard matches(program.patterns[Int(pattern.pattern)], key, text: &text) else { continue }
                    matched = true
                    if !evaluate(pattern.child, value, collect: false, &ignored) { return false }
                }
                if !matched, node.additionalProperties >= 0 {
                    if !evaluate(node.additionalProperties, value, collect: false, &ignored) { return false }
                    matched = true
                }
                if matched, tracked { annotations.properties |= 1 << UInt64(position) }
                if node.propertyNames >= 0 {
                    let saved = keyNode
                    keyNode = key
                    let valid = evaluate(node.propertyNames, key, collect: false, &ignored)
                    keyNode = saved
                    if !valid { return false }
                }
                key = document.end(value)
                position += 1
            }
        }
        for position in node.dependentSchemas.range {
            let dependent = program.namedChildren[position]
            guard member(instance, name: dependent.name) >= 0 else { continue }
            if !evaluate(dependent.child, instance, collect: collect, &annotations) { return false }
        }
        if node.unevaluatedProperties >= 0, !annotations.allProperties {
            if count > 64 { return decline() }
            var position = 0
            var key = instance + 1
            let end = document.end(instance)
            while key < end {
                let value = document.end(key)
                var ignored = AcceptorAnnotations()
                if annotations.properties & (1 << UInt64(position)) == 0,
                   !evaluate(node.unevaluatedProperties, value, collect: false, &ignored)
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
        document.withScalarBytes(scalar) { text in
            guard text.count == Int(name.count) else { return false }
            return program.bytes.withUnsafeBufferPointer { bytes in
                let start = Int(name.start)
                for index in 0..<text.count where text[index] != bytes[start + index] { return false }
                return true
            }
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
                if entry.hash == hash, equalsName(key, program.names[Int(entry.name)]) { return entry.child }
                slot = (slot + 1) & table.mask
            }
        }
    }

    /// Array keywords (`Evaluator.validateArray`).
    mutating func array(_ node: Node, _ instance: Int, collect: Bool, _ annotations: inout AcceptorAnnotations) -> Bool {
        let count = document.count(instance)
        if node.maxItems >= 0, count > node.maxItems { return false }
        if node.minItems >= 0, count < node.minItems { return false }
        if node.flags.contains(.uniqueItems), !uniqueItems(instance, count: count) { return false }
        var ignored = AcceptorAnnotations()
        var position = 0
        var item = instance + 1
        let end = document.end(instance)
        let prefixCount = Int(node.prefixItems.count)
        while item < end {
            if position < prefixCount {
                if !evaluate(program.children[Int(node.prefixItems.start) + position], item, collect: false, &ignored) { return false }
            } else if node.items >= 0 {
                if !evaluate(node.items, item, collect: false, &ignored) { return false }
            } else {
                break
            }
            item = document.end(item)
            position += 1
        }
        annotations.itemPrefix = max(annotations.itemPrefix, min(prefixCount, count))
        if node.items >= 0 { annotations.allItems = true }
        if node.contains >= 0 {
            if collect, count > 64 { return decline() }
            var matching = 0
            position = 0
            item = instance + 1
            while item < end {
                silent += 1
                let matched = evaluate(node.contains, item, collect: false, &ignored)
                silent -= 1
                if matched {
                    matching += 1
                    if collect { annotations.items |= 1 << UInt64(position) }
                } else if declined {
                    return false
                }
                item = document.end(item)
                position += 1
            }
            if matching < (node.minContains >= 0 ? node.minContains : 1) { return false }
            if node.maxContains >= 0, matching > node.maxContains { return false }
        }
        if node.unevaluatedItems >= 0, !annotations.allItems {
            if count > 64 { return decline() }
            position = 0
            item = instance + 1
            while item < end {
                if position >= annotations.itemPrefix, annotations.items & (1 << UInt64(position)) == 0,
                   !evaluate(node.unevaluatedItems, item, collect: false, &ignored)
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
