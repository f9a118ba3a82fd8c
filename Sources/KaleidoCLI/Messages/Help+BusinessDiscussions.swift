/// The `discussion:` (the long help under OVERVIEW) of the missions' and events' commands (days, billing, invoices, pipeline, due, oda, participants, programme), atlas and vocab, in French and
/// English; `Help.discussion(_:)` picks the run's language. Keep technical tokens (options,
/// fields, paths, exit codes) the same in both.
extension Help {
    static let businessDiscussions: [String: Text] = [
        "days": Text(
            fr: """
                Une mission compte quand elle a des `days_budgeted` ou une `timesheet`. --by client (par \
                défaut) additionne les missions de chaque client ; --by engagement donne une ligne par \
                mission ; --by consultant les jours que chaque consultant a saisis par client (un budget \
                appartient à la mission, donc cette vue n'en a pas). Reste = prévu − consommé, négatif \
                quand le budget est dépassé. --since/--until ne comptent que les saisies de cette période \
                (le budget reste entier).

                JSON (--format json) : une liste de {"client", "engagement" (par mission), "consultant" \
                (par consultant), "budgeted" : nombre ou null, "used" : nombre, "left" : nombre ou null}, \
                sans la ligne de total.
                """,
            en: """
                Missions count when they have `days_budgeted` or a `timesheet`. --by client (default) \
                sums the missions of each client; --by engagement gives one row per mission; --by \
                consultant the days each consultant booked per client (a budget is the mission's, so \
                that view has none). Left = budgeted − used, negative when the budget is overrun. \
                --since/--until count only the time entries of that period (the budget stays whole).

                JSON (--format json): a list of {"client", "engagement" (by engagement), \
                "consultant" (by consultant), "budgeted": number or null, "used": number, "left": \
                number or null}, without the total row.
                """),
        "billing": Text(
            fr: """
                Missions signées, en cours ou livrées (statut signee, en_cours, livree) qui ont un \
                montant de contrat (contract.amount_ht). Facturé et payé sont les sommes des amount_ht de \
                `invoices` (payé : celles qui ont un paid_on). Une ligne par mission et par devise ; une \
                facture dans une autre devise que celle du contrat forme sa propre ligne, jamais convertie. \
                La dernière colonne liste les jalons de l'échéancier qui sont dus (leur mois ou leur jour a \
                commencé) et qu'aucune facture ne nomme dans son `milestone`. Le tableau se termine par les \
                totaux par devise.

                JSON (--format json) : une liste de {"engagement", "client", "currency", "contract", \
                "invoiced", "paid", "left" (nombres, décimaux exacts), "milestones_to_invoice" : \
                [{"milestone", "due", "amount", "currency"}]}.
                """,
            en: """
                Missions signed, running or delivered (status signee, en_cours, livree) with a \
                contract amount (contract.amount_ht). Invoiced and paid are the sums of `invoices` \
                amount_ht (paid: those with paid_on). One row per mission and currency; an invoice in \
                another currency than the contract's is a row of its own, never converted. The last \
                column lists the schedule's milestones that are due (their month or day has begun) \
                and that no invoice names in its `milestone`. The table ends with the totals per \
                currency.

                JSON (--format json): a list of {"engagement", "client", "currency", "contract", \
                "invoiced", "paid", "left" (numbers, exact decimals), "milestones_to_invoice": \
                [{"milestone", "due", "amount", "currency"}]}.
                """),
        "invoices": Text(
            fr: """
                Les factures sont les `invoices` des missions. Une facture avec `paid_on` est payée ; \
                sinon elle est en retard quand son échéance est avant aujourd'hui (--today AAAA-MM-JJ fixe \
                la date ; par défaut l'horloge du système), sinon pas encore due. --unpaid garde les \
                impayées (en retard et pas encore dues), --overdue celles en retard. Le tableau se termine \
                par les totaux TTC par devise des factures listées (EUR et TND jamais additionnés).

                JSON (--format json) : une liste par échéance puis par numéro de {"number", \
                "engagement", "client", "date", "amount_ht", "vat_rate", "amount_ttc", "currency", \
                "due", "paid_on", "milestone", "state" : "paid"|"overdue"|"unpaid", "days_late"}.
                """,
            en: """
                Invoices are the `invoices` of engagements. An invoice with `paid_on` is paid; else it \
                is overdue when its due date is before today (--today YYYY-MM-DD fixes the date; \
                default the system clock), else not due yet. --unpaid keeps the unpaid ones (overdue \
                and not due), --overdue the overdue ones. The table ends with the TTC totals per \
                currency of the invoices listed (EUR and TND never added).

                JSON (--format json): a list by due date then number of {"number", "engagement", \
                "client", "date", "amount_ht", "vat_rate", "amount_ttc", "currency", "due", "paid_on", \
                "milestone", "state": paid|overdue|unpaid, "days_late"}.
                """),
        "pipeline": Text(
            fr: """
                Les missions au statut proposition qui ont une `proposal` (amount_ht, currency, \
                probability). Pondéré = montant × probabilité, exactement. Triées par date de décision \
                (sans date en dernier). Le tableau se termine par le total et le total pondéré par devise \
                (jamais toutes devises confondues).

                JSON (--format json) : une liste de {"engagement", "client", "amount_ht", "currency", \
                "probability", "weighted", "sent_on", "decision_due"}.
                """,
            en: """
                Missions in status proposition with a `proposal` (amount_ht, currency, probability). \
                Weighted = amount × probability, exactly. Sorted by decision date (undated last). \
                The table ends with the total and the weighted total per currency (never across \
                currencies).

                JSON (--format json): a list of {"engagement", "client", "amount_ht", "currency", \
                "probability", "weighted", "sent_on", "decision_due"}.
                """),
        "due": Text(
            fr: """
                Premier tableau : les livrables ni livrés ni annulés des missions encore ouvertes \
                (signee, en_cours, livree) et des projets encore en cours (accepte, en_cours, suspendu), \
                ainsi que les rapports non remis de leurs financements accordés, dus d'ici aujourd'hui + \
                --within (30d par défaut ; d, w, m ou y), ceux en retard d'abord. Second tableau : toutes \
                les factures non payées, en retard ou non, avec les totaux TTC par devise. \
                --today AAAA-MM-JJ fixe la date (par défaut : l'horloge du système).

                JSON (--format json) : {"today", "until", "due" : [{"record", "kind" : \
                "deliverable"|"report", "key", "title", "due", "state" : "overdue"|"pending"}], \
                "unpaid_invoices" : [comme `kaleido invoices`], "unpaid_ttc" : [{"amount", "currency"}]}.
                """,
            en: """
                First table: the deliverables not delivered nor cancelled of missions still open \
                (signee, en_cours, livree) and projects still running (accepte, en_cours, suspendu), \
                and the reports not submitted of their granted funding lines, due by today + --within \
                (30d by default; d, w, m or y), overdue ones first. Second table: every invoice not \
                paid, overdue or not, with the TTC totals per currency. --today YYYY-MM-DD fixes the \
                date (default: the system clock).

                JSON (--format json): {"today", "until", "due": [{"record", "kind": deliverable|\
                report, "key", "title", "due", "state": overdue|pending}], "unpaid_invoices": [as \
                kaleido invoices], "unpaid_ttc": [{"amount", "currency"}]}.
                """),
        "oda": Text(
            fr: """
                CLIENT est un identifiant, un nom ou un alias, comme pour `history`. Art. L1115-6 CGCT : \
                chaque printemps, une collectivité française déclare sur le formulaire e-APD de la DCTCIV \
                ce qu'elle a VERSÉ l'année N. La commande lit les `disbursements` des conventions dont \
                elle est partie, des projets qu'elle pilote ou auxquels elle prend part et des missions \
                pour elle, et déclare les versements datés de --year dont le payeur est CLIENT (écrit, ou \
                la collectivité pilote du projet, le client de la mission, l'unique partie française de la \
                convention) vers un pays de la liste CAD de l'OCDE de cette année (le pays écrit, sinon \
                celui de la fiche du bénéficiaire) ; l'éducation au développement (secteur CRS 99820) en \
                France ou sans pays est déclarée non ventilée (« Non ventilé »). Les sommes sont exactes et \
                par devise (EUR et TND ne sont jamais additionnés). Chaque autre versement trouvé est \
                listé comme écarté, avec sa raison : payé par une autre partie, daté hors de l'année, \
                sans pays, pays absent de la liste CAD de cette année.

                --format csv écrit la déclaration elle-même, un versement par ligne, dans les colonnes de \
                la saisie e-APD : "Année", "Collectivité déclarante", "Pays bénéficiaire", "Canal \
                d'acheminement", "Secteur CAD", "Type d'aide", "Partenaire", "Montant", "Devise", "Date du \
                versement", "Marqueurs", "Base légale", "Convention", "Fiche" (les pages e-APD du ministère \
                demandent pour chaque montant son pays, son canal et son secteur, et des marqueurs notés \
                de 0 à 2 ; sources dans docs/data-model.md). Le formulaire prend des euros : convertissez \
                une ligne dans une autre devise au taux du versement avant de la saisir (aucun taux n'est \
                supposé ici). JSON : {"client", "year", "payments" : [{"record", "date", "amount", \
                "currency", "payer", "recipient", "recipient_name", "country", "channel", "sector", \
                "aid_type", "legal_basis", "convention"}], "by_country"|"by_channel"|"by_sector" : \
                [{clé, "currency", "amount", "payments"}], "totals" : [{"amount", "currency"}], \
                "excluded" : [versement + "reason" : \
                "other_payer"|"other_year"|"no_country"|"not_on_dac_list"]}.

                --commitments : la vue estimée. Les lignes additionnent les financial_commitments propres \
                du client pour --year dans les conventions avec une partie d'un pays de la liste CAD de \
                l'OCDE des bénéficiaires d'APD, par pays, nature (numeraire, valorisation) et devise ; \
                les montants sont des décimaux exacts, jamais arrondis. Une convention dont les autres \
                parties sont dans plusieurs pays éligibles est déclarée sous le premier d'entre eux par \
                ordre alphabétique (à répartir à la main si besoin). Un total par devise suit. Les \
                engagements des conventions dont toutes les autres parties sont hors de cette liste sont \
                écartés et listés comme exclus, avec les pays qui les ont exclus.

                JSON (--format json, --commitments) : {"client" : identifiant, "year" : nombre, \
                "lines" : [{"country", "nature", "currency", "amount" : nombre, "conventions" : \
                [identifiants…]}], "totals" : [{"currency", "amount"}], "excluded" : [{"convention" : \
                identifiant, "countries" : [codes…], "reason" : "no_eligible_country", "nature", \
                "currency", "amount"}]}.
                """,
            en: """
                CLIENT is an id, a name or an alias, as for `history`. Art. L1115-6 CGCT: each spring \
                a French authority declares on the DCTCIV's e-APD form what it PAID in year N. The \
                command reads the `disbursements` of the conventions it is party to, the projects it \
                leads or takes part in and the engagements for it, and declares the payments dated \
                in --year whose payer is CLIENT (written, or the project's lead, the engagement's \
                client, the convention's only French party) to a country on the OECD DAC list of \
                that year (written country, else the recipient record's); development awareness \
                (CRS sector 99820) in France or with no country is declared unallocated ("Non \
                ventilé"). Sums are exact and per currency (EUR and TND are never added). Every \
                other payment found is listed as left out with its reason: paid by another party, \
                dated outside the year, no country, country not on that year's DAC list.

                --format csv writes the declaration itself, one payment a row, in the e-APD entry's \
                columns: "Année", "Collectivité déclarante", "Pays bénéficiaire", "Canal d'acheminement", \
                "Secteur CAD", "Type d'aide", "Partenaire", "Montant", "Devise", "Date du versement", \
                "Marqueurs", "Base légale", "Convention", "Fiche" (the ministry's e-APD pages ask for each \
                amount its country, channel and sector, and markers scored 0–2; sources in \
                docs/data-model.md). The form takes euros: convert a line in another currency at \
                the payment's rate before entering it (no rate is assumed here). \
                JSON: {"client", "year", "payments": [{"record", "date", "amount", "currency", \
                "payer", "recipient", "recipient_name", "country", "channel", "sector", "aid_type", \
                "legal_basis", "convention"}], "by_country"|"by_channel"|"by_sector": [{key, \
                "currency", "amount", "payments"}], "totals": [{"amount", "currency"}], \
                "excluded": [payment + "reason": other_payer|other_year|no_country|not_on_dac_list]}.

                --commitments: the estimated view. The lines sum the client's \
                own financial_commitments for --year in conventions with a party from a country on \
                the OECD DAC list of ODA recipients, by country, nature (numeraire, valorisation) \
                and currency; amounts are exact decimals, never rounded. A convention whose other \
                parties are in several eligible countries is declared under the first of them in \
                alphabetical order (split it by hand if needed). A total per currency follows. Commitments in conventions whose other parties are all outside that list \
                are left out and listed as excluded, with the countries that made them so.

                JSON (--format json, --commitments): {"client": id, "year": number, \
                "lines": [{"country", "nature", "currency", "amount": number, "conventions": [id…]}], \
                "totals": [{"currency", "amount"}], \
                "excluded": [{"convention": id, "countries": [code…], "reason": "no_eligible_country", \
                "nature", "currency", "amount"}]}.
                """),
        "participants": Text(
            fr: """
                Chaque inscription compte pour un, sauf si son statut est `absent` ou `annule` (écartée, et \
                c'est dit) ; chaque décompte anonyme (counts:) pour son nombre. Une inscription sans \
                age_band reçoit la tranche de son birth_year l'année de l'événement. --by liste les \
                dimensions parmi country, sex, age_band, role, fewer_opportunities (par défaut : \
                country,sex,age_band) ; --include-children ajoute les événements dont le parent est \
                celui-ci (les ateliers d'une Université de l'ARRICOD), et les leurs.

                JSON (--format json) : {"event", "events" : [identifiants additionnés], "by" : \
                [dimensions], "groups" : [{<dimension> : clé ou null (fewer_opportunities : true ou \
                false), "number"}], "total", "left_out"}.
                """,
            en: """
                Each registration counts one, unless its status is `absent` or `annule` (left out, and \
                said so); each anonymous count (counts:) its number. A registration without \
                age_band gets the band of its birth_year at the event's year. --by lists the \
                dimensions among country, sex, age_band, role, fewer_opportunities (default: \
                country,sex,age_band); --include-children adds the events whose parent is this one \
                (the workshops of an ARRICOD Université), and theirs.

                JSON (--format json): {"event", "events": [ids summed], "by": [dimensions], \
                "groups": [{<dimension>: key or null (fewer_opportunities: true or false), \
                "number"}], "total", "left_out"}.
                """),
        "programme": Text(
            fr: """
                Les séances sont triées par leur début ; l'intitulé d'un jour est sa date en toutes \
                lettres (jeudi 22 septembre 2011). Les intervenants sont des fiches de personnes (leurs \
                noms) ou des {name, organisation}. --include-children ajoute les séances des événements \
                dont le parent est celui-ci, avec une colonne qui nomme l'événement.

                Dans un tableau, les participants suivent (comptés comme le fait \
                `kaleido participants`, par pays, sexe et tranche d'âge, avec les mêmes événements).

                JSON (--format json) : {"event", "title", "sessions" : une liste par début : {"event", \
                "start", "end" ou null, "title", "speakers" : [{"person" : identifiant ou null, "name", \
                "organisation" ou null}], "room" ou null}, "participants" : tels que les donne \
                `kaleido participants`}.
                """,
            en: """
                Sessions are sorted by their start; a day's heading is its date written out \
                (jeudi 22 septembre 2011). Speakers are person records (their names) or \
                {name, organisation}. --include-children adds the sessions of the events whose \
                parent is this one, with a column naming the event.

                In a table, the participants follow (as `kaleido participants` counts them, by \
                country, sex and age band, with the same events).

                JSON (--format json): {"event", "title", "sessions": a list by start: {"event", \
                "start", "end" or null, "title", "speakers": [{"person": id or null, "name", \
                "organisation" or null}], "room" or null}, "participants": as `kaleido participants` \
                gives it}.
                """),
        "atlas": Text(
            fr: """
                CLIENT est un identifiant, un nom ou un alias. Une ligne par projet que le client pilote \
                ou auquel il prend part, du plus ancien au plus récent. Colonnes (l'Atlas français de la \
                coopération décentralisée de la CNCD, tenu par la DCTCIV, recense chaque action d'une \
                collectivité française avec sa collectivité partenaire, son pays, ses thèmes et ses dates ; \
                docs/data-model.md) : "Collectivité française", "Collectivité partenaire" (les partenaires du \
                projet d'un autre pays), "Pays" (les pays du projet autres que celui du client), "Intitulé", \
                "Type d'action", "Thématiques", "Début", "Fin", "Statut", "Fiche". --format csv pour le fichier à \
                envoyer ; JSON : une liste d'objets dont les clés sont les champs de la fiche ("client", \
                "partners", "countries", "title", "kind", "themes", "start", "end", "status", "record").
                """,
            en: """
                CLIENT is an id, a name or an alias. One row per project the client leads or takes \
                part in, oldest first. Columns (the Atlas français de la coopération décentralisée \
                of the CNCD, run by the DCTCIV, lists each action of a French authority with its \
                partner authority, country, themes and dates; docs/data-model.md): "Collectivité \
                française", "Collectivité partenaire" (the project's partners from another country), \
                "Pays" (the project's countries other than the client's), "Intitulé", "Type d'action", \
                "Thématiques", "Début", "Fin", "Statut", "Fiche". --format csv for the file to send; \
                JSON: a list of objects keyed by the record fields (client, partners, countries, \
                title, kind, themes, start, end, status, record).
                """),
        "vocab": Text(
            fr: """
                JSON (--format json) : sans LISTE, une liste de {"name", "values" : nombre} ; avec \
                LISTE, une liste de {"key", "fr", "en"} (un libellé que vocab.yaml ne donne pas vaut null).
                """,
            en: """
                JSON (--format json): without LIST, a list of {"name", "values": count}; with LIST, a \
                list of {"key", "fr", "en"} (a label vocab.yaml does not give is null).
                """),
    ]
}
