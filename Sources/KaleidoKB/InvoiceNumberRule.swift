/// `duplicate-invoice-number` (error): an invoice number is used once in the whole knowledge
/// base. French invoices are numbered in one unbroken chronological sequence (CGI art. 242
/// nonies A), so two invoices with one number are a typo or an invoice recorded twice on two
/// missions; either way the figures of `kaleido billing` and `kaleido invoices` would be wrong.
enum InvoiceNumberRule {
    static func check(_ records: [CrossRecordFacts]) -> [Finding] {
        var first: [String: String] = [:]
        var findings: [Finding] = []
        for record in records {
            for invoice in record.invoiceNumbers {
                if let earlier = first[invoice.number] {
                    findings.append(Finding(file: record.file, span: invoice.span, severity: .error, rule: "duplicate-invoice-number",
                                            pointer: invoice.pointer,
                                            message: "invoice number \"\(invoice.number)\" is already used in \(earlier); invoice numbers must be unique"))
                } else {
                    first[invoice.number] = record.file
                }
            }
        }
        return findings
    }
}
