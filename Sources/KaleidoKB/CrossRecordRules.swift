public import KaleidoYAML
import Dispatch

/// The KB rules that need the whole knowledge base: unique ids, references that resolve to a
/// record of the right type, partnerships between a French local authority and a foreign one,
/// and conventions whose successor is another record.
///
/// Pure: works on the `CrossRecordFacts` of every record, never on whole trees.
public struct CrossRecordRules: Sendable {
    /// Partner kinds that are French local authorities (collectivités territoriales and their
    /// groupings): the parties art. L1115-1 CGCT speaks of, each under its own préfet's control.
    public static let frenchLocalAuthorityKinds: Set<String> = [
        "commune", "departement", "region", "ctu", "metropole", "cu", "ca", "cc", "ept", "syndicat_mixte",
        "syndicat_intercommunal", "petr", "collectivite_statut_particulier", "drom", "com",
    ]

    /// How many cores the reference check may use.
    public var parallelism: Int

    public init(parallelism: Int = 1) {
        self.parallelism = max(1, parallelism)
    }

    /// Every finding of the cross-record rules. `records` is the whole KB.
    public func check(_ records: [CrossRecordFacts]) -> [Finding] {
        var findings: [Finding] = []
        var byID: [String: Int] = [:]
        byID.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            guard let id = record.id else { continue }
            if let first = byID[id] {
                findings.append(Finding(file: record.file, span: record.idSpan, severity: .error, rule: "duplicate-id", pointer: "/id",
                                        message: "id \"\(id)\" is already used by \(records[first].file); ids must be unique in the whole knowledge base"))
            } else {
                byID[id] = index
            }
        }

        // The references are checked on every core (a 100,000-record KB has ~400,000): each
        // task takes a contiguous slice and keeps its findings, joined in record order.
        let parts = max(1, min(parallelism, records.count / 1024))
        let slices = UnsafeMutableBufferPointer<[Finding]>.allocate(capacity: parts)
        slices.initialize(repeating: [])
        defer { slices.deinitialize(); slices.deallocate() }
        nonisolated(unsafe) let base = slices.baseAddress
        let lookup = byID
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (records.count * part / parts)..<(records.count * (part + 1) / parts)
            base?[part] = referenceFindings(records, range, byID: lookup)
        }
        for part in slices { findings += part }
        findings += InvoiceNumberRule.check(records)
        findings += PartnerCodeRules.check(records)
        return findings
    }

    /// The reference and partnership findings of `records[range]`.
    private func referenceFindings(_ records: [CrossRecordFacts], _ range: Range<Int>, byID: [String: Int]) -> [Finding] {
        var findings: [Finding] = []
        for record in records[range] {
            for reference in record.references {
                guard let index = byID[reference.id] else {
                    let hint = Self.suggestion(for: reference.id, among: records, of: reference.target)
                    findings.append(Finding(file: record.file, span: reference.span, severity: .error, rule: "reference", pointer: reference.pointer,
                                            message: "no \(reference.target.rawValue) has id \"\(reference.id)\"\(hint)"))
                    continue
                }
                let referenced = records[index]
                if referenced.type != reference.target {
                    let actual = referenced.type?.rawValue ?? "record"
                    findings.append(Finding(file: record.file, span: reference.span, severity: .error, rule: "reference-type", pointer: reference.pointer,
                                            message: "\"\(reference.id)\" is a \(actual), but this field needs a \(reference.target.rawValue)"))
                }
            }
            if record.type == .partnership, let span = record.partiesSpan {
                findings += checkParties(of: record, span: span, partners: record.partyIDs.map { $0.flatMap { byID[$0] }.map { records[$0] } })
            }
        }
        return findings
    }

    private func checkParties(of record: CrossRecordFacts, span: SourceSpan, partners: [CrossRecordFacts?]) -> [Finding] {
        // Unresolved parties are reported by the reference rule already.
        guard !partners.isEmpty, partners.allSatisfy({ $0 != nil }) else { return [] }
        let resolved = partners.compactMap { $0 }
        var findings: [Finding] = []
        if !resolved.contains(where: { $0.country == "FR" && Self.frenchLocalAuthorityKinds.contains($0.kind ?? "") }) {
            findings.append(Finding(file: record.file, span: span, severity: .warning, rule: "partnership-parties", pointer: "/parties",
                                    message: "no party of this partnership is a French local authority"))
        }
        if !resolved.contains(where: { $0.country != nil && $0.country != "FR" }) {
            findings.append(Finding(file: record.file, span: span, severity: .warning, rule: "partnership-parties", pointer: "/parties",
                                    message: "no party of this partnership is foreign; decentralised cooperation needs a foreign partner"))
        }
        return findings
    }

    /// ", did you mean …?" when an id of the right type is one typo away, else "".
    static func suggestion(for id: String, among records: [CrossRecordFacts], of type: RecordType) -> String {
        var best: (id: String, distance: Int)?
        let bytes = Array(id.utf8)
        for record in records where record.type == type {
            guard let candidate = record.id else { continue }
            let distance = editDistance(bytes, Array(candidate.utf8), limit: 2)
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best.map { ", did you mean \"\($0.id)\"?" } ?? ""
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = previous
        for (i, byteA) in a.enumerated() {
            current[0] = i + 1
            var rowMinimum = current[0]
            for (j, byteB) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (byteA == byteB ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j + 1])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
