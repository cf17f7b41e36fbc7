# Libellés des valeurs du domaine, tels que le rapport les affiche. L'identifiant
# est le type de valeur suivi du nom de la valeur dans les fichiers : finding-kind-observation.

## Aptitude
stage-stage1 = Aptitude à l'audit d'étape 1
stage-certification = Aptitude à la certification
verdict-provisional = Provisoire
verdict-not_ready = Non prêt
verdict-ready = Prêt

## Constats
finding-kind-major_nonconformity = Non-conformité majeure
finding-kind-minor_nonconformity = Non-conformité mineure
finding-kind-observation = Observation
finding-kind-opportunity_for_improvement = Piste de progrès
finding-kind-good_practice = Bonne pratique
finding-kind-short-major_nonconformity = NC majeure
finding-kind-short-minor_nonconformity = NC mineure
finding-kind-short-observation = Observation
finding-kind-short-opportunity_for_improvement = Piste de progrès
finding-kind-short-good_practice = Bonne pratique
finding-status-open = Ouverte
finding-status-in_progress = En cours
finding-status-closed = Clôturée
priority-high = Haute
priority-medium = Normale
priority-low = Basse
# Après « Priorité » : « Priorité haute ».
priority-lower-high = haute
priority-lower-medium = normale
priority-lower-low = basse
phase-before_stage1 = Avant l'audit d'étape 1
phase-before_stage2 = Avant l'audit d'étape 2
phase-after_certification = Après la certification
nc-stage-raised = Relevée, aucune action planifiée
nc-stage-planned = Action planifiée, non acceptée
nc-stage-plan_accepted = Plan accepté
nc-stage-implemented = Action mise en œuvre, non vérifiée
nc-stage-verified = Efficacité vérifiée
nc-stage-short-raised = Relevée
nc-stage-short-planned = Planifiée
nc-stage-short-plan_accepted = Plan accepté
nc-stage-short-implemented = Mise en œuvre
nc-stage-short-verified = Vérifiée

## Conformité d'une exigence, dans une cellule de tableau
judgement-short-not_judged = –
judgement-short-conforms = Conforme
judgement-short-not_yet_evidenced = Non démontrée
judgement-short-minor_nonconformity = NC mineure
judgement-short-major_nonconformity = NC majeure

## Exigences déclarées non applicables
na-basis-exclusion = Exclusion revendiquée
na-basis-no_instances = Aucune occurrence dans le domaine d'application

## KPI et progrès
kpi-status-met = Atteint
kpi-status-within_tolerance = Dans la tolérance
kpi-status-missed = Non atteint
trend-improved = En progrès
trend-regressed = En recul
trend-unchanged = Stable
trend-not_comparable = Non comparable

## Pratiques
practice-status-not_in_place = Absente
practice-status-partial = Partielle
practice-status-in_place = En place

## Domaine d'application et preuves
criticality-high = Élevée
criticality-medium = Moyenne
criticality-low = Faible
# Un type d'élément du domaine d'application, en tête d'une liste.
scope-kind-service = Services
scope-kind-site = Sites
scope-kind-unit = Unités organisationnelles
scope-kind-external_supplier = Fournisseurs externes
scope-kind-internal_supplier = Fournisseurs internes
scope-kind-customer_as_supplier = Clients agissant en tant que fournisseurs
# Un élément de ce type.
scope-kind-one-service = Service
scope-kind-one-site = Site
scope-kind-one-unit = Unité organisationnelle
scope-kind-one-external_supplier = Fournisseur externe
scope-kind-one-internal_supplier = Fournisseur interne
scope-kind-one-customer_as_supplier = Client agissant en tant que fournisseur
evidence-kind-document = Document
evidence-kind-record = Enregistrement
evidence-kind-observation = Observation
evidence-kind-interview_note = Note d'entretien
