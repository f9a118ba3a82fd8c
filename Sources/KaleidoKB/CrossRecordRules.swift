public import KaleidoYAML

/// The KB rules that need the whole knowledge base: unique ids, references that resolve to a
/// record of the right type, partnerships between a French local authority and a foreign one,
/// and conventions whose successor is another record.
///
/// Pure: the caller gives every parsed record and the hints of each type's schema.
public struct CrossRecordRules: Sendable {
    public var hints: [RecordType: [FieldHint]]

    /// Partner kinds that are French local authorities (collectivités territoriales and their groupings).
    static let frenchLocalAuthorityKinds: Set<String> = [
        "commune", "departement", "region", "ctu", "metropole", "cu", "ca", "cc", "ept", "syndicat_mixte",
    ]

    public init(hints: [RecordType: [FieldHint]]) {
        self.hints = hints
    }

    /// Every finding of the cross-record rules. `records` is the whole KB.
    public func check(_ records: [Record]) -> [Finding] {
        var findings: [Finding] = []
        var firstFile: [String: String] = [:]
        var byID: [String: Record] = [:]
        for record in records {
            guard let idNode = record.root["id"], let id = idNode.stringValue else { continue }
            if let first = firstFile[id] {
                findings.append(Finding(file: record.file, span: idNode.span, severity: .error, rule: "duplicate-id", pointer: "/id",
                                        message: "id \"\(id)\" is already used by \(first); ids must be unique in the whole knowledge base"))
            } else {
                firstFile[id] = record.file
                byID[id] = record
            }
        }

        for record in records {
            guard let type = record.type else { continue }
            for hint in hints[type] ?? [] {
                guard let target = hint.ref else { continue }
                for (node, pointer) in record.nodes(at: hint.path) {
                    guard let id = node.stringValue else { continue }
                    guard let referenced = byID[id] else {
                        findings.append(Finding(file: record.file, span: node.span, severity: .error, rule: "reference", pointer: pointer,
                                                message: "no \(target.rawValue) has id \"\(id)\"\(Self.suggestion(for: id, among: byID, of: target))"))
                        continue
                    }
                    if referenced.type != target {
                        let actual = referenced.type?.rawValue ?? "record"
                        findings.append(Finding(file: record.file, span: node.span, severity: .error, rule: "reference-type", pointer: pointer,
                                                message: "\"\(id)\" is a \(actual), but this field needs a \(target.rawValue)"))
                    }
                }
            }
            if type == .partnership { findings += checkParties(of: record, byID: byID) }
        }
        return findings
    }

    private func checkParties(of record: Record, byID: [String: Record]) -> [Finding] {
        guard let partiesNode = record.root["parties"], let parties = partiesNode.items else { return [] }
        let partners = parties.compactMap { $0["partner"]?.stringValue.flatMap { byID[$0] } }
        guard partners.count == parties.count else { return [] }  // unresolved ones are reported already
        let countries = partners.map { $0.root["country"]?.stringValue }
        let hasFrenchAuthority = partners.contains { partner in
            partner.root["country"]?.stringValue == "FR"
                && Self.frenchLocalAuthorityKinds.contains(partner.root["kind"]?.stringValue ?? "")
        }
        var findings: [Finding] = []
        if !hasFrenchAuthority {
            findings.append(Finding(file: record.file, span: partiesNode.span, severity: .warning, rule: "partnership-parties", pointer: "/parties",
                                    message: "no party of this partnership is a French local authority"))
        }
        if !countries.contains(where: { $0 != nil && $0 != "FR" }) {
            findings.append(Finding(file: record.file, span: partiesNode.span, severity: .warning, rule: "partnership-parties", pointer: "/parties",
                                    message: "no party of this partnership is foreign; decentralised cooperation needs a foreign partner"))
        }
        return findings
    }

    /// ", did you mean …?" when an id of the right type is one typo away, else "".
    static func suggestion(for id: String, among byID: [String: Record], of type: RecordType) -> String {
        var best: (id: String, distance: Int)?
        for (candidate, record) in byID where record.type == type {
            let distance = editDistance(Array(id.utf8), Array(candidate.utf8), limit: 3)
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best.map { ", did you mean \"\($0.id)\"?" } ?? ""
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, byteA) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            var rowMinimum = current[0]
            for (j, byteB) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (byteA == byteB ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j + 1])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
