# Kapitelüberschriften des Berichts.

section-contents = Inhalt
section-management-summary = Managementzusammenfassung
section-summary = Zusammenfassung der Ergebnisse
section-progress = Fortschritt seit der Ausgangsbewertung
section-method = Anwendungsbereich und Vorgehensweise
section-charts = Reifegrad im Überblick
section-execution = Praktiken und Managementsystem
section-clauses = Ergebnisse je Abschnitt
section-findings = Feststellungen im Detail
section-roadmap = Verbesserungsfahrplan
section-conclusions = Schlussfolgerungen und nächste Schritte
section-kpis = Service-KPIs
section-documents = Verzeichnis dokumentierter Information
section-not-applicable = Nicht anwendbare Anforderungen
section-itil = Anhang: Zuordnung zu ITIL-4-Praktiken
section-evidence = Anhang: Nachweisverzeichnis
