# Bezeichnungen der Werte der Domäne, wie der Bericht sie ausgibt. Die ID ist
# die Art des Werts und sein Name in Dateien: finding-kind-observation.

## Reife
stage-stage1 = Reife für das Stufe-1-Audit
stage-certification = Zertifizierungsreife
verdict-provisional = Vorläufig
verdict-not_ready = Nicht bereit
verdict-ready = Bereit

## Feststellungen
finding-kind-major_nonconformity = Hauptabweichung
finding-kind-minor_nonconformity = Nebenabweichung
finding-kind-observation = Beobachtung
finding-kind-opportunity_for_improvement = Verbesserungspotenzial
finding-kind-good_practice = Gute Praxis
finding-kind-short-major_nonconformity = Hauptabw.
finding-kind-short-minor_nonconformity = Nebenabw.
finding-kind-short-observation = Beobachtung
finding-kind-short-opportunity_for_improvement = VP
finding-kind-short-good_practice = Gute Praxis
finding-status-open = Offen
finding-status-in_progress = In Bearbeitung
finding-status-closed = Abgeschlossen
priority-high = Hoch
priority-medium = Mittel
priority-low = Niedrig
# Nach „Priorität“: „Priorität hoch“.
priority-lower-high = hoch
priority-lower-medium = mittel
priority-lower-low = niedrig
phase-before_stage1 = Vor dem Stufe-1-Audit
phase-before_stage2 = Vor dem Stufe-2-Audit
phase-after_certification = Nach der Zertifizierung
nc-stage-raised = Erfasst, noch keine Maßnahme geplant
nc-stage-planned = Maßnahme geplant, noch nicht akzeptiert
nc-stage-plan_accepted = Maßnahmenplan akzeptiert
nc-stage-implemented = Umgesetzt, noch nicht verifiziert
nc-stage-verified = Wirksamkeit verifiziert
nc-stage-short-raised = Erfasst
nc-stage-short-planned = Geplant
nc-stage-short-plan_accepted = Plan akzeptiert
nc-stage-short-implemented = Umgesetzt
nc-stage-short-verified = Verifiziert

## Konformität einer Anforderung, in einer Tabellenzelle
judgement-short-not_judged = –
judgement-short-conforms = Konform
judgement-short-not_yet_evidenced = Kein Nachweis
judgement-short-minor_nonconformity = Nebenabw.
judgement-short-major_nonconformity = Hauptabw.

## Als nicht anwendbar gekennzeichnete Anforderungen
na-basis-exclusion = Beanspruchter Ausschluss
na-basis-no_instances = Kein Anwendungsfall

## KPIs und Fortschritt
kpi-status-met = Erreicht
kpi-status-within_tolerance = Innerhalb der Toleranz
kpi-status-missed = Verfehlt
trend-improved = Besser
trend-regressed = Schlechter
trend-unchanged = Unverändert
trend-not_comparable = Nicht vergleichbar

## Praktiken
practice-status-not_in_place = Nicht umgesetzt
practice-status-partial = Teilweise umgesetzt
practice-status-in_place = Umgesetzt

## Anwendungsbereich und Nachweise
criticality-high = Hoch
criticality-medium = Mittel
criticality-low = Niedrig
# Eine Art von Elementen des Anwendungsbereichs, als Überschrift einer Liste.
scope-kind-service = Services
scope-kind-site = Standorte
scope-kind-unit = Organisationseinheiten
scope-kind-external_supplier = Externe Lieferanten
scope-kind-internal_supplier = Interne Lieferanten
scope-kind-customer_as_supplier = Als Lieferant agierende Kunden
# Ein Element dieser Art.
scope-kind-one-service = Service
scope-kind-one-site = Standort
scope-kind-one-unit = Organisationseinheit
scope-kind-one-external_supplier = Externer Lieferant
scope-kind-one-internal_supplier = Interner Lieferant
scope-kind-one-customer_as_supplier = Als Lieferant agierender Kunde
evidence-kind-document = Dokument
evidence-kind-record = Aufzeichnung
evidence-kind-observation = Beobachtung
evidence-kind-interview_note = Gesprächsnotiz
