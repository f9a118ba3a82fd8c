/// The `discussion:` (the long help under OVERVIEW) of the query commands (list, history, contacts, conventions, funding, calls, report, deliverables, followups, forget), in French and
/// English; `Help.discussion(_:)` picks the run's language. Keep technical tokens (options,
/// fields, paths, exit codes) the same in both.
extension Help {
    static let queryDiscussions: [String: Text] = [
        "list": Text(
            fr: """
                Conditions : CHAMP=V, CHAMP!=V, CHAMP~TEXTE (contient), CHAMP>=V, CHAMP<=V, CHAMP>V, \
                CHAMP<V, 'CHAMP in A,B', 'CHAMP not in A,B'. CHAMP est un chemin à points à travers \
                listes et références (funding.status, parties.partner.country). Les dates se comparent \
                comme des intervalles. Les conditions sur une même liste portent sur un seul de ses \
                éléments : --where funding.funder=fr-etat-fej --where funding.status=solde garde les \
                projets qui ont une ligne de financement de fr-etat-fej qui est soldée (avec ou sans \
                --group-by) ; le même champ donné deux fois avec = (parties.partner.country=FR et =TN) \
                demande deux éléments. Les champs et les valeurs d'énumération sont vérifiés selon les \
                schémas : un inconnu sort avec le code 2 et une suggestion. Une requête qui ne trouve rien \
                le dit sur la sortie d'erreur (code 0). --group-by accepte CHAMP:year. Les sommes sont \
                des décimaux exacts ; un champ sommé qui a un `currency` voisin \
                (funding.amount_granted, financial_commitments.amount) est de l'argent et donne un total \
                par devise, jamais un seul chiffre toutes devises confondues. Sortie JSON : les fiches \
                entières (ou les groupes ; "sum" est un nombre, ou pour de l'argent une liste de \
                {"amount" : nombre, "currency" : code}).
                """,
            en: """
                Conditions: FIELD=V, FIELD!=V, FIELD~TEXT (contains), FIELD>=V, FIELD<=V, FIELD>V, \
                FIELD<V, 'FIELD in A,B', 'FIELD not in A,B'. FIELD is a dotted path through lists and \
                references (funding.status, parties.partner.country). Dates compare as intervals. \
                Conditions on one list hold for one item of it: --where funding.funder=fr-etat-fej \
                --where funding.status=solde keeps projects with one funding line from fr-etat-fej \
                that is solde (with or without --group-by); the same field given twice with = \
                (parties.partner.country=FR and =TN) asks for two items. Fields and enumeration \
                values are checked against the schemas: an unknown one exits 2 with a suggestion. \
                A query that finds nothing says so on stderr (exit 0). \
                --group-by accepts FIELD:year. Sums are exact decimals; a summed field with a sibling \
                `currency` (funding.amount_granted, financial_commitments.amount) is money and gives \
                one total per currency, never one figure across currencies. JSON output: the full \
                records (or the groups; "sum" is a number, or for money a list of \
                {"amount": number, "currency": code}).
                """),
        "history": Text(
            fr: """
                PARTENAIRE est un identifiant, un nom ou un alias dans n'importe quelle écriture, sans \
                tenir compte de la casse ni des accents (« sfax », « Safaqis », « صفاقس »). Un nom partagé \
                par plusieurs partenaires les liste et sort avec le code 2. Le partenaire choisi est \
                nommé avant le tableau (`Partenaire : tn-mun-sfax — Municipalité de Sfax`), avec les \
                autres partenaires auxquels les mots correspondent aussi (`correspond aussi à : \
                tn-gouv-sfax … ; donnez l'identifiant pour choisir`) ; sur la sortie d'erreur pour csv, \
                markdown et json. Les dates sont des intervalles : --since 2008 garde les fiches qui \
                recouvrent 2008 ou après.
                """,
            en: """
                PARTNER is an id, a name or an alias in any script, ignoring case and accents \
                ("sfax", "Safaqis", "صفاقس"). A name shared by several partners lists them and exits \
                with status 2. The partner chosen is named before the table (`Partner: tn-mun-sfax — \
                Municipalité de Sfax`), with the other partners the words also fit (`also matches: \
                tn-gouv-sfax …; pass the id to choose`); on standard error for csv, markdown and json. \
                Dates are intervals: --since 2008 keeps records overlapping 2008 or later.
                """),
        "contacts": Text(
            fr: """
                PARTENAIRE est un identifiant, un nom ou un alias dans n'importe quelle écriture, sans \
                tenir compte de la casse ni des accents, comme pour `history` ; un nom partagé par \
                plusieurs partenaires les liste et sort avec le code 2, et le partenaire choisi est \
                nommé comme le fait `history`. --on prend une date AAAA, AAAA-MM ou AAAA-MM-JJ et garde \
                les rattachements qui ont un jour en commun avec elle : --on 2011 liste quiconque a tenu \
                un rôle à un moment de 2011. --role garde un seul rôle : une clé de person_role \
                (charge_mission_ri, elu…) ou son libellé français ou anglais. Seules les coordonnées \
                professionnelles sont affichées (rôle, fonction, dates du rattachement) ; \
                `kaleido show ID` donne le reste de la fiche d'une personne. Une personne qui s'est \
                opposée à être contactée (opt_out: true) est marquée « (ne pas contacter) » ; les fiches \
                anonymisées par `kaleido forget` sont écartées.

                JSON (--format json) : une liste, un objet par rattachement (une personne qui tient deux \
                rôles chez le partenaire apparaît deux fois), triée par rôle puis par début : \
                {"id" : identifiant de la personne, "full_name", "role" : clé de person_role, "title" : \
                fonction ou null, "from", "until" : dates telles qu'écrites, ou null si ouvert, \
                "primary" : true|false, "opt_out" : true|false}.
                """,
            en: """
                PARTNER is an id, a name or an alias in any script, ignoring case and accents, as for \
                `history`; a name shared by several partners lists them and exits with status 2, and the \
                partner chosen is named as `history` does. \
                --on takes a date YYYY, YYYY-MM or YYYY-MM-DD and keeps the affiliations sharing a day \
                with it: --on 2011 lists whoever held a role at some point of 2011. --role keeps one \
                role: a person_role key (charge_mission_ri, elu…) or its French or English label. \
                Only professional details are shown (role, function, dates of the affiliation); \
                `kaleido show ID` gives the rest of a person's record. A person who objected to being \
                contacted (opt_out: true) is marked "(ne pas contacter)"; records anonymised by \
                `kaleido forget` are left out.

                JSON (--format json): a list, one object per affiliation (a person holding two roles \
                at the partner appears twice), sorted by role, then start: \
                {"id": person id, "full_name", "role": person_role key, "title": function or null, \
                "from", "until": dates as written or null when open, "primary": true|false, \
                "opt_out": true|false}.
                """),
        "conventions": Text(
            fr: """
                À échéance : les conventions signées ou en vigueur, non résiliées, dont la fin (après \
                leurs avenants) tombe dans --ending-within. Calculées à rebours depuis la fin : la date de \
                préavis (fin moins renewal.notice_months), le vote du conseil (--vote-margin avant la date \
                de préavis, 1m par défaut) et la transmission de la délibération au préfet \
                (--transmission-margin avant la date de préavis, 15d par défaut). Une date limite déjà passée est \
                signalée.
                Manques : les conventions dites en vigueur (statut en_vigueur, ou signee avec aujourd'hui \
                entre leurs dates) sans engagements financiers, avec une partie française qui ne les a pas \
                transmises à son préfet (non exécutoires pour elle), ou avec une date de résiliation déjà \
                passée.
                """,
            en: """
                Ending: conventions signed or in force, not terminated, whose end after their avenants \
                falls within --ending-within. Planned back from the end: the notice date (end minus \
                renewal.notice_months), the council vote (--vote-margin before the notice date, default \
                1m) and the transmission of the délibération to the préfet (--transmission-margin \
                before it, default 15d). A deadline already passed is marked.
                Gaps: conventions said to be in force (status en_vigueur, or signee with today within \
                their dates) with no financial commitments, a French party that has not sent them to \
                its préfet (not executory for it), or a termination date already passed.
                """),
        "funding": Text(
            fr: """
                Les montants de devises différentes ne sont jamais additionnés : chaque financeur, année \
                et devise forme sa propre ligne, et le tableau se termine par un total par devise. JSON \
                (--format json) : une liste de {"funder", "year", "amount" : nombre (décimal exact), \
                "currency"}, sans les totaux.
                """,
            en: """
                Amounts in different currencies are never added: each funder, year and currency is \
                a row of its own, and the table ends with one total per currency. JSON \
                (--format json): a list of {"funder", "year", "amount": number (exact decimal), \
                "currency"}, without the totals.
                """),
        "calls": Text(
            fr: """
                Un client est éligible à un appel quand sa nature figure dans les eligible_applicants de \
                l'appel (s'ils sont donnés), qu'il a un partenariat actif avec un partenaire de l'un des \
                eligible_countries et, quand l'appel a requires_convention: true (les appels MEAE/DCTCIV), \
                une convention en vigueur avec ce partenaire (statut en_vigueur ou signee, effective_until \
                pas dépassée). --client PARTENAIRE (identifiant, nom ou alias) liste chaque appel qui \
                ferme dans la période avec l'éligibilité de ce client : le partenaire et les conventions \
                sur lesquels elle repose, ou la première règle non remplie, ainsi que le taux maximal de \
                cofinancement de l'appel et l'apport propre minimal. JSON avec --client : un objet par \
                appel : {"id", "closes_on", "eligible" : true|false, "problem" : \
                null|"applicant_kind"|"no_partner_in_eligible_country"|"no_convention_in_force", \
                "partners" : [identifiants], "conventions" : [identifiants], "max_rate", \
                "min_own_contribution_rate" : nombres ou null}.
                """,
            en: """
                A client is eligible for a call when its kind is in the call's eligible_applicants (when \
                given), it has an active partnership with a partner of one of the eligible_countries, \
                and, when the call has requires_convention: true (the MEAE/DCTCIV calls), a convention \
                in force with that partner (status en_vigueur or signee, effective_until not passed). \
                --client PARTNER (id, name or alias) lists every call closing within the period with \
                that client's eligibility: the partner and conventions it rests on, or the first rule \
                it fails, and the call's maximum co-funding rate and minimum own contribution. JSON with \
                --client: one object per call: {"id", "closes_on", "eligible": true|false, "problem": \
                null|"applicant_kind"|"no_partner_in_eligible_country"|"no_convention_in_force", \
                "partners": [ids], "conventions": [ids], "max_rate", "min_own_contribution_rate": \
                numbers or null}.
                """),
        "report": Text(
            fr: """
                Chronologie, conventions avec leurs engagements financiers (par année, partie, nature et \
                devise, avec les totaux par partie, nature et devise), projets avec leurs lignes de \
                financement (totaux des montants accordés par devise ; lignes refusées ou en attente \
                montrées comme telles et jamais comptées), et contacts (coordonnées professionnelles \
                seulement). Les montants de devises différentes ne sont jamais additionnés.

                Seulement ce qu'un client peut voir : les fiches marquées `confidentiality: public`. Une \
                fiche sans ce champ est `interne` (la valeur par défaut du schéma) et est écartée sauf \
                avec --include interne ; --include restreint montre aussi les fiches restreintes. Les \
                échanges (les notes d'échange de l'équipe) ne sont jamais montrés. Le document indique la \
                période qu'il couvre et combien de fiches il écarte. Le partenaire choisi (et tout autre \
                partenaire auquel le nom correspond aussi) est nommé sur la sortie d'erreur.
                """,
            en: """
                Timeline, conventions with their financial commitments (per year, party, nature and \
                currency, with totals per party, nature and currency), projects with their funding \
                lines (totals of the granted amounts per currency; refused or pending lines shown as \
                such and never counted), and contacts (professional details only). Amounts in \
                different currencies are never added together.

                Only what a client may see: records marked `confidentiality: public`. A record \
                without the field is `interne` (the schema's default) and is left out unless \
                --include interne; --include restreint also shows restricted records. Interactions \
                (the team's exchange notes) are never shown. The document states the period it \
                covers and how many records it leaves out. The partner chosen (and any other partner \
                the name also matches) is named on standard error.
                """),
        "deliverables": Text(
            fr: """
                FICHE est un projet ou une mission (engagement) : un identifiant ou un titre, sans tenir \
                compte de la casse ni des accents (« passeport pour le monde ») ; quelques mots du titre \
                suffisent quand un seul projet les a tous (les missions sont cherchées quand aucun projet \
                ne correspond), sinon les candidats sont listés et le code de sortie est 2. Un livrable \
                est livré quand il a une date de livraison ou le statut livre ou valide, annulé quand \
                annule, en retard quand sa date d'échéance est passée (une date partielle échoit à son \
                dernier jour : 2010-12 le 31), sinon en attente. --overdue garde ceux en retard (et, pour \
                une mission, les factures en retard) ; le code de sortie est 0 dans tous les cas.

                Pour une mission, deux tableaux suivent : ses factures (comme `kaleido invoices`) et ses \
                jours (le total de la feuille de temps de chaque consultant, puis le total, \
                days_budgeted et le reste), avec ce qui reste à facturer sur le contrat.

                JSON (--format json) : pour un projet, une liste par date d'échéance (sans date en \
                dernier) : {"key", "title", "due" : tel qu'écrit ou null, "delivered_on" : tel qu'écrit \
                ou null, "state" : "delivered"|"overdue"|"cancelled"|"pending"}. Pour une mission, un \
                objet {"engagement", "deliverables" : [cette liste], "invoices" : [comme \
                `kaleido invoices`], "days" : {"budgeted", "used", "left", "by_consultant" : \
                [{"consultant", "days"}]}, "left_to_invoice" : [{"amount", "currency"}]}.
                """,
            en: """
                RECORD is a project or an engagement (mission): an id or a title, ignoring case and \
                accents ("passeport pour le monde"); words of a title are enough when only one \
                project has them all (missions are looked for when no project matches), else the \
                candidates are listed and the exit status is 2. A deliverable is delivered when it has a delivery date or the status livre or \
                valide, cancelled when annule, overdue when its due date has passed (a partial date \
                is due on its last day: 2010-12 on the 31st), else pending. --overdue keeps the \
                overdue ones (and, for a mission, the overdue invoices); the exit status is 0 either way.

                For a mission, two more tables follow: its invoices (as `kaleido invoices`) and its \
                days (each consultant's timesheet total, then the total, days_budgeted and what is \
                left), with what is left to invoice on the contract.

                JSON (--format json): for a project, a list by due date (undated last): {"key", \
                "title", "due": as written or null, "delivered_on": as written or null, "state": \
                delivered|overdue|cancelled|pending}. For a mission, an object {"engagement", \
                "deliverables": [that list], "invoices": [as kaleido invoices], "days": \
                {"budgeted", "used", "left", "by_consultant": [{"consultant", "days"}]}, \
                "left_to_invoice": [{"amount", "currency"}]}.
                """),
        "followups": Text(
            fr: """
                Liste les `next_step` des échanges dont la date tombe dans la semaine qui contient \
                --week (AAAA-MM-JJ, aujourd'hui par défaut) ; une étape datée au mois (2026-12) figure dans \
                chaque semaine de ce mois. Qui fait une étape : son `by`, sinon l'`assignee` de l'échange ; \
                les étapes sans l'un ni l'autre sont listées en dernier. --by garde les étapes d'une \
                personne (identifiant, nom ou alias ; un seul mot suffit quand il désigne une seule \
                personne). Les échanges annulés sont écartés.

                JSON (--format json) : une liste triée par personne puis par date : {"by" : identifiant \
                de la personne ou null, "by_name", "date" : telle qu'écrite, "action", "interaction" : \
                identifiant}.
                """,
            en: """
                Lists the `next_step` of interactions whose date falls in the week holding --week \
                (YYYY-MM-DD, default today); a step dated by month (2026-12) is listed in every week \
                of that month. Who does a step is its `by`, else the interaction's `assignee`; steps \
                without either are listed last. --by keeps one person's steps (id, name or alias; a \
                single word is enough when it names one person). Cancelled interactions are left out.

                JSON (--format json): a list sorted by person, then date: {"by": person id or null, \
                "by_name", "date": as written, "action", "interaction": id}.
                """),
        "forget": Text(
            fr: """
                PERSONNE est un identifiant de personne (p-…), un nom complet ou un alias, sans tenir \
                compte de la casse ni des accents ; un nom partagé par plusieurs personnes les liste et \
                sort avec le code 2. --dry-run liste chaque endroit où la personne apparaît \
                (fichier:ligne:colonne) et n'écrit rien. --anonymise (par défaut) remplace la fiche de la \
                personne par une fiche anonymisée minimale sous un nouvel identifiant aléatoire \
                (organisations et rôles gardés ; ni nom, ni fonction, ni date, ni coordonnées, ni note) \
                et y fait pointer chaque référence, pour que les fiches restent valides et les décomptes \
                justes ; --remove supprime la fiche et retire les références de leurs listes et de leurs \
                clés. Dans les deux cas, les noms, alias, adresses électroniques et numéros de téléphone \
                de la personne dans le texte libre et les commentaires deviennent un jeton neutre, et une \
                fiche dont l'identifiant est construit sur le nom est renommée. Chaque fiche touchée est \
                validée avant toute écriture : si l'une devenait invalide, rien n'est écrit et les \
                erreurs sont affichées (code 1). L'historique git garde encore la personne : voir \
                docs/gdpr.md pour la procédure de purge de l'équipe.
                """,
            en: """
                PERSON is a person id (p-…) or a full name or alias, ignoring case and accents; a name \
                shared by several persons lists them and exits with status 2. --dry-run lists every \
                place the person appears (file:line:col) and writes nothing. \
                --anonymise (the default) replaces the person record by a minimal anonymised record \
                under a new random id (organisations and roles kept, no name, title, date, contact or \
                note) and points every reference to it, so records stay valid and counts stay right; \
                --remove deletes the record and removes the references from their lists and keys. \
                Either way the person's names, aliases, e-mails and phone numbers in free text and \
                comments become a neutral token, and a record whose id is built from the name is \
                renamed. Every touched record is validated before anything is written: when one would \
                become invalid, nothing is written and the errors are shown (exit 1). \
                Git history still holds the person: see docs/gdpr.md for the team's purge procedure.
                """),
    ]
}
