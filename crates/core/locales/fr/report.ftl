# report

## Propriétés du document
report-subject = Évaluation de la maturité et analyse des écarts au regard de l'{ $standard }
keyword-gap-assessment = analyse des écarts
keyword-service-management = gestion des services

## Couverture
cover-kicker = { $standard } · Rapport d'analyse des écarts
cover-client = Client
cover-date = Date
cover-fieldwork = Période d'intervention
cover-assessors = Évaluateurs
cover-prepared-by = Établi par
cover-standard = Référentiel
cover-status = Statut
cover-status-draft = Projet
cover-status-final = Version définitive

## Synthèse
summary-intro = Le présent rapport expose la maturité du système de management des services de l'organisme { $client } au regard de l'{ $standard }, exigence par exigence, les écarts par rapport à la maturité cible de niveau { $target }, ainsi que les actions recommandées pour les combler.
summary-assessors = L'évaluation a été réalisée par { $assessors }.
summary-practices-and-control = Pratiques et maîtrise :{" "}
# Où se trouve la suite d'une liste tronquée : « , repris dans « Constats détaillés » ».
summary-listed-in = , repris dans { $sections }
summary-more-reasons = … et { $n ->
    [one] { $n } autre motif
   *[other] { $n } autres motifs
}{ $where_ }.
summary-stage-1-clear = Tous les points examinés lors d'un audit d'étape 1 sont jugés et en place.
summary-certification-clear = Toutes les exigences sont jugées, aucune non-conformité majeure n'est ouverte et chaque non-conformité mineure ouverte dispose d'un plan d'actions correctives accepté.
summary-findings-by-kind-lead = Constats par type :{" "}
summary-findings-by-kind = Constats par type
summary-largest-gaps = Principaux écarts
summary-no-gaps = Aucun article n'est en deçà de sa cible.
summary-more-gaps = … et { $n ->
    [one] { $n } autre article
   *[other] { $n } autres articles
} en deçà de la cible{ $where_ }.
summary-kpis-lead = KPI des services :{" "}
tile-overall-maturity = Maturité globale
tile-target = cible { $target }
tile-target-lowest = cible { $target } · plus faible : { $clause } au niveau { $level }
tile-requirements-assessed = Exigences évaluées
tile-coverage = couverture : { $share }
tile-open-findings = Constats ouverts
# La note d'un chiffre clé ; $n vaut 1 lorsque chaque nombre se lit au singulier.
tile-nonconformities = { $major } { $major ->
    [one] NC majeure
   *[other] NC majeures
} · { $minor } { $minor ->
    [one] NC mineure
   *[other] NC mineures
}
tile-judged = { $n } { $n ->
    [one] exigence jugée
   *[other] exigences jugées
} sur { $total }
tile-for-stage-1 = pour l'audit d'étape 1
tile-stage-2-and-decision = pour l'étape 2 et la décision
findings-open-of = { $counted } ({ $open } { $open ->
    [one] ouverte
   *[other] ouvertes
})
findings-none-recorded = aucun constat enregistré.
count-major = { $n ->
    [one] { $n } non-conformité majeure
   *[other] { $n } non-conformités majeures
}
count-minor = { $n ->
    [one] { $n } non-conformité mineure
   *[other] { $n } non-conformités mineures
}
count-observation = { $n ->
    [one] { $n } observation
   *[other] { $n } observations
}
count-opportunity = { $n ->
    [one] { $n } piste de progrès
   *[other] { $n } pistes de progrès
}
count-good-practice = { $n ->
    [one] { $n } bonne pratique
   *[other] { $n } bonnes pratiques
}
kpis-met = { $met } KPI de service sur { $total } { $met ->
    [one] atteint sa cible
   *[other] atteignent leur cible
}{ $rest }.
kpis-within-tolerance = { $n } { $n ->
    [one] se situe
   *[other] se situent
} dans la tolérance
kpis-not-met = { $n } { $n ->
    [one] ne l'atteint pas
   *[other] ne l'atteignent pas
}
kpis-unknown = { $n } { $n ->
    [one] n'a
   *[other] n'ont
} encore ni mesure ni cible
# La fin de la liste de la phrase sur les KPI : « 1 ne l'atteint pas et 2 n'ont encore ni mesure ni cible ».
kpis-rest = { $init } et { $last }
kpis-not-acted-upon = { $n ->
    [one] { $n } KPI non atteint n'a donné lieu à aucune décision ni action : mesuré, mais non suivi d'effet.
   *[other] { $n } KPI non atteints n'ont donné lieu à aucune décision ni action : mesurés, mais non suivis d'effet.
}

## Progrès depuis l'évaluation de référence (évaluation de suivi)
progress-overall-moved = la maturité globale est passée de { $from } à { $to } ({ $delta }{ $like_for_like })
progress-overall-not-comparable = la maturité globale ne peut pas encore être comparée, aucune exigence n'étant notée dans les deux évaluations
progress-sentence = La présente évaluation fait suite à l'évaluation { $baseline } : depuis, { $overall } ; { $moved }.
progress-intro = La présente évaluation fait suite à l'évaluation { $baseline } ({ $status }, commencée le { $started }). Les deux évaluations sont notées sur la même échelle, selon la même méthode d'agrégation. Un article est en progrès ou en recul lorsque sa note a évolué. Une exigence n'est pas comparable lorsque l'une des deux évaluations ne lui attribue pas de note (non évaluée, ou non applicable d'un seul côté). Les groupes d'articles et le chiffre global sont comparés à périmètre constant : des deux côtés, ils correspondent à la moyenne des exigences notées dans les deux évaluations{ $one_side }.
progress-baseline-draft = version projet
progress-baseline-final = version définitive
progress-not-comparable-yet = pas encore comparable
progress-since-baseline = { $delta } par rapport à la référence
progress-on-both = { $delta } sur { $n } { $n ->
    [one] exigence commune
   *[other] exigences communes
}
progress-requirements-up = Exigences en progrès
progress-unchanged = { $n } { $n ->
    [one] inchangée
   *[other] inchangées
}
progress-requirements-down = Exigences en recul
progress-not-comparable = { $n } { $n ->
    [one] non comparable
   *[other] non comparables
}
progress-certification-readiness = Aptitude à la certification
progress-baseline-verdict = référence : { $verdict }
progress-headline-figures = Chiffres clés
progress-coverage = Couverture
progress-readiness-for-certification = Aptitude à la certification
progress-open-major = Non-conformités majeures ouvertes
progress-open-minor = Non-conformités mineures ouvertes
progress-open-actions = Constats ouverts appelant une action
progress-clauses = Articles : référence et situation actuelle
progress-kpis = Évolution des KPI depuis l'évaluation de référence
progress-kpis-note = Dernière valeur de chaque côté ; un KPI est en progrès lorsqu'il a évolué dans le sens recherché.
progress-not-measured = non mesuré
progress-changed-level = Exigences ayant changé de niveau
progress-none-changed = Aucune exigence n'a changé de niveau depuis l'évaluation de référence.
progress-changed-note = Les évolutions les plus fortes figurent en premier. Les niveaux vont de 0 ({ $lowest }) à 5 ({ $highest }).
progress-met-of = { $met } sur { $measured }
# Points de pourcentage : « +12 pts ».
progress-points = { $points } pts
progress-kpis-meeting-target = KPI atteignant leur cible
progress-like-for-like = , sur { $n ->
    [one] { $n } exigence notée
   *[other] { $n } exigences notées
} dans les deux évaluations
progress-scored-in-one-only = { $n ->
    [one] { " " }({ $n } exigence n'est notée que dans l'une des deux évaluations et est donc exclue des deux ; tant que c'est le cas, les chiffres présentés ici peuvent différer de ceux propres à chaque évaluation)
   *[other] { " " }({ $n } exigences ne sont notées que dans l'une des deux évaluations et sont donc exclues des deux ; tant que c'est le cas, les chiffres présentés ici peuvent différer de ceux propres à chaque évaluation)
}
progress-moved = { $improved ->
    [one] { $improved } exigence a progressé
   *[other] { $improved } exigences ont progressé
} et { $regressed } { $regressed ->
    [one] a reculé
   *[other] ont reculé
}
kpi-no-data = Aucune donnée
rating-not-applicable-short = N/A

## Domaine d'application et méthode
method-scope = Domaine d'application
method-no-scope = Aucun domaine d'application n'a été enregistré pour cette évaluation.
method-assessment = Évaluation
method-target-maturity = Maturité cible
method-level = Niveau { $level }
method-started = Date de début
method-last-changed = Dernière modification
method-people-interviewed = Personnes interrogées
method-no-interviewees = Aucune personne interrogée n'a été enregistrée.
method-assessed-by = Qui a évalué quelles exigences
method-assessed-by-intro = D'après l'historique des modifications de l'évaluation : chaque consultant et les exigences dont il a fixé le niveau, la conformité ou les notes.
col-assessor = Évaluateur
col-requirements-assessed = Exigences
method-maturity-scale = Échelle de maturité
method-scale-intro = Chaque exigence a été notée sur une échelle à six niveaux inspirée des niveaux de capacité de l'ISO/IEC 33020. Une exigence est soit notée, soit non encore évaluée, soit non applicable avec une justification enregistrée.
method-scores = Mode de calcul des notes
method-score-rule-1 = La note d'une exigence correspond au niveau qui lui est attribué. Les exigences non évaluées ou non applicables n'ont pas de note et ne sont pas prises en compte.
method-score-rule-2 = La note d'un article est la moyenne des notes de ses sous-articles directs ; sa cible est la moyenne des cibles de ces mêmes sous-articles, de sorte que la note et la cible sont toujours comparées à périmètre constant.
method-score-rule-3 = La note globale est la moyenne des articles 4 à 10.
method-score-rule-4 = L'écart correspond à la cible diminuée de la note, sans jamais être inférieur à zéro. La couverture est la part des exigences notées ou dont la non-applicabilité est justifiée.
method-readiness-rules = Règles d'aptitude
method-readiness-intro = L'aptitude est appréciée sur la conformité, et non sur la maturité : chaque exigence est jugée conforme, en non-conformité mineure ou majeure, ou pas encore démontrée, et un constat de non-conformité ouvert détermine le jugement porté sur l'exigence concernée. Il en découle deux verdicts, chacun établi selon sa propre règle :
method-services-in-scope = Services inclus dans le domaine d'application
method-other-parties = Autres parties et processus qu'elles exploitent (8.2.3)
method-no-other-party = Aucun processus n'est enregistré comme exploité par une autre partie.
method-interviews-covered-all = Les entretiens ont couvert l'ensemble des { $total } exigences.
method-interviews-covered = Les entretiens ont couvert { $n } { $n ->
    [one] exigence
   *[other] exigences
} sur { $total }. Exigences jamais abordées : { $never }.

## Vue d'ensemble de la maturité
charts-radar = Maturité des articles 4 à 10 par rapport à la cible
charts-gaps = Écarts par article
charts-gaps-note = Articles en deçà de leur cible, du plus grand écart au plus petit. La barre indique la note actuelle, le repère la cible.
charts-heat-map = Carte thermique des exigences
charts-not-assessed = non évalué
charts-not-applicable = non applicable
charts-lowest = plus faible { $clause } : { $level }

## Pratiques au regard du système de management
execution-intro = ITIL décrit la manière dont le travail est réalisé ; l'ISO/IEC 20000-1 exige un système de management qui garantit qu'il continue d'être bien réalisé : politique et objectifs, informations documentées, audit interne, revue de direction et amélioration. La présente section met en regard la capacité des pratiques mises en œuvre par l'organisme (de 1 à 5) et la maturité des exigences qui les encadrent (de 0 à 5).
execution-no-practices = Aucune pratique mise en œuvre par l'organisme n'a encore été enregistrée dans le profil de pratiques.
execution-each-practice = Chaque pratique au regard de sa gouvernance
execution-ahead = Pratiques en avance sur leur gouvernance
execution-none-ahead = Toutes les pratiques mises en œuvre par l'organisme sont encadrées par des exigences qui atteignent leur cible et sont conformes, dans la limite de ce qui a été évalué.
execution-ahead-intro = { $n ->
    [one] { $n } pratique est mise en œuvre par l'organisme alors qu'une exigence qui l'encadre est en deçà de la cible ou non conforme : la pratique fonctionne aujourd'hui, mais le système ne garantit pas encore qu'elle continuera de fonctionner.
   *[other] { $n } pratiques sont mises en œuvre par l'organisme alors qu'une exigence qui les encadre est en deçà de la cible ou non conforme : les pratiques fonctionnent aujourd'hui, mais le système ne garantit pas encore qu'elles continueront de fonctionner.
}
execution-tile-practices = Pratiques (exécution)
execution-tile-practices-note = capacité moyenne { $n ->
    [one] de { $n } pratique mise en œuvre
   *[other] de { $n } pratiques mises en œuvre
}
execution-tile-system = Système de management (maîtrise)
execution-tile-system-note = { $n } { $n ->
    [one] exigence de gouvernance évaluée
   *[other] exigences de gouvernance évaluées
} sur { $total }
execution-nonconforming-count = { $n } { $n ->
    [one] non conforme
   *[other] non conformes
}
execution-tile-ahead = Pratiques en avance sur la maîtrise
execution-tile-ahead-note = exigences de gouvernance en deçà de la cible
execution-ahead-by = avance de { $by }
execution-level-of = niveau { $level } sur { $target }
execution-nonconforming = non conforme

## Résultats article par article
clauses-not-applicable = Non applicable
clauses-not-assessed = Non évalué
clauses-below-target = En deçà de la cible
clauses-at-target = Cible atteinte
clauses-intro = Les exigences indiquent le niveau qui leur est attribué et leur conformité en l'état (un constat de non-conformité ouvert aggrave, le cas échéant, le jugement enregistré) ; les articles en gras indiquent la moyenne agrégée de leurs sous-articles et, dans la colonne Plus faible, l'exigence située sous cette moyenne avec son niveau : une moyenne peut masquer une exigence qui, à elle seule, fait obstacle à la certification.
clauses-notes = Notes par exigence
clauses-level-target = niveau { $level }, cible { $target }
clauses-label-notes = Notes :
clauses-label-evidence = Preuves examinées :
clauses-label-interviewed = Personnes interrogées :
clauses-no-notes = Aucune note n'a été enregistrée.

## Constats détaillés
findings-closed-not-verified = Clôturée, non vérifiée
findings-ncs = Non-conformités et actions correctives
findings-ncs-note = Chaque non-conformité passe successivement par les stades suivants : relevée, action corrective planifiée puis acceptée, mise en œuvre, efficacité vérifiée ; seule une non-conformité dont l'efficacité de l'action corrective a été vérifiée peut être clôturée. Le responsable et l'échéance indiqués sont ceux de l'action corrective.
findings-none = Aucun constat n'a été enregistré.
findings-priority = Priorité { $priority }
findings-owner = Responsable : { $owner }
findings-due = Échéance : { $date }
findings-concerns = Concerne : { $what }
findings-evidence-codes = Preuves : { $codes }
findings-good-practice = Bonnes pratiques
findings-label-observed = Constat :
findings-label-evidence = Preuves :
findings-label-recommendation = Recommandation :
findings-label-correction = Correction :
findings-label-root-cause = Cause racine :
findings-label-corrective-action = Action corrective :
findings-label-stands-at = Stade :
findings-label-verification = Vérification :
findings-step-accepted = plan accepté le { $date }
findings-step-implemented = mis en œuvre le { $date }
findings-step-verified = efficacité vérifiée le { $date } par { $by }
findings-intro = { $n ->
    [one] { $n } constat appelant une action, regroupé selon l'exigence qu'il concerne.
   *[other] { $n } constats appelant une action, regroupés selon l'exigence qu'ils concernent.
}
findings-good-practice-note = { $n ->
    [one] { $n } pratique à conserver et à diffuser ; elle n'appelle aucune action.
   *[other] { $n } pratiques à conserver et à diffuser ; elles n'appellent aucune action.
}

## Feuille de route d'amélioration
roadmap-intro = Actions ouvertes, classées selon le jalon d'audit pour lequel elles sont nécessaires, par priorité décroissante puis par échéance la plus proche.
roadmap-none = Aucune action n'est ouverte.
roadmap-not-scheduled = Jalon non encore défini
roadmap-closed = { $n ->
    [one] { $n } constat clôturé n'est pas repris ici.
   *[other] { $n } constats clôturés ne sont pas repris ici.
}

## Les propos du consultant
narrative-key-messages = Messages clés
narrative-conclusions = Conclusions
narrative-next-steps = Prochaines étapes
narrative-comments-by-clause = Commentaires par article

## KPI des services
kpis-none = Aucun KPI de service n'a été enregistré.
kpis-intro = Les KPI des services, éléments de preuve de la performance (9.1), sont mesurés période après période par rapport à leur cible. Un point est vert lorsque la cible a été atteinte sur la période, orange lorsqu'elle a été manquée dans la limite de la tolérance, rouge lorsqu'elle n'a pas été atteinte. Un KPI dont la cible n'a pas été atteinte sur la dernière période et qui n'a donné lieu à aucune décision ni action est signalé comme mesuré mais non suivi d'effet.
kpis-drives = à l'origine de : { $findings }
kpis-flag-not-acted-upon = Non suivi d'effet
kpis-not-acted-upon-title = { $n ->
    [one] Mesuré, non suivi d'effet : { $n } KPI
   *[other] Mesurés, non suivis d'effet : { $n } KPI
}
kpis-not-acted-upon-line = { $value } pour une cible { $target }, non atteinte { $missed } fois sur { $n } { $n ->
    [one] période
   *[other] périodes
} ; aucune décision n'est enregistrée et aucun constat ni aucune action de la feuille de route n'y est rattaché.
kpis-decisions = Décisions prises sur la base des résultats des KPI
kpis-definitions = Définitions des KPI
kpis-periods-met = { $n } · { $met } { $met ->
    [one] atteinte
   *[other] atteintes
}

## Registre des informations documentées
documents-not-checked = à vérifier
documents-recorded = Consignées
documents-none-recorded = Aucune
documents-intro = Les informations documentées attendues par la norme, exigence par exigence, et les constatations de l'évaluation : ☑ présence constatée (en précisant si l'approbation a été vérifiée et si la version est à jour, ainsi que l'élément de preuve sous lequel l'information a été consultée), ☒ absence constatée, ☐ à vérifier. Sur { $total } éléments, { $seen } { $seen ->
    [one] est présent
   *[other] sont présents
}, { $missing } { $missing ->
    [one] est manquant
   *[other] sont manquants
} et { $unchecked } { $unchecked ->
    [one] n'a pas été vérifié
   *[other] n'ont pas été vérifiés
}. La colonne Niveau indique la maturité de l'exigence.

## Exigences déclarées non applicables
not-applicable-intro = La norme n'admet aucune exclusion de ses exigences. Une exigence peut n'avoir aucune occurrence dans le domaine d'application (par exemple en l'absence de fournisseur interne), ce qui est enregistré comme tel ; une exclusion revendiquée fait obstacle à la certification. Chaque cas est présenté ici avec sa justification, à l'attention de l'auditeur.
not-applicable-none = Aucune exigence n'a été déclarée non applicable.

## Annexe : exigences et pratiques ITIL 4
itil-intro = Les pratiques ITIL 4 qui soutiennent habituellement chaque exigence : lorsqu'une exigence n'est pas satisfaite, ce sont les premières pratiques à examiner. Les exigences signalées comme relevant de la gouvernance du SMS portent sur le fonctionnement du système de management lui-même (leadership, rôles, informations documentées, audit interne, revue de direction, action corrective) : aucune pratique ITIL 4 ne les couvre.
itil-governance = Gouvernance du SMS : aucun équivalent parmi les pratiques ITIL 4

## Annexe : index des preuves
evidence-intro = { $n ->
    [one] { $n } élément de preuve fonde les jugements
   *[other] { $n } éléments de preuve fondent les jugements
}, avec { $files ->
    [one] { $files } fichier joint
   *[other] { $files } fichiers joints
} ({ $size }).
evidence-samples = { $n ->
    [one] { $n } échantillon d'enregistrements a été prélevé ; la population, la taille de l'échantillon et les anomalies sont indiquées pour chacun.
   *[other] { $n } échantillons d'enregistrements ont été prélevés ; la population, la taille de l'échantillon et les anomalies sont indiquées pour chacun.
}
evidence-hashes = Chaque fichier est identifié par les 12 premiers caractères de son empreinte SHA-256 : une copie dont l'empreinte commence de la même façon est le fichier qui a été examiné.
evidence-version = version { $version }
evidence-seen = consulté le { $date }
evidence-sample = Échantillon : { $sample } sur { $population }, { $exceptions ->
    [0] aucune anomalie
    [one] { $exceptions } anomalie
   *[other] { $exceptions } anomalies
}
