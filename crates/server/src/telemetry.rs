//! Logging: structured `tracing` output on standard error (standard output carries the
//! bound address and command results).

use tracing_subscriber::EnvFilter;

/// Installs the subscriber; `CROSSDESK_LOG` (or `RUST_LOG`) overrides the default filter.
pub fn init(default: &str) {
    let filter = std::env::var("CROSSDESK_LOG")
        .ok()
        .or_else(|| std::env::var("RUST_LOG").ok())
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
