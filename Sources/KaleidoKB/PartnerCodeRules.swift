import KaleidoYAML

/// Warnings on partners' official codes: two partner records with the same INSEE or SIREN
/// code (the same body recorded twice, or a typo in one code), and a commune whose id
/// (`fr-com-<insee>-<name>`) carries another code than its `codes.insee`. Warnings, not
/// errors: the consultant decides which record is right.
enum PartnerCodeRules {
    static func check(_ records: [CrossRecordFacts]) -> [Finding] {
        var findings = duplicates(records, code: "INSEE", pointer: "/codes/insee") { $0.insee }
        findings += duplicates(records, code: "SIREN", pointer: "/codes/siren") { $0.siren }
        for record in records {
            // A malformed code (not five characters) is the schema's `format` error alone.
            guard let id = record.id, let insee = record.insee, insee.value.count == 5, id.hasPrefix("fr-com-") else { continue }
            let code = id.dropFirst("fr-com-".count).prefix { $0 != "-" }
            guard code != Substring(insee.value) else { continue }
            findings.append(Finding(file: record.file, span: record.idSpan, severity: .warning, rule: "id-code", pointer: "/id",
                                    message: "the id carries the code \(code), but codes.insee is \(insee.value) (at \(record.file):\(insee.span.start.line):\(insee.span.start.column)); one of them is wrong"))
        }
        return findings
    }

    /// One warning on each record sharing a code with another, naming the others' places.
    static func duplicates(_ records: [CrossRecordFacts], code: String, pointer: String,
                           value: (CrossRecordFacts) -> (value: String, span: SourceSpan)?) -> [Finding] {
        // A closure, not a key path: a key path's generic access cost as much as the rest of
        // the rule on 2,000 records.
        var byCode: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let found = value(record) { byCode[found.value, default: []].append(index) }
        }
        var findings: [Finding] = []
        for (shared, indexes) in byCode where indexes.count > 1 {
            for index in indexes {
                let record = records[index]
                let others = indexes.filter { $0 != index }.map { other -> String in
                    let span = value(records[other])!.span
                    return "\(records[other].file):\(span.start.line):\(span.start.column)"
                }
                findings.append(Finding(file: record.file, span: value(record)!.span, severity: .warning, rule: "duplicate-code",
                                        pointer: pointer,
                                        message: "\(code) code \(shared) is also the code of \(others.joined(separator: ", ")); the same body recorded twice?"))
            }
        }
        return findings
    }
}
