/// The report's two renderings: Markdown, and one self-contained HTML page.
extension PartnerReport {
    /// The report as Markdown.
    public func markdown() -> String {
        var output = "# \(title)\n\n_\(subtitle)_\n\n_\(([coverage + "."] + omissions).joined(separator: " "))_\n"
        for section in sections {
            output += "\n" + String(repeating: "#", count: section.level) + " \(section.title)\n\n"
            guard let table = section.table, !table.rows.isEmpty else {
                output += "—\n"
                continue
            }
            output += table.renderMarkdown()
        }
        return output
    }

    /// The report as one self-contained HTML page: inline style, no script, no external resource.
    /// Amounts sit in cells of their own (`class="amount"`), their currency in the next one.
    public func html() -> String {
        func escape(_ text: String) -> String {
            text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
        }
        var output = """
            <!DOCTYPE html>
            <html lang="\(language)"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
            h1{margin-bottom:.2rem}.subtitle,.scope{color:#555;margin-top:0}
            table{border-collapse:collapse;width:100%;margin:1rem 0}
            th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:start;vertical-align:top}
            td.amount{text-align:end;font-variant-numeric:tabular-nums}
            th{background:#f3f3f3}tr.year td{font-weight:bold;background:#fafafa;padding-top:.8rem}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <p class="subtitle">\(escape(subtitle))</p>
            <p class="scope">\(escape(coverage)).\(omissions.map { " " + escape($0) }.joined())</p>

            """
        for section in sections {
            output += "<section><h\(section.level)>\(escape(section.title))</h\(section.level)>\n"
            guard let table = section.table, !table.rows.isEmpty else {
                output += "<p>—</p></section>\n"
                continue
            }
            let amountColumn = table.columns.firstIndex { $0 == "Montant" || $0 == "Amount" }
            output += "<table><thead><tr>" + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for (index, row) in table.rows.enumerated() {
                if let heading = table.sections[index] {
                    output += "<tr class=\"year\"><td colspan=\"\(table.columns.count)\">\(escape(heading))</td></tr>\n"
                }
                output += "<tr>" + row.enumerated().map { column, cell in
                    column == amountColumn ? "<td class=\"amount\">\(escape(cell))</td>" : "<td dir=\"auto\">\(escape(cell))</td>"
                }.joined() + "</tr>\n"
            }
            output += "</tbody></table></section>\n"
        }
        return output + "</body></html>\n"
    }
}
