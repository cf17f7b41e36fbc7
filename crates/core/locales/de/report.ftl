# Bericht

## Dokumenteigenschaften
report-subject = Reifegrad- und Lückenanalyse gemäß { $standard }
keyword-gap-assessment = Lückenanalyse
keyword-service-management = Servicemanagement

## Deckblatt
cover-kicker = { $standard } · Bericht zur Lückenanalyse
cover-client = Auftraggeber
cover-date = Datum
cover-fieldwork = Erhebungszeitraum
cover-assessors = Assessoren
cover-prepared-by = Erstellt von
cover-standard = Norm
cover-status = Status
cover-status-draft = Entwurf
cover-status-final = Endfassung

## Zusammenfassung der Ergebnisse
summary-intro = Dieser Bericht stellt den Reifegrad des Servicemanagementsystems (SMS) von { $client }, gemessen an { $standard }, Anforderung für Anforderung dar, zeigt die Lücken zum Zielreifegrad der Stufe { $target } auf und empfiehlt Maßnahmen, um sie zu schließen.
summary-assessors = Die Bewertung wurde von { $assessors } durchgeführt.
summary-practices-and-control = Praktiken und Steuerung:{" "}
# Wo der Rest einer gekürzten Liste steht: „, aufgeführt in „Feststellungen im Detail““.
summary-listed-in = , aufgeführt in { $sections }
summary-more-reasons = … und { $n } weitere{ $where_ }.
summary-stage-1-clear = Alle für das Stufe-1-Audit maßgeblichen Anforderungen sind beurteilt und erfüllt.
summary-certification-clear = Alle Anforderungen sind beurteilt, keine Hauptabweichung ist offen, und für jede offene Nebenabweichung liegt ein akzeptierter Korrekturmaßnahmenplan vor.
summary-findings-by-kind-lead = Feststellungen nach Art:{" "}
summary-findings-by-kind = Feststellungen nach Art
summary-largest-gaps = Größte Lücken
summary-no-gaps = Kein Abschnitt liegt unter seinem Ziel.
summary-more-gaps = … und { $n ->
    [one] { $n } weiterer Abschnitt
   *[other] { $n } weitere Abschnitte
} unter dem Ziel{ $where_ }.
summary-kpis-lead = Service-KPIs:{" "}
tile-overall-maturity = Gesamtreifegrad
tile-target = Ziel { $target }
tile-target-lowest = Ziel { $target } · Minimum { $clause } mit Stufe { $level }
tile-requirements-assessed = Bewertete Anforderungen
tile-coverage = { $share } Abdeckung
tile-open-findings = Offene Feststellungen
# Anmerkung einer Kennzahl; jede Anzahl bestimmt ihre eigene Form.
# Short for a key figure: "3 Haupt- · 10 Nebenabweichungen".
tile-nonconformities = { $major } Haupt- · { $minor } { $minor ->
    [one] Nebenabweichung
   *[other] Nebenabweichungen
}
tile-judged = { $n } von { $total } beurteilt
tile-for-stage-1 = für das Stufe-1-Audit
tile-stage-2-and-decision = Stufe-2-Audit und Entscheidung
findings-open-of = { $counted } ({ $open } offen)
findings-none-recorded = keine erfasst.
count-major = { $n ->
    [one] { $n } Hauptabweichung
   *[other] { $n } Hauptabweichungen
}
count-minor = { $n ->
    [one] { $n } Nebenabweichung
   *[other] { $n } Nebenabweichungen
}
count-observation = { $n ->
    [one] { $n } Beobachtung
   *[other] { $n } Beobachtungen
}
count-opportunity = { $n ->
    [one] { $n } Verbesserungspotenzial
   *[other] { $n } Verbesserungspotenziale
}
count-good-practice = { $n ->
    [one] { $n } Beispiel guter Praxis
   *[other] { $n } Beispiele guter Praxis
}
kpis-met = { $met } von { $total } { $total ->
    [one] Service-KPI
   *[other] Service-KPIs
} { $met ->
    [one] erreicht seinen Zielwert
   *[other] erreichen ihren Zielwert
}{ $rest }.
kpis-within-tolerance = { $n } { $n ->
    [one] liegt
   *[other] liegen
} innerhalb der Toleranz
kpis-not-met = { $n } { $n ->
    [one] verfehlt ihn
   *[other] verfehlen ihn
}
kpis-unknown = { $n } { $n ->
    [one] hat
   *[other] haben
} noch keinen Messwert oder Zielwert
# Das Ende der Aufzählung im KPI-Satz: „1 verfehlt ihn und 2 haben noch keinen Messwert“.
kpis-rest = { $init } und { $last }
kpis-not-acted-upon = { $n ->
    [one] { $n } KPI hat seinen Zielwert verfehlt, ohne dass eine Entscheidung oder Maßnahme folgte: gemessen, aber ohne Folgemaßnahme.
   *[other] { $n } KPIs haben ihren Zielwert verfehlt, ohne dass eine Entscheidung oder Maßnahme folgte: gemessen, aber ohne Folgemaßnahme.
}

## Fortschritt seit der Ausgangsbewertung (Folgebewertung)
progress-overall-moved = Gesamtreifegrad von { $from } auf { $to } ({ $delta }{ $like_for_like })
progress-overall-not-comparable = Gesamtreifegrad noch nicht vergleichbar, da keine Anforderung in beiden Bewertungen bewertet ist
progress-sentence = Diese Bewertung ist eine Folgebewertung zu { $baseline }. Entwicklung seitdem: { $overall }; { $moved }.
progress-intro = Diese Bewertung ist eine Folgebewertung zu { $baseline } ({ $status }, begonnen am { $started }). Beide sind auf derselben Skala und mit derselben Verdichtung bewertet. Ein Abschnitt gilt als verbessert oder verschlechtert, wenn sich sein Wert verändert hat. Eine Anforderung ist nicht vergleichbar, wenn in einer der beiden Bewertungen kein Wert vorliegt (nicht bewertet oder nur in einer Bewertung nicht anwendbar). Abschnittsgruppen und Gesamtwert werden auf gleicher Basis verglichen: In beiden Bewertungen bilden sie den Mittelwert der Anforderungen, die in beiden bewertet sind{ $one_side }.
progress-baseline-draft = Entwurf
progress-baseline-final = Endfassung
progress-not-comparable-yet = noch nicht vergleichbar
progress-since-baseline = { $delta } seit der Ausgangsbewertung
progress-on-both = { $delta } bei { $n ->
    [one] { $n } in beiden Bewertungen bewerteten Anforderung
   *[other] { $n } in beiden Bewertungen bewerteten Anforderungen
}
progress-requirements-up = Verbesserte Anforderungen
progress-unchanged = { $n } unverändert
progress-requirements-down = Verschlechterte Anforderungen
progress-not-comparable = { $n } nicht vergleichbar
progress-certification-readiness = Zertifizierungsreife
progress-baseline-verdict = Ausgangsbewertung: { $verdict }
progress-headline-figures = Kennzahlen im Überblick
progress-coverage = Abdeckung
progress-readiness-for-certification = Zertifizierungsreife
progress-open-major = Offene Hauptabweichungen
progress-open-minor = Offene Nebenabweichungen
progress-open-actions = Offene Feststellungen mit Handlungsbedarf
progress-clauses = Abschnitte: Ausgangsbewertung und aktueller Stand
progress-kpis = KPIs seit der Ausgangsbewertung
progress-kpis-note = Jeweils der neueste Wert beider Bewertungen; verbessert, wenn er sich in die vom KPI angestrebte Richtung bewegt hat.
progress-not-measured = nicht gemessen
progress-changed-level = Anforderungen mit veränderter Stufe
progress-none-changed = Seit der Ausgangsbewertung hat sich bei keiner Anforderung die Stufe verändert.
progress-changed-note = Größte Veränderung zuerst. Die Stufen reichen von 0 ({ $lowest }) bis 5 ({ $highest }).
progress-met-of = { $met } von { $measured }
# Prozentpunkte: „+12 Pp.“.
progress-points = { $points } Pp.
progress-kpis-meeting-target = KPIs, die ihren Zielwert erreichen
progress-like-for-like = , bezogen auf { $n ->
    [one] { $n } in beiden Bewertungen bewertete Anforderung
   *[other] die { $n } in beiden Bewertungen bewerteten Anforderungen
}
progress-scored-in-one-only = { $n ->
    [one] { " " }({ $n } Anforderung ist nur in einer der beiden Bewertungen bewertet und bleibt daher in beiden unberücksichtigt; die Werte hier können deshalb von den eigenen Werten der jeweiligen Bewertung abweichen)
   *[other] { " " }({ $n } Anforderungen sind nur in einer der beiden Bewertungen bewertet und bleiben daher in beiden unberücksichtigt; die Werte hier können deshalb von den eigenen Werten der jeweiligen Bewertung abweichen)
}
progress-moved = { $improved ->
    [one] { $improved } Anforderung
   *[other] { $improved } Anforderungen
} verbessert und { $regressed } verschlechtert
kpi-no-data = Keine Daten
rating-not-applicable-short = n. a.

## Anwendungsbereich und Vorgehensweise
method-scope = Anwendungsbereich
method-no-scope = Für diese Bewertung wurde kein Anwendungsbereich erfasst.
method-assessment = Bewertung
method-target-maturity = Zielreifegrad
method-level = Stufe { $level }
method-started = Begonnen
method-last-changed = Zuletzt geändert
method-people-interviewed = Befragte Personen
method-no-interviewees = Es wurden keine befragten Personen erfasst.
method-assessed-by = Wer welche Anforderungen bewertet hat
method-assessed-by-intro = Nach dem Änderungsverlauf der Bewertung: jede Beraterin und jeder Berater mit den Anforderungen, deren Reifegrad, Konformität oder Notizen sie festgelegt haben.
col-assessor = Bewertet von
col-requirements-assessed = Anforderungen
method-maturity-scale = Reifegradskala
method-scale-intro = Jede Anforderung wurde auf einer sechsstufigen Skala eingestuft, die an die Fähigkeitsgrade der ISO/IEC 33020 angelehnt ist. Eine Anforderung ist entweder eingestuft, noch nicht bewertet oder mit dokumentierter Begründung nicht anwendbar.
method-scores = Berechnung der Werte
method-score-rule-1 = Der Wert einer Anforderung entspricht ihrer eingestuften Stufe. Nicht bewertete oder nicht anwendbare Anforderungen haben keinen Wert und werden nicht berücksichtigt.
method-score-rule-2 = Der Wert eines Abschnitts ist der Mittelwert der Werte seiner direkten Unterabschnitte; sein Ziel ist der Mittelwert der Ziele derselben Unterabschnitte, sodass Wert und Ziel stets auf gleicher Basis verglichen werden.
method-score-rule-3 = Der Gesamtwert ist der Mittelwert der Abschnitte 4 bis 10.
method-score-rule-4 = Die Lücke ist das Ziel abzüglich des Werts, jedoch nie kleiner als null. Die Abdeckung ist der Anteil der Anforderungen, die eingestuft oder begründet als nicht anwendbar gekennzeichnet sind.
method-readiness-rules = Regeln zur Auditreife
method-readiness-intro = Die Auditreife wird anhand der Konformität beurteilt, nicht anhand des Reifegrads: Jede Anforderung wird als konform, als Neben- oder Hauptabweichung oder als noch nicht nachgewiesen beurteilt, und eine offene Feststellung zu einer Nichtkonformität bestimmt die Beurteilung der betreffenden Anforderung. Daraus ergeben sich zwei Urteile, jeweils nach eigener Regel:
method-services-in-scope = Services im Anwendungsbereich
method-other-parties = Andere Parteien und die von ihnen betriebenen Prozesse (8.2.3)
method-no-other-party = Es ist kein Prozess erfasst, der von einer anderen Partei betrieben wird.
method-interviews-covered-all = Die Interviews deckten alle { $total } Anforderungen ab.
method-interviews-covered = Die Interviews deckten { $n } von { $total } Anforderungen ab. Mit niemandem besprochen: { $never }.

## Reifegrad im Überblick
charts-radar = Reifegrad der Abschnitte 4 bis 10 im Vergleich zum Ziel
charts-gaps = Lücken je Abschnitt
charts-gaps-note = Abschnitte unter ihrem Ziel, größte Lücke zuerst. Der Balken zeigt den aktuellen Wert, die Markierung das Ziel.
charts-heat-map = Heatmap der Anforderungen
charts-not-assessed = nicht bewertet
charts-not-applicable = nicht anwendbar
charts-lowest = Minimum { $clause }: { $level }

## Praktiken und Managementsystem
execution-intro = ITIL beschreibt, wie die Arbeit erledigt wird; ISO/IEC 20000-1 fordert ein Managementsystem, das sicherstellt, dass sie dauerhaft gut erledigt wird: Politik und Ziele, dokumentierte Information, internes Audit, Managementbewertung und Verbesserung. Dieses Kapitel stellt den Fähigkeitsgrad der von der Organisation angewendeten Praktiken (1 bis 5) dem Reifegrad der Anforderungen gegenüber, die sie steuern (0 bis 5).
execution-no-practices = Im Praktikenprofil ist noch keine von der Organisation angewendete Praktik erfasst.
execution-each-practice = Jede Praktik im Vergleich zu ihrer Steuerung
execution-ahead = Praktiken, die ihrer Steuerung voraus sind
execution-none-ahead = Jede von der Organisation angewendete Praktik wird durch Anforderungen gesteuert, die ihr Ziel erreichen und konform sind, soweit sie bewertet wurden.
execution-ahead-intro = { $n ->
    [one] { $n } Praktik wird von der Organisation angewendet, während eine sie steuernde Anforderung unter dem Ziel liegt oder nicht konform ist: Die Praktik funktioniert heute, doch das System stellt noch nicht sicher, dass sie dauerhaft funktioniert.
   *[other] { $n } Praktiken werden von der Organisation angewendet, während eine sie steuernde Anforderung unter dem Ziel liegt oder nicht konform ist: Die Praktiken funktionieren heute, doch das System stellt noch nicht sicher, dass sie dauerhaft funktionieren.
}
execution-tile-practices = Praktiken (Ausführung)
execution-tile-practices-note = mittlerer Fähigkeitsgrad von { $n ->
    [one] { $n } angewendeten Praktik
   *[other] { $n } angewendeten Praktiken
}
execution-tile-system = Managementsystem (Steuerung)
execution-tile-system-note = { $n } von { $total } steuernden Anforderungen bewertet
execution-nonconforming-count = { $n } nicht konform
execution-tile-ahead = Praktiken vor der Steuerung
execution-tile-ahead-note = steuernde Anforderungen unter Ziel
execution-ahead-by = { $by } voraus
execution-level-of = Stufe { $level } (Ziel { $target })
execution-nonconforming = nicht konform

## Ergebnisse je Abschnitt
clauses-not-applicable = Nicht anwendbar
clauses-not-assessed = Nicht bewertet
clauses-below-target = Unter Ziel
clauses-at-target = Ziel erreicht
clauses-intro = Für jede Anforderung sind die eingestufte Stufe und in der Spalte „Befund“ die Konformität nach aktuellem Stand angegeben (eine offene Feststellung zu einer Nichtkonformität verschärft die erfasste Beurteilung). Fett gedruckte Abschnitte zeigen den verdichteten Mittelwert ihrer Unterabschnitte und in der Spalte „Min.“ die niedrigste darunterliegende Anforderung mit ihrer Stufe: Ein Mittelwert kann eine Anforderung verdecken, die für sich allein der Zertifizierung entgegensteht.
clauses-notes = Anmerkungen je Anforderung
clauses-level-target = Stufe { $level }, Ziel { $target }
clauses-label-notes = Anmerkungen:
clauses-label-evidence = Gesichtete Nachweise:
clauses-label-interviewed = Befragt:
clauses-no-notes = Es wurden keine Anmerkungen erfasst.

## Feststellungen im Detail
findings-closed-not-verified = Abgeschl., nicht verifiziert
findings-ncs = Nichtkonformitäten und ihre Korrekturmaßnahmen
findings-ncs-note = Jede Nichtkonformität durchläuft die Schritte: erfasst, Korrekturmaßnahme geplant und akzeptiert, umgesetzt, Wirksamkeit verifiziert. Abgeschlossen werden kann sie erst, wenn die Wirksamkeit verifiziert ist. Verantwortliche Person und Fälligkeitstermin beziehen sich auf die Korrekturmaßnahme.
findings-none = Es wurden keine Feststellungen erfasst.
findings-priority = Priorität { $priority }
findings-owner = Verantwortlich: { $owner }
findings-due = Fällig am { $date }
findings-concerns = Betrifft: { $what }
findings-evidence-codes = Nachweise: { $codes }
findings-good-practice = Gute Praxis
findings-label-observed = Sachverhalt:
findings-label-evidence = Nachweise:
findings-label-recommendation = Empfehlung:
findings-label-correction = Korrektur:
findings-label-root-cause = Ursache:
findings-label-corrective-action = Korrekturmaßnahme:
findings-label-stands-at = Stand:
findings-label-verification = Verifizierung:
findings-step-accepted = Plan akzeptiert am { $date }
findings-step-implemented = umgesetzt am { $date }
findings-step-verified = Wirksamkeit verifiziert am { $date } durch { $by }
findings-intro = { $n ->
    [one] { $n } Feststellung mit Handlungsbedarf, gegliedert nach der betroffenen Anforderung.
   *[other] { $n } Feststellungen mit Handlungsbedarf, gegliedert nach der jeweils betroffenen Anforderung.
}
findings-good-practice-note = { $n ->
    [one] { $n } Beispiel guter Praxis, das beibehalten und verbreitet werden sollte; es erfordert keine Maßnahme.
   *[other] { $n } Beispiele guter Praxis, die beibehalten und verbreitet werden sollten; sie erfordern keine Maßnahmen.
}

## Verbesserungsfahrplan
roadmap-intro = Offene Maßnahmen, gegliedert nach dem Audit-Meilenstein, für den sie erforderlich sind, mit höchster Priorität und frühestem Fälligkeitstermin zuerst.
roadmap-none = Es gibt keine offenen Maßnahmen.
roadmap-not-scheduled = Noch nicht terminiert
roadmap-closed = { $n ->
    [one] { $n } abgeschlossene Feststellung ist nicht aufgeführt.
   *[other] { $n } abgeschlossene Feststellungen sind nicht aufgeführt.
}

## Die eigenen Worte des Beraters
narrative-key-messages = Kernaussagen
narrative-conclusions = Schlussfolgerungen
narrative-next-steps = Nächste Schritte
narrative-comments-by-clause = Anmerkungen je Abschnitt

## Service-KPIs
kpis-none = Es wurden keine Service-KPIs erfasst.
kpis-intro = Service-KPIs als Nachweis der Leistung (9.1), jeweils Periode für Periode an ihrem Zielwert gemessen. Ein Punkt ist grün, wenn die Periode den Zielwert erreicht hat, gelb, wenn sie ihn innerhalb der Toleranz verfehlt hat, und rot, wenn sie ihn darüber hinaus verfehlt hat. Ein KPI, der seinen Zielwert in der neuesten Periode verfehlt hat und zu keiner Entscheidung oder Maßnahme geführt hat, ist als gemessen, aber ohne Folgemaßnahme gekennzeichnet.
kpis-drives = führt zu: { $findings }
kpis-flag-not-acted-upon = Ohne Folgemaßnahme
kpis-not-acted-upon-title = Gemessen, aber ohne Folgemaßnahme: { $n ->
    [one] { $n } KPI
   *[other] { $n } KPIs
}
kpis-not-acted-upon-line = { $value } bei einem Zielwert von { $target }, verfehlt in { $missed } von { $n ->
    [one] { $n } Periode
   *[other] { $n } Perioden
}; es ist keine Entscheidung erfasst und weder eine Feststellung noch eine Maßnahme des Verbesserungsfahrplans verknüpft.
kpis-decisions = Entscheidungen auf Basis der KPI-Ergebnisse
kpis-definitions = KPI-Definitionen
kpis-periods-met = { $n } · { $met } erreicht

## Verzeichnis dokumentierter Information
documents-not-checked = nicht geprüft
documents-recorded = Erfasst
documents-none-recorded = Keine erfasst
documents-intro = Die von der Norm erwartete dokumentierte Information, Anforderung für Anforderung, und das Ergebnis der Bewertung: ☑ gesichtet (mit Angabe, ob freigegeben und aktuell, und dem zugehörigen Nachweis), ☒ fehlt, ☐ nicht geprüft. Von { $total } { $total ->
    [one] Element
   *[other] Elementen
} { $seen ->
    [one] wurde
   *[other] wurden
} { $seen } gesichtet, { $missing } { $missing ->
    [one] fehlt
   *[other] fehlen
} und { $unchecked } { $unchecked ->
    [one] wurde
   *[other] wurden
} nicht geprüft. Die Spalte „Stufe“ zeigt den Reifegrad der Anforderung.

## Nicht anwendbare Anforderungen
not-applicable-intro = Die Norm lässt keine Ausschlüsse ihrer Anforderungen zu. Eine Anforderung kann jedoch im Anwendungsbereich keinen Anwendungsfall haben (etwa wenn es keine internen Lieferanten gibt); dies wird als solches erfasst. Ein beanspruchter Ausschluss steht der Zertifizierung entgegen. Jede dieser Anforderungen ist hier mit ihrer Begründung zur Beachtung durch das Auditteam aufgeführt.
not-applicable-none = Keine Anforderung wurde als nicht anwendbar gekennzeichnet.

## Anhang: Zuordnung zu ITIL-4-Praktiken
itil-intro = Die ITIL-4-Praktiken, die die jeweilige Anforderung üblicherweise unterstützen: Wo eine Anforderung hinter dem Ziel zurückbleibt, sind zuerst diese Praktiken zu betrachten. Als SMS-Governance gekennzeichnete Anforderungen betreffen den Betrieb des Managementsystems selbst (Führung, Rollen, dokumentierte Information, internes Audit, Managementbewertung, Korrekturmaßnahmen): Keine ITIL-4-Praktik deckt sie ab.
itil-governance = SMS-Governance: keine entsprechende ITIL-4-Praktik

## Anhang: Nachweisverzeichnis
evidence-intro = { $n ->
    [one] Der Nachweis, auf dem die Beurteilungen beruhen,
   *[other] Die { $n } Nachweise, auf denen die Beurteilungen beruhen,
} mit { $files ->
    [one] { $files } angehängten Datei
   *[other] { $files } angehängten Dateien
} ({ $size }).
evidence-samples = { $n ->
    [one] Es wurde { $n } Stichprobe aus Aufzeichnungen gezogen; Grundgesamtheit, Stichprobenumfang und Auffälligkeiten sind jeweils angegeben.
   *[other] Es wurden { $n } Stichproben aus Aufzeichnungen gezogen; Grundgesamtheit, Stichprobenumfang und Auffälligkeiten sind jeweils angegeben.
}
evidence-hashes = Jede Datei ist durch die ersten 12 Stellen ihres SHA-256-Hashwerts gekennzeichnet: Eine Kopie, deren Hashwert gleich beginnt, ist die gesichtete Datei.
evidence-version = Version { $version }
evidence-seen = gesichtet am { $date }
evidence-sample = Stichprobe: { $sample } von { $population } geprüft, { $exceptions ->
    [0] keine Auffälligkeiten
    [one] { $exceptions } Auffälligkeit
   *[other] { $exceptions } Auffälligkeiten
}
