//! Small formatting helpers for pages: times, countdowns, query strings.

use super::Lang;
use chrono::{DateTime, Utc};

/// Percent-encodes a query value (RFC 3986 unreserved characters pass).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A duration as the largest two units: `3d 4h`, `2h 14m`, `35m`, `40s`; negative with `-`.
pub fn span(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let (d, h, m) = (s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60);
    let body = if d > 0 {
        format!("{d}d {h}h")
    } else if h > 0 {
        format!("{h}h {m}m")
    } else if m > 0 {
        format!("{m}m")
    } else {
        format!("{s}s")
    };
    format!("{sign}{body}")
}

/// How long ago, compactly: `5m`, `3h`, `2d` (and the word for "ago").
pub fn ago(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let s = (now - at).num_seconds().max(0);
    let short = match s {
        0..=59 => format!("{s}s"),
        60..=3_599 => format!("{}m", s / 60),
        3_600..=86_399 => format!("{}h", s / 3_600),
        _ => format!("{}d", s / 86_400),
    };
    match lang {
        Lang::En => format!("{short} {}", lang.t("time.ago")),
        Lang::Zh => format!("{short}{}", lang.t("time.ago")),
    }
}

/// An instant as `2026-11-22 14:05 UTC`.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// An instant as RFC 3339 (for `data-due`, read by the script).
pub fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The state of an SLA clock due at `due`: `breached`, `at-risk` (within the hour) or `ok`.
pub fn due_class(due: DateTime<Utc>, now: DateTime<Utc>) -> &'static str {
    let left = (due - now).num_seconds();
    if left < 0 {
        "breached"
    } else if left < 3_600 {
        "at-risk"
    } else {
        "ok"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_keep_two_units() {
        assert_eq!(span(2 * 3600 + 14 * 60 + 5), "2h 14m");
        assert_eq!(span(-35 * 60), "-35m");
        assert_eq!(span(3 * 86_400 + 4 * 3600), "3d 4h");
        assert_eq!(span(40), "40s");
    }

    #[test]
    fn encoding_leaves_paths_readable() {
        assert_eq!(url_encode("/inbox?q=a b&c"), "/inbox%3Fq%3Da%20b%26c");
        assert_eq!(url_encode("退"), "%E9%80%80");
    }
}
