//! Follow-up assessments: what is carried over from the baseline, progress
//! since the baseline, and what happens to the link on delete and import.

use clausewise_core::finding::{FindingKind, FindingStatus};
use clausewise_core::progress::Trend;
use clausewise_core::{ClauseResponse, FollowUpInput, Rating};
use clausewise_store::{OnConflict, Store, StoreError};

fn demo() -> (Store, uuid::Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_demo().unwrap().id;
    (store, id)
}

fn follow_up(store: &mut Store, baseline: uuid::Uuid, copy_levels: bool) -> uuid::Uuid {
    store
        .start_follow_up(
            baseline,
            &FollowUpInput {
                title: "Follow-up — année 2 / 第二年".into(),
                copy_levels,
            },
        )
        .unwrap()
        .id
}

#[test]
fn a_follow_up_with_copied_levels_starts_where_the_baseline_ended() {
    let (mut store, baseline) = demo();
    let id = follow_up(&mut store, baseline, true);
    let (before, after) = (
        store.get_assessment(baseline).unwrap(),
        store.get_assessment(id).unwrap(),
    );
    assert_eq!(after.baseline_id, Some(baseline));
    assert_eq!(after.client_id, before.client_id);
    assert_eq!(after.scope, before.scope);
    assert_eq!(after.assessors, before.assessors);
    assert_eq!(after.target_level, before.target_level);
    assert_eq!(after.title, "Follow-up — année 2 / 第二年");
    // The scope carries over under ids of its own; the people are the
    // client's; interviews and evidence are the new fieldwork's own.
    let (was, is) = (
        store.engagement(baseline).unwrap(),
        store.engagement(id).unwrap(),
    );
    assert_eq!(is.scope.len(), was.scope.len());
    assert!(is
        .scope
        .iter()
        .all(|s| was.scope.iter().all(|w| w.id != s.id)));
    assert_eq!(is.matrix.processes, was.matrix.processes);
    assert_eq!(is.people, was.people);
    assert!(is.interviews.is_empty() && is.evidence.is_empty());

    let then = store.workspace(baseline).unwrap();
    let now = store.workspace(id).unwrap();
    assert_eq!(now.scorecard.overall, then.scorecard.overall);
    assert_eq!(now.scorecard.coverage, then.scorecard.coverage);
    for r in &then.responses {
        let carried = now
            .responses
            .iter()
            .find(|c| c.clause_id == r.clause_id)
            .unwrap_or_else(|| panic!("{} carried over", r.clause_id));
        assert_eq!(carried.rating, r.rating);
        assert_eq!(carried.target_level, r.target_level);
        assert_eq!(carried.na_justification, r.na_justification);
        assert_eq!(carried.notes, "", "notes start empty");
        assert_eq!(carried.evidence, "");
    }

    // Open findings that call for action come along, as new findings.
    let open_then: Vec<_> = store
        .list_findings(baseline)
        .unwrap()
        .into_iter()
        .filter(|f| f.status.is_open() && f.kind != FindingKind::GoodPractice)
        .collect();
    let carried = store.list_findings(id).unwrap();
    assert!(!open_then.is_empty());
    assert_eq!(carried.len(), open_then.len());
    for f in &open_then {
        let c = carried.iter().find(|c| c.title == f.title).unwrap();
        assert_ne!(c.id, f.id);
        assert_eq!(
            (c.kind, c.status, c.clause_id.as_str()),
            (f.kind, f.status, f.clause_id.as_str())
        );
    }
    // KPIs come along with their series, to be measured on: the trend
    // runs from the baseline into the follow-up.
    let kpis_then = store.list_kpis(baseline).unwrap();
    let kpis_now = store.list_kpis(id).unwrap();
    assert_eq!(kpis_now.len(), kpis_then.len());
    for (now, then) in kpis_now.iter().zip(&kpis_then) {
        assert_ne!(now.id, then.id);
        assert_eq!(
            (&now.measurements, now.target, &now.decision),
            (&then.measurements, then.target, &then.decision)
        );
        // The links follow the open findings to their copies.
        for link in &now.finding_ids {
            assert!(carried.iter().any(|c| c.id == *link), "{}", now.name);
        }
        assert_eq!(
            now.finding_ids.len(),
            then.finding_ids.len(),
            "{}",
            now.name
        );
    }

    let p = store
        .progress(id)
        .unwrap()
        .expect("a follow-up has progress");
    assert_eq!(p.baseline.id, baseline);
    assert_eq!(p.overall_delta, Some(0.0));
    assert_eq!(p.overall_trend, Trend::Unchanged);
    assert_eq!(p.requirements.improved + p.requirements.regressed, 0);
    assert_eq!(p.open_actions.baseline, p.open_actions.current);
    // The baseline has no baseline of its own.
    assert_eq!(store.progress(baseline).unwrap(), None);
    let list = store.list_assessments().unwrap();
    let row = list.iter().find(|a| a.id == id).unwrap();
    assert_eq!(row.baseline_id, Some(baseline));
    assert_eq!(row.baseline_title.as_deref(), Some(before.title.as_str()));
}

#[test]
fn progress_follows_the_work_done_since() {
    let (mut store, baseline) = demo();
    let id = follow_up(&mut store, baseline, true);
    let then = store.workspace(baseline).unwrap();
    let low = then
        .responses
        .iter()
        .find(|r| matches!(r.rating, Rating::Level { level } if level < 5))
        .unwrap();
    let Rating::Level { level } = low.rating else {
        unreachable!()
    };
    store
        .save_response(
            id,
            &ClauseResponse {
                rating: Rating::Level { level: level + 1 },
                ..low.clone()
            },
        )
        .unwrap();
    for f in store.list_findings(id).unwrap() {
        if f.kind == FindingKind::MajorNonconformity {
            let input = clausewise_core::finding::FindingInput {
                clause_id: f.clause_id.clone(),
                kind: f.kind,
                title: f.title.clone(),
                observation: f.observation.clone(),
                evidence: f.evidence.clone(),
                recommendation: f.recommendation.clone(),
                priority: f.priority,
                status: FindingStatus::Closed,
                phase: f.phase,
                owner: "Quality manager".into(),
                due_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
                // Closed only once verified effective.
                lifecycle: clausewise_core::finding::Lifecycle {
                    correction: "Extra review held".into(),
                    root_cause: "No owner".into(),
                    corrective_action: "Owner named and review scheduled".into(),
                    plan_accepted_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
                    implemented_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
                    verified_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
                    verified_by: "Lead assessor".into(),
                    verification: "Minutes of the review seen".into(),
                },
            };
            store.update_finding(id, f.id, &input).unwrap();
        }
    }
    let p = store.progress(id).unwrap().unwrap();
    assert_eq!(p.requirements.improved, 1);
    assert_eq!(p.requirements.regressed, 0);
    let c = p
        .clauses
        .iter()
        .find(|c| c.clause_id == low.clause_id)
        .unwrap();
    assert_eq!(c.trend, Trend::Improved);
    assert_eq!(c.delta, Some(1.0));
    assert_eq!(p.overall_trend, Trend::Improved);
    assert!(p.open_major.baseline > 0);
    assert_eq!(p.open_major.current, 0);
}

#[test]
fn a_blank_follow_up_keeps_targets_but_no_levels() {
    let (mut store, baseline) = demo();
    store
        .save_response(
            baseline,
            &ClauseResponse {
                rating: Rating::Level { level: 2 },
                target_level: Some(5),
                ..ClauseResponse::blank("8.7.3.1")
            },
        )
        .unwrap();
    let id = follow_up(&mut store, baseline, false);
    let ws = store.workspace(id).unwrap();
    assert_eq!(ws.scorecard.assessed, 0);
    assert!(ws.responses.iter().all(|r| r.rating == Rating::NotAssessed));
    let kept = ws
        .responses
        .iter()
        .find(|r| r.clause_id == "8.7.3.1")
        .unwrap();
    assert_eq!(kept.target_level, Some(5));
    let p = store.progress(id).unwrap().unwrap();
    assert_eq!(p.requirements.not_comparable, 57);
    assert_eq!(p.overall_current, None);
}

#[test]
fn bad_requests_change_nothing() {
    let (mut store, baseline) = demo();
    let before = store.list_assessments().unwrap();
    let err = store
        .start_follow_up(
            baseline,
            &FollowUpInput {
                title: "   ".into(),
                copy_levels: true,
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    let err = store
        .start_follow_up(
            uuid::Uuid::new_v4(),
            &FollowUpInput {
                title: "Follow-up".into(),
                copy_levels: true,
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
    assert_eq!(store.list_assessments().unwrap(), before);
}

#[test]
fn deleting_the_baseline_keeps_the_follow_up() {
    let (mut store, baseline) = demo();
    let id = follow_up(&mut store, baseline, true);
    let findings = store.list_findings(id).unwrap();
    store.delete_assessment(baseline).unwrap();
    let a = store.get_assessment(id).unwrap();
    assert_eq!(a.baseline_id, None);
    assert_eq!(store.progress(id).unwrap(), None);
    assert_eq!(store.list_findings(id).unwrap(), findings);
}

#[test]
fn the_link_survives_export_and_import_where_the_baseline_is() {
    let (mut store, baseline) = demo();
    let id = follow_up(&mut store, baseline, true);
    let follow_json = store.export_assessment(id).unwrap().to_json();
    let baseline_json = store.export_assessment(baseline).unwrap().to_json();
    assert!(follow_json.contains(&format!("\"baseline_id\": \"{baseline}\"")));
    assert!(!baseline_json.contains("baseline_id"), "left out when none");

    // Without its baseline, the follow-up is imported unlinked, and the
    // consultant is told how to link it.
    let mut other = Store::open_in_memory().unwrap();
    let imported = other
        .import_assessment(follow_json.as_bytes(), OnConflict::Fail)
        .unwrap();
    assert_eq!(imported.assessment.baseline_id, None);
    let notice = imported.notice.expect("a notice");
    assert!(
        notice.contains("baseline is not in this database"),
        "{notice}"
    );
    // Following that advice links it.
    other
        .import_assessment(baseline_json.as_bytes(), OnConflict::Fail)
        .unwrap();
    let relinked = other
        .import_assessment(follow_json.as_bytes(), OnConflict::Replace)
        .unwrap();
    assert_eq!(relinked.assessment.baseline_id, Some(baseline));
    assert_eq!(relinked.notice, None);
    // With its baseline imported first, the link is kept.
    let mut third = Store::open_in_memory().unwrap();
    let first = third
        .import_assessment(baseline_json.as_bytes(), OnConflict::Fail)
        .unwrap();
    assert_eq!(first.notice, None, "no baseline, nothing to say");
    let a = third
        .import_assessment(follow_json.as_bytes(), OnConflict::Fail)
        .unwrap()
        .assessment;
    assert_eq!(a.baseline_id, Some(baseline));
    assert_eq!(
        third.progress(id).unwrap(),
        store.progress(id).unwrap(),
        "the same progress in both databases"
    );

    // Replacing the baseline keeps its follow-up linked to it.
    store
        .import_assessment(baseline_json.as_bytes(), OnConflict::Replace)
        .unwrap();
    assert_eq!(
        store.get_assessment(id).unwrap().baseline_id,
        Some(baseline)
    );
    // A copy (keep both) of the follow-up points at the same baseline.
    let copy = store
        .import_assessment(follow_json.as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    assert_ne!(copy.id, id);
    assert_eq!(copy.baseline_id, Some(baseline));
}

#[test]
fn an_assessment_cannot_be_its_own_baseline_in_a_file() {
    let (mut store, id) = demo();
    let json = store.export_assessment(id).unwrap().to_json();
    let own = json.replacen(
        "\"catalogue_version\"",
        &format!("\"baseline_id\": \"{id}\", \"catalogue_version\""),
        1,
    );
    let err = store
        .import_assessment(own.as_bytes(), OnConflict::Replace)
        .unwrap_err();
    assert!(err.to_string().contains("its own baseline"), "{err}");
}

#[test]
fn an_import_never_links_assessments_in_a_loop() {
    // B follows A; a file of A that names B as A's baseline would make each
    // the baseline of the other.
    let (mut store, a) = demo();
    let b = follow_up(&mut store, a, true);
    let json = store.export_assessment(a).unwrap().to_json();
    let looped = json.replacen(
        "\"catalogue_version\"",
        &format!("\"baseline_id\": \"{b}\", \"catalogue_version\""),
        1,
    );
    let imported = store
        .import_assessment(looped.as_bytes(), OnConflict::Replace)
        .unwrap();
    assert!(imported.notice.unwrap().contains("itself a follow-up"));
    let imported = imported.assessment;
    assert_eq!(imported.baseline_id, None);
    assert_eq!(store.get_assessment(a).unwrap().baseline_id, None);
    assert_eq!(store.get_assessment(b).unwrap().baseline_id, Some(a));
    assert!(store.progress(b).unwrap().is_some());
    assert_eq!(store.progress(a).unwrap(), None);
    // As a copy (keep both), A' may follow B: no loop.
    let copy = store
        .import_assessment(looped.as_bytes(), OnConflict::KeepBoth)
        .unwrap()
        .assessment;
    assert_eq!(copy.baseline_id, Some(b));
}

#[test]
fn carried_over_levels_count_apart_until_confirmed() {
    use clausewise_core::response::ResponseEdit;
    let (mut store, baseline) = demo();
    let then = store.workspace(baseline).unwrap();
    assert_eq!(then.scorecard.carried_over, 0);
    let id = follow_up(&mut store, baseline, true);
    let now = store.workspace(id).unwrap();
    assert_eq!(now.scorecard.assessed, then.scorecard.assessed);
    assert_eq!(
        now.scorecard.carried_over, now.scorecard.assessed,
        "every copied level waits for confirmation"
    );
    assert!(now
        .responses
        .iter()
        .all(|r| r.carried_over == (r.rating != Rating::NotAssessed)));

    // A note is not a confirmation; setting a level (even the same one) is.
    let level = now
        .responses
        .iter()
        .find(|r| r.clause_id == "4.1")
        .unwrap()
        .rating;
    let noted = store
        .edit_response(id, "4.1", &ResponseEdit::Notes("Seen again.".into()))
        .unwrap();
    assert!(noted.response.carried_over);
    let confirmed = store
        .edit_response(id, "4.1", &ResponseEdit::Rating(level))
        .unwrap();
    assert!(!confirmed.response.carried_over);
    assert_eq!(
        confirmed.scorecard.carried_over,
        now.scorecard.carried_over - 1
    );
    assert_eq!(
        confirmed.scorecard.clause("4").unwrap().carried_over + 1,
        now.scorecard.clause("4").unwrap().carried_over
    );

    // The flag travels in the assessment file.
    let file = store.export_assessment(id).unwrap();
    assert_eq!(
        file.responses.iter().filter(|r| r.carried_over).count() as u32,
        confirmed.scorecard.carried_over
    );

    // A blank follow-up has nothing to confirm.
    let blank = follow_up(&mut store, baseline, false);
    assert_eq!(store.workspace(blank).unwrap().scorecard.carried_over, 0);
}

#[test]
fn a_follow_up_measures_its_kpis_on_and_progress_shows_each_trend() {
    use clausewise_core::kpi::{KpiInput, Measurement, PeriodStatus};
    use clausewise_core::progress::Trend;

    let (mut store, baseline) = demo();
    let id = follow_up(&mut store, baseline, true);
    let kpis = store.list_kpis(id).unwrap();
    let sla = kpis
        .iter()
        .find(|k| k.name == "SLA attainment – all services")
        .unwrap();
    let mttr = kpis
        .iter()
        .find(|k| k.name.starts_with("Mean time to restore"))
        .unwrap();
    // SLA attainment recovers; restoration gets slower (lower is better).
    for (kpi, value) in [(sla, 96.1), (mttr, 3.9)] {
        let mut input = KpiInput::from(kpi);
        input.measurements.push(Measurement {
            period: "2026-11".into(),
            value,
            note: String::new(),
        });
        store.update_kpi(id, kpi.id, &input).unwrap();
    }
    let p = store.progress(id).unwrap().unwrap();
    let trend = |name: &str| {
        p.kpi_trends
            .iter()
            .find(|t| t.name.starts_with(name))
            .unwrap()
    };
    let s = trend("SLA attainment");
    assert_eq!(
        (s.baseline, s.current, s.trend),
        (Some(93.8), Some(96.1), Trend::Improved)
    );
    assert_eq!(s.current_period.as_deref(), Some("2026-11"));
    assert_eq!(s.current_status, Some(PeriodStatus::Met));
    assert_eq!(trend("Mean time to restore").trend, Trend::Regressed);
    assert_eq!(trend("Change success rate").trend, Trend::Unchanged);
    assert_eq!(
        trend("Improvement actions closed on time").trend,
        Trend::NotComparable
    );
    // The missed KPI that recovered is no longer flagged.
    let rows = store.kpi_rows(id).unwrap();
    let flagged: Vec<&str> = rows
        .iter()
        .filter(|r| r.not_acted_upon)
        .map(|r| r.kpi.name.as_str())
        .collect();
    assert_eq!(flagged, ["Service availability – shipment portal"]);
}
