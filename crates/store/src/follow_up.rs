//! Follow-up assessments: a new assessment started from an earlier one (its
//! baseline), and the progress made since.

use clausewise_core::finding::Finding;
use clausewise_core::kpi::Kpi;
use clausewise_core::progress::{progress, Progress, Side};
use clausewise_core::{Assessment, AssessmentStatus, Catalogue, ClauseResponse, FollowUpInput};
use uuid::Uuid;

use crate::assessments::insert_assessment_row;
use crate::sql::now;
use crate::{Store, StoreError};

impl Store {
    /// Starts a follow-up of `baseline_id`, in one transaction: same client,
    /// scope, assessors and target; every requirement's target override;
    /// the levels and N/A decisions if `copy_levels`, marked carried over
    /// until confirmed; the open findings (as
    /// new findings, keeping their status); the KPI definitions without
    /// their measured values. Notes, evidence and interviewees start empty:
    /// the follow-up is a fresh look.
    pub fn start_follow_up(
        &mut self,
        baseline_id: Uuid,
        input: &FollowUpInput,
    ) -> Result<Assessment, StoreError> {
        let input = input.validated()?;
        let catalogue = Catalogue::builtin();
        // Immediate: the write lock is taken before the baseline is read, so
        // what is copied is exactly what is there when the follow-up starts.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let baseline = self.get_assessment(baseline_id)?;
        let responses = self.list_responses(baseline_id)?;
        let findings = self.list_findings(baseline_id)?;
        let kpis = self.list_kpis(baseline_id)?;
        let practices = crate::practices::list(&self.conn, baseline_id)?;
        let scope = crate::people::list_scope(&self.conn, baseline_id)?;
        let now = now();
        let follow_up = Assessment {
            id: Uuid::new_v4(),
            title: input.title,
            status: AssessmentStatus::Draft,
            // New fieldwork, on dates of its own.
            starts_on: None,
            ends_on: None,
            catalogue_id: catalogue.id.clone(),
            catalogue_version: catalogue.version.clone(),
            baseline_id: Some(baseline.id),
            created_at: now,
            updated_at: now,
            ..baseline
        };

        insert_assessment_row(&tx, &follow_up)?;
        for r in &responses {
            let carried = ClauseResponse {
                rating: if input.copy_levels {
                    r.rating
                } else {
                    clausewise_core::Rating::NotAssessed
                },
                target_level: r.target_level,
                na_justification: if input.copy_levels {
                    r.na_justification.clone()
                } else {
                    String::new()
                },
                na_basis: if input.copy_levels {
                    r.na_basis
                } else {
                    clausewise_core::NaBasis::default()
                },
                // Until the consultant confirms or changes it.
                carried_over: input.copy_levels && r.rating != clausewise_core::Rating::NotAssessed,
                ..ClauseResponse::blank(&r.clause_id)
            };
            if carried != ClauseResponse::blank(&r.clause_id) {
                crate::responses::upsert_response(&tx, follow_up.id, &carried, now)?;
            }
        }
        let mut renamed = std::collections::HashMap::new();
        for f in findings.iter().filter(|f| f.is_open()) {
            let carried = Finding {
                id: Uuid::new_v4(),
                created_at: now,
                updated_at: now,
                ..f.clone()
            };
            renamed.insert(f.id, carried.id);
            crate::findings::insert_finding(&tx, follow_up.id, &carried)?;
        }
        // KPIs carry their series forward, so that the follow-up shows the
        // trend since the baseline; their links follow the open findings.
        for k in &kpis {
            let carried = Kpi {
                id: Uuid::new_v4(),
                finding_ids: k
                    .finding_ids
                    .iter()
                    .filter_map(|id| renamed.get(id).copied())
                    .collect(),
                created_at: now,
                updated_at: now,
                ..k.clone()
            };
            crate::kpis::insert_kpi(&tx, follow_up.id, &carried)?;
        }
        // The practice profile: who owns what on which tool stays; how well
        // each runs is carried with the levels, to be confirmed or changed.
        for p in &practices {
            let carried = if input.copy_levels {
                p.clone()
            } else {
                clausewise_core::practices::PracticeRecord {
                    status: None,
                    capability: None,
                    notes: String::new(),
                    ..p.clone()
                }
            };
            crate::practices::write(&tx, follow_up.id, &carried)?;
        }
        // The scope carries over, to be confirmed (the client's people are
        // the client's, shared already). Interviews and evidence are the
        // new fieldwork's own.
        for s in &scope {
            crate::people::write_scope(
                &tx,
                follow_up.id,
                &clausewise_core::engagement::ScopeItem {
                    id: Uuid::new_v4(),
                    ..s.clone()
                },
            )?;
        }
        tx.commit()?;
        Ok(follow_up)
    }

    /// Progress of `id` since its baseline; `None` when it has none (or the
    /// baseline was deleted).
    pub fn progress(&self, id: Uuid) -> Result<Option<Progress>, StoreError> {
        // One read transaction: both sides come from the same moment, even
        // while another process (the CLI, say) writes.
        self.read(|s| s.progress_within(id))
    }

    fn progress_within(&self, id: Uuid) -> Result<Option<Progress>, StoreError> {
        let current = self.get_assessment(id)?;
        let Some(baseline_id) = current.baseline_id else {
            return Ok(None);
        };
        let baseline = match self.get_assessment(baseline_id) {
            Ok(a) => a,
            Err(StoreError::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let load = |a: &Assessment| -> Result<_, StoreError> {
            Ok((
                self.list_responses(a.id)?,
                self.list_findings(a.id)?,
                self.list_kpis(a.id)?,
            ))
        };
        let (br, bf, bk) = load(&baseline)?;
        let (cr, cf, ck) = load(&current)?;
        Ok(Some(progress(
            Catalogue::builtin(),
            Side {
                assessment: &baseline,
                responses: &br,
                findings: &bf,
                kpis: &bk,
            },
            Side {
                assessment: &current,
                responses: &cr,
                findings: &cf,
                kpis: &ck,
            },
        )))
    }
}
