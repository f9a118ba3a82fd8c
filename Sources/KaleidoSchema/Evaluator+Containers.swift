extension Evaluator {
    /// Object keywords: properties, patternProperties, additionalProperties, propertyNames,
    /// required, dependentRequired, dependentSchemas, min/maxProperties, unevaluatedProperties.
    mutating func validateObject(_ node: SchemaNode, _ object: JSONObject, collect: Bool,
                                 annotations: inout Annotations) -> Bool
    {
        var valid = true
        let stopEarly = !wantErrors && !collect
        for name in node.required where object[name] == nil {
            report(node, "required", "missing required property \"\(name)\"")
            valid = false
            if stopEarly { return false }
        }
        for (name, needed) in node.dependentRequired where object[name] != nil {
            for other in needed where object[other] == nil {
                report(node, "dependentRequired", "property \"\(other)\" is required when \"\(name)\" is present")
                valid = false
            }
        }
        if let limit = node.maxProperties, object.count > limit {
            report(node, "maxProperties", "\(subject) has \(Messages.count(object.count, "property", "properties")); at most \(Messages.limit(limit, "is", "are")) allowed")
            valid = false
        }
        if let limit = node.minProperties, object.count < limit {
            report(node, "minProperties", "\(subject) has \(Messages.count(object.count, "property", "properties")); at least \(Messages.limit(limit, "is", "are")) required")
            valid = false
        }
        if stopEarly, !valid { return false }

        let hasApplicators = !node.properties.isEmpty || !node.patternProperties.isEmpty
            || node.additionalProperties != nil || node.propertyNames != nil
        if hasApplicators {
            for (name, value) in object {
                var matched = false
                if let child = node.properties[name] {
                    matched = true
                    if !descend(child, value, keywords: "properties", name, token: .key(name)).valid {
                        valid = false
                        if stopEarly { return false }
                    }
                }
                for pattern in node.patternProperties where pattern.regex.matches(name) {
                    matched = true
                    if !descend(pattern.schema, value, keywords: "patternProperties", pattern.source, token: .key(name)).valid {
                        valid = false
                        if stopEarly { return false }
                    }
                }
                if !matched, let additional = node.additionalProperties {
                    if additional.constant == false {
                        report(node, "additionalProperties", "unknown property \"\(name)\"", propertyName: name, extraToken: .key(name))
                        valid = false
                        if stopEarly { return false }
                    } else if !descend(additional, value, keywords: "additionalProperties", token: .key(name)).valid {
                        valid = false
                        if stopEarly { return false }
                    }
                    if collect { annotations.insertProperty(name) }
                }
                if matched, collect { annotations.insertProperty(name) }
                if let names = node.propertyNames, !checkPropertyName(node, names, name) {
                    valid = false
                    if stopEarly { return false }
                }
            }
        }
        for (name, dependent) in node.dependentSchemas where object[name] != nil {
            let outcome = descend(dependent, .object(object), keywords: "dependentSchemas", name, token: nil, collect: collect)
            if !outcome.valid { valid = false }
            if collect { annotations.merge(outcome.annotations) }
        }
        if let unevaluated = node.unevaluatedProperties, !annotations.allProperties {
            let evaluated = annotations.properties
            for (name, value) in object where !evaluated.contains(name) {
                if unevaluated.constant == false {
                    report(node, "unevaluatedProperties", "unknown property \"\(name)\"", propertyName: name, extraToken: .key(name))
                    valid = false
                } else if !descend(unevaluated, value, keywords: "unevaluatedProperties", token: .key(name)).valid {
                    valid = false
                }
                if stopEarly, !valid { return false }
            }
            annotations.allProperties = true
        }
        return valid
    }

    /// propertyNames: the key is validated as a string; findings point at the key.
    private mutating func checkPropertyName(_ node: SchemaNode, _ names: SchemaNode, _ name: String) -> Bool {
        let mark = findings.count
        let saved = propertyNameDepth
        propertyNameDepth = instancePath.count + 1
        let valid = descend(names, .string(name), keywords: "propertyNames", token: .key(name)).valid
        propertyNameDepth = saved
        for index in findings.indices.dropFirst(mark) { findings[index].propertyName = name }
        return valid
    }

    /// Array keywords: prefixItems, items, contains (with min/maxContains), min/maxItems,
    /// uniqueItems, unevaluatedItems.
    mutating func validateArray(_ node: SchemaNode, _ array: [JSONValue], collect: Bool,
                                annotations: inout Annotations) -> Bool
    {
        var valid = true
        let stopEarly = !wantErrors && !collect
        if let limit = node.maxItems, array.count > limit {
            report(node, "maxItems", "\(subject) has \(Messages.count(array.count, "item", "items")); at most \(Messages.limit(limit, "is", "are")) allowed")
            valid = false
        }
        if let limit = node.minItems, array.count < limit {
            report(node, "minItems", "\(subject) has \(Messages.count(array.count, "item", "items")); at least \(Messages.limit(limit, "is", "are")) required")
            valid = false
        }
        if node.uniqueItems, let (first, second) = Self.firstDuplicate(array) {
            report(node, "uniqueItems", "\(subject) has duplicate items (items \(first + 1) and \(second + 1) are equal)")
            valid = false
        }
        if stopEarly, !valid { return false }
        for (index, child) in node.prefixItems.enumerated() where index < array.count {
            if !descend(child, array[index], keywords: "prefixItems", String(index), token: .index(index)).valid {
                valid = false
                if stopEarly { return false }
            }
        }
        annotations.itemPrefix = max(annotations.itemPrefix, min(node.prefixItems.count, array.count))
        if let items = node.items {
            for index in node.prefixItems.count..<max(node.prefixItems.count, array.count) {
                if !descend(items, array[index], keywords: "items", token: .index(index)).valid {
                    valid = false
                    if stopEarly { return false }
                }
            }
            annotations.allItems = true
        }
        if let contains = node.contains {
            var matching = 0
            // Items whose match the schema-directed typing decided, and what it said about them.
            var untypedMatching = 0
            var notes: [ValidationError] = []
            for (index, element) in array.enumerated() {
                let (outcome, typing) = silentlyWithTyping { $0.descend(contains, element, keywords: "contains", token: .index(index)) }
                if outcome.valid {
                    matching += 1
                    if collect { annotations.insertItem(index) }
                }
                notes += typing
                untypedMatching += typing.isEmpty ? (outcome.valid ? 1 : 0) : (outcome.valid ? 0 : 1)
            }
            let minimum = node.minContains ?? 1
            let accepts = { (count: Int) in count >= minimum && count <= (node.maxContains ?? Int.max) }
            if accepts(matching) != accepts(untypedMatching) { findings.append(contentsOf: notes) }
            if matching < minimum {
                report(node, node.minContains == nil ? "contains" : "minContains",
                       matching == 0 && minimum == 1 ? "\(subject) has no item of the required kind"
                           : "\(subject) has \(Messages.count(matching, "item", "items")) of the required kind; at least \(Messages.limit(minimum, "is", "are")) required")
                valid = false
            }
            if let maximum = node.maxContains, matching > maximum {
                report(node, "maxContains", "\(subject) has \(Messages.count(matching, "item", "items")) of the required kind; at most \(Messages.limit(maximum, "is", "are")) allowed")
                valid = false
            }
        }
        if let unevaluated = node.unevaluatedItems, !annotations.allItems {
            let evaluated = annotations.items
            for index in annotations.itemPrefix..<max(annotations.itemPrefix, array.count) where !evaluated.contains(index) {
                if unevaluated.constant == false {
                    report(node, "unevaluatedItems", "item \(index + 1) of \(subject) is not allowed here", extraToken: .index(index))
                    valid = false
                } else if !descend(unevaluated, array[index], keywords: "unevaluatedItems", token: .index(index)).valid {
                    valid = false
                }
                if stopEarly, !valid { return false }
            }
            annotations.allItems = true
        }
        return valid
    }

    /// The first pair of equal elements (JSON equality: `1 == 1.0`, objects unordered).
    static func firstDuplicate(_ array: [JSONValue]) -> (Int, Int)? {
        if array.count <= 16 {
            // Pairwise comparison beats hashing every element for short lists.
            for second in array.indices {
                for first in 0..<second where array[first] == array[second] { return (first, second) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (index, element) in array.enumerated() {
            if let first = seen.updateValue(index, forKey: element) { return (first, index) }
        }
        return nil
    }
}
