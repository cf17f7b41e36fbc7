# Labels of the values of the domain, as the report prints them. The id is
# the kind of value and the value's name in files: finding-kind-observation.

## Readiness
stage-stage1 = Stage 1 readiness
stage-certification = Certification readiness
verdict-provisional = Provisional
verdict-not_ready = Not ready
verdict-ready = Ready

## Findings
finding-kind-major_nonconformity = Major nonconformity
finding-kind-minor_nonconformity = Minor nonconformity
finding-kind-observation = Observation
finding-kind-opportunity_for_improvement = Opportunity for improvement
finding-kind-good_practice = Good practice
finding-kind-short-major_nonconformity = Major NC
finding-kind-short-minor_nonconformity = Minor NC
finding-kind-short-observation = Observation
finding-kind-short-opportunity_for_improvement = OFI
finding-kind-short-good_practice = Good practice
finding-status-open = Open
finding-status-in_progress = In progress
finding-status-closed = Closed
priority-high = High
priority-medium = Medium
priority-low = Low
# After "Priority": "Priority high".
priority-lower-high = high
priority-lower-medium = medium
priority-lower-low = low
phase-before_stage1 = Before the stage 1 audit
phase-before_stage2 = Before the stage 2 audit
phase-after_certification = After certification
nc-stage-raised = Raised, no action planned
nc-stage-planned = Action planned, not accepted
nc-stage-plan_accepted = Plan accepted
nc-stage-implemented = Implemented, not verified
nc-stage-verified = Verified effective
nc-stage-short-raised = Raised
nc-stage-short-planned = Planned
nc-stage-short-plan_accepted = Plan accepted
nc-stage-short-implemented = Implemented
nc-stage-short-verified = Verified

## Conformity of a requirement, in a table cell
judgement-short-not_judged = –
judgement-short-conforms = Conforms
judgement-short-not_yet_evidenced = Not evidenced
judgement-short-minor_nonconformity = Minor NC
judgement-short-major_nonconformity = Major NC

## Requirements marked not applicable
na-basis-exclusion = Claimed exclusion
na-basis-no_instances = No instances in scope

## KPIs and progress
kpi-status-met = Met
kpi-status-within_tolerance = Within tolerance
kpi-status-missed = Missed
trend-improved = Improved
trend-regressed = Regressed
trend-unchanged = Unchanged
trend-not_comparable = Not comparable

## Practices
practice-status-not_in_place = Not in place
practice-status-partial = Partial
practice-status-in_place = In place

## Scope and evidence
criticality-high = High
criticality-medium = Medium
criticality-low = Low
# A kind of scope item, heading a list of them.
scope-kind-service = Services
scope-kind-site = Sites
scope-kind-unit = Organisational units
scope-kind-external_supplier = External suppliers
scope-kind-internal_supplier = Internal suppliers
scope-kind-customer_as_supplier = Customers acting as suppliers
# One item of that kind.
scope-kind-one-service = Service
scope-kind-one-site = Site
scope-kind-one-unit = Organisational unit
scope-kind-one-external_supplier = External supplier
scope-kind-one-internal_supplier = Internal supplier
scope-kind-one-customer_as_supplier = Customer acting as a supplier
evidence-kind-document = Document
evidence-kind-record = Record
evidence-kind-observation = Observation
evidence-kind-interview_note = Interview note
