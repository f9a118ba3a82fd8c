/// The `help:` of the options, flags and arguments of the query commands, in French and English,
/// keyed "command property" (the property's name in the command); `Help.option(_:_:)` picks
/// the run's language. Keep technical tokens (options, fields, paths, exit codes) the same in both.
extension Help {
    static let queryOptions: [String: Text] = [
        "atlas client": Text(
            fr: "Le client : identifiant, nom ou alias.",
            en: "The client: id, name or alias."),
        "billing client": Text(
            fr: "Seulement les missions de ce client (identifiant, nom ou alias).",
            en: "Only this client's missions (id, name or alias)."),
        "contacts partner": Text(
            fr: "Le partenaire : identifiant, nom ou alias.",
            en: "The partner: id, name or alias."),
        "contacts role": Text(
            fr: "Seulement ce rôle : une clé de person_role (charge_mission_ri, elu…) ou son libellé.",
            en: "Only this role: a person_role key (charge_mission_ri, elu…) or its label."),
        "contacts on": Text(
            fr: "La date (AAAA, AAAA-MM ou AAAA-MM-JJ) ; aujourd'hui par défaut.",
            en: "The date (YYYY, YYYY-MM or YYYY-MM-DD); default today."),
        "conventions endingWithin": Text(
            fr: "Les conventions en vigueur qui se terminent dans ce délai (6m, 90d…).",
            en: "Conventions in force ending within this duration (6m, 90d…)."),
        "conventions voteMargin": Text(
            fr: "Combien de temps avant la date de préavis le conseil doit voter (1m, 3w…).",
            en: "How long before the notice date the council must vote (1m, 3w…)."),
        "conventions transmissionMargin": Text(
            fr: "Combien de temps avant la date de préavis la délibération doit parvenir au préfet (15d…).",
            en: "How long before the notice date the délibération must reach the préfet (15d…)."),
        "conventions gaps": Text(
            fr: "À la place : les conventions en vigueur sans engagements financiers, non transmises au préfet par une partie française, ou résiliées.",
            en: "Instead: conventions in force with no financial commitments, not sent to the préfet by a French party, or terminated."),
        "days client": Text(
            fr: "Seulement les missions de ce client (identifiant, nom ou alias).",
            en: "Only this client's missions (id, name or alias)."),
        "days by": Text(
            fr: "Regrouper par : client (par défaut), engagement ou consultant.",
            en: "Group by: client (default), engagement or consultant."),
        "days since": Text(
            fr: "Seulement les saisies de temps à cette date ou après.",
            en: "Only time entries on or after this date."),
        "days until": Text(
            fr: "Seulement les saisies de temps à cette date ou avant.",
            en: "Only time entries on or before this date."),
        "deliverables project": Text(
            fr: "Le projet ou la mission (engagement) : identifiant ou titre.",
            en: "The project or mission (engagement): id or title."),
        "deliverables overdue": Text(
            fr: "Seulement les livrables dont l'échéance est passée et qui ne sont pas livrés.",
            en: "Only the deliverables past their due date and not delivered."),
        "due within": Text(
            fr: "Jusqu'où regarder : 30d (par défaut), 2w, 3m…",
            en: "How far ahead to look: 30d (default), 2w, 3m…"),
        "followups week": Text(
            fr: "Un jour de la semaine voulue (AAAA-MM-JJ) ; aujourd'hui par défaut.",
            en: "A day of the week wanted (YYYY-MM-DD); default today."),
        "followups by": Text(
            fr: "Seulement les étapes de cette personne : identifiant, nom ou alias.",
            en: "Only this person's steps: id, name or alias."),
        "history partner": Text(
            fr: "Le partenaire : identifiant, nom ou alias.",
            en: "The partner: id, name or alias."),
        "history since": Text(
            fr: "Garder les fiches qui recouvrent cette date ou après (AAAA, AAAA-MM ou AAAA-MM-JJ).",
            en: "Keep records overlapping this date or later (YYYY, YYYY-MM or YYYY-MM-DD)."),
        "history until": Text(
            fr: "Garder les fiches qui recouvrent cette date ou avant.",
            en: "Keep records overlapping this date or earlier."),
        "history includeRelated": Text(
            fr: "Ajouter les fiches des partenaires parent, membres, prédécesseur et successeur, et des autres parties des partenariats communs.",
            en: "Add the records of the parent, member, predecessor and successor partners and of the other parties of shared partnerships."),
        "invoices client": Text(
            fr: "Seulement les missions de ce client (identifiant, nom ou alias).",
            en: "Only this client's missions (id, name or alias)."),
        "invoices unpaid": Text(
            fr: "Seulement les factures non payées (en retard ou pas encore dues).",
            en: "Only the invoices not paid (overdue or not due yet)."),
        "invoices overdue": Text(
            fr: "Seulement les factures dont l'échéance est passée et qui ne sont pas payées.",
            en: "Only the invoices past their due date and not paid."),
        "list type": Text(
            fr: "Le type de fiche (partner, person, partnership, convention, project, engagement, event, interaction, call).",
            en: "The record type (partner, person, partnership, convention, project, engagement, event, interaction, call)."),
        "list conditions": Text(
            fr: "Une condition (répétable ; toutes doivent être remplies).",
            en: "A condition (repeatable; all must hold)."),
        "list fields": Text(
            fr: "Les colonnes à afficher, chemins à points séparés par des virgules.",
            en: "Columns to show, comma-separated dotted paths."),
        "list sort": Text(
            fr: "Trier selon ces champs (séparés par des virgules ; préfixe - pour l'ordre décroissant).",
            en: "Sort by these fields (comma-separated; prefix with - for descending)."),
        "list during": Text(
            fr: "Garder les fiches dont les dates recouvrent cette période : AAAA[..AAAA] (dates partielles acceptées).",
            en: "Keep records whose dates overlap this period: YYYY[..YYYY] (any partial dates)."),
        "list groupBy": Text(
            fr: "Regrouper selon ces champs (séparés par des virgules).",
            en: "Group by these fields (comma-separated)."),
        "list count": Text(
            fr: "Avec --group-by : compter les fiches de chaque groupe.",
            en: "With --group-by: count the records of each group."),
        "list sum": Text(
            fr: "Additionner ce champ numérique (dans chaque groupe avec --group-by) ; l'argent est additionné par devise.",
            en: "Sum this numeric field (in each group with --group-by); money is summed per currency."),
        "oda client": Text(
            fr: "Le client : identifiant, nom ou alias.",
            en: "The client: id, name or alias."),
        "oda year": Text(
            fr: "L'année déclarée (AAAA).",
            en: "The year declared (YYYY)."),
        "oda commitments": Text(
            fr: "Additionner les engagements financiers estimés des conventions pour l'année au lieu des versements.",
            en: "Sum the conventions' estimated financial commitments for the year instead of the payments."),
        "participants event": Text(
            fr: "L'identifiant de l'événement.",
            en: "The event's id."),
        "participants by": Text(
            fr: "Dimensions, séparées par des virgules : country, sex, age_band, role, fewer_opportunities.",
            en: "Dimensions, comma-separated: country, sex, age_band, role, fewer_opportunities."),
        "participants includeChildren": Text(
            fr: "Ajouter les événements dont le parent est celui-ci.",
            en: "Add the events whose parent is this one."),
        "pipeline client": Text(
            fr: "Seulement les propositions de ce client (identifiant, nom ou alias).",
            en: "Only this client's proposals (id, name or alias)."),
        "programme event": Text(
            fr: "L'identifiant de l'événement.",
            en: "The event's id."),
        "programme includeChildren": Text(
            fr: "Ajouter les séances des événements dont le parent est celui-ci.",
            en: "Add the sessions of the events whose parent is this one."),
        "report partner": Text(
            fr: "Le partenaire : identifiant, nom ou alias.",
            en: "The partner: id, name or alias."),
        "report format": Text(
            fr: "Format de sortie : markdown ou html.",
            en: "Output format: markdown or html."),
        "report include": Text(
            fr: "Montrer aussi les fiches de cette confidentialité : interne, ou restreint (qui comprend interne).",
            en: "Also show records of this confidentiality: interne, or restreint (which includes interne)."),
        "report output": Text(
            fr: "Écrire dans ce fichier au lieu de la sortie standard.",
            en: "Write to this file instead of standard output."),
        "people reviewDue": Text(
            fr: "Les personnes dont la date review_after est passée.",
            en: "People whose review_after date has passed."),
        "people inactiveFor": Text(
            fr: "Aussi les personnes sans échange depuis ce délai (3y…).",
            en: "Also people with no interaction for this long (3y…)."),
        "funding by": Text(
            fr: "Regrouper par : funder,year (par défaut), funder, ou year.",
            en: "Group by: funder,year (default), funder, or year."),
        "funding since": Text(
            fr: "Seulement les décisions à partir de cette année.",
            en: "Only decisions from this year on."),
        "funding client": Text(
            fr: "Seulement les financements des projets que ce client (identifiant, nom ou alias) pilote et des missions pour lui.",
            en: "Only the funding of the projects this client (id, name or alias) leads and of the engagements for it."),
        "calls closingWithin": Text(
            fr: "Les appels qui ferment dans ce délai (60d, 2m…).",
            en: "Calls closing within this duration (60d, 2m…)."),
        "calls client": Text(
            fr: "L'éligibilité d'un client à chaque appel : identifiant, nom ou alias.",
            en: "One client's eligibility for each call: id, name or alias."),
        "show id": Text(
            fr: "L'identifiant de la fiche.",
            en: "The record's id."),
        "find words": Text(
            fr: "Les mots à chercher (tous doivent figurer).",
            en: "Words to look for (all must occur)."),
        "find limit": Text(
            fr: "Au plus ce nombre de résultats.",
            en: "At most this many results."),
        "vocab list": Text(
            fr: "Une liste de vocab.yaml (partner_kind, project_status…) ; par défaut : toutes les listes.",
            en: "A list of vocab.yaml (partner_kind, project_status…); default: every list."),
    ]
}
