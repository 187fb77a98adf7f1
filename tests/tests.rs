//! End-to-end tests: each drives the built `claims` binary against a fresh
//! temporary database, as a person or a script would.

mod e2e;
