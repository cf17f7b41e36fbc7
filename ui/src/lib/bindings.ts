// Generated from the Rust types in crates/core by `cargo test -p clausewise-core`
// with CLAUSEWISE_UPDATE_BINDINGS=1. Do not edit by hand.

export type ErrorCode = "validation" | "not_found" | "newer_schema" | "not_a_database" | "unavailable" | "storage" | "internal";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The input field the message belongs to, for validation errors.
 */
field: string | null, };

export type AppInfo = { version: string, database_path: string, };

export type Client = { id: string, name: string, created_at: string, updated_at: string, };

export type AssessmentStatus = "draft" | "final";

export type Assessment = { id: string, client_id: string, title: string, scope: string, assessors: string, 
/**
 * Maturity level the client aims for (1–5); the default target of
 * every requirement in this assessment.
 */
target_level: number, status: AssessmentStatus, 
/**
 * The framework catalogue the assessment follows (id and edition).
 */
catalogue_id: string, catalogue_version: string, created_at: string, updated_at: string, };

export type AssessmentSummary = { id: string, title: string, client_id: string, client_name: string, status: AssessmentStatus, target_level: number, created_at: string, updated_at: string, };

export type NewAssessment = { client_name: string, title: string, scope: string, assessors: string, target_level: number, };

export type MaturityLevel = { level: number, name: string, descriptor: string, };

export type Clause = { 
/**
 * Dotted clause number, e.g. `8.5.1.2`.
 */
id: string, title: string, parent: string | null, 
/**
 * Introduction of a group of requirements (clauses with children).
 */
intro?: string, 
/**
 * What an assessable requirement expects, in our own words.
 */
summary?: string, 
/**
 * Questions to ask in the workshop.
 */
questions: Array<string>, 
/**
 * Records, documents and tool views to look for.
 */
evidence: Array<string>, 
/**
 * Documented information the standard expects for this requirement.
 */
documented_information: Array<string>, 
/**
 * ITIL 4 practices that usually support the requirement.
 */
itil_practices: Array<string>, 
/**
 * KPIs that evidence the requirement.
 */
kpis: Array<string>, 
/**
 * True for leaves: the requirements that get a maturity level.
 * Derived from the tree when the catalogue is loaded (a value in the
 * file is ignored).
 */
assessable: boolean, 
/**
 * 0 for top-level clauses. Derived when the catalogue is loaded.
 */
depth: number, };

export type Catalogue = { format: string, format_version: number, 
/**
 * Stable identifier of the framework, e.g. `iso-iec-20000-1`.
 */
id: string, 
/**
 * Edition of the framework, e.g. `2018`.
 */
version: string, title: string, description: string, maturity_levels: Array<MaturityLevel>, clauses: Array<Clause>, };

export type Rating = { "kind": "not_assessed" } | { "kind": "not_applicable" } | { "kind": "level", level: number, };

export type ClauseResponse = { clause_id: string, rating: Rating, 
/**
 * Target for this requirement; `None` means the assessment's target.
 */
target_level: number | null, na_justification: string, notes: string, evidence: string, interviewees: string, updated_at: string | null, };

export type ClauseScore = { clause_id: string, score: number | null, target: number | null, gap: number | null, 
/**
 * Requirements at or below this clause that have a level or are N/A.
 */
assessed: number, not_applicable: number, 
/**
 * Requirements at or below this clause.
 */
assessable: number, };

export type Scorecard = { 
/**
 * One entry per catalogue clause, in catalogue order.
 */
clauses: Array<ClauseScore>, overall: number | null, overall_target: number | null, overall_gap: number | null, assessed: number, not_applicable: number, assessable: number, 
/**
 * Share of requirements decided, 0.0 to 1.0.
 */
coverage: number, };

export type Workspace = { assessment: Assessment, client_name: string, 
/**
 * Stored responses; requirements without one are not assessed yet.
 */
responses: Array<ClauseResponse>, scorecard: Scorecard, };

export type SavedResponse = { response: ClauseResponse, scorecard: Scorecard, };
