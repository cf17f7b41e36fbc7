//! Merging two copies of one assessment: what only one side changed is
//! taken, records only one side has are united, a field both changed
//! differently is a conflict to decide; merging twice changes nothing and
//! the order of the copies does not matter.

mod common;

use clausewise_core::finding::{FindingInput, FindingKind, FindingStatus, Priority};
use clausewise_core::history::{ChangeKind, HistoryQuery, Origin};
use clausewise_core::merge::{MergeChoices, Side};
use clausewise_core::response::ResponseEdit;
use clausewise_core::transfer::OnConflict;
use clausewise_core::{ClauseResponse, Rating};
use clausewise_store::{Store, StoreError};
use common::blank;
use uuid::Uuid;

fn level(store: &mut Store, id: Uuid, clause: &str, level: u8) {
    store
        .edit_response(id, clause, &ResponseEdit::Rating(Rating::Level { level }))
        .unwrap();
}

fn note(store: &mut Store, id: Uuid, clause: &str, text: &str) {
    store
        .edit_response(id, clause, &ResponseEdit::Notes(text.into()))
        .unwrap();
}

fn finding(title: &str) -> FindingInput {
    FindingInput {
        clause_id: "9.2".into(),
        kind: FindingKind::MinorNonconformity,
        title: title.into(),
        observation: String::new(),
        evidence: String::new(),
        recommendation: String::new(),
        priority: Priority::Medium,
        owner: String::new(),
        due_date: None,
        status: FindingStatus::Open,
        phase: None,
        lifecycle: Default::default(),
    }
}

fn file_of(store: &Store, id: Uuid) -> Vec<u8> {
    serde_json::to_vec(&store.export_assessment(id).unwrap()).unwrap()
}

/// Two copies of one assessment: `a` here, `b` imported from its file.
fn two_copies() -> (Store, Store, Uuid) {
    let mut a = Store::open_in_memory().unwrap();
    let id = blank(&mut a);
    a.use_author("Ana").unwrap();
    level(&mut a, id, "8.5.1.3", 2);
    note(&mut a, id, "9.2", "Programme drafted");
    let mut b = Store::open_in_memory().unwrap();
    b.import_assessment(&file_of(&a, id), OnConflict::Fail)
        .unwrap();
    b.use_author("Ben").unwrap();
    (a, b, id)
}

fn responses(store: &Store, id: Uuid) -> Vec<(String, Rating, String)> {
    store
        .list_responses(id)
        .unwrap()
        .into_iter()
        .map(|r: ClauseResponse| (r.clause_id, r.rating, r.notes))
        .collect()
}

#[test]
fn what_one_side_changed_is_taken_and_a_field_both_changed_is_a_conflict() {
    let (mut a, mut b, id) = two_copies();
    // Ana takes operations, Ben governance; both write 9.2's note.
    level(&mut a, id, "8.5.1.3", 3);
    note(&mut a, id, "9.2", "Programme approved by the CIO");
    level(&mut b, id, "9.4", 2);
    note(&mut b, id, "9.2", "Programme drafted, not approved");
    b.create_finding(id, &finding("No audit for 2026")).unwrap();

    let preview = a.preview_merge(&file_of(&b, id)).unwrap();
    assert!(preview.with_history);
    assert_eq!(preview.conflicts.len(), 1, "{:?}", preview.conflicts);
    let c = &preview.conflicts[0];
    assert_eq!((c.label.as_str(), c.field.as_str()), ("9.2", "notes"));
    assert_eq!(c.mine.as_deref(), Some("Programme approved by the CIO"));
    assert_eq!(c.theirs.as_deref(), Some("Programme drafted, not approved"));
    assert_eq!(c.mine_by.as_ref().unwrap().author, "Ana");
    assert_eq!(c.theirs_by.as_ref().unwrap().author, "Ben");
    // Taken: 9.4's level; united: the finding (Ana's 8.5.1.3 stays hers).
    let taken: Vec<&str> = preview.taken.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(taken, ["9.4"]);
    assert_eq!(preview.united.len(), 1);
    assert_eq!(preview.united[0].label, "No audit for 2026");

    // Undecided: refused, nothing written.
    let before = responses(&a, id);
    let err = a
        .merge(&file_of(&b, id), &MergeChoices::default())
        .unwrap_err();
    assert!(matches!(err, StoreError::MergeConflicts { .. }));
    assert!(err.to_string().contains("requirement 9.2, notes"), "{err}");
    assert_eq!(responses(&a, id), before);

    // Decided one by one: Ben's note.
    let mut choices = MergeChoices::default();
    choices.choices.insert(c.id.clone(), Side::Theirs);
    let merged = a.merge(&file_of(&b, id), &choices).unwrap();
    assert_eq!((merged.taken, merged.united, merged.conflicts), (1, 1, 1));
    let now = responses(&a, id);
    let of = |clause: &str| now.iter().find(|r| r.0 == clause).unwrap().clone();
    assert_eq!(of("8.5.1.3").1, Rating::Level { level: 3 });
    assert_eq!(of("9.4").1, Rating::Level { level: 2 });
    assert_eq!(of("9.2").2, "Programme drafted, not approved");
    assert_eq!(a.list_findings(id).unwrap().len(), 1);
    assert!(a.check().unwrap().is_ok());

    // The log: the merge, and Ben's changes as made elsewhere, by Ben.
    let log = a.history(id, &HistoryQuery::default()).unwrap();
    assert!(log
        .iter()
        .any(|e| e.kind == ChangeKind::Merge && e.author == "Ana"));
    assert!(log
        .iter()
        .any(|e| e.author == "Ben" && e.origin == Origin::Imported));

    // The same file again: nothing to take, nothing to decide.
    let again = a.preview_merge(&file_of(&b, id)).unwrap();
    assert!(
        again.taken.is_empty() && again.united.is_empty() && again.conflicts.is_empty(),
        "{again:?}"
    );
    let merged = a.merge(&file_of(&b, id), &MergeChoices::default()).unwrap();
    assert_eq!((merged.taken, merged.united, merged.conflicts), (0, 0, 0));
    assert_eq!(responses(&a, id), now);
}

#[test]
fn without_conflicts_the_order_of_the_copies_does_not_matter() {
    let (mut a, mut b, id) = two_copies();
    level(&mut a, id, "8.5.1.3", 4);
    a.create_finding(id, &finding("Change records incomplete"))
        .unwrap();
    level(&mut b, id, "9.4", 1);
    note(&mut b, id, "9.4", "Внутренний аудит не проводился 🙁");
    let (file_a, file_b) = (file_of(&a, id), file_of(&b, id));
    a.merge(&file_b, &MergeChoices::default()).unwrap();
    b.merge(&file_a, &MergeChoices::default()).unwrap();
    assert_eq!(responses(&a, id), responses(&b, id));
    let titles = |s: &Store| {
        s.list_findings(id)
            .unwrap()
            .into_iter()
            .map(|f| f.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&a), titles(&b));
    // And once merged both ways, the copies agree: nothing more to merge.
    let back = a.preview_merge(&file_of(&b, id)).unwrap();
    assert!(
        back.taken.is_empty() && back.united.is_empty() && back.conflicts.is_empty(),
        "{back:?}"
    );
}

#[test]
fn a_file_without_history_conflicts_wherever_values_differ() {
    let (mut a, mut b, id) = two_copies();
    level(&mut a, id, "8.5.1.3", 3);
    level(&mut b, id, "9.4", 2);
    b.create_finding(id, &finding("No audit for 2026")).unwrap();
    let mut old: serde_json::Value = serde_json::from_slice(&file_of(&b, id)).unwrap();
    old["format_version"] = 5.into();
    old.as_object_mut().unwrap().remove("history");
    let old = serde_json::to_vec(&old).unwrap();
    let preview = a.preview_merge(&old).unwrap();
    assert!(!preview.with_history);
    let fields: Vec<(&str, &str)> = preview
        .conflicts
        .iter()
        .map(|c| (c.label.as_str(), c.field.as_str()))
        .collect();
    assert!(fields.contains(&("8.5.1.3", "level")), "{fields:?}");
    assert!(fields.contains(&("9.4", "level")), "{fields:?}");
    assert_eq!(
        preview.united.len(),
        1,
        "records only one side has are united"
    );
    let merged = a
        .merge(
            &old,
            &MergeChoices {
                prefer: Some(Side::Mine),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(merged.united, 1);
    assert_eq!(
        responses(&a, id)
            .iter()
            .find(|r| r.0 == "8.5.1.3")
            .unwrap()
            .1,
        Rating::Level { level: 3 }
    );
    // Theirs for all.
    let (mut c, mut d, id) = two_copies();
    level(&mut c, id, "8.5.1.3", 5);
    level(&mut d, id, "8.5.1.3", 1);
    c.merge(
        &file_of(&d, id),
        &MergeChoices {
            prefer: Some(Side::Theirs),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        responses(&c, id)
            .iter()
            .find(|r| r.0 == "8.5.1.3")
            .unwrap()
            .1,
        Rating::Level { level: 1 }
    );
}

#[test]
fn a_file_of_another_assessment_is_not_merged() {
    let (a, _, _) = two_copies();
    let mut other = Store::open_in_memory().unwrap();
    let id = blank(&mut other);
    assert!(matches!(
        a.preview_merge(&file_of(&other, id)),
        Err(StoreError::NotACopy { .. })
    ));
}

/// One edit a consultant makes on one copy.
#[derive(Debug, Clone)]
enum Edit {
    Level(usize, u8),
    Note(usize, String),
    Finding(String),
}

const CLAUSES: [&str; 6] = ["4.1", "8.5.1.3", "9.2", "9.4", "10.1", "8.3.4.2"];

fn edit_strategy() -> impl proptest::strategy::Strategy<Value = Edit> {
    use proptest::prelude::*;
    prop_oneof![
        (0..CLAUSES.len(), 0u8..=5).prop_map(|(c, l)| Edit::Level(c, l)),
        (0..CLAUSES.len(), "[a-zA-Zа-яё 🙂]{1,12}").prop_map(|(c, t)| Edit::Note(c, t)),
        "[A-Za-z]{3,10}".prop_map(Edit::Finding),
    ]
}

fn make(store: &mut Store, id: Uuid, edit: &Edit) {
    match edit {
        Edit::Level(c, l) => level(store, id, CLAUSES[*c], *l),
        Edit::Note(c, t) => note(store, id, CLAUSES[*c], t),
        Edit::Finding(t) => {
            store.create_finding(id, &finding(t)).unwrap();
        }
    }
}

fn state(store: &Store, id: Uuid) -> (Vec<(String, Rating, String)>, Vec<String>) {
    let mut titles: Vec<String> = store
        .list_findings(id)
        .unwrap()
        .into_iter()
        .map(|f| format!("{} {}", f.id, f.title))
        .collect();
    titles.sort();
    (responses(store, id), titles)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Random edits on two copies, on requirements the other copy leaves
    /// alone: merged both ways, the copies are the same, with no conflict,
    /// and every change either side made is there.
    #[test]
    fn edits_on_two_copies_merge_the_same_both_ways_and_none_is_lost(
        mine in proptest::collection::vec(edit_strategy(), 0..8),
        theirs in proptest::collection::vec(edit_strategy(), 0..8),
    ) {
        let (mut a, mut b, id) = two_copies();
        // Ana works on the first half of the requirements, Ben on the rest.
        let split = |e: &Edit, first: bool| match e {
            Edit::Level(c, _) | Edit::Note(c, _) => (*c < CLAUSES.len() / 2) == first,
            Edit::Finding(_) => true,
        };
        for e in mine.iter().filter(|e| split(e, true)) {
            make(&mut a, id, e);
        }
        for e in theirs.iter().filter(|e| split(e, false)) {
            make(&mut b, id, e);
        }
        let (before_a, before_b) = (state(&a, id), state(&b, id));
        let (file_a, file_b) = (file_of(&a, id), file_of(&b, id));
        let preview = a.preview_merge(&file_b).unwrap();
        proptest::prop_assert!(preview.conflicts.is_empty(), "{:?}", preview.conflicts);
        a.merge(&file_b, &MergeChoices::default()).unwrap();
        b.merge(&file_a, &MergeChoices::default()).unwrap();
        let (after_a, after_b) = (state(&a, id), state(&b, id));
        proptest::prop_assert_eq!(&after_a, &after_b);
        // Nothing either side changed is lost: each requirement is as the
        // copy that worked on it left it, and every finding is there.
        for (clause, rating, notes) in &after_a.0 {
            let index = CLAUSES.iter().position(|c| c == clause);
            let source = match index {
                Some(i) if i >= CLAUSES.len() / 2 => &before_b,
                _ => &before_a,
            };
            if let Some(r) = source.0.iter().find(|r| &r.0 == clause) {
                proptest::prop_assert_eq!((&r.1, &r.2), (rating, notes));
            }
        }
        for f in before_a.1.iter().chain(&before_b.1) {
            proptest::prop_assert!(after_a.1.contains(f), "lost {f}");
        }
        proptest::prop_assert!(a.check().unwrap().is_ok());
        // Merged once more: nothing left to do.
        let again = a.preview_merge(&file_of(&b, id)).unwrap();
        proptest::prop_assert!(again.taken.is_empty() && again.united.is_empty() && again.conflicts.is_empty());
    }
}

#[test]
fn a_follow_up_merges_with_its_baseline_kept_though_the_other_copy_has_none() {
    let mut a = Store::open_in_memory().unwrap();
    let baseline = blank(&mut a);
    let follow = a
        .start_follow_up(
            baseline,
            &clausewise_core::FollowUpInput {
                title: "Readiness 2027".into(),
                copy_levels: false,
            },
        )
        .unwrap()
        .id;
    // Ben has only the follow-up: imported without its baseline.
    let mut b = Store::open_in_memory().unwrap();
    b.import_assessment(&file_of(&a, follow), OnConflict::Fail)
        .unwrap();
    b.use_author("Ben").unwrap();
    level(&mut b, follow, "9.4", 2);
    let preview = a.preview_merge(&file_of(&b, follow)).unwrap();
    assert!(preview.conflicts.is_empty(), "{:?}", preview.conflicts);
    a.merge(&file_of(&b, follow), &MergeChoices::default())
        .unwrap();
    assert_eq!(
        a.get_assessment(follow).unwrap().baseline_id,
        Some(baseline)
    );
    assert_eq!(
        responses(&a, follow)
            .iter()
            .find(|r| r.0 == "9.4")
            .unwrap()
            .1,
        Rating::Level { level: 2 }
    );
}
