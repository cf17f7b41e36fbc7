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
target_level: number, status: AssessmentStatus, created_at: string, updated_at: string, };

export type AssessmentSummary = { id: string, title: string, client_id: string, client_name: string, status: AssessmentStatus, target_level: number, created_at: string, updated_at: string, };

export type NewAssessment = { client_name: string, title: string, scope: string, assessors: string, target_level: number, };
