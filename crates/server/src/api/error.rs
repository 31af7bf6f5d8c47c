//! The one error type at the HTTP edge: a stable snake_case code, a message, the field at
//! fault, and an explicit status. Internal details are logged, never returned.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use crossdesk_app::DbError;
use crossdesk_app::intake::IntakeError;
use crossdesk_domain::FieldError;
use serde::Serialize;
use utoipa::ToSchema;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    field: Option<String>,
}

/// The error body: `{"error": {"code", "message", "field"}}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code: `invalid_input`, `invalid_json`, `not_found`, `conflict`,
    /// `unavailable`, `internal`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// The field at fault, as a dotted path (`author.email`, `[2].sent_at`).
    pub field: Option<String>,
}

impl ApiError {
    /// 422 naming a field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "invalid_input",
            message: message.into(),
            field: Some(field.into()),
        }
    }

    /// 400 for a body that is not JSON.
    pub fn bad_json(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_json",
            message: message.into(),
            field: Some("$".into()),
        }
    }

    /// Any status, code, message and field.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        field: Option<String>,
    ) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field,
        }
    }

    /// 404.
    pub fn not_found(what: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: what.into(),
            field: None,
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        Self::invalid(e.field, e.message)
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => Self::not_found("not found"),
            DbError::Invalid { field, message } => Self::invalid(field, message),
            DbError::Conflict(m) => {
                tracing::info!(detail = %m, "conflict");
                Self {
                    status: StatusCode::CONFLICT,
                    code: "conflict",
                    message: "conflicts with existing data".into(),
                    field: None,
                }
            }
            DbError::Unavailable(m) => {
                tracing::warn!(error = %m, "storage unavailable");
                Self {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    code: "unavailable",
                    message: "storage is unavailable; retry later".into(),
                    field: None,
                }
            }
            other => {
                tracing::error!(error = %other, "internal error");
                Self {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    code: "internal",
                    message: "internal error".into(),
                    field: None,
                }
            }
        }
    }
}

impl From<IntakeError> for ApiError {
    fn from(e: IntakeError) -> Self {
        match e {
            IntakeError::Invalid(r) => Self::invalid(r.error.field, r.error.message),
            IntakeError::Db(e) | IntakeError::StoppedAt { source: e, .. } => {
                match std::sync::Arc::try_unwrap(e) {
                    Ok(db) => db.into(),
                    Err(shared) => DbError::Unavailable(shared.to_string()).into(),
                }
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
                field: self.field,
            },
        };
        (self.status, Json(body)).into_response()
    }
}
