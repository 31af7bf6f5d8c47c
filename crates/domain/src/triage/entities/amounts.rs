//! Amounts of money: a number with a currency symbol, code or word on either side,
//! normalised to a `.` decimal and an ISO 4217 code.

use super::{Scanner, TAKEN};
use crate::triage::Amount;

/// How a currency marker is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Exact bytes (symbols, CJK words, `R$`-style prefixes).
    Sym,
    /// An ASCII word, any case, at a word boundary (`euros`, `dollars`).
    Word,
    /// An ISO code: uppercase, at a word boundary.
    Code,
    /// An ISO code also accepted in lowercase (`usd`, `eur`).
    CodeAnyCase,
}

/// The currency of `¥`/`￥`, decided by the whole text.
const YEN_SIGN: &str = "¥";

/// Markers that may stand before a number. Longest first where one ends another.
const PREFIX: &[(&str, &str, Kind)] = &[
    ("US$", "USD", Kind::Word),
    ("CA$", "CAD", Kind::Word),
    ("AU$", "AUD", Kind::Word),
    ("NZ$", "NZD", Kind::Word),
    ("HK$", "HKD", Kind::Word),
    ("MX$", "MXN", Kind::Word),
    ("C$", "CAD", Kind::Word),
    ("A$", "AUD", Kind::Word),
    ("S$", "SGD", Kind::Word),
    ("R$", "BRL", Kind::Word),
    ("$", "USD", Kind::Sym),
    ("€", "EUR", Kind::Sym),
    ("£", "GBP", Kind::Sym),
    ("¥", YEN_SIGN, Kind::Sym),
    ("￥", YEN_SIGN, Kind::Sym),
    ("₽", "RUB", Kind::Sym),
    ("₩", "KRW", Kind::Sym),
    ("₺", "TRY", Kind::Sym),
    ("₹", "INR", Kind::Sym),
    ("zł", "PLN", Kind::Word),
    ("RMB", "CNY", Kind::CodeAnyCase),
];

/// Markers that may follow a number.
const SUFFIX: &[(&str, &str, Kind)] = &[
    ("€", "EUR", Kind::Sym),
    ("$", "USD", Kind::Sym),
    ("£", "GBP", Kind::Sym),
    ("¥", YEN_SIGN, Kind::Sym),
    ("￥", YEN_SIGN, Kind::Sym),
    ("₽", "RUB", Kind::Sym),
    ("₩", "KRW", Kind::Sym),
    ("₺", "TRY", Kind::Sym),
    ("₹", "INR", Kind::Sym),
    ("元", "CNY", Kind::Sym),
    ("块", "CNY", Kind::Sym),
    ("塊", "CNY", Kind::Sym),
    ("円", "JPY", Kind::Sym),
    ("원", "KRW", Kind::Sym),
    ("美元", "USD", Kind::Sym),
    ("美金", "USD", Kind::Sym),
    ("欧元", "EUR", Kind::Sym),
    ("歐元", "EUR", Kind::Sym),
    ("英镑", "GBP", Kind::Sym),
    ("日元", "JPY", Kind::Sym),
    ("人民币", "CNY", Kind::Sym),
    ("卢布", "RUB", Kind::Sym),
    ("韩元", "KRW", Kind::Sym),
    ("ドル", "USD", Kind::Sym),
    ("ユーロ", "EUR", Kind::Sym),
    ("달러", "USD", Kind::Sym),
    ("유로", "EUR", Kind::Sym),
    ("руб", "RUB", Kind::Sym),
    ("р.", "RUB", Kind::Sym),
    ("евро", "EUR", Kind::Sym),
    ("долл", "USD", Kind::Sym),
    ("دولار", "USD", Kind::Sym),
    ("ريال", "SAR", Kind::Sym),
    ("درهم", "AED", Kind::Sym),
    ("złotych", "PLN", Kind::Word),
    ("zlotych", "PLN", Kind::Word),
    ("złoty", "PLN", Kind::Word),
    ("zloty", "PLN", Kind::Word),
    ("zł", "PLN", Kind::Word),
    ("zl", "PLN", Kind::Word),
    ("TL", "TRY", Kind::Code),
    ("euros", "EUR", Kind::Word),
    ("euro", "EUR", Kind::Word),
    ("dollars", "USD", Kind::Word),
    ("dollar", "USD", Kind::Word),
    ("dólares", "USD", Kind::Word),
    ("dolares", "USD", Kind::Word),
    ("bucks", "USD", Kind::Word),
    ("yuan", "CNY", Kind::Word),
    ("reais", "BRL", Kind::Word),
    ("rubles", "RUB", Kind::Word),
    ("roubles", "RUB", Kind::Word),
    ("yen", "JPY", Kind::Word),
    ("lira", "TRY", Kind::Word),
    ("quid", "GBP", Kind::Word),
    ("RMB", "CNY", Kind::CodeAnyCase),
];

/// ISO 4217 codes recognised on either side; the first group also in lowercase.
const CODES_ANY_CASE: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "JPY", "PLN", "BRL", "RUB", "CAD", "AUD", "CHF",
];
const CODES_UPPER: &[&str] = &[
    "KRW", "TRY", "NZD", "MXN", "INR", "HKD", "SGD", "SEK", "NOK", "DKK", "AED", "SAR", "CZK",
    "HUF", "ILS", "THB", "MYR", "IDR", "PHP", "VND", "TWD", "ZAR", "UAH", "RON",
];

/// Finds every amount not already part of another entity.
pub(super) fn scan(s: &mut Scanner<'_>) {
    let b = s.b;
    let mut yen: Option<&'static str> = None;
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit()
            && !s.before(i).is_ascii_digit()
            && !(matches!(s.before(i), b'.' | b',') && i >= 2 && b[i - 2].is_ascii_digit());
        if !starts {
            i += 1;
            continue;
        }
        let Some((end, value)) = parse_number(b, i) else {
            i += 1;
            continue;
        };
        if !s.is_free(i, end) {
            i = end;
            continue;
        }
        if s.before(i) == b'@' {
            i = end; // an @handle
            continue;
        }
        let prefix = may_be_marker(b.get(i.wrapping_sub(1 + space_before(b, i))).copied())
            .then(|| marker_before(b, i))
            .flatten();
        let suffix = if s.before(i).is_ascii_alphanumeric() && prefix.is_none() {
            None
        } else {
            may_be_marker(b.get(end + space_at(b, end)).copied())
                .then(|| marker_after(b, end))
                .flatten()
        };
        // `$5k`, `£3K`: thousands.
        let (value, end) = match b.get(end) {
            Some(b'k' | b'K') if prefix.is_some() && !s.at(end + 1).is_ascii_alphanumeric() => {
                (thousands(&value), end + 1)
            }
            _ => (value, end),
        };
        let code = match (prefix, suffix) {
            // `$30 CAD`: the code names which dollar.
            (Some(("USD", Kind::Sym)), Some((code, Kind::Code | Kind::CodeAnyCase))) => code,
            (Some((code, _)), _) | (None, Some((code, _))) => code,
            (None, None) => {
                i = end;
                continue;
            }
        };
        let code = if code == YEN_SIGN {
            *yen.get_or_insert_with(|| if japanese_context(b) { "JPY" } else { "CNY" })
        } else {
            code
        };
        let amount = Amount {
            value,
            currency: Some(code.to_string()),
        };
        if s.out.amounts.len() < super::MAX_PER_KIND && !s.out.amounts.contains(&amount) {
            s.out.amounts.push(amount);
        }
        if let Some(m) = s.marks.get_mut(i..end) {
            m.fill(TAKEN);
        }
        i = end;
    }
}

/// A decimal value times a thousand (`"1.5"` → `"1500"`, `"3"` → `"3000"`).
fn thousands(value: &str) -> String {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let mut out = String::with_capacity(value.len() + 3);
    out.push_str(int);
    let (shift, rest) = frac.split_at(frac.len().min(3));
    out.push_str(shift);
    for _ in shift.len()..3 {
        out.push('0');
    }
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    let trimmed = out.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_string()
    }
}

/// Whether a byte next to a number (across one space) can belong to a currency marker:
/// `$`, a letter, or part of a non-ASCII symbol.
fn may_be_marker(b: Option<u8>) -> bool {
    b.is_some_and(|b| b == b'$' || b.is_ascii_alphabetic() || !b.is_ascii())
}

/// Whether `¥` should read as yen: the text has kana, `円`, `JPY` or "yen".
fn japanese_context(b: &[u8]) -> bool {
    // U+3040..=U+30FF (kana) encode as E3 81 80 ..= E3 83 BF; 円 is E5 86 86.
    b.windows(3)
        .any(|w| w[0] == 0xE3 && (0x81..=0x83).contains(&w[1]) || w == "円".as_bytes())
        || b.windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"jpy") || w.eq_ignore_ascii_case(b"yen"))
}

/// Width of a space-like separator at `j` (space, no-break space, narrow no-break space,
/// thin space), or 0.
fn space_at(b: &[u8], j: usize) -> usize {
    match b.get(j..) {
        Some([b' ', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0xAF | 0x89, ..]) => 3,
        _ => 0,
    }
}

/// Width of a space-like separator ending at `j`, or 0.
fn space_before(b: &[u8], j: usize) -> usize {
    let tail = &b[..j.min(b.len())];
    if tail.ends_with(b" ") {
        1
    } else if tail.ends_with(&[0xC2, 0xA0]) {
        2
    } else if tail.ends_with(&[0xE2, 0x80, 0xAF]) || tail.ends_with(&[0xE2, 0x80, 0x89]) {
        3
    } else {
        0
    }
}

fn count_digits(b: &[u8], from: usize) -> usize {
    b.get(from..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// Reads a number at `i` (`59.90`, `1,299.00`, `1.299,00`, `1 299,00`, `12'000`) and
/// returns its end and its value with a `.` decimal and no grouping.
fn parse_number(b: &[u8], i: usize) -> Option<(usize, String)> {
    let first = count_digits(b, i);
    if first == 0 || first > 15 {
        return None;
    }
    // (separator, digits after it); spaces and apostrophes are always grouping.
    let mut seps: [(u8, usize); 6] = [(0, 0); 6];
    let mut n = 0;
    let mut j = i + first;
    let mut prev_group = first;
    while n < seps.len() {
        let (sep, width) = match b.get(j) {
            Some(&c @ (b'.' | b',' | b'\'')) => (c, 1),
            _ => match space_at(b, j) {
                0 => break,
                w => (b' ', w),
            },
        };
        let k = count_digits(b, j + width);
        if k == 0 || k > 15 {
            break;
        }
        let grouping_only = matches!(sep, b' ' | b'\'');
        if grouping_only && (k != 3 || prev_group > 3) {
            break;
        }
        seps[n] = (sep, k);
        n += 1;
        j += width + k;
        prev_group = k;
    }
    let seps = &seps[..n];
    let dots = seps.iter().filter(|s| s.0 == b'.').count();
    let commas = seps.iter().filter(|s| s.0 == b',').count();
    // Which separator, if any, is the decimal one.
    let decimal = match seps.last() {
        Some(&(c, k)) if matches!(c, b'.' | b',') => {
            let same = if c == b'.' { dots } else { commas };
            let other = if c == b'.' { commas } else { dots };
            if same == 1 && (other > 0 || k != 3 || (first == 1 && b[i] == b'0' && n == 1)) {
                Some(n - 1)
            } else if seps.iter().all(|s| s.1 == 3) {
                None
            } else {
                return None;
            }
        }
        _ => None,
    };
    let mut value = String::with_capacity(j - i + 1);
    value.extend(b[i..i + first].iter().map(|&c| c as char));
    let mut pos = i + first;
    for (idx, &(sep, k)) in seps.iter().enumerate() {
        let width = if sep == b' ' { space_at(b, pos) } else { 1 };
        pos += width;
        if Some(idx) == decimal {
            value.push('.');
        }
        value.extend(b[pos..pos + k].iter().map(|&c| c as char));
        pos += k;
    }
    Some((j, value))
}

fn marker_matches(hay: &[u8], marker: &str, kind: Kind) -> bool {
    let m = marker.as_bytes();
    match kind {
        Kind::Sym => hay == m,
        Kind::Word => hay.eq_ignore_ascii_case(m),
        Kind::Code => hay == m,
        Kind::CodeAnyCase => hay == m || hay.eq_ignore_ascii_case(m) && hay[0].is_ascii_lowercase(),
    }
}

fn needs_boundary(marker: &str, kind: Kind) -> bool {
    kind != Kind::Sym
        && marker
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
}

/// The currency marker ending at `i` (directly or before one space).
fn marker_before(b: &[u8], i: usize) -> Option<(&'static str, Kind)> {
    for p in [i, i - space_before(b, i)] {
        for &(marker, code, kind) in PREFIX {
            let m = marker.len();
            if p < m
                || !b[p - m].eq_ignore_ascii_case(&marker.as_bytes()[0])
                || !marker_matches(&b[p - m..p], marker, kind)
            {
                continue;
            }
            if needs_boundary(marker, kind) && p > m && b[p - m - 1].is_ascii_alphabetic() {
                continue;
            }
            return Some((code, kind));
        }
        if p >= 3
            && (p == 3 || !b[p - 4].is_ascii_alphabetic())
            && let Some(code) = iso_code(&b[p - 3..p])
        {
            return Some(code);
        }
        if p == i && space_before(b, i) == 0 {
            break;
        }
    }
    None
}

/// The currency marker starting at `end` (directly or after one space).
fn marker_after(b: &[u8], end: usize) -> Option<(&'static str, Kind)> {
    for q in [end, end + space_at(b, end)] {
        let rest = b.get(q..).unwrap_or_default();
        for &(marker, code, kind) in SUFFIX {
            let m = marker.len();
            if rest.len() < m
                || !rest[0].eq_ignore_ascii_case(&marker.as_bytes()[0])
                || !marker_matches(&rest[..m], marker, kind)
            {
                continue;
            }
            if kind != Kind::Sym && rest.get(m).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            return Some((code, kind));
        }
        if rest.len() >= 3
            && !rest.get(3).is_some_and(u8::is_ascii_alphabetic)
            && let Some(code) = iso_code(&rest[..3])
        {
            return Some(code);
        }
        if space_at(b, end) == 0 {
            break;
        }
    }
    None
}

/// A three-letter ISO code as written: uppercase, or lowercase for the common ones.
fn iso_code(w: &[u8]) -> Option<(&'static str, Kind)> {
    // Every code is letters (most numbers stand next to none).
    if !w.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if let Some(code) = CODES_ANY_CASE
        .iter()
        .find(|c| marker_matches(w, c, Kind::CodeAnyCase))
    {
        return Some((code, Kind::CodeAnyCase));
    }
    CODES_UPPER
        .iter()
        .find(|c| w == c.as_bytes())
        .map(|c| (*c, Kind::Code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(t: &str) -> Option<String> {
        parse_number(t.as_bytes(), 0).map(|(_, v)| v)
    }

    #[test]
    fn decimal_and_grouping_separators_are_told_apart() {
        assert_eq!(num("59.90").as_deref(), Some("59.90"));
        assert_eq!(num("12,50").as_deref(), Some("12.50"));
        assert_eq!(num("1,299.00").as_deref(), Some("1299.00"));
        assert_eq!(num("1.299,00").as_deref(), Some("1299.00"));
        assert_eq!(num("1 299,00").as_deref(), Some("1299.00"));
        assert_eq!(num("1\u{a0}299,00").as_deref(), Some("1299.00"));
        assert_eq!(num("12'000").as_deref(), Some("12000"));
        assert_eq!(num("1,299").as_deref(), Some("1299"));
        assert_eq!(num("1.299.000").as_deref(), Some("1299000"));
        assert_eq!(num("0.500").as_deref(), Some("0.500"));
        assert_eq!(num("1.5").as_deref(), Some("1.5"));
        assert_eq!(num("30.").as_deref(), Some("30"));
        assert_eq!(num("12 days").as_deref(), Some("12"));
        assert_eq!(num("1.2.3"), None);
    }

    #[test]
    fn thousands_shift_the_decimal_point() {
        assert_eq!(thousands("3"), "3000");
        assert_eq!(thousands("1.5"), "1500");
        assert_eq!(thousands("2.75"), "2750");
        assert_eq!(thousands("0.0005"), "0.5");
        assert_eq!(thousands("1.2345"), "1234.5");
    }

    #[test]
    fn codes_need_word_boundaries_and_case() {
        assert_eq!(iso_code(b"usd"), Some(("USD", Kind::CodeAnyCase)));
        assert_eq!(iso_code(b"try"), None);
        assert_eq!(iso_code(b"TRY"), Some(("TRY", Kind::Code)));
        assert_eq!(iso_code(b"Usd"), None);
        assert_eq!(marker_after(b"30 USDT", 2), None);
        assert_eq!(marker_before(b"XEUR30", 4), None);
    }
}
