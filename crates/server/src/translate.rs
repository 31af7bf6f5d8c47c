//! Machine translation of messages for agents: DeepL (hosted) and LibreTranslate
//! (self-hosted) behind one small interface, [`Translator`], speaking each service's real
//! HTTP protocol. Nothing is configured by default: without `--translator` no request
//! leaves the machine.

use futures_util::future::BoxFuture;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// How long one translation may take before it is given up.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The configured translator, as handlers receive it (an axum `Extension`).
pub type SharedTranslator = Arc<dyn Translator>;

/// A machine translation service.
pub trait Translator: Send + Sync {
    /// Its wire name (`deepl`, `libretranslate`), stored with each translation.
    fn provider(&self) -> &'static str;

    /// Translates `text` into `target`, detecting the source language.
    fn translate<'a>(
        &'a self,
        text: &'a str,
        target: &'a LanguageCode,
    ) -> BoxFuture<'a, Result<Translated, TranslateError>>;
}

/// A translation as the service returned it.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// The translated text.
    pub text: String,
    /// The detected source language, lower case (`de`), when the service said.
    pub source_language: Option<String>,
}

/// Why a translation failed, with the service's own message where it gave one.
#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    /// 403: the key is wrong, missing, or meant for the other DeepL host.
    #[error("{service} refused the API key (403): {message}")]
    Auth {
        service: &'static str,
        message: String,
    },
    /// 429 or 529: too many requests; retry later.
    #[error("{service} has too many requests ({status}); retry later: {message}")]
    TooMany {
        service: &'static str,
        status: u16,
        message: String,
    },
    /// 456: the account's character quota is used up; retrying will not help.
    #[error("{service} quota exceeded (456): {message}")]
    Quota {
        service: &'static str,
        message: String,
    },
    /// Any other refusal or failure the service answered with.
    #[error("{service} answered {status}: {message}")]
    Refused {
        service: &'static str,
        status: u16,
        message: String,
    },
    /// No answer in [`TIMEOUT`].
    #[error("{service} did not answer within {} s", TIMEOUT.as_secs())]
    Timeout { service: &'static str },
    /// The service could not be reached.
    #[error("{service} could not be reached (connection or TLS failure; see the server log)")]
    Unreachable { service: &'static str },
    /// A 200 whose body is not the protocol's answer.
    #[error("{service} answered with something that is not a translation: {detail}")]
    BadAnswer {
        service: &'static str,
        detail: String,
    },
}

/// A language code as accepted from callers: a 2–3 letter language, optionally one script
/// (`zh-Hant`) or region (`pt-BR`, `es-419`) subtag, in canonical case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Parses and canonicalises `code` (`ZH` → `zh`, `pt_br` → `pt-BR`, `zh-hant` → `zh-Hant`).
    pub fn parse(code: &str) -> Result<Self, String> {
        let bad = || format!("{code:?} is not a language code (like en, zh, de, pt-BR or zh-Hant)");
        let mut parts = code.trim().split(['-', '_']);
        let lang = parts.next().unwrap_or_default();
        if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(bad());
        }
        let mut out = lang.to_ascii_lowercase();
        if let Some(sub) = parts.next() {
            let canonical = match sub.len() {
                2 if sub.chars().all(|c| c.is_ascii_alphabetic()) => sub.to_ascii_uppercase(),
                3 if sub.chars().all(|c| c.is_ascii_digit()) => sub.to_string(),
                4 if sub.chars().all(|c| c.is_ascii_alphabetic()) => {
                    let lower = sub.to_ascii_lowercase();
                    lower[..1].to_ascii_uppercase() + &lower[1..]
                }
                _ => return Err(bad()),
            };
            out.push('-');
            out.push_str(&canonical);
        }
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Self(out))
    }

    /// The language of an agent's interface `locale` (`en`, `zh`); English when it is not a
    /// language code.
    pub fn of_locale(locale: &str) -> Self {
        Self::parse(locale).unwrap_or_else(|_| Self("en".into()))
    }

    /// The code (`en`, `pt-BR`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// DeepL's `target_lang`: English, Portuguese and Chinese need a variant (`EN-US`,
    /// `PT-BR`, `ZH-HANS`); the others are the code upper-cased.
    pub fn deepl_target(&self) -> String {
        match self.0.as_str() {
            "en" => "EN-US".into(),
            "pt" => "PT-BR".into(),
            "zh" | "zh-CN" | "zh-SG" => "ZH-HANS".into(),
            "zh-TW" | "zh-HK" | "zh-MO" => "ZH-HANT".into(),
            other => other.to_ascii_uppercase(),
        }
    }
}

/// The translation services crossdesk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Provider {
    /// DeepL API (Free or Pro).
    #[value(name = "deepl")]
    DeepL,
    /// A LibreTranslate instance.
    #[value(name = "libretranslate")]
    LibreTranslate,
}

/// The `--translator*` options of `serve` and `demo`.
#[derive(Clone, clap::Args)]
pub struct TranslatorArgs {
    /// Machine translation of customer messages for agents: deepl or libretranslate
    /// (default: none; nothing leaves the machine).
    #[arg(long, env = "CROSSDESK_TRANSLATOR", value_enum)]
    pub translator: Option<Provider>,
    /// The translator's base URL (default: https://api-free.deepl.com for DeepL keys ending
    /// in `:fx`, https://api.deepl.com for other DeepL keys, http://127.0.0.1:5000 for
    /// LibreTranslate).
    #[arg(long, env = "CROSSDESK_TRANSLATOR_URL")]
    pub translator_url: Option<String>,
    /// The translator's API key (required for DeepL; LibreTranslate's `api_key`, for
    /// instances that want one).
    #[arg(long, env = "CROSSDESK_TRANSLATOR_KEY", hide_env_values = true)]
    pub translator_key: Option<String>,
}

/// A `--translator*` option that cannot be used, named.
#[derive(Debug, thiserror::Error)]
#[error("{option}: {message}")]
pub struct ConfigError {
    /// The option at fault.
    pub option: &'static str,
    /// What is wrong with it.
    pub message: String,
}

fn config_error(option: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        option,
        message: message.into(),
    }
}

impl std::fmt::Debug for TranslatorArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TranslatorArgs")
            .field("translator", &self.translator)
            .field("translator_url", &self.translator_url)
            .field(
                "translator_key",
                &self.translator_key.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// Checked options: which service, where, with which key.
#[derive(PartialEq)]
struct Resolved {
    provider: Provider,
    url: String,
    key: Option<String>,
}

impl TranslatorArgs {
    /// The translator these options describe (`None` when `--translator` is not given),
    /// or what is wrong with them.
    pub fn build(&self) -> Result<Option<SharedTranslator>, ConfigError> {
        let Some(Resolved { provider, url, key }) = self.resolve()? else {
            return Ok(None);
        };
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .user_agent(concat!("crossdesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| config_error("--translator", format!("no HTTP client: {e}")))?;
        Ok(Some(match (provider, key) {
            (Provider::DeepL, Some(key)) => Arc::new(DeepL { http, url, key }),
            (Provider::DeepL, None) => {
                return Err(config_error(
                    "--translator-key",
                    "is required for --translator deepl",
                ));
            }
            (Provider::LibreTranslate, key) => Arc::new(LibreTranslate { http, url, key }),
        }))
    }

    fn resolve(&self) -> Result<Option<Resolved>, ConfigError> {
        let Some(provider) = self.translator else {
            for (option, given) in [
                ("--translator-url", self.translator_url.is_some()),
                ("--translator-key", self.translator_key.is_some()),
            ] {
                if given {
                    return Err(config_error(
                        option,
                        "is given without --translator (deepl or libretranslate)",
                    ));
                }
            }
            return Ok(None);
        };
        let key = match self.translator_key.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(k) if k.chars().any(|c| c.is_whitespace() || c.is_control()) => {
                return Err(config_error(
                    "--translator-key",
                    "contains spaces or control characters; give the key alone",
                ));
            }
            Some(k) if k.starts_with("DeepL-Auth-Key") || k.starts_with('{') => {
                return Err(config_error(
                    "--translator-key",
                    "give the key alone, without braces or the `DeepL-Auth-Key` prefix",
                ));
            }
            Some(k) => Some(k.to_string()),
        };
        if provider == Provider::DeepL && key.is_none() {
            return Err(config_error(
                "--translator-key",
                "is required for --translator deepl",
            ));
        }
        let url = match (&self.translator_url, provider, &key) {
            (Some(u), _, _) => base_url(u)?,
            (None, Provider::DeepL, Some(k)) if k.ends_with(":fx") => {
                "https://api-free.deepl.com".into()
            }
            (None, Provider::DeepL, _) => "https://api.deepl.com".into(),
            (None, Provider::LibreTranslate, _) => "http://127.0.0.1:5000".into(),
        };
        Ok(Some(Resolved { provider, url, key }))
    }
}

/// An http(s) base URL without a trailing slash.
fn base_url(url: &str) -> Result<String, ConfigError> {
    let parsed = reqwest::Url::parse(url.trim())
        .map_err(|e| config_error("--translator-url", format!("{url:?} is not a URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(config_error(
            "--translator-url",
            format!("{url:?} is not an http:// or https:// URL"),
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(config_error(
            "--translator-url",
            "give the base URL only, without a query or fragment",
        ));
    }
    Ok(parsed.as_str().trim_end_matches('/').to_string())
}

/// DeepL API: `POST /v2/translate` with `Authorization: DeepL-Auth-Key`.
struct DeepL {
    http: reqwest::Client,
    url: String,
    key: String,
}

impl Translator for DeepL {
    fn provider(&self) -> &'static str {
        "deepl"
    }

    fn translate<'a>(
        &'a self,
        text: &'a str,
        target: &'a LanguageCode,
    ) -> BoxFuture<'a, Result<Translated, TranslateError>> {
        Box::pin(async move {
            let request = self
                .http
                .post(format!("{}/v2/translate", self.url))
                .header(
                    reqwest::header::AUTHORIZATION,
                    format!("DeepL-Auth-Key {}", self.key),
                )
                .json(&json!({"text": [text], "target_lang": target.deepl_target()}));
            let body = send(request, "DeepL").await?;
            let first = &body["translations"][0];
            let Some(text) = first["text"].as_str() else {
                return Err(TranslateError::BadAnswer {
                    service: "DeepL",
                    detail: "no translations[0].text".into(),
                });
            };
            Ok(Translated {
                text: text.to_string(),
                source_language: first["detected_source_language"]
                    .as_str()
                    .map(str::to_ascii_lowercase),
            })
        })
    }
}

/// LibreTranslate: `POST /translate` with `api_key` in the body.
struct LibreTranslate {
    http: reqwest::Client,
    url: String,
    key: Option<String>,
}

impl Translator for LibreTranslate {
    fn provider(&self) -> &'static str {
        "libretranslate"
    }

    fn translate<'a>(
        &'a self,
        text: &'a str,
        target: &'a LanguageCode,
    ) -> BoxFuture<'a, Result<Translated, TranslateError>> {
        Box::pin(async move {
            let mut body = json!({"q": text, "source": "auto", "target": target.as_str(),
                                  "format": "text"});
            if let Some(key) = &self.key {
                body["api_key"] = json!(key);
            }
            let request = self
                .http
                .post(format!("{}/translate", self.url))
                .json(&body);
            let answer = send(request, "LibreTranslate").await?;
            let Some(text) = answer["translatedText"].as_str() else {
                return Err(TranslateError::BadAnswer {
                    service: "LibreTranslate",
                    detail: "no translatedText".into(),
                });
            };
            Ok(Translated {
                text: text.to_string(),
                source_language: answer["detectedLanguage"]["language"]
                    .as_str()
                    .map(str::to_ascii_lowercase),
            })
        })
    }
}

/// An error with its causes, for the log (reqwest's own message hides the TLS or
/// connection failure underneath).
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Sends `request`; the JSON body of a 2xx answer, or the failure mapped by status with the
/// service's message (`{"message"}` from DeepL, `{"error"}` from LibreTranslate).
async fn send(
    request: reqwest::RequestBuilder,
    service: &'static str,
) -> Result<Value, TranslateError> {
    let response = request.send().await.map_err(|e| {
        if e.is_timeout() {
            TranslateError::Timeout { service }
        } else {
            tracing::warn!(service, error = %chain(&e), "translator unreachable");
            TranslateError::Unreachable { service }
        }
    })?;
    let status = response.status().as_u16();
    let trace = response
        .headers()
        .get("x-trace-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response.bytes().await.map_err(|e| {
        if e.is_timeout() {
            TranslateError::Timeout { service }
        } else {
            TranslateError::Unreachable { service }
        }
    })?;
    let body: Option<Value> = serde_json::from_slice(&bytes).ok();
    if (200..300).contains(&status) {
        return body.ok_or_else(|| TranslateError::BadAnswer {
            service,
            detail: "the body is not JSON".into(),
        });
    }
    let message = body
        .as_ref()
        .and_then(|b| b["message"].as_str().or(b["error"].as_str()))
        .map(str::to_string)
        .unwrap_or_else(|| {
            let text = String::from_utf8_lossy(&bytes);
            let text: String = text.trim().chars().take(200).collect();
            if text.is_empty() {
                reqwest::StatusCode::from_u16(status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("no message")
                    .to_string()
            } else {
                text
            }
        });
    tracing::warn!(service, status, trace_id = trace.as_deref(), %message, "translation failed");
    Err(match status {
        403 => TranslateError::Auth { service, message },
        429 | 529 => TranslateError::TooMany {
            service,
            status,
            message,
        },
        456 => TranslateError::Quota { service, message },
        _ => TranslateError::Refused {
            service,
            status,
            message,
        },
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_canonical_and_map_to_deepl_targets() {
        for (given, code, deepl) in [
            ("en", "en", "EN-US"),
            ("ZH", "zh", "ZH-HANS"),
            ("pt", "pt", "PT-BR"),
            ("pt_br", "pt-BR", "PT-BR"),
            ("en-gb", "en-GB", "EN-GB"),
            ("zh-hant", "zh-Hant", "ZH-HANT"),
            ("zh-TW", "zh-TW", "ZH-HANT"),
            ("de", "de", "DE"),
            ("es-419", "es-419", "ES-419"),
        ] {
            let c = LanguageCode::parse(given).unwrap();
            assert_eq!((c.as_str(), c.deepl_target().as_str()), (code, deepl));
        }
        for bad in ["", "e", "english", "en-", "en-GB-x", "e1", "zh-Han", "<b>"] {
            assert!(LanguageCode::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    fn args(t: Option<Provider>, url: Option<&str>, key: Option<&str>) -> TranslatorArgs {
        TranslatorArgs {
            translator: t,
            translator_url: url.map(str::to_string),
            translator_key: key.map(str::to_string),
        }
    }

    #[test]
    fn options_are_checked_and_errors_name_the_option() {
        let err = |a: TranslatorArgs| a.build().err().unwrap().to_string();
        assert!(args(None, None, None).build().unwrap().is_none());
        assert!(err(args(None, None, Some("k"))).starts_with("--translator-key:"));
        assert!(err(args(None, Some("http://x"), None)).starts_with("--translator-url:"));
        assert!(err(args(Some(Provider::DeepL), None, None)).starts_with("--translator-key:"));
        assert!(
            err(args(
                Some(Provider::DeepL),
                None,
                Some("DeepL-Auth-Key abc")
            ))
            .starts_with("--translator-key:")
        );
        assert!(
            err(args(Some(Provider::LibreTranslate), Some("ftp://x"), None))
                .starts_with("--translator-url:")
        );
        assert!(
            err(args(
                Some(Provider::LibreTranslate),
                Some("not a url"),
                None
            ))
            .starts_with("--translator-url:")
        );
        let t = args(Some(Provider::DeepL), None, Some("abc:fx"))
            .build()
            .unwrap()
            .unwrap();
        assert_eq!(t.provider(), "deepl");
        let t = args(Some(Provider::LibreTranslate), None, None)
            .build()
            .unwrap()
            .unwrap();
        assert_eq!(t.provider(), "libretranslate");
    }

    #[test]
    fn the_default_url_follows_the_provider_and_the_deepl_key() {
        let url = |t, u: Option<&str>, k: Option<&str>| {
            args(Some(t), u, k).resolve().unwrap().unwrap().url
        };
        assert_eq!(
            url(Provider::DeepL, None, Some("k:fx")),
            "https://api-free.deepl.com"
        );
        assert_eq!(
            url(Provider::DeepL, None, Some("k")),
            "https://api.deepl.com"
        );
        assert_eq!(
            url(Provider::LibreTranslate, None, None),
            "http://127.0.0.1:5000"
        );
        assert_eq!(
            url(
                Provider::LibreTranslate,
                Some("http://127.0.0.1:9/lt/"),
                None
            ),
            "http://127.0.0.1:9/lt"
        );
        let debug = format!("{:?}", args(Some(Provider::DeepL), None, Some("secret:fx")));
        assert!(!debug.contains("secret"), "{debug}");
    }
}
