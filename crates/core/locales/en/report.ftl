# report

## Document properties
report-subject = Maturity and gap assessment against { $standard }
keyword-gap-assessment = gap assessment
keyword-service-management = service management

## Cover
cover-kicker = { $standard } · Gap assessment report
cover-client = Client
cover-date = Date
cover-fieldwork = Fieldwork
cover-assessors = Assessors
cover-prepared-by = Prepared by
cover-standard = Standard
cover-status = Status
cover-status-draft = Draft
cover-status-final = Final

## Executive summary
summary-intro = This report sets out the maturity of { $client }'s service management system against { $standard }, requirement by requirement, the gaps to the target maturity of level { $target }, and the actions recommended to close them.
summary-assessors = The assessment was carried out by { $assessors }.
summary-practices-and-control = Practices and control:{" "}
# Where the rest of a capped list is: ", listed in “Findings in detail”".
summary-listed-in = , listed in { $sections }
summary-more-reasons = … and { $n } more{ $where_ }.
summary-stage-1-clear = Everything a stage 1 audit looks at is judged and in place.
summary-certification-clear = Every requirement is judged, no major nonconformity is open and every open minor nonconformity has an accepted corrective action plan.
summary-findings-by-kind-lead = Findings by kind:{" "}
summary-findings-by-kind = Findings by kind
summary-largest-gaps = Largest gaps
summary-no-gaps = No clause is below its target.
summary-more-gaps = … and { $n ->
    [one] { $n } more clause
   *[other] { $n } more clauses
} below target{ $where_ }.
summary-kpis-lead = Service KPIs:{" "}
tile-overall-maturity = Overall maturity
tile-target = target { $target }
tile-target-lowest = target { $target } · lowest { $clause } at level { $level }
tile-requirements-assessed = Requirements assessed
tile-coverage = { $share } coverage
tile-open-findings = Open findings
# A key figure's note; $n is 1 when each count reads singular.
tile-nonconformities = { $major } major · { $minor } minor { $n ->
    [one] nonconformity
   *[other] nonconformities
}
tile-judged = { $n } of { $total } judged
tile-for-stage-1 = for the stage 1 audit
tile-stage-2-and-decision = stage 2 and the decision
findings-open-of = { $counted } ({ $open } open)
findings-none-recorded = none recorded.
count-major = { $n ->
    [one] { $n } major nonconformity
   *[other] { $n } major nonconformities
}
count-minor = { $n ->
    [one] { $n } minor nonconformity
   *[other] { $n } minor nonconformities
}
count-observation = { $n ->
    [one] { $n } observation
   *[other] { $n } observations
}
count-opportunity = { $n ->
    [one] { $n } opportunity for improvement
   *[other] { $n } opportunities for improvement
}
count-good-practice = { $n ->
    [one] { $n } good practice
   *[other] { $n } good practices
}
kpis-met = { $met } of { $total } { $total ->
    [one] service KPI
   *[other] service KPIs
} { $met ->
    [one] meets its target
   *[other] meet their target
}{ $rest }.
kpis-within-tolerance = { $n } { $n ->
    [one] is
   *[other] are
} within tolerance
kpis-not-met = { $n } { $n ->
    [one] does not
   *[other] do not
}
kpis-unknown = { $n } { $n ->
    [one] has
   *[other] have
} no measurement or target yet
# The end of the KPI sentence's list: "1 does not, and 2 have no measurement".
kpis-rest = { $init }, and { $last }
kpis-not-acted-upon = { $n ->
    [one] { $n } missed KPI
   *[other] { $n } missed KPIs
} led to no decision or action: measured, but not acted upon.

## Progress since baseline (a follow-up assessment)
progress-overall-moved = overall maturity moved from { $from } to { $to } ({ $delta }{ $like_for_like })
progress-overall-not-comparable = overall maturity cannot be compared yet, as no requirement is scored in both
progress-sentence = It follows up the assessment { $baseline }: since then, { $overall }; { $moved }.
progress-intro = This assessment is a follow-up of { $baseline } ({ $status }, started { $started }). Both are scored on the same scale with the same roll-up. A clause is improved or regressed when its score moved. A requirement cannot be compared when a side has no score (not assessed, or not applicable on one side only). Clause groups and the overall figure compare like with like: on both sides they are the mean of the requirements scored in both assessments{ $one_side }.
progress-baseline-draft = draft
progress-baseline-final = final
progress-not-comparable-yet = not comparable yet
progress-since-baseline = { $delta } since the baseline
progress-on-both = { $delta } on { $n } in both
progress-requirements-up = Requirements up
progress-unchanged = { $n } unchanged
progress-requirements-down = Requirements down
progress-not-comparable = { $n } not comparable
progress-certification-readiness = Certification readiness
progress-baseline-verdict = baseline: { $verdict }
progress-headline-figures = Headline figures
progress-coverage = Coverage
progress-readiness-for-certification = Readiness for certification
progress-open-major = Open major nonconformities
progress-open-minor = Open minor nonconformities
progress-open-actions = Open findings that call for action
progress-clauses = Clauses, baseline against now
progress-kpis = KPIs since the baseline
progress-kpis-note = The newest value on each side; improved when it moved the way the KPI wants.
progress-not-measured = not measured
progress-changed-level = Requirements that changed level
progress-none-changed = No requirement has changed level since the baseline.
progress-changed-note = Largest change first. Levels run from 0 ({ $lowest }) to 5 ({ $highest }).
progress-met-of = { $met } of { $measured }
# Percentage points: "+12 pts".
progress-points = { $points } pts
progress-kpis-meeting-target = KPIs meeting their target
progress-like-for-like = , on the { $n ->
    [one] { $n } requirement
   *[other] { $n } requirements
} scored in both
progress-scored-in-one-only = { $n ->
    [one] { " " }({ $n } requirement is scored in one of them only and is left out of both, so while it is, the figures here can differ from each assessment's own)
   *[other] { " " }({ $n } requirements are scored in one of them only and are left out of both, so while they are, the figures here can differ from each assessment's own)
}
progress-moved = { $improved ->
    [one] { $improved } requirement
   *[other] { $improved } requirements
} improved and { $regressed } regressed
kpi-no-data = No data
rating-not-applicable-short = N/A

## Scope and method
method-scope = Scope
method-no-scope = No scope was recorded for this assessment.
method-assessment = Assessment
method-target-maturity = Target maturity
method-level = Level { $level }
method-started = Started
method-last-changed = Last changed
method-people-interviewed = People interviewed
method-no-interviewees = No interviewees were recorded.
method-assessed-by = Who assessed which requirements
method-assessed-by-intro = As the assessment's change history records it: each consultant and the requirements whose level, conformity or notes they set.
col-assessor = Assessor
col-requirements-assessed = Requirements
method-maturity-scale = Maturity scale
method-scale-intro = Each requirement was rated on a six-level scale modelled on the ISO/IEC 33020 capability levels. A requirement is either rated, not yet assessed, or not applicable with a recorded justification.
method-scores = How the scores are calculated
method-score-rule-1 = A requirement's score is its rated level. Requirements not assessed or not applicable have no score and do not count.
method-score-rule-2 = A clause's score is the mean of the scores of its direct sub-clauses; its target is the mean of the same sub-clauses' targets, so score and target always compare like with like.
method-score-rule-3 = The overall score is the mean of clauses 4 to 10.
method-score-rule-4 = The gap is the target minus the score, never below zero. Coverage is the share of requirements that are rated or justified as not applicable.
method-readiness-rules = Readiness rules
method-readiness-intro = Readiness is judged on conformity, not on maturity: each requirement is judged conforming, a minor or a major nonconformity, or not yet evidenced, and an open nonconformity finding sets the judgement of its requirement. Two verdicts follow, each by its own rule:
method-services-in-scope = Services in scope
method-other-parties = Other parties and the processes they operate (8.2.3)
method-no-other-party = No process is recorded as operated by another party.
method-interviews-covered-all = The interviews covered all { $total } requirements.
method-interviews-covered = The interviews covered { $n } of { $total } requirements. Never discussed with anyone: { $never }.

## Maturity at a glance
charts-radar = Maturity of clauses 4 to 10 against target
charts-gaps = Gaps by clause
charts-gaps-note = Clauses below their target, largest gap first. The bar shows the current score, the marker the target.
charts-heat-map = Requirement heat map
charts-not-assessed = not assessed
charts-not-applicable = not applicable
charts-lowest = lowest { $clause }: { $level }

## Practices against the management system
execution-intro = ITIL describes how the work is done; ISO/IEC 20000-1 asks for a management system that makes sure it keeps being done well: policy and objectives, documented information, internal audit, management review and improvement. This section sets the capability of the practices the client runs (1 to 5) against the maturity of the requirements that govern them (0 to 5).
execution-no-practices = No practice the client runs has been recorded in the practice profile yet.
execution-each-practice = Each practice against its governance
execution-ahead = Practices that run ahead of their governance
execution-none-ahead = Every practice the client runs is governed by requirements that meet their target and conform, as far as they have been assessed.
execution-ahead-intro = { $n ->
    [one] { $n } practice the client runs while a requirement that governs it is below target or nonconforming: the practice works today, but the system does not yet make sure it keeps working.
   *[other] { $n } practices the client runs while a requirement that governs them is below target or nonconforming: the practice works today, but the system does not yet make sure it keeps working.
}
execution-tile-practices = Practices (execution)
execution-tile-practices-note = mean capability of { $n ->
    [one] { $n } practice
   *[other] { $n } practices
} run
execution-tile-system = Management system (control)
execution-tile-system-note = { $n } of { $total } governance requirements assessed
execution-nonconforming-count = { $n } nonconforming
execution-tile-ahead = Practices ahead of control
execution-tile-ahead-note = governing requirements below target
execution-ahead-by = ahead by { $by }
execution-level-of = level { $level } of { $target }
execution-nonconforming = nonconforming

## Clause-by-clause results
clauses-not-applicable = Not applicable
clauses-not-assessed = Not assessed
clauses-below-target = Below target
clauses-at-target = At target
clauses-intro = Requirements show their rated level and their conformity as it stands (an open nonconformity finding raises what was recorded); clauses in bold show the rolled-up mean of their sub-clauses and, under Lowest, the requirement below that mean with its level: a mean can hide a requirement that alone stands in the way of certification.
clauses-notes = Notes by requirement
clauses-level-target = level { $level }, target { $target }
clauses-label-notes = Notes:
clauses-label-evidence = Evidence seen:
clauses-label-interviewed = Interviewed:
clauses-no-notes = No notes were recorded.

## Findings in detail
findings-closed-not-verified = Closed, not verified
findings-ncs = Nonconformities and their corrective action
findings-ncs-note = Each nonconformity moves from raised, to a corrective action planned and accepted, to implemented, to verified effective; only a verified one can be closed. Owner and due date are the corrective action's.
findings-none = No findings were recorded.
findings-priority = Priority { $priority }
findings-owner = Owner: { $owner }
findings-due = Due { $date }
findings-concerns = Concerns: { $what }
findings-evidence-codes = Evidence: { $codes }
findings-good-practice = Good practice
findings-label-observed = Observed:
findings-label-evidence = Evidence:
findings-label-recommendation = Recommendation:
findings-label-correction = Correction:
findings-label-root-cause = Root cause:
findings-label-corrective-action = Corrective action:
findings-label-stands-at = Stands at:
findings-label-verification = Verification:
findings-step-accepted = plan accepted { $date }
findings-step-implemented = implemented { $date }
findings-step-verified = verified effective { $date } by { $by }
findings-intro = { $n ->
    [one] { $n } finding that calls for action, grouped by the requirement it concerns.
   *[other] { $n } findings that call for action, grouped by the requirement they concern.
}
findings-good-practice-note = { $n ->
    [one] { $n } practice worth keeping and spreading; it needs no action.
   *[other] { $n } practices worth keeping and spreading; they need no action.
}

## Improvement roadmap
roadmap-intro = Open actions, by the audit milestone they are needed for, highest priority and earliest due date first.
roadmap-none = There are no open actions.
roadmap-not-scheduled = Not yet scheduled
roadmap-closed = { $n ->
    [one] { $n } closed finding is not listed.
   *[other] { $n } closed findings are not listed.
}

## The consultant's own words
narrative-key-messages = Key messages
narrative-conclusions = Conclusions
narrative-next-steps = Next steps
narrative-comments-by-clause = Comments by clause

## Service KPIs
kpis-none = No service KPIs were recorded.
kpis-intro = Service KPIs as evidence of performance (9.1), each measured period after period against its target. A point is green when the period met the target, amber when it fell short within the tolerance, red when it missed. A KPI that missed its target in the newest period and led to no decision or action is marked as measured but not acted upon.
kpis-drives = drives: { $findings }
kpis-flag-not-acted-upon = Not acted upon
kpis-not-acted-upon-title = Measured, not acted upon: { $n ->
    [one] { $n } KPI
   *[other] { $n } KPIs
}
kpis-not-acted-upon-line = { $value } against a target of { $target }, missed in { $missed } of { $n ->
    [one] { $n } period
   *[other] { $n } periods
}; no decision is recorded and no finding or roadmap action is linked.
kpis-decisions = Decisions taken on KPI results
kpis-definitions = KPI definitions
kpis-periods-met = { $n } · { $met } met

## Documented information register
documents-not-checked = not checked
documents-recorded = Recorded
documents-none-recorded = None recorded
documents-intro = The documented information the standard expects, requirement by requirement, and what the assessment found: ☑ seen (with whether it is approved and the current version, and the evidence item it was seen as), ☒ missing, ☐ not checked. Of { $total } items, { $seen } were seen, { $missing } { $missing ->
    [one] is
   *[other] are
} missing and { $unchecked } { $unchecked ->
    [one] was
   *[other] were
} not checked. The level column shows the requirement's maturity.

## Requirements marked not applicable
not-applicable-intro = The standard allows no exclusions of its requirements. A requirement may have no instances in the scope (no internal suppliers, say), which is recorded as such; a claimed exclusion stands in the way of certification. Each is listed here with its justification for the auditor's attention.
not-applicable-none = No requirement was marked not applicable.

## Appendix: requirements and ITIL 4 practices
itil-intro = The ITIL 4 practices that usually support each requirement: where a requirement falls short, these are the practices to look at first. Requirements marked SMS governance are about running the management system itself (leadership, roles, documented information, internal audit, management review, corrective action): no ITIL 4 practice covers them.
itil-governance = SMS governance: no ITIL 4 practice equivalent

## Appendix: evidence index
evidence-intro = The { $n } items of evidence the judgements rest on, with { $files ->
    [one] { $files } attached file
   *[other] { $files } attached files
} ({ $size }).
evidence-samples = { $n ->
    [one] { $n } record sample was drawn; population, sample size and exceptions are given with each.
   *[other] { $n } record samples were drawn; population, sample size and exceptions are given with each.
}
evidence-hashes = Each file is identified by the first 12 digits of its SHA-256: a copy whose hash starts the same is the file that was seen.
evidence-version = version { $version }
evidence-seen = seen { $date }
evidence-sample = Sample: { $sample } of { $population } sampled, { $exceptions ->
    [0] no exceptions
    [one] { $exceptions } exception
   *[other] { $exceptions } exceptions
}
