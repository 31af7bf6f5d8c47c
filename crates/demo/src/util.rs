//! Small deterministic helpers: picking from tables, weights, hashing, time and money text.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use fastrand::Rng;

/// Picks one element of a non-empty static table (every table in this crate is non-empty;
/// an empty one yields the default so generation never panics).
pub(crate) fn pick<T: Copy + Default>(rng: &mut Rng, xs: &[T]) -> T {
    if xs.is_empty() {
        return T::default();
    }
    xs[rng.usize(..xs.len())]
}

/// Index drawn with the given relative weights (all zero ⇒ 0).
pub(crate) fn weighted(rng: &mut Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return 0;
    }
    let mut x = rng.u32(..total);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len().saturating_sub(1)
}

/// True with probability `p`.
pub(crate) fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.f64() < p
}

/// splitmix64 finaliser: mixes two words into a well-spread one (for ids and sub-seeds).
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b.wrapping_add(0x9E37_79B9_7F4A_7C15).rotate_left(17);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// RFC 3339 UTC with a `Z` and whole seconds: `2026-11-20T08:15:00Z`.
pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `t` truncated to whole seconds (so that text and records agree exactly).
pub(crate) fn whole_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    let secs = t.timestamp();
    DateTime::from_timestamp(secs, 0).unwrap_or(t)
}

/// A random offset in `[0, span)` at minute-or-better resolution.
pub(crate) fn offset_within(rng: &mut Rng, span: Duration) -> Duration {
    let secs = span.num_seconds().max(1);
    Duration::seconds(rng.i64(0..secs))
}

/// A random string of `n` decimal digits.
pub(crate) fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.u8(0..10))).collect()
}

/// A random string of `n` upper-case letters and digits.
pub(crate) fn alnum_upper(rng: &mut Rng, n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    (0..n)
        .map(|_| char::from(A[rng.usize(..A.len())]))
        .collect()
}

/// A currency the stores sell in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Minor-unit digits (0 for JPY).
    pub decimals: u32,
    /// Units of this currency per US dollar, times 100 (for integer price conversion).
    pub per_usd_x100: i64,
}

pub(crate) const USD: Currency = Currency {
    code: "USD",
    decimals: 2,
    per_usd_x100: 100,
};
pub(crate) const EUR: Currency = Currency {
    code: "EUR",
    decimals: 2,
    per_usd_x100: 92,
};
pub(crate) const GBP: Currency = Currency {
    code: "GBP",
    decimals: 2,
    per_usd_x100: 79,
};
pub(crate) const JPY: Currency = Currency {
    code: "JPY",
    decimals: 0,
    per_usd_x100: 15_000,
};

/// Decimal text of an amount in minor units: `3499` → `"34.99"`, JPY `3980` → `"3980"`.
pub(crate) fn money(minor: i64, cur: Currency) -> String {
    if cur.decimals == 0 {
        return minor.to_string();
    }
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.abs();
    format!("{sign}{}.{:02}", m / 100, m % 100)
}

/// Converts a USD price in cents into a shop price in `cur`'s minor units, rounded to a
/// retail ending (`.99` or whole tens of yen).
pub(crate) fn retail_price(usd_cents: i64, cur: Currency) -> i64 {
    let raw = usd_cents * cur.per_usd_x100 / 100;
    if cur.decimals == 0 {
        // cents → yen: raw is in "yen cents"; yen has no minor unit.
        let yen = raw / 100;
        return ((yen + 5) / 10 * 10 - 20).max(100);
    }
    ((raw / 100).max(1)) * 100 + 99
}

/// Converts a USD cost in cents into `cur`'s minor units without retail rounding.
pub(crate) fn convert(usd_cents: i64, cur: Currency) -> i64 {
    let raw = usd_cents * cur.per_usd_x100 / 100;
    if cur.decimals == 0 { raw / 100 } else { raw }
}

/// Lower-case ASCII transliteration of a Latin name for e-mail local parts and handles
/// (`Müller` → `mueller` in German, `Öztürk` → `ozturk` elsewhere, `José` → `jose`); other
/// characters are dropped.
pub(crate) fn fold_ascii(s: &str, german: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let rep: &str = match c {
            'ä' | 'Ä' if german => "ae",
            'ö' | 'Ö' if german => "oe",
            'ü' | 'Ü' if german => "ue",
            'ä' | 'Ä' => "a",
            'ö' | 'Ö' => "o",
            'ü' | 'Ü' => "u",
            'ß' => "ss",
            'á' | 'à' | 'â' | 'ã' | 'å' | 'ą' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ą' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'É' | 'È' | 'Ê' | 'Ę' => "e",
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'Í' | 'İ' | 'Î' => "i",
            'ó' | 'ò' | 'ô' | 'õ' | 'ø' | 'Ó' | 'Ô' | 'Õ' => "o",
            'ú' | 'ù' | 'û' | 'Ú' | 'Û' => "u",
            'ç' | 'ć' | 'Ç' | 'Ć' => "c",
            'ñ' | 'ń' | 'Ñ' | 'Ń' => "n",
            'ł' | 'Ł' => "l",
            'ś' | 'ş' | 'Ś' | 'Ş' => "s",
            'ź' | 'ż' | 'Ź' | 'Ż' => "z",
            'ğ' | 'Ğ' => "g",
            _ if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "",
        };
        out.push_str(rep);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn money_text_has_two_decimals_except_yen() {
        assert_eq!(money(3499, USD), "34.99");
        assert_eq!(money(5, EUR), "0.05");
        assert_eq!(money(3980, JPY), "3980");
    }

    #[test]
    fn retail_prices_end_in_99() {
        assert_eq!(retail_price(3499, USD) % 100, 99);
        assert_eq!(retail_price(3499, EUR) % 100, 99);
        assert_eq!(retail_price(3499, JPY) % 10, 0);
    }

    #[test]
    fn folding_makes_ascii_local_parts() {
        assert_eq!(
            fold_ascii("Müller-Lüdenscheidt", true),
            "muellerluedenscheidt"
        );
        assert_eq!(fold_ascii("José Ñúñez", false), "josenunez");
        assert_eq!(fold_ascii("Łukasz Wójcik", false), "lukaszwojcik");
    }

    #[test]
    fn weighted_respects_zero_weights() {
        let mut rng = Rng::with_seed(1);
        for _ in 0..200 {
            assert_ne!(weighted(&mut rng, &[1, 0, 3]), 1);
        }
    }
}
