//! Assembles a buyer's message from the phrasebook: placeholders, channel style (tweet,
//! e-mail, chat, marketplace), and the noise real buyers add (typos, caps, emoji, hashtags).

use fastrand::Rng;

use super::{Cat, Lang, Phr};
use crate::catalog::Kind;
use crate::util::{chance, pick};

/// How the channel shapes a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// A public post on X: mentions, hashtags, emoji, rarely numbers.
    Tweet,
    /// E-mail: salutation, subject, sign-off.
    Email,
    /// Store chat, web chat, WhatsApp: short and casual.
    Chat,
    /// Amazon / eBay / AliExpress buyer messages.
    Marketplace,
}

/// Crisis-grade messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Crisis {
    Battery,
    Smoke,
    Legal,
    Press,
}

/// What the message is about.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx<'a> {
    pub order: Option<&'a str>,
    pub tracking: Option<&'a str>,
    pub days: i64,
    /// An amount in minor units of `currency` (order total, duty, charge).
    pub amount: i64,
    pub currency: &'a str,
    pub item: &'a str,
    pub kind: Kind,
    pub carrier: &'a str,
    pub city: &'a str,
    pub phone: &'a str,
    /// How the buyer signs.
    pub name: &'a str,
    /// The store's X account.
    pub mention: &'a str,
    pub brand: &'a str,
}

/// A rendered message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Text {
    pub subject: Option<String>,
    pub body: String,
}

const ANGRY_EMOJI: &[&str] = &["😡", "🤬", "😤", "🙄", "😠", "😭", "💀", "🤦", "🤦‍♀️", "👎"];
const HAPPY_EMOJI: &[&str] = &["😍", "🙏", "❤️", "👍", "🔥", "🥰", "✨", "💯"];
const CALM_EMOJI: &[&str] = &["🙏", "😊", "🤔", "🙂"];

/// A first message about `cat` (or a crisis) in `lang`, shaped for `style`.
pub(crate) fn compose(rng: &mut Rng, lang: Lang, cat: Cat, crisis: Option<Crisis>, style: Style, ctx: &Ctx<'_>) -> Text {
    build(rng, lang, cat, crisis, style, ctx, None)
}

/// The same buyer writing again on another channel about the same problem.
pub(crate) fn again(rng: &mut Rng, lang: Lang, cat: Cat, style: Style, ctx: &Ctx<'_>) -> Text {
    let prefix = pick(rng, lang.lexicon().again);
    build(rng, lang, cat, None, style, ctx, Some(prefix))
}

/// A nudge in an existing thread ("any update??"), sometimes restating the problem.
pub(crate) fn follow_up(rng: &mut Rng, lang: Lang, cat: Cat, style: Style, ctx: &Ctx<'_>, subject: Option<&str>) -> Text {
    let lex = lang.lexicon();
    let phr = lex.cat(cat);
    let mut parts: Vec<String> = Vec::with_capacity(4);
    if style == Style::Tweet {
        parts.push(ctx.mention.to_string());
    }
    let mut nudge = fill(pick(rng, lex.follow), lang, ctx);
    if lang.cased() && chance(rng, 0.12) {
        nudge = nudge.to_uppercase();
    }
    parts.push(nudge);
    if chance(rng, 0.45) {
        let src = if chance(rng, 0.5) { phr.more } else { phr.core };
        parts.push(fill(strip_kind(pick_core(rng, src, ctx.kind)), lang, ctx));
    }
    if style != Style::Tweet && chance(rng, 0.2) {
        if let Some(order) = ctx.order {
            parts.push(fill(pick(rng, lex.refs), lang, &Ctx { order: Some(order), ..*ctx }));
        }
    }
    let mut body = join(lang, &parts);
    if style == Style::Tweet && chance(rng, 0.4) {
        body.push(' ');
        body.push_str(pick(rng, ANGRY_EMOJI));
    }
    if style == Style::Email {
        body = format!("{body}\n\n{}", fill(pick(rng, lex.bye), lang, ctx));
    }
    let subject = (style == Style::Email).then(|| {
        let s = subject.map_or_else(|| pick(rng, phr.subject).to_string(), str::to_string);
        if s.starts_with("Re: ") { s } else { format!("Re: {s}") }
    });
    Text { subject, body }
}

fn build(rng: &mut Rng, lang: Lang, cat: Cat, crisis: Option<Crisis>, style: Style, ctx: &Ctx<'_>, prefix: Option<&str>) -> Text {
    let lex = lang.lexicon();
    let phr: &Phr = lex.cat(cat);
    let (core_lang, core_tpl) = match crisis {
        Some(Crisis::Battery) => (lang, pick(rng, lex.battery)),
        Some(Crisis::Smoke) => (lang, pick(rng, lex.smoke)),
        Some(Crisis::Legal) => (lang, pick(rng, lex.legal)),
        Some(Crisis::Press) if lex.press.is_empty() => (Lang::En, pick(rng, Lang::En.lexicon().press)),
        Some(Crisis::Press) => (lang, pick(rng, lex.press)),
        None => (lang, strip_kind(pick_core(rng, phr.core, ctx.kind))),
    };
    let mut core = fill(core_tpl, core_lang, ctx);
    let angry = cat.complaint() && crisis != Some(Crisis::Press);
    if lang.cased() && angry {
        if chance(rng, if style == Style::Tweet { 0.1 } else { 0.05 }) {
            core = core.to_uppercase();
        } else if style != Style::Email && chance(rng, 0.25) {
            core = core.replacen("!", "!!!", 1).replacen("?", "??", 1);
        }
    }
    let p = |rng: &mut Rng, chat: f64, market: f64, email: f64, tweet: f64| {
        let x = match style {
            Style::Chat => chat,
            Style::Marketplace => market,
            Style::Email => email,
            Style::Tweet => tweet,
        };
        chance(rng, x)
    };
    let mut parts: Vec<String> = Vec::with_capacity(8);
    if style == Style::Tweet {
        let mention = if crisis == Some(Crisis::Press) { "" } else { ctx.mention };
        if !mention.is_empty() {
            parts.push(mention.to_string());
        }
    } else if style != Style::Email && p(rng, 0.5, 0.7, 0.0, 0.0) {
        parts.push(pick(rng, lex.hello).to_string());
    }
    if let Some(prefix) = prefix {
        parts.push(fill(prefix, lang, ctx));
    }
    parts.push(core);
    if crisis.is_none() && p(rng, 0.35, 0.55, 0.65, 0.3) {
        parts.push(fill(pick(rng, phr.more), lang, ctx));
    }
    if let Some(order) = ctx.order
        && p(rng, 0.55, 0.3, 0.75, 0.06)
    {
        parts.push(fill(pick(rng, lex.refs), lang, &Ctx { order: Some(order), ..*ctx }));
    }
    if ctx.tracking.is_some() && matches!(cat, Cat::Delay | Cat::Customs | Cat::Lost | Cat::LastMile) && p(rng, 0.15, 0.3, 0.4, 0.0) {
        parts.push(fill(pick(rng, lex.track), lang, ctx));
    }
    if p(rng, 0.04, 0.08, 0.15, 0.0) {
        parts.push(fill(pick(rng, lex.phone), lang, ctx));
    }
    if p(rng, 0.3, 0.5, 0.6, 0.25) {
        let closers = if angry { lex.angry } else { lex.polite };
        parts.push(pick(rng, closers).to_string());
    }
    if lang.cased() && p(rng, 0.2, 0.12, 0.06, 0.15) {
        typo(rng, &mut parts);
    }
    let mut body = join(lang, &parts);
    if lang.cased() && style == Style::Chat && chance(rng, 0.15) {
        body = casual(&body);
    }
    match style {
        Style::Tweet => {
            if cat.complaint() && crisis != Some(Crisis::Press) && chance(rng, 0.45) {
                body.push(' ');
                body.push_str(pick(rng, lex.tags));
                if chance(rng, 0.3) {
                    body.push(' ');
                    body.push_str(pick(rng, Lang::En.lexicon().tags));
                }
            }
            if crisis != Some(Crisis::Press) && chance(rng, 0.4) {
                body.push(' ');
                body.push_str(emoji(rng, cat));
            }
        }
        Style::Chat if chance(rng, 0.2) => {
            body.push(' ');
            body.push_str(emoji(rng, cat));
        }
        Style::Email => {
            let dear = pick(rng, lex.dear);
            let bye = fill(pick(rng, lex.bye), lang, ctx);
            body = format!("{dear}\n\n{body}\n\n{bye}");
        }
        _ => {}
    }
    let subject = (style == Style::Email).then(|| {
        let s = pick(rng, phr.subject);
        let s = if crisis.is_some() { format!("!!! {s}") } else { s.to_string() };
        match ctx.order {
            Some(o) if chance(rng, 0.35) => format!("{s} – {o}"),
            _ => s,
        }
    });
    Text { subject, body }
}

fn emoji(rng: &mut Rng, cat: Cat) -> &'static str {
    match cat {
        Cat::Praise => pick(rng, HAPPY_EMOJI),
        Cat::Inquiry => pick(rng, CALM_EMOJI),
        _ => pick(rng, ANGRY_EMOJI),
    }
}

/// Picks a core sentence fitting the product kind (tagged `A|` apparel, `E|` electric).
fn pick_core(rng: &mut Rng, xs: &'static [&'static str], kind: Kind) -> &'static str {
    for _ in 0..6 {
        let s = pick(rng, xs);
        let fits = match s.get(..2) {
            Some("A|") => kind == Kind::Apparel,
            Some("E|") => matches!(kind, Kind::Battery | Kind::Mains),
            _ => true,
        };
        if fits {
            return s;
        }
    }
    xs.iter().copied().find(|s| !s.starts_with("A|") && !s.starts_with("E|")).unwrap_or("")
}

fn strip_kind(s: &str) -> &str {
    s.strip_prefix("A|").or_else(|| s.strip_prefix("E|")).unwrap_or(s)
}

fn join(lang: Lang, parts: &[String]) -> String {
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
    if matches!(code, "JPY" | "KRW") { 0 } else { 2 }
}

/// An amount as a buyer writing in `lang` would put it: `$34.99`, `34,99 €`, `3,980円`.
pub(crate) fn amount(lang: Lang, minor: i64, code: &str) -> String {
    let dec = decimals(code);
    let (units, cents) = if dec == 0 { (minor, 0) } else { (minor / 100, minor % 100) };
    let (thousands, point) = match lang {
        Lang::En | Lang::Zh | Lang::Ja | Lang::Ko | Lang::Ar => (",", "."),
        Lang::Fr | Lang::Pl | Lang::Ru => (" ", ","),
        _ => (".", ","),
    };
    let mut int = String::new();
    let digits = units.abs().to_string();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            int.push_str(thousands);
        }
        int.push(ch);
    }
    let n = if dec == 0 { int } else { format!("{int}{point}{cents:02}") };
    let sym = match code {
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
        "SAR" => "SAR",
        "AED" => "AED",
        other => other,
    };
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

/// One swapped or dropped letter in a longer word, as thumbs do.
fn typo(rng: &mut Rng, parts: &mut [String]) {
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
    let rebuilt: Vec<String> =
        words.iter().enumerate().map(|(n, w)| if n == k { changed.clone() } else { (*w).to_string() }).collect();
    parts[i] = rebuilt.join(" ");
}

/// Chat style: lower-case start, no final full stop.
fn casual(s: &str) -> String {
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
