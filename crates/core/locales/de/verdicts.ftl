# Die Reifeurteile: Überschriften, Regeln und Gründe.

headline-provisional = Vorläufig: { $judged } von { $total } beurteilt
headline-provisional-documents = Vorläufig: { $judged } von { $total } beurteilt, { $checked } von { $expected } Dokumenten geprüft

rule-stage1-1 = Betrachtet werden der Anwendungsbereich (4.3), die Servicemanagementpolitik (5.2.1) und die Servicemanagementziele (6.2.1), der Servicemanagementplan (6.3), die dokumentierte Information des SMS (7.5.4), das interne Audit (9.2) und die Managementbewertung (9.3).
rule-stage1-2 = Vorläufig, solange eine dieser Anforderungen noch nicht beurteilt ist.
rule-stage1-3 = Nicht bereit, wenn eine davon eine Hauptabweichung darstellt, noch nicht nachgewiesen ist oder als nicht anwendbar erklärt wurde; internes Audit und Managementbewertung müssen mindestens einmal geplant und durchgeführt worden sein.
rule-stage1-4 = Andernfalls bereit. Nebenabweichungen unter diesen Anforderungen werden aufgeführt: Das Stufe-1-Audit wird sie als Problembereiche benennen, die im Stufe-2-Audit als Nichtkonformität eingestuft werden können.
rule-certification-1 = Betrachtet werden alle Anforderungen und alle offenen Nichtkonformitäten.
rule-certification-2 = Vorläufig, solange eine Anforderung noch nicht beurteilt ist.
rule-certification-3 = Nicht bereit, wenn eine Hauptabweichung offen ist, für eine offene Nebenabweichung kein akzeptierter Korrekturmaßnahmenplan (mit verantwortlicher Person und Fälligkeitstermin) vorliegt, eine Anforderung noch nicht nachgewiesen ist oder ein Ausschluss beansprucht wird (ISO/IEC 20000-1 lässt keine Ausschlüsse zu).
rule-certification-4 = Andernfalls bereit. Anforderungen ohne Anwendungsfälle im Anwendungsbereich werden mit ihrer Begründung aufgeführt.

reason-no-instances = { $clause }: keine Anwendungsfälle im Anwendungsbereich — { $justification }
reason-exclusion = { $clause }: als nicht anwendbar erklärt, ein Ausschluss, den die Norm nicht zulässt — { $justification }
reason-not-judged = { $n ->
    [one] { $n } Anforderung
   *[other] { $n } Anforderungen
} noch nicht beurteilt: { $listed }{ $more ->
    [0] {""}
   *[other] { " " }und { $more } weitere
}
reason-documents-not-checked = { $n ->
    [one] { $n } Element der dokumentierten Information nach 7.5.4 ist noch nicht geprüft
   *[other] { $n } Elemente der dokumentierten Information nach 7.5.4 sind noch nicht geprüft
}
# $judgement: major_nonconformity oder not_yet_evidenced.
reason-not-performed = { $clause }: { $judgement ->
    [major_nonconformity] Hauptabweichung
   *[other] noch nicht nachgewiesen
}; muss vor dem Stufe-1-Audit mindestens einmal geplant und durchgeführt worden sein
reason-is = { $clause }: { $judgement ->
    [major_nonconformity] Hauptabweichung
   *[other] noch nicht nachgewiesen
}
reason-area-of-concern = { $clause }: Nebenabweichung, ein Problembereich für das Stufe-2-Audit
# $flaw: not_approved, not_current oder both.
reason-document-flawed = Dokumentierte Information gesichtet, aber { $flaw ->
    [not_approved] nicht freigegeben
    [not_current] nicht in der aktuellen Fassung
   *[both] nicht freigegeben und nicht in der aktuellen Fassung
} (7.5.4): { $item }
reason-document-missing = Dokumentierte Information fehlt (7.5.4): { $item }
reason-open-major = Offene Hauptabweichung zu { $clause }: { $title }
# $stage: plan_accepted, implemented oder verified.
reason-open-minor-planned = Offene Nebenabweichung zu { $clause } mit akzeptiertem Korrekturmaßnahmenplan ({ $stage ->
    [implemented] umgesetzt, noch nicht verifiziert
    [verified] Wirksamkeit verifiziert
   *[other] Plan akzeptiert
}): { $title }
reason-open-minor-unplanned = Offene Nebenabweichung zu { $clause } ohne akzeptierten Korrekturmaßnahmenplan: { $title }
# $kind: major oder minor.
reason-closed-unverified = { $kind ->
    [major] Hauptabweichung
   *[minor] Nebenabweichung
} zu { $clause } wurde abgeschlossen, ohne dass die Wirksamkeit der Korrekturmaßnahme nachgewiesen ist; Verifizierung dokumentieren oder Feststellung wiedereröffnen: { $title }
reason-not-evidenced = { $clause }: noch nicht nachgewiesen
# $judgement: major_nonconformity oder minor_nonconformity.
reason-no-finding = { $clause }: als { $judgement ->
    [major_nonconformity] Hauptabweichung
   *[other] Nebenabweichung
} beurteilt, jedoch ohne zugehörige Feststellung, über die sie bearbeitet wird

document-status-not-checked = Nicht geprüft
document-status-missing = Fehlt
document-status-present = Vorhanden
document-status-approved = freigegeben
document-status-not-approved = nicht freigegeben
document-status-current = aktuell
document-status-out-of-date = veraltet

# Praktiken im Vergleich zum Managementsystem, in klaren Worten.
execution-narrative-ahead = Die Organisation erbringt ihre Services auf einem höheren Niveau als das System, das sie steuern soll: { $n ->
    [one] { $n } ITIL-Praktik wird
   *[other] { $n } ITIL-Praktiken werden
} mit einem durchschnittlichen Fähigkeitsgrad von { $execution } angewendet, während die Anforderungen, die daraus ein gesteuertes System machen (Führung, dokumentierte Information, internes Audit, Managementbewertung, Verbesserung), im Mittel den Reifegrad { $control } erreichen. Die Lücke liegt in der Steuerung, nicht in der Ausführung: Die Praktiken funktionieren, doch noch stellt nichts sicher, dass sie dauerhaft funktionieren, überprüft und verbessert werden.
execution-narrative-behind = Das Managementsystem ist den Praktiken, die es steuert, voraus: Seine Anforderungen erreichen im Mittel den Reifegrad { $control }, während { $n ->
    [one] { $n } ITIL-Praktik mit einem durchschnittlichen Fähigkeitsgrad von { $execution } angewendet wird
   *[other] { $n } ITIL-Praktiken mit einem durchschnittlichen Fähigkeitsgrad von { $execution } angewendet werden
}. Das System ist konzipiert; nun gilt es, die Praktiken auf dieses Niveau zu bringen.
execution-narrative-in-step = Praktiken und Managementsystem entwickeln sich im Gleichschritt: { $n ->
    [one] { $n } ITIL-Praktik wird
   *[other] { $n } ITIL-Praktiken werden
} mit einem durchschnittlichen Fähigkeitsgrad von { $execution } angewendet, und die Anforderungen, die das System steuern, erreichen im Mittel den Reifegrad { $control }.
execution-narrative-outrunning = { $n ->
    [one] Eine Praktik wird angewendet, ohne dass die sie steuernden Anforderungen ihr Ziel erreichen: { $named }.
   *[other] { $n } Praktiken werden angewendet, ohne dass die sie steuernden Anforderungen ihr Ziel erreichen: { $named }.
}
execution-narrative-outrunning-among = { $n } Praktiken werden angewendet, ohne dass die sie steuernden Anforderungen ihr Ziel erreichen, darunter { $named }.
