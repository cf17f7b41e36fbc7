//! Shared helpers live in `tests/e2e.rs`; this crate has no library code.
