import KaleidoKB
import KaleidoYAML

/// Finds nodes by conflict path (`contacts[amel-b].phone`) and turns JSON pointers into paths.
struct NodeLocator {
    let hints: [FieldHint]

    /// The key fields of the list at `path`: the schema's `x-merge-key`, else `id` when its
    /// items carry one.
    func keyFields(_ path: [PathStep], items: [YAMLNode]) -> [String]? {
        if let fields = MergePath.hint(for: path, in: hints)?.mergeKey { return fields }
        return items.contains { $0.pairs != nil && $0["id"] != nil } ? ["id"] : nil
    }

    /// The node at `path`, or nil when a step does not exist.
    func node(at path: [PathStep], in root: YAMLNode) -> YAMLNode? {
        var node = root
        var walked: [PathStep] = []
        for step in path {
            switch step {
            case .key(let key):
                guard let pair = node.pairs?.first(where: { Values.keyText($0.key) == key }) else { return nil }
                node = pair.value
            case .index(let index):
                guard let items = node.items, items.indices.contains(index) else { return nil }
                node = items[index]
            case .keyed(let name):
                guard let items = node.items, let fields = keyFields(walked, items: items),
                      let item = items.first(where: { TreeMerger.displayKey($0, fields) == name })
                else { return nil }
                node = item
            }
            walked.append(step)
        }
        return node
    }

    /// The path of the node a JSON pointer designates in `root`: keyed steps for items of keyed
    /// lists, positions otherwise. Tokens past the tree are kept as keys.
    func path(of pointer: String, in root: YAMLNode) -> [PathStep] {
        var path: [PathStep] = []
        var node: YAMLNode? = root
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = String(raw).replacing("~1", with: "/").replacing("~0", with: "~")
            if let items = node?.items, let index = Int(token), items.indices.contains(index) {
                if let fields = keyFields(path, items: items), TreeMerger.keys(items, fields) != nil {
                    path.append(.keyed(TreeMerger.displayKey(items[index], fields)))
                } else {
                    path.append(.index(index))
                }
                node = items[index]
            } else {
                path.append(.key(token))
                node = node?.pairs?.first(where: { Values.keyText($0.key) == token })?.value
            }
        }
        return path
    }
}
