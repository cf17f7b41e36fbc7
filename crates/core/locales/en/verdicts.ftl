# The readiness verdicts: headlines, rules and reasons.

headline-provisional = Provisional: { $judged } of { $total } judged
headline-provisional-documents = Provisional: { $judged } of { $total } judged, { $checked } of { $expected } documents checked

rule-stage1-1 = Looks at the scope (4.3), the service management policy (5.2.1) and objectives (6.2.1), the service management plan (6.3), the documented information of the SMS (7.5.4), internal audit (9.2) and management review (9.3).
rule-stage1-2 = Provisional while any of them is not judged.
rule-stage1-3 = Not ready if any of them is a major nonconformity, not yet evidenced or claimed not applicable; internal audit and management review must have been planned and carried out at least once.
rule-stage1-4 = Ready otherwise. Minor nonconformities among them are listed: a stage 1 audit will raise them as areas of concern for stage 2.
rule-certification-1 = Looks at every requirement and every open nonconformity.
rule-certification-2 = Provisional while any requirement is not judged.
rule-certification-3 = Not ready if a major nonconformity is open, an open minor nonconformity has no accepted corrective action plan (with an owner and a due date), a requirement is not yet evidenced, or an exclusion is claimed (ISO/IEC 20000-1 permits none).
rule-certification-4 = Ready otherwise. Requirements with no instances in scope are listed with their justification.

reason-no-instances = { $clause }: no instances in scope — { $justification }
reason-exclusion = { $clause } is claimed not applicable, an exclusion the standard does not permit — { $justification }
reason-not-judged = { $n ->
    [one] { $n } requirement
   *[other] { $n } requirements
} not judged yet: { $listed }{ $more ->
    [0] {""}
   *[other] { " " }and { $more } more
}
reason-documents-not-checked = { $n ->
    [one] { $n } item of the documented information in 7.5.4 is not checked yet
   *[other] { $n } items of the documented information in 7.5.4 are not checked yet
}
# $judgement: major_nonconformity or not_yet_evidenced.
reason-not-performed = { $clause } is { $judgement ->
    [major_nonconformity] a major nonconformity
   *[other] not yet evidenced
}: it must have been planned and carried out at least once before stage 1
reason-is = { $clause } is { $judgement ->
    [major_nonconformity] a major nonconformity
   *[other] not yet evidenced
}
reason-area-of-concern = { $clause } is a minor nonconformity: an area of concern for stage 2
# $flaw: not_approved, not_current or both.
reason-document-flawed = Documented information seen but { $flaw ->
    [not_approved] not approved
    [not_current] not the current version
   *[both] not approved and not the current version
} (7.5.4): { $item }
reason-document-missing = Documented information missing (7.5.4): { $item }
reason-open-major = Open major nonconformity at { $clause }: { $title }
# $stage: plan_accepted, implemented or verified.
reason-open-minor-planned = Open minor nonconformity at { $clause } with an accepted corrective action plan ({ $stage ->
    [implemented] implemented, not verified
    [verified] verified effective
   *[other] plan accepted
}): { $title }
reason-open-minor-unplanned = Open minor nonconformity at { $clause } without an accepted corrective action plan: { $title }
# $kind: major or minor.
reason-closed-unverified = { $kind ->
    [major] Major nonconformity
   *[minor] Minor nonconformity
} at { $clause } was closed with no record that its corrective action worked: record the verification or reopen it: { $title }
reason-not-evidenced = { $clause } is not yet evidenced
# $judgement: major_nonconformity or minor_nonconformity.
reason-no-finding = { $clause } is judged a { $judgement ->
    [major_nonconformity] major nonconformity
   *[other] minor nonconformity
} with no finding to act on it

document-status-not-checked = Not checked
document-status-missing = Missing
document-status-present = Present
document-status-approved = approved
document-status-not-approved = not approved
document-status-current = current
document-status-out-of-date = out of date

# Practices against the management system, in plain words.
execution-narrative-ahead = The client runs its services ahead of the system that should govern them: { $n ->
    [one] { $n } ITIL practice runs
   *[other] { $n } ITIL practices run
} at an average capability of { $execution }, while the requirements that make them a managed system (leadership, documented information, internal audit, management review, improvement) average maturity { $control }. The gap is one of control, not of execution: the practices work, but nothing yet ensures they keep working, are checked, and improve.
execution-narrative-behind = The management system is ahead of the practices it governs: its requirements average maturity { $control } while { $n ->
    [one] { $n } ITIL practice runs
   *[other] { $n } ITIL practices run
} at an average capability of { $execution }. The system is designed; the work now is to make the practices live up to it.
execution-narrative-in-step = Practices and management system move in step: { $n ->
    [one] { $n } ITIL practice runs
   *[other] { $n } ITIL practices run
} at an average capability of { $execution }, and the requirements that govern the system average maturity { $control }.
execution-narrative-outrunning = { $n ->
    [one] One practice runs without its governing requirements meeting target: { $named }.
   *[other] { $n } practices run without their governing requirements meeting target: { $named }.
}
execution-narrative-outrunning-among = { $n } practices run without their governing requirements meeting target, among them { $named }.
