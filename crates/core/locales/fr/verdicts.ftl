# Les verdicts d'aptitude : intitulés, règles et motifs.

headline-provisional = Provisoire : { $judged } { $judged ->
    [one] exigence jugée
   *[other] exigences jugées
} sur { $total }
headline-provisional-documents = Provisoire : { $judged } { $judged ->
    [one] exigence jugée
   *[other] exigences jugées
} sur { $total }, { $checked } { $checked ->
    [one] document vérifié
   *[other] documents vérifiés
} sur { $expected }

rule-stage1-1 = Porte sur le domaine d'application (4.3), la politique de management des services (5.2.1) et les objectifs (6.2.1), le plan de management des services (6.3), les informations documentées du SMS (7.5.4), l'audit interne (9.2) et la revue de direction (9.3).
rule-stage1-2 = Provisoire tant que l'un de ces points n'est pas jugé.
rule-stage1-3 = Non prêt si l'un d'eux constitue une non-conformité majeure, n'est pas encore démontré ou est déclaré non applicable ; l'audit interne et la revue de direction doivent avoir été planifiés et réalisés au moins une fois.
rule-stage1-4 = Prêt dans les autres cas. Les non-conformités mineures qui les concernent sont listées : l'audit d'étape 1 les relèvera comme points de vigilance pour l'étape 2.
rule-certification-1 = Porte sur l'ensemble des exigences et sur chaque non-conformité ouverte.
rule-certification-2 = Provisoire tant qu'une exigence n'est pas jugée.
rule-certification-3 = Non prêt si une non-conformité majeure est ouverte, si une non-conformité mineure ouverte n'a pas de plan d'actions correctives accepté (avec un responsable et une échéance), si la conformité d'une exigence n'est pas encore démontrée, ou si une exclusion est revendiquée (l'ISO/IEC 20000-1 n'en admet aucune).
rule-certification-4 = Prêt dans les autres cas. Les exigences sans occurrence dans le domaine d'application sont listées avec leur justification.

reason-no-instances = { $clause } : aucune occurrence dans le domaine d'application — { $justification }
reason-exclusion = { $clause } : non-applicabilité revendiquée, ce qui constitue une exclusion que la norme n'admet pas — { $justification }
reason-not-judged = { $n ->
    [one] { $n } exigence non encore jugée
   *[other] { $n } exigences non encore jugées
} : { $listed }{ $more ->
    [0] {""}
    [one] { " " }et { $more } autre
   *[other] { " " }et { $more } autres
}
reason-documents-not-checked = { $n ->
    [one] { $n } élément des informations documentées attendues en 7.5.4 n'est pas encore vérifié
   *[other] { $n } éléments des informations documentées attendues en 7.5.4 ne sont pas encore vérifiés
}
# $judgement : major_nonconformity ou not_yet_evidenced.
reason-not-performed = { $clause } : { $judgement ->
    [major_nonconformity] non-conformité majeure
   *[other] conformité pas encore démontrée
} ; l'activité doit avoir été planifiée et réalisée au moins une fois avant l'audit d'étape 1
reason-is = { $clause } : { $judgement ->
    [major_nonconformity] non-conformité majeure
   *[other] conformité pas encore démontrée
}
reason-area-of-concern = { $clause } : non-conformité mineure, point de vigilance pour l'audit d'étape 2
# $flaw : not_approved, not_current ou both.
reason-document-flawed = Information documentée consultée mais { $flaw ->
    [not_approved] non approuvée
    [not_current] pas à jour
   *[both] non approuvée et pas à jour
} (7.5.4) : { $item }
reason-document-missing = Information documentée manquante (7.5.4) : { $item }
reason-open-major = Non-conformité majeure ouverte relative à l'article { $clause } : { $title }
# $stage : plan_accepted, implemented ou verified.
reason-open-minor-planned = Non-conformité mineure ouverte relative à l'article { $clause }, avec un plan d'actions correctives accepté ({ $stage ->
    [implemented] mis en œuvre, non vérifié
    [verified] efficacité vérifiée
   *[other] plan accepté
}) : { $title }
reason-open-minor-unplanned = Non-conformité mineure ouverte relative à l'article { $clause }, sans plan d'actions correctives accepté : { $title }
# $kind : major ou minor.
reason-closed-unverified = { $kind ->
    [major] Non-conformité majeure
   *[minor] Non-conformité mineure
} relative à l'article { $clause } clôturée sans enregistrement attestant l'efficacité de son action corrective ; enregistrer la vérification ou la rouvrir : { $title }
reason-not-evidenced = { $clause } : conformité pas encore démontrée
# $judgement : major_nonconformity ou minor_nonconformity.
reason-no-finding = { $clause } : { $judgement ->
    [major_nonconformity] non-conformité majeure
   *[other] non-conformité mineure
} retenue sans constat associé permettant de la traiter

document-status-not-checked = À vérifier
document-status-missing = Absence constatée
document-status-present = Présence constatée
document-status-approved = approbation vérifiée
document-status-not-approved = sans approbation
document-status-current = à jour
document-status-out-of-date = pas à jour

# Les pratiques au regard du système de management, en langage clair.
execution-narrative-ahead = L'exploitation des services devance le système de management censé l'encadrer : { $n ->
    [one] { $n } pratique ITIL est mise en œuvre
   *[other] { $n } pratiques ITIL sont mises en œuvre
} avec une capacité moyenne de { $execution }, tandis que les exigences propres au système de management (leadership, informations documentées, audit interne, revue de direction, amélioration) présentent une maturité moyenne de { $control }. L'écart relève de la maîtrise, et non de l'exécution : les pratiques fonctionnent, mais rien ne garantit encore qu'elles continueront de fonctionner, qu'elles seront contrôlées et qu'elles s'amélioreront.
execution-narrative-behind = Le système de management est en avance sur les pratiques qu'il encadre : ses exigences présentent une maturité moyenne de { $control }, tandis que { $n ->
    [one] { $n } pratique ITIL est mise en œuvre
   *[other] { $n } pratiques ITIL sont mises en œuvre
} avec une capacité moyenne de { $execution }. Le système est conçu ; il s'agit désormais d'amener les pratiques à sa hauteur.
execution-narrative-in-step = Les pratiques et le système de management progressent de concert : { $n ->
    [one] { $n } pratique ITIL est mise en œuvre
   *[other] { $n } pratiques ITIL sont mises en œuvre
} avec une capacité moyenne de { $execution }, et les exigences qui régissent le système présentent une maturité moyenne de { $control }.
execution-narrative-outrunning = { $n ->
    [one] Une pratique est mise en œuvre sans que les exigences qui l'encadrent atteignent leur cible : { $named }.
   *[other] { $n } pratiques sont mises en œuvre sans que les exigences qui les encadrent atteignent leur cible : { $named }.
}
execution-narrative-outrunning-among = { $n } pratiques sont mises en œuvre sans que les exigences qui les encadrent atteignent leur cible, parmi lesquelles { $named }.
