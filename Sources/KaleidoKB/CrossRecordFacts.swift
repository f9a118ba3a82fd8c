public import KaleidoYAML

/// What the cross-record rules need to know of one record, extracted right after it is parsed
/// so that the record's tree can be freed: a 100,000-record KB is checked in bounded memory.
public struct CrossRecordFacts: Sendable {
    /// A reference from this record to another one, as the schema's `x-ref` hints find it.
    public struct Reference: Sendable {
        public var id: String
        public var target: RecordType
        public var span: SourceSpan
        public var pointer: String
    }

    public var file: String
    public var id: String?
    public var idSpan: SourceSpan
    public var type: RecordType?
    public var references: [Reference]
    /// Partners: `country` and `kind`, for the partnership rule.
    public var country: String?
    public var kind: String?
    /// Conventions: the id of the convention this one replaces.
    public var supersedes: String?
    /// Partnerships: the `parties` node's span and each party's partner id (nil when missing).
    public var partiesSpan: SourceSpan?
    public var partyIDs: [String?]
    /// Engagements: each invoice's number, where it is written and its JSON pointer.
    public var invoiceNumbers: [(number: String, span: SourceSpan, pointer: String)]
    /// Partners: `codes.insee` and `codes.siren` as written, with their spans (duplicate-code rule).
    public var insee: (value: String, span: SourceSpan)?
    public var siren: (value: String, span: SourceSpan)?

    /// Extracts the facts of a parsed record, using the hints of its type's schema.
    public init<Node: ReadableNode>(_ record: RecordOf<Node>, hints: [RecordType: [FieldHint]]) {
        file = record.file
        let idNode = record.root["id"]
        id = idNode?.stringValue
        idSpan = idNode?.span ?? record.root.span
        type = record.type
        var references: [Reference] = []
        if let type {
            for hint in hints[type] ?? [] {
                guard let target = hint.ref else { continue }
                for (node, pointer) in record.nodes(at: hint.path) {
                    guard let id = node.stringValue else { continue }
                    references.append(Reference(id: id, target: target, span: node.span, pointer: pointer))
                }
            }
        }
        self.references = references
        country = record.root["country"]?.stringValue
        kind = record.root["kind"]?.stringValue
        supersedes = record.root["supersedes"]?.stringValue
        let parties = record.type == .partnership ? record.root["parties"] : nil
        partiesSpan = parties?.span
        partyIDs = parties?.items?.map { $0["partner"]?.stringValue } ?? []
        let invoices = record.type == .engagement ? record.root["invoices"]?.items ?? [] : []
        invoiceNumbers = invoices.enumerated().compactMap { index, invoice in
            invoice["number"].flatMap { node in node.stringValue.map { ($0, node.span, "/invoices/\(index)/number") } }
        }
        let codes = record.type == .partner ? record.root["codes"] : nil
        insee = codes?["insee"].flatMap { node in node.stringValue.map { ($0, node.span) } }
        siren = codes?["siren"].flatMap { node in node.stringValue.map { ($0, node.span) } }
    }
}
