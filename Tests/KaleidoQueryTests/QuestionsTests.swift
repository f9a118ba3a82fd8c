import KaleidoKB
import KaleidoQuery
import Testing

/// The twelve questions of docs/data-model.md on the sample KB as of 2026-11-27, with the answers
/// its author wrote down when the sample KB was made.
@Suite struct QuestionsTests {
    let index = SampleKB.index
    let questions = Questions(index: SampleKB.index, today: SampleKB.today)
    func day(_ text: String) -> CalendarDay { PartialDate(text)!.first }

    @Test func q1SfaxSince2008() {
        let entries = HistoryQuery(partner: SampleKB.position("tn-mun-sfax"), since: PartialDate("2008")).run(on: index)
        let expected: Set = [
            "ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax", "conv-2010-romans-sfax-cooperation",
            "evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie", "evt-2011-11-24-sfax-comite-pilotage",
            "prj-2011-romans-festivals-jeunesse-sfax", "conv-2012-avenant-romans-sfax-festivals",
            "prj-2017-romans-sfax-jeunes-ambassadeurs", "conv-2021-romans-sfax-cooperation", "conv-2025-romans-sfax-festival-jeunesse",
            "evt-2026-10-19-sfax-mission-renouvellement", "int-2026-09-15-romans-lancement-renouvellement",
            "int-2026-10-22-sfax-atelier-coredaction", "int-2026-12-10-romans-copil-convention",
            "conv-2027-romans-sfax-cooperation", "prj-2027-romans-sfax-festivals-durables", "p-mohamed-trabelsi",
        ]
        #expect(entries.count == 16)
        #expect(Set(entries.map(\.id)) == expected)
        // The governorate's records are another partner's history.
        for trap in ["ptn-fr-dep-86-vienne--tn-gouv-sfax", "conv-2005-vienne86-gouvernorat-sfax", "prj-2008-vienne86-sfax-formation-cadres"] {
            #expect(!entries.map(\.id).contains(trap))
        }
        var years: [Int: [String]] = [:]
        for entry in entries where entry.type != .person { years[entry.year ?? 0, default: []].append(entry.id) }
        #expect(Set(years[2011] ?? []) == ["evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie", "evt-2011-11-24-sfax-comite-pilotage", "prj-2011-romans-festivals-jeunesse-sfax"])
        #expect(Set(years[2026] ?? []).count == 4)
        #expect(Set(years[2027] ?? []) == ["conv-2027-romans-sfax-cooperation", "prj-2027-romans-sfax-festivals-durables"])
        let starts = entries.compactMap(\.interval.sortDay)
        #expect(starts == starts.sorted())
    }

    @Test func q2ConventionsEndingWithinSixMonths() {
        let ending = questions.conventionsEnding(by: SampleKB.today.adding(months: 6))
        #expect(SampleKB.ids(ending.map(\.record)) == ["conv-2021-romans-sfax-cooperation", "conv-2024-vienne-kairouan-cooperation"])
        #expect(ending[0].ends.written == "2027-03-31")
        #expect(ending[0].successor.map(index.id) == "conv-2027-romans-sfax-cooperation")
        #expect(ending[0].successor.map { index.value($0)["status"]?.text } == "projet")
        #expect(ending[1].successor == nil)
        #expect(ending[1].renewalMode == "aucun")
    }

    @Test func q3ConventionsInForceWithAGap() {
        let gaps = questions.conventionGaps()
        #expect(SampleKB.ids(gaps.map(\.record)) == ["conv-2024-vienne-kairouan-cooperation", "conv-2025-romans-sfax-festival-jeunesse"])
        #expect(gaps[0].notSentToPrefect && !gaps[0].noFinancialCommitments)
        #expect(gaps[1].noFinancialCommitments && !gaps[1].notSentToPrefect)
    }

    @Test func q4YouthProjectsInTunisia2010To2015() {
        let projects = questions.projects(theme: "jeunesse", country: "TN", during: DateInterval(start: PartialDate("2010"), end: PartialDate("2015")))
        #expect(SampleKB.ids(projects) == ["prj-2009-passeport-pour-le-monde", "prj-2011-romans-festivals-jeunesse-sfax"])
        func granted(_ id: String) -> [String: String] {
            var result: [String: String] = [:]
            for line in questions.fundingLines(of: SampleKB.position(id)) {
                result[line.funder] = Questions.grantedStatuses.contains(line.status) ? line.granted?.description ?? "" : line.status
            }
            return result
        }
        #expect(granted("prj-2009-passeport-pour-le-monde") == [
            "fr-reg-82-rhone-alpes": "20000", "fr-agence-afpeja": "26450.50", "fr-etat-daect": "8000", "fr-etat-fej": "refuse",
        ])
        #expect(granted("prj-2011-romans-festivals-jeunesse-sfax") == [
            "fr-etat-daect": "15000", "fr-reg-82-rhone-alpes": "10000", "fr-agence-afpeja": "18432.50", "fr-etat-fej": "refuse",
        ])
    }

    @Test func q5RomansInternationalRelationsContact() {
        let romans = SampleKB.position("fr-com-26281-romans-sur-isere")
        #expect(SampleKB.ids(questions.contacts(of: romans, role: "charge_mission_ri", on: SampleKB.today)) == ["p-nadia-cherif"])
        #expect(SampleKB.ids(questions.contacts(of: romans, role: "charge_mission_ri", on: day("2011-06-15"))) == ["p-julien-rey"])
        // Julien Rey left in June 2014, Nadia Chérif arrived in September: nobody in between.
        #expect(questions.contacts(of: romans, role: "charge_mission_ri", on: day("2014-08-01")).isEmpty)
    }

    @Test func q6TrainingsAndWorkshopsWeRanIn2011() {
        let events = questions.events(kinds: ["formation", "atelier"], during: DateInterval(start: PartialDate("2011"), end: PartialDate("2011")),
                                      excludedRoles: ["participation", "intervention"])
        #expect(SampleKB.ids(events) == [
            "evt-2011-03-22-vienne-formation-interculturelle", "evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie",
            "evt-2011-09-arricod-atelier-interculturalite",
        ])
        let vienne = index.value(events[0])
        #expect(vienne["client"]?.text == "fr-com-38544-vienne")
        #expect(vienne["location"]?["country"]?.text == "FR")
        #expect(Set(vienne.values(at: ["participants", "countries"]).compactMap(\.text)) == ["FR", "BE", "NO"])
        #expect(index.value(events[1])["client"]?.text == "fr-com-26281-romans-sur-isere")
        #expect(Set(index.value(events[1]).values(at: ["participants", "countries"]).compactMap(\.text)) == ["FR", "TN"])
        #expect(index.value(events[2])["client"]?.text == "fr-asso-arricod")
    }

    @Test func q7GrantedFundingByFunderAndYear() {
        let totals = questions.grantedFunding(sinceYear: 2009).map { "\($0.year) \($0.funder) \($0.total)" }
        #expect(totals == [
            "2009 fr-agence-afpeja 26450.50 EUR", "2009 fr-reg-82-rhone-alpes 20000 EUR", "2010 fr-etat-daect 8000 EUR",
            "2011 fr-etat-daect 15000 EUR", "2011 fr-reg-82-rhone-alpes 10000 EUR", "2012 fr-agence-afpeja 18432.50 EUR",
            "2017 fr-etat-daect 20000 EUR", "2017 fr-reg-84-auvergne-rhone-alpes 12000 EUR", "2017 tn-mun-sfax 12000 TND",
            "2024 fr-etat-daect 30000 EUR", "2024 fr-reg-84-auvergne-rhone-alpes 15000 EUR",
        ])
        // The 2008 DAECT grant exists and is excluded by date only.
        #expect(questions.grantedFunding(sinceYear: nil).contains { $0.year == 2008 && $0.funder == "fr-etat-daect" && $0.total.description == "8000 EUR" })
    }

    @Test func q8FrenchTunisianPartnerships() {
        let found = questions.partnerships(between: "FR", and: "TN")
        let summary = found.map { "\(index.id($0.record)) \($0.status) \($0.since?.description ?? "") \($0.until?.description ?? "")" }
        #expect(summary == [
            "ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax actif 2010-06 ",
            "ptn-fr-com-38544-vienne--tn-mun-kairouan actif 2009 ",
            "ptn-fr-dep-86-vienne--tn-gouv-sfax termine 2004-10 2012-12",
        ])
        #expect(found[0].themes == ["jeunesse", "culture_festivals", "interculturel", "gouvernance_appui_institutionnel"])
        #expect(found[1].themes == ["jeunesse", "mobilite_internationale", "dechets", "gouvernance_appui_institutionnel"])
    }

    @Test func q9PasseportDeliverables() {
        let project = PartnerResolver(index: index).resolve("Un passeport pour le monde", type: .project)
        guard case .found(let record) = project else {
            Issue.record("the project is not found by its title: \(project)")
            return
        }
        let deliverables = questions.deliverables(of: record)
        func keys(_ state: Questions.Deliverable.State) -> [String] { deliverables.filter { $0.state == state }.map(\.key) }
        #expect(keys(.delivered) == ["bilan-intermediaire", "rapport-final", "rtf-region"])
        #expect(keys(.overdue) == ["guide-partir-jeune", "carnets-de-bord"])
        #expect(keys(.cancelled) == ["film"])
        #expect(keys(.pending).isEmpty)
    }

    @Test func q10CallsClosingWithin60Days() {
        let calls = questions.callsClosing(by: SampleKB.today.adding(days: 60))
        #expect(SampleKB.ids(calls.map(\.record)) == ["aap-aura-2026-cooperation-mediterranee", "aap-meae-2026-cooperation-decentralisee"])
        for call in calls {
            #expect(Set(SampleKB.ids(call.clients)) == ["fr-com-26281-romans-sur-isere", "fr-com-38544-vienne"])
        }
    }

    @Test func q11ODADeclarationOfVienneFor2025() {
        let (lines, excluded) = questions.odaDeclaration(client: SampleKB.position("fr-com-38544-vienne"), year: 2025)
        #expect(lines.map { "\($0.country) \($0.nature) \($0.amount) \($0.currency)" } == ["TN numeraire 12000 EUR", "TN valorisation 3000 EUR"])
        #expect(excluded == ["conv-2025-vienne-molde-jeunesse"])
    }

    @Test func q12PeopleToReview() {
        let found = questions.peopleToReview(inactiveSince: SampleKB.today.adding(months: -36))
        #expect(SampleKB.ids(found.filter(\.reviewDue).map(\.record)) == ["p-bernard-faure"])
        let inactive = found.filter(\.inactive).map { "\(index.id($0.record)) \($0.lastInteraction?.written ?? "none")" }
        #expect(inactive == ["p-julien-rey 2016-04-12", "p-michel-arnaud 2013-06-27", "p-sylvie-perrin 2011-09-23"])
    }
}
