# Kapitelüberschriften des Berichts.

section-contents = Inhalt
section-management-summary = Managementzusammenfassung
section-summary = Zusammenfassung für die Geschäftsleitung
section-progress = Fortschritt seit der Ausgangsbewertung
section-method = Anwendungsbereich und Vorgehensweise
section-charts = Reifegrad im Überblick
section-execution = Praktiken und Managementsystem im Vergleich
section-clauses = Ergebnisse je Abschnitt
section-findings = Feststellungen im Detail
section-roadmap = Verbesserungsfahrplan
section-conclusions = Schlussfolgerungen und nächste Schritte
section-kpis = Service-KPIs
section-documents = Verzeichnis der dokumentierten Information
section-not-applicable = Als nicht anwendbar gekennzeichnete Anforderungen
section-itil = Anhang: Anforderungen und ITIL-4-Praktiken
section-evidence = Anhang: Nachweisverzeichnis
