/// The OECD DAC List of ODA Recipients by reporting year: whether flows of a year to a country
/// count as official development assistance (ISO 3166-1 alpha-2, and XK for Kosovo, which the
/// list includes).
///
/// The DAC revises the list every three years and dates each graduation; a country is on the
/// list for the years from its `from` to its `until`, both included. Sources (OECD, "DAC List
/// of ODA Recipients" and "History of DAC Lists of aid recipient countries",
/// https://www.oecd.org/en/topics/sub-issues/oda-eligibility-and-conditions/dac-list-of-oda-recipients.html,
/// lists effective for reporting on 2018–2020, 2021, 2022–2023 and 2024–2025 flows):
/// - Chile, Seychelles and Uruguay graduated on 2018-01-01 (on none of these lists);
/// - the Cook Islands graduated on 2020-01-01, Antigua and Barbuda on 2022-01-01;
/// - Palau, found to graduate on 2022-01-01 during the 2020 review, fell back below the
///   high-income threshold and stayed on the list;
/// - the 2023 review approved Nauru's graduation with effect from 2026-01-01 (on the list for
///   2024 and 2025 flows, not 2026);
/// - Montserrat (decision deferred to October 2025), Guyana and Panama (proposed for the 2026
///   review) stay on it here until a published list says otherwise.
/// Years before `coveredYears` use the 2018 list plus Chile, Seychelles and Uruguay (on the
/// 2014–2017 list; earlier graduations are not transcribed); years after it use the last list.
public enum DACList {
    /// The reporting years the lists below transcribe exactly.
    public static let coveredYears: ClosedRange<Int> = 2018...2027

    /// Whether flows of `year` to `country` count as ODA.
    public static func isEligible(_ country: String, year: Int) -> Bool {
        let year = min(year, coveredYears.upperBound)
        if let years = dated[country] { return years.contains(year) || (year < coveredYears.lowerBound && years.lowerBound == coveredYears.lowerBound) }
        if year < coveredYears.lowerBound, graduatedIn2018.contains(country) { return true }
        return throughout.contains(country)
    }

    /// The countries eligible in `year`.
    public static func countries(year: Int) -> Set<String> {
        Set((throughout.union(dated.keys).union(graduatedIn2018)).filter { isEligible($0, year: year) })
    }

    /// Chile, Seychelles and Uruguay, on the list until 2017.
    static let graduatedIn2018: Set<String> = ["CL", "SC", "UY"]

    /// Countries whose presence changed within the covered years: the years they are on the list.
    static let dated: [String: ClosedRange<Int>] = [
        "CK": 2018...2019,  // Cook Islands
        "AG": 2018...2021,  // Antigua and Barbuda
        "NR": 2018...2025,  // Nauru
    ]

    /// Countries on every list of the covered years.
    static let throughout: Set<String> = [
        // Africa
        "DZ", "AO", "BJ", "BW", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CD", "CG", "CI", "DJ", "EG", "GQ", "ER", "SZ", "ET",
        "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "LY", "MG", "MW", "ML", "MR", "MU", "MA", "MZ", "NA", "NE", "NG", "RW",
        "ST", "SN", "SL", "SO", "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW", "SH",
        // Americas
        "AR", "BZ", "BO", "BR", "CO", "CR", "CU", "DM", "DO", "EC", "SV", "GD", "GT", "GY", "HT", "HN", "JM", "MX", "MS", "NI",
        "PA", "PY", "PE", "LC", "VC", "SR", "VE",
        // Asia and the Middle East
        "AF", "AM", "AZ", "BD", "BT", "KH", "CN", "GE", "IN", "ID", "IR", "IQ", "JO", "KZ", "KP", "KG", "LA", "LB", "MY", "MV",
        "MN", "MM", "NP", "PK", "PS", "PH", "LK", "SY", "TJ", "TH", "TL", "TM", "UZ", "VN", "YE",
        // Europe
        "AL", "BY", "BA", "XK", "MD", "ME", "MK", "RS", "TR", "UA",
        // Oceania
        "FJ", "KI", "MH", "FM", "NU", "PW", "PG", "WS", "SB", "TK", "TO", "TV", "VU", "WF",
    ]
}
