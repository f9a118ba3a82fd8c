import KaleidoKB
import KaleidoQuery
import Testing

/// Dates keep the precision the consultant wrote (`2009`, `2009-01`, `2009-01-15`) through the
/// index, its snapshot and overlay, and the history, while comparing as the days they cover.
@Suite struct WrittenDatesTests {
    static func date(_ text: String) -> PartialDate? { PartialDate(text) }

    /// A partnership entry dated `since`…`until` (either may be absent).
    static func partnership(_ id: String, since: String?, until: String?) -> IndexEntry {
        var pairs: [(key: String, value: QValue)] = [(key: "id", value: .string(id)), (key: "type", value: .string("partnership"))]
        if let since { pairs.append((key: "since", value: .string(since))) }
        if let until { pairs.append((key: "until", value: .string(until))) }
        return IndexEntry(id: id, type: .partnership, file: "knowledge/partnerships/\(id).yaml", value: .map(pairs), hints: [])
    }

    /// since, until: every precision, leap days, month ends, early and late years.
    static let spans: [(String?, String?)] = [
        ("2009", nil), ("2009-01", nil), ("2009-01-15", nil), (nil, "2010-12"), ("2010-06", "2010-12"), ("2024-02", "2024-02-29"),
        ("2023-02", "2023-02"), ("1900-02", "2000-02"), ("2011", "2011"), ("0001", "9999-12"), ("0999-12-31", "9999"),
    ]

    @Test func snapshotGivesBackTheWrittenDates() throws {
        let entries = Self.spans.enumerated().map { Self.partnership("ptn-\($0.offset)", since: $0.element.0, until: $0.element.1) }
        let index = KBIndex(entries: entries)
        let loaded = try #require(KBIndex(snapshot: InMemorySnapshot(index.snapshot())))
        for (record, (since, until)) in Self.spans.enumerated() {
            for candidate in [index, loaded] {
                let span = candidate.interval(record)
                #expect(span.start?.written == since && span.end?.written == until, "record \(record): \(span)")
            }
        }
        // The sample KB: every record's and every dated reference's dates survive the snapshot.
        let sample = SampleKB.index
        let reloaded = try #require(KBIndex(snapshot: InMemorySnapshot(sample.snapshot())))
        for record in 0..<sample.count {
            #expect(reloaded.interval(record) == sample.interval(record))
            #expect(reloaded.references(from: record) == sample.references(from: record))
        }
        let trabelsi = sample.references(from: SampleKB.position("p-mohamed-trabelsi")).compactMap(\.interval).map(\.text)
        #expect(trabelsi == ["2009 → 2011-12", "2012-01 → …"])
    }

    @Test func overlayGivesBackTheWrittenDates() throws {
        let index = KBIndex(entries: [Self.partnership("ptn-a", since: "2001", until: nil)])
        let edited = index.overriding(0, with: Self.partnership("ptn-a", since: "2010-06", until: "2012"))
        var bytes: [UInt8] = []
        OverrideCoding.encode(edited.recordOverrides, into: &bytes)
        let decoded = try #require(bytes.withUnsafeBytes { raw -> [Int: RecordOverride]? in
            var reader = BinaryReader(raw)
            return OverrideCoding.decode(&reader)
        })
        let applied = try #require(index.applying(decoded))
        #expect(applied.interval(0).text == "2010-06 → 2012")
        #expect(index.interval(0).text == "2001 → …")
    }

    /// A snapshot of the previous format has the same layout with bare day ordinals: only its
    /// magic tells it apart. Read as the new format, its dates would be other dates.
    @Test func previousFormatSnapshotIsRefusedNotMisread() throws {
        let index = SampleKB.index
        var old = index.snapshot()
        PreviousFormat.rewrite(&old, snapshotAt: 0)
        #expect(KBIndex(snapshot: InMemorySnapshot(old)) == nil)
        // The same bytes under the new magic load, and misread the dates: what the bump prevents.
        old.replaceSubrange(0..<8, with: Array("KLDIDX03".utf8))
        let misread = try #require(KBIndex(snapshot: InMemorySnapshot(old)))
        let partnership = SampleKB.position("ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax")
        #expect(index.interval(partnership).start?.written == "2010-06")
        #expect(misread.interval(partnership) != index.interval(partnership))
    }

    @Test func spanTextAndComparisons() throws {
        func span(_ start: String?, _ end: String?) -> DateSpan { DateSpan(start: start.flatMap(Self.date), end: end.flatMap(Self.date)) }
        #expect(span("2011-09", "2011-09").text == "2011-09")
        #expect(span("2011-01-01", "2011-12-31").text == "2011-01-01 → 2011-12-31")
        #expect(span("2011", nil).text == "2011 → …")
        #expect(span(nil, "2011-03").text == "… → 2011-03")
        #expect(span(nil, nil).text == "")
        // A partial date is the interval of its days.
        let june = try #require(Self.date("2010-06"))
        #expect(span("2010-06", nil).overlaps(DateInterval(start: Self.date("2010"), end: Self.date("2010"))))
        #expect(!span(nil, "2013-12").overlaps(DateInterval(start: Self.date("2014"), end: nil)))
        #expect(span(nil, "2013-12").overlaps(DateInterval(start: Self.date("2013-12-31"), end: nil)))
        #expect(span("2010-06", nil).days.start == june.first && span(nil, "2010-06").days.end == june.last)
        #expect(span("2010-06", nil).sortDay == CalendarDay(year: 2010, month: 6, day: 1))
    }

    /// The hull keeps, for each bound, the written date that gave it; equal days keep the more
    /// precise date, whatever the order.
    @Test(arguments: [
        (("2009", "2011-12"), ("2012-01", nil as String?), "2009 → …"),
        (("2009", "2011-12"), ("2009-01", "2011-12-31"), "2009-01 → 2011-12-31"),
        (("2010-03-02", "2010-06"), ("2010-03", "2010"), "2010-03 → 2010"),
        (("2010-03-02", "2010-06"), ("2010-04", "2010-05-31"), "2010-03-02 → 2010-06"),
    ] as [((String, String?), (String?, String?), String)])
    func hullKeepsTheWrittenBounds(_ first: (String, String?), _ second: (String?, String?), _ expected: String) {
        let a = DateSpan(start: Self.date(first.0), end: first.1.flatMap(Self.date))
        let b = DateSpan(start: second.0.flatMap(Self.date), end: second.1.flatMap(Self.date))
        #expect(a.union(b).text == expected)
        #expect(b.union(a).text == expected)
    }

    @Test func historyShowsTheWrittenDates() {
        let entries = HistoryQuery(partner: SampleKB.position("tn-mun-sfax")).run(on: SampleKB.index)
        let texts = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.interval.text) })
        #expect(texts["p-mohamed-trabelsi"] == "2009 → …")
        #expect(texts["ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"] == "2010-06 → …")
        #expect(texts["prj-2011-romans-festivals-jeunesse-sfax"] == "2011-03 → 2013-12")
        #expect(texts["conv-2010-romans-sfax-cooperation"] == "2010-07-01 → 2013-12-31")
        #expect(texts["evt-2011-11-24-sfax-comite-pilotage"] == "2011-11-24")
        // Sorted by first day then id: the convention of 2027-04-01 before the project of 2027-04.
        #expect(entries.suffix(2).map(\.id) == ["conv-2027-romans-sfax-cooperation", "prj-2027-romans-sfax-festivals-durables"])
    }
}

/// The snapshot as the previous format (KLDIDX02) wrote it, made from a current one.
enum PreviousFormat {
    /// Rewrites the snapshot at `offset` of `bytes` in place: the old magic, and each date bound
    /// a bare `CalendarDay.ordinal` (first day of a start, last day of an end) instead of the
    /// packed day and precision. Every other column is the same.
    static func rewrite(_ bytes: inout [UInt8], snapshotAt offset: Int) {
        bytes.replaceSubrange(offset..<offset + 8, with: Array("KLDIDX02".utf8))
        bytes.withUnsafeMutableBytes { raw in
            let view = UnsafeRawBufferPointer(raw)
            var position = offset + 8
            func skip<T: FixedWidthInteger>(_: T.Type) { _ = BinaryCoding.readArray(view, &position) as [T]? }
            func unpack() {
                guard let values: [Int32] = BinaryCoding.readArray(view, &position) else { return }
                let base = position - values.count * 4
                for (index, value) in values.enumerated() {
                    let ordinal = value == Int32.min ? value : value >> 2
                    raw.storeBytes(of: ordinal.littleEndian, toByteOffset: base + 4 * index, as: Int32.self)
                }
            }
            for _ in 0..<7 { skip(UInt32.self); skip(UInt8.self) }  // the string columns
            skip(UInt8.self)  // types
            unpack(); unpack()  // starts, ends
            skip(UInt32.self); skip(Int32.self); skip(UInt16.self); skip(UInt16.self)  // refOffsets, refTargets, refRelations, refFields
            unpack(); unpack()  // refStarts, refEnds
        }
    }
}
