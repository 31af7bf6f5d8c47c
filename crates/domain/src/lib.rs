//! crossdesk's pure core: the vocabulary, the firm wire contracts (inbound messages and
//! reference records), triage, threading decisions and the ticket lifecycle.
//!
//! Nothing here performs I/O, reads the clock or draws randomness: `now`, ids and seeds are
//! always arguments, so every rule can be tested with plain values.

pub mod access;
pub mod brand;
pub mod import;
pub mod inbound;
pub mod lifecycle;
pub mod model;
pub mod money;
pub mod routing;
pub mod sla;
pub mod templates;
pub mod text;
pub mod threading;
pub mod triage;
mod wire;

/// A rejection of wire input that names the offending field.
///
/// Every parser at crossdesk's edge returns this, so the CLI can print
/// `line 12: field author.email: ...` and the API can answer with `{"error": {"field": ...}}`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// Dotted path of the field, e.g. `author.handle`; `$` for the whole record.
    pub field: String,
    /// What is wrong and, where possible, what would be right.
    pub message: String,
}

impl FieldError {
    /// A rejection of `field` with a human message.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}
