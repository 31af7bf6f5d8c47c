//! The customer's satisfaction survey page: `GET` and `POST /survey/{ticket}/{sig}`, no
//! login (the link is signed, see `crossdesk_app::surveys`). Server-rendered HTML in the
//! ticket's language, every dynamic value escaped, no JavaScript, and strict headers. A
//! wrong link is a plain 404 that does not tell whether the ticket exists.
//!
//! These are pages for people, not the JSON API: the router carries its own layers (trace,
//! panic catching, timeout, a small body limit, the security headers) so that it can sit
//! outside the API's JSON error mapping.

mod labels;

use axum::Router;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Form, Path, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use crossdesk_app::surveys::SurveyError;
use crossdesk_app::views::SurveyView;
use crossdesk_app::{App, DbError};
use crossdesk_db::SURVEY_COMMENT_MAX_CHARS;
use crossdesk_domain::templates::{LOCALES, locale_for};
use labels::{Labels, labels};
use serde::Deserialize;
use std::fmt::Write as _;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest form accepted: the longest comment, percent-encoded, with room to spare.
const MAX_BODY: usize = 64 * 1024;
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

/// The survey routes, with their own layers.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/survey/{ticket}/{sig}", get(show).post(answer))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::new())
        .layer(axum::middleware::map_response(secure_headers))
        .layer(TraceLayer::new_for_http())
}

/// What the form posts; missing fields are empty (and then refused by validation).
#[derive(Debug, Default, Deserialize)]
struct AnswerForm {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    comment: String,
}

type LinkPath = Result<Path<(String, String)>, PathRejection>;

/// The ticket id and signature of a link; `None` for a malformed path.
fn link(path: LinkPath) -> Option<(i64, String)> {
    let Path((ticket, sig)) = path.ok()?;
    Some((ticket.parse().ok()?, sig))
}

async fn show(State(app): State<App>, headers: HeaderMap, path: LinkPath) -> Response {
    let Some((ticket, sig)) = link(path) else {
        return not_found(&headers);
    };
    match app.survey_for_link(ticket, &sig).await {
        Ok(Some(s)) if s.answered_at.is_some() => {
            page(StatusCode::OK, &s.language, |l| answered(l, &s, false))
        }
        Ok(Some(s)) => page(StatusCode::OK, &s.language, |l| {
            form(l, &s, &sig, None, None, "")
        }),
        Ok(None) => not_found(&headers),
        Err(e) => trouble(&headers, &e),
    }
}

async fn answer(
    State(app): State<App>,
    headers: HeaderMap,
    path: LinkPath,
    body: Result<Form<AnswerForm>, FormRejection>,
) -> Response {
    let Some((ticket, sig)) = link(path) else {
        return not_found(&headers);
    };
    // A body that is not a form is answered like an empty form: the rating is missing.
    let AnswerForm { rating, comment } = body.map(|Form(f)| f).unwrap_or_default();
    let err = match app
        .answer_survey_link(ticket, &sig, &rating, &comment)
        .await
    {
        Ok(s) => return page(StatusCode::OK, &s.language, |l| answered(l, &s, true)),
        Err(SurveyError::NotFound) => return not_found(&headers),
        Err(SurveyError::Db(e)) => return trouble(&headers, &e),
        Err(e) => e,
    };
    // Already answered or invalid: show the survey as it stands.
    let survey = match app.survey_for_link(ticket, &sig).await {
        Ok(Some(s)) => s,
        Ok(None) => return not_found(&headers),
        Err(e) => return trouble(&headers, &e),
    };
    // Answered in the meantime (or before): the first answer stands, whatever was sent.
    if matches!(err, SurveyError::AlreadyAnswered) || survey.answered_at.is_some() {
        return page(StatusCode::CONFLICT, &survey.language, |l| {
            answered(l, &survey, false)
        });
    }
    // Refused: the form again, the fault named and what was typed kept.
    let chosen = rating
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|r| (1..=5).contains(r));
    page(StatusCode::UNPROCESSABLE_ENTITY, &survey.language, |l| {
        form(l, &survey, &sig, err.field(), chosen, &comment)
    })
}

/// The survey form; `error` names the field to flag, `chosen` and `comment` refill it.
fn form(
    l: &Labels,
    s: &SurveyView,
    sig: &str,
    error: Option<&str>,
    chosen: Option<u8>,
    comment: &str,
) -> (String, String) {
    let max = SURVEY_COMMENT_MAX_CHARS.to_string();
    let mut body = format!(
        "<h1>{}</h1><p>{}</p><form method=\"post\" action=\"/survey/{}/{}\">",
        esc(l.title),
        esc(&l.intro.replace("{id}", &s.ticket_id.to_string())),
        s.ticket_id,
        esc(sig),
    );
    let rating_error = error == Some("rating");
    let _ = write!(
        body,
        "<fieldset{}><legend>{}</legend>",
        if rating_error {
            " aria-describedby=\"rating-error\""
        } else {
            ""
        },
        esc(l.legend)
    );
    if rating_error {
        let _ = write!(
            body,
            "<p class=\"error\" id=\"rating-error\" role=\"alert\">{}</p>",
            esc(l.rating_error)
        );
    }
    for (i, label) in l.scale.iter().enumerate() {
        let n = i + 1;
        let checked = chosen.is_some_and(|c| usize::from(c) == n);
        let _ = write!(
            body,
            "<div class=\"choice\"><input type=\"radio\" id=\"rating-{n}\" name=\"rating\" value=\"{n}\" required{}{}>\
             <label for=\"rating-{n}\">{}</label></div>",
            if checked { " checked" } else { "" },
            if rating_error {
                " aria-invalid=\"true\""
            } else {
                ""
            },
            esc(label)
        );
    }
    let comment_error = error == Some("comment");
    let _ = write!(
        body,
        "</fieldset><label for=\"comment\">{}</label><p class=\"hint\" id=\"comment-hint\">{}</p>",
        esc(l.comment_label),
        esc(&l.comment_hint.replace("{max}", &max))
    );
    if comment_error {
        let _ = write!(
            body,
            "<p class=\"error\" id=\"comment-error\" role=\"alert\">{}</p>",
            esc(&l.comment_error.replace("{max}", &max))
        );
    }
    // HTML drops one newline right after `<textarea>`; ours keeps the comment's own.
    let _ = write!(
        body,
        "<textarea id=\"comment\" name=\"comment\" rows=\"6\" maxlength=\"{max}\" aria-describedby=\"comment-hint{}\"{}>\n{}</textarea>\
         <button type=\"submit\">{}</button></form>",
        if comment_error { " comment-error" } else { "" },
        if comment_error {
            " aria-invalid=\"true\""
        } else {
            ""
        },
        esc(comment),
        esc(l.submit)
    );
    (l.title.to_string(), body)
}

/// The answer as stored: a thank-you just after answering, else "already answered".
fn answered(l: &Labels, s: &SurveyView, just_now: bool) -> (String, String) {
    let (title, text) = if just_now {
        (l.thanks_title, l.thanks_body)
    } else {
        (l.already_title, l.already_body)
    };
    let rating = s
        .rating
        .and_then(|r| usize::try_from(r).ok())
        .and_then(|r| r.checked_sub(1))
        .and_then(|i| l.scale.get(i))
        .map_or_else(
            || s.rating.map(|r| r.to_string()).unwrap_or_default(),
            |label| (*label).to_string(),
        );
    let mut body = format!(
        "<h1>{}</h1><p>{}</p><dl><dt>{}</dt><dd>{}</dd>",
        esc(title),
        esc(text),
        esc(l.your_rating),
        esc(&rating)
    );
    if let Some(c) = &s.comment {
        let _ = write!(
            body,
            "<dt>{}</dt><dd class=\"comment\">{}</dd>",
            esc(l.your_comment),
            esc(c)
        );
    }
    body.push_str("</dl>");
    (title.to_string(), body)
}

/// 404 in the visitor's language, the same for a bad signature and a missing survey.
fn not_found(headers: &HeaderMap) -> Response {
    page(StatusCode::NOT_FOUND, visitor_locale(headers), |l| {
        (
            l.not_found_title.to_string(),
            format!(
                "<h1>{}</h1><p>{}</p>",
                esc(l.not_found_title),
                esc(l.not_found_body)
            ),
        )
    })
}

/// A storage failure: logged here, never shown.
fn trouble(headers: &HeaderMap, e: &DbError) -> Response {
    tracing::error!(error = %e, "survey page failed");
    let status = match e {
        DbError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    page(status, visitor_locale(headers), |l| {
        (
            l.trouble_title.to_string(),
            format!(
                "<h1>{}</h1><p>{}</p>",
                esc(l.trouble_title),
                esc(l.trouble_body)
            ),
        )
    })
}

/// The first locale of `Accept-Language` we speak, else English.
fn visitor_locale(headers: &HeaderMap) -> &'static str {
    headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .into_iter()
        .flat_map(|v| v.split(','))
        .map(|tag| tag.split(';').next().unwrap_or_default().trim())
        .map(|tag| tag.split(['-', '_']).next().unwrap_or_default())
        .find(|primary| LOCALES.iter().any(|l| l.eq_ignore_ascii_case(primary)))
        .map_or("en", locale_for)
}

/// A whole page in the locale of `language`; `content` gives its title and body (HTML).
fn page(
    status: StatusCode,
    language: &str,
    content: impl FnOnce(&Labels) -> (String, String),
) -> Response {
    let locale = locale_for(language);
    let l = labels(locale);
    let (title, body) = content(l);
    let html = format!(
        "<!doctype html><html lang=\"{locale}\"{}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{}</title><style>{STYLE}</style></head>\
         <body><main>{body}</main></body></html>",
        if l.rtl { " dir=\"rtl\"" } else { "" },
        esc(&title),
    );
    (status, Html(html)).into_response()
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:1rem;color:#1a1a1a;background:#f6f6f4}\
main{max-width:36rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}\
h1{font-size:1.4rem;margin-top:0}fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600;margin-bottom:.5rem}\
.choice{margin:.35rem 0}.choice input{margin-inline-end:.5rem}label[for=comment]{font-weight:600;display:block}\
.hint{color:#555;font-size:.9rem;margin:.2rem 0}.error{color:#a40000;font-weight:600}\
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem}\
button{margin-top:1rem;font:inherit;padding:.5rem 1.5rem;border:0;border-radius:6px;background:#1f5fbf;color:#fff;cursor:pointer}\
dt{font-weight:600}dd{margin:0 0 .75rem}.comment{white-space:pre-wrap}";

/// The headers every survey response carries: no scripts, no framing, no referrer (the link
/// is a credential), no caching.
async fn secure_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// HTML-escapes text for element content and quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_both_quotes() {
        assert_eq!(
            esc("<script>alert('x\")</script> & co"),
            "&lt;script&gt;alert(&#39;x&quot;)&lt;/script&gt; &amp; co"
        );
    }

    #[test]
    fn the_visitor_locale_is_the_first_accepted_one_we_speak() {
        let mut h = HeaderMap::new();
        assert_eq!(visitor_locale(&h), "en");
        h.insert(
            ACCEPT_LANGUAGE,
            HeaderValue::from_static("pl-PL, de-DE;q=0.8, en;q=0.5"),
        );
        assert_eq!(visitor_locale(&h), "de");
        h.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("ZH_cn"));
        assert_eq!(visitor_locale(&h), "zh");
        h.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("*"));
        assert_eq!(visitor_locale(&h), "en");
    }
}
