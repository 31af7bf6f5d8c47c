//! Text mechanics under the phrasebook: context tags, placeholders, money and day counts in
//! the buyer's locale, and the noise of real typing (typos, casual case, emoji).

use fastrand::Rng;

use super::render::Ctx;
use super::{Cat, Lang};
use crate::catalog::Kind;
use crate::util::{chance, pick};

const ANGRY_EMOJI: &[&str] = &["😡", "🤬", "😤", "🙄", "😠", "😭", "💀", "🤦", "🤦‍♀️", "👎"];
const HAPPY_EMOJI: &[&str] = &["😍", "🙏", "❤️", "👍", "🔥", "🥰", "✨", "💯"];
const CALM_EMOJI: &[&str] = &["🙏", "😊", "🤔", "🙂"];

/// An emoji fitting the mood of the category.
pub(crate) fn emoji(rng: &mut Rng, cat: Cat) -> &'static str {
    match cat {
        Cat::Praise => pick(rng, HAPPY_EMOJI),
        Cat::Inquiry => pick(rng, CALM_EMOJI),
        _ => pick(rng, ANGRY_EMOJI),
    }
}

/// Whether a tagged core sentence fits the context: `A|` apparel only, `E|` electric only
/// (battery or mains), `M|` mains-powered only,
/// `D|` tracking shows delivered, `N|` it does not, `O|` about an order not delivered yet,
/// `P|` before buying (no order); untagged fits anything.
pub(crate) fn fits(s: &str, ctx: &Ctx<'_>) -> bool {
    match s.get(..2) {
        Some("A|") => ctx.kind == Kind::Apparel,
        Some("E|") => matches!(ctx.kind, Kind::Battery | Kind::Mains),
        Some("M|") => ctx.kind == Kind::Mains,
        Some("D|") => ctx.delivered != Some(false),
        Some("N|") => ctx.delivered != Some(true),
        Some("O|") => ctx.order.is_some() && ctx.delivered != Some(true),
        Some("P|") => ctx.order.is_none(),
        _ => true,
    }
}

/// Picks a core sentence fitting the context (see [`fits`]).
pub(crate) fn pick_core(rng: &mut Rng, xs: &'static [&'static str], ctx: &Ctx<'_>) -> &'static str {
    let fits = |s: &str| fits(s, ctx);
    for _ in 0..6 {
        let s = pick(rng, xs);
        if fits(s) {
            return s;
        }
    }
    xs.iter()
        .copied()
        .find(|s| fits(s))
        .or_else(|| xs.first().copied())
        .unwrap_or("")
}

/// A core sentence without its context tag.
pub(crate) fn strip_tag(s: &str) -> &str {
    match s.as_bytes() {
        [b'A' | b'E' | b'M' | b'D' | b'N' | b'O' | b'P', b'|', ..] => &s[2..],
        _ => s,
    }
}

/// How a buyer closes a message about this category.
pub(crate) fn closers(
    rng: &mut Rng,
    lex: &super::Lexicon,
    cat: Cat,
) -> Option<&'static [&'static str]> {
    match cat {
        Cat::Praise => None,
        Cat::Inquiry | Cat::ChangeCancel => Some(lex.polite),
        Cat::Service | Cat::Abuse | Cat::Counterfeit => Some(lex.angry),
        _ if chance(rng, 0.6) => Some(lex.angry),
        _ => Some(lex.polite),
    }
}

/// Lower-cases the first letter after a greeting ("Hi, the courier…"), unless it starts an
/// acronym or "I".
pub(crate) fn lower_first(s: &str) -> String {
    let lead = s.find(|c: char| c.is_alphabetic()).unwrap_or(0);
    let mut it = s[lead..].chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..lead]);
            out.extend(a.to_lowercase());
            out.push_str(&s[lead + a.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

pub(crate) fn join(lang: Lang, parts: &[String]) -> String {
    let sep = if lang.spaced() { " " } else { "" };
    parts.join(sep)
}

/// Replaces `{placeholders}` with the context's values, formatted for `lang`.
pub(crate) fn fill(tpl: &str, lang: Lang, ctx: &Ctx<'_>) -> String {
    if !tpl.contains('{') {
        return tpl.to_string();
    }
    let mut out = String::with_capacity(tpl.len() + 32);
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &after[..close];
        match key {
            "order" => out.push_str(ctx.order.unwrap_or("")),
            "tracking" => out.push_str(ctx.tracking.unwrap_or("")),
            "days" if lang == Lang::Ru => out.push_str(&ru_days(ctx.days.max(2))),
            "days" => out.push_str(&ctx.days.max(2).to_string()),
            "amount" => out.push_str(&amount(lang, ctx.amount, ctx.currency)),
            "item" => out.push_str(ctx.item),
            "carrier" => out.push_str(ctx.carrier),
            "city" => out.push_str(ctx.city),
            "phone" => out.push_str(ctx.phone),
            "name" => out.push_str(ctx.name),
            "mention" => out.push_str(ctx.mention),
            "brand" => out.push_str(ctx.brand),
            _ => {
                out.push('{');
                out.push_str(key);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// "5 дней", "3 дня", "21 день".
fn ru_days(n: i64) -> String {
    let word = match (n % 10, n % 100) {
        (_, 11..=14) => "дней",
        (1, _) => "день",
        (2..=4, _) => "дня",
        _ => "дней",
    };
    format!("{n} {word}")
}

/// Minor-unit digits of a currency as buyers write it.
pub(crate) fn decimals(code: &str) -> u32 {
    if matches!(code, "JPY" | "KRW" | "TWD") {
        0
    } else {
        2
    }
}

/// An amount as a buyer writing in `lang` would put it: `$34.99`, `34,99 €`, `3,980円`.
pub(crate) fn amount(lang: Lang, minor: i64, code: &str) -> String {
    let n = number(lang, minor, decimals(code));
    let sym = symbol(code);
    match (lang, code) {
        (Lang::Ja, "JPY") => format!("{n}円"),
        (Lang::Ko, "KRW") => format!("{n}원"),
        (Lang::Zh, "USD") => format!("{n}美元"),
        (Lang::Zh, "EUR") => format!("{n}欧元"),
        (Lang::Ar, "SAR") => format!("{n} ريال"),
        (Lang::Ar, "AED") => format!("{n} درهم"),
        (Lang::Pt, "USD") => format!("US$ {n}"),
        (Lang::Pt, _) | (Lang::Nl, _) => format!("{sym} {n}"),
        (Lang::En | Lang::Zh | Lang::Ja | Lang::Ko | Lang::Ar, _)
            if !matches!(code, "PLN" | "TRY" | "RUB" | "SAR" | "AED") =>
        {
            format!("{sym}{n}")
        }
        _ => format!("{n} {sym}"),
    }
}

/// The digits of an amount with the locale's separators: `1,234.56`, `1.234,56`, `1 234,56`.
fn number(lang: Lang, minor: i64, decimals: u32) -> String {
    let (units, cents) = if decimals == 0 {
        (minor, 0)
    } else {
        (minor / 100, minor % 100)
    };
    let (thousands, point) = match lang {
        Lang::En | Lang::Zh | Lang::Ja | Lang::Ko | Lang::Ar => (",", "."),
        Lang::Fr | Lang::Pl | Lang::Ru => (" ", ","),
        _ => (".", ","),
    };
    let digits = units.abs().to_string();
    let mut int = String::with_capacity(digits.len() + 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            int.push_str(thousands);
        }
        int.push(ch);
    }
    if decimals == 0 {
        int
    } else {
        format!("{int}{point}{cents:02}")
    }
}

/// The sign buyers write for a currency.
fn symbol(code: &str) -> &str {
    match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "BRL" => "R$",
        "CAD" => "CA$",
        "AUD" => "A$",
        "MXN" => "MX$",
        "KRW" => "₩",
        "TWD" => "NT$",
        "PLN" => "zł",
        "TRY" => "TL",
        "RUB" => "₽",
        other => other,
    }
}

/// One swapped or dropped letter in a longer word, as thumbs do.
pub(crate) fn typo(rng: &mut Rng, parts: &mut [String]) {
    if parts.is_empty() {
        return;
    }
    let i = rng.usize(..parts.len());
    let words: Vec<&str> = parts[i].split(' ').collect();
    let eligible: Vec<usize> = (0..words.len())
        .filter(|&k| words[k].chars().count() >= 5 && words[k].chars().all(char::is_alphabetic))
        .collect();
    if eligible.is_empty() {
        return;
    }
    let k = eligible[rng.usize(..eligible.len())];
    let mut cs: Vec<char> = words[k].chars().collect();
    let j = rng.usize(1..cs.len() - 2);
    if chance(rng, 0.6) {
        cs.swap(j, j + 1);
    } else {
        cs.remove(j);
    }
    let changed: String = cs.into_iter().collect();
    let rebuilt: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(n, w)| {
            if n == k {
                changed.clone()
            } else {
                (*w).to_string()
            }
        })
        .collect();
    parts[i] = rebuilt.join(" ");
}

/// Chat style: lower-case start, no final full stop.
pub(crate) fn casual(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_lowercase());
    }
    out.push_str(chars.as_str());
    if out.ends_with('.') {
        out.pop();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_the_buyers_locale() {
        assert_eq!(amount(Lang::En, 3499, "USD"), "$34.99");
        assert_eq!(amount(Lang::De, 3499, "EUR"), "34,99 €");
        assert_eq!(amount(Lang::Ja, 3980, "JPY"), "3980円");
        assert_eq!(amount(Lang::Ja, 12980, "JPY"), "12,980円");
        assert_eq!(amount(Lang::Pt, 4500, "BRL"), "R$ 45,00");
        assert_eq!(amount(Lang::Pl, 2350, "PLN"), "23,50 zł");
        assert_eq!(amount(Lang::En, 123456, "GBP"), "£1234.56");
    }

    #[test]
    fn russian_day_counts_agree_with_the_number() {
        assert_eq!(ru_days(21), "21 день");
        assert_eq!(ru_days(3), "3 дня");
        assert_eq!(ru_days(12), "12 дней");
        assert_eq!(ru_days(25), "25 дней");
    }
}
