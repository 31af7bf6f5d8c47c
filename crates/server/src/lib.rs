//! The crossdesk server and command line: configuration, startup, the HTTP API and the
//! commands (`serve`, `demo`, `import`, `ingest`, `classify`, `report`, `bench`).

mod accounts_cmds;
pub mod api;
mod bench_inbox;
pub mod cli;
mod commands;
mod datasets;
mod demo;
mod progress;
pub mod startup;
mod survey;
mod telemetry;
pub mod translate;
mod triage_cmds;
mod web;
