//! Machine translation of a message for the agent reading it, through the configured
//! translator (DeepL or LibreTranslate), kept so that each message is translated once per
//! target language. A message outside the caller's stores answers 404, as one that does not
//! exist.

use super::ApiError;
use super::auth::Actor;
use super::queries::id;
use crate::translate::{LanguageCode, SharedTranslator, TranslateError};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use crossdesk_app::App;
use crossdesk_db::{DbError, Translation};
use crossdesk_domain::model::Permission;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What to translate into.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslateBody {
    /// A language code (`en`, `zh`, `de`, `pt-BR`, `zh-Hant`…); default: the caller's
    /// interface language.
    #[serde(default)]
    pub target: Option<String>,
}

/// A message's translation.
#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationDone {
    /// The message.
    pub message_id: i64,
    /// The target language code, canonical (`zh`, `pt-BR`).
    pub target: String,
    /// The translated text (plain text, as the service returned it).
    pub text: String,
    /// The source language the service detected (`de`), when it said.
    pub source_language: Option<String>,
    /// The service that translated it: `deepl` or `libretranslate`.
    pub provider: String,
    /// Whether it was kept from an earlier request (no service was asked).
    pub cached: bool,
}

impl From<TranslateError> for ApiError {
    fn from(e: TranslateError) -> Self {
        let code = match e {
            TranslateError::Auth { .. } => "translator_auth_failed",
            TranslateError::TooMany { .. } => "translator_rate_limited",
            TranslateError::Quota { .. } => "translator_quota_exceeded",
            _ => "translator_failed",
        };
        ApiError::new(StatusCode::BAD_GATEWAY, code, e.to_string(), None)
    }
}

fn done(t: Translation, cached: bool) -> TranslationDone {
    TranslationDone {
        message_id: t.message_id,
        target: t.target,
        text: t.text,
        source_language: t.source_language,
        provider: t.provider,
        cached,
    }
}

/// Translates a message into `target` (default: the caller's interface language) with the
/// configured translator; a message already translated into that language is answered from
/// storage (`cached: true`) without asking the service again. 503 `translator_unavailable`
/// when no translator is configured; 502 with the service's message when it fails
/// (`translator_auth_failed`, `translator_rate_limited`, `translator_quota_exceeded`,
/// `translator_failed`).
#[utoipa::path(post, path = "/api/v1/messages/{id}/translation", tag = "tickets", request_body = TranslateBody,
    params(("id" = i64, Path, description = "Message id")),
    responses((status = 200, body = TranslationDone), (status = 404, body = super::ErrorBody),
        (status = 422, body = super::ErrorBody), (status = 502, body = super::ErrorBody),
        (status = 503, body = super::ErrorBody)))]
pub async fn translate(
    State(app): State<App>,
    actor: Actor,
    translator: Option<Extension<SharedTranslator>>,
    Path(message): Path<String>,
    body: Bytes,
) -> Result<Json<TranslationDone>, ApiError> {
    let who = actor.require(Permission::Read)?;
    let message = id("id", &message)?;
    let body: TranslateBody = if body.iter().all(u8::is_ascii_whitespace) {
        TranslateBody::default()
    } else {
        super::json_body(&body)?
    };
    let target = match body.target.as_deref() {
        Some(t) => LanguageCode::parse(t).map_err(|m| ApiError::invalid("target", m))?,
        None => LanguageCode::of_locale(&who.agent.locale),
    };
    let not_found = || ApiError::not_found(format!("no message {message}"));
    let source = match app.db().message_text(message).await {
        Ok(m) if who.scope.allows(m.store_id) => m,
        Ok(_) | Err(DbError::NotFound) => return Err(not_found()),
        Err(e) => return Err(e.into()),
    };
    if let Some(t) = app.db().translation(message, target.as_str()).await? {
        return Ok(Json(done(t, true)));
    }
    let Some(Extension(translator)) = translator else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "translator_unavailable",
            "no translator is configured (see `crossdesk serve --translator`)",
            None,
        ));
    };
    if source.text.trim().is_empty() {
        return Err(ApiError::invalid(
            "id",
            "the message has no text to translate",
        ));
    }
    let translated = translator.translate(&source.text, &target).await?;
    let stored = app
        .db()
        .save_translation(&Translation {
            message_id: message,
            target: target.as_str().to_string(),
            text: translated.text,
            source_language: translated.source_language,
            provider: translator.provider().to_string(),
            created_at: app.clock().now(),
        })
        .await
        .map_err(|e| match e {
            DbError::NotFound => not_found(),
            other => other.into(),
        })?;
    Ok(Json(done(stored, false)))
}
