//! Assembles a buyer's message from the phrasebook: placeholders, channel style (tweet,
//! e-mail, chat, marketplace), and the noise real buyers add (typos, caps, emoji, hashtags).

use fastrand::Rng;

use super::text::{casual, closers, emoji, fill, join, lower_first, pick_core, strip_tag, typo};
use super::{Cat, Lang, Lexicon, Phr};
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
    /// Whether tracking shows the parcel delivered (`None`: unknown).
    pub delivered: Option<bool>,
}

/// A rendered message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Text {
    pub subject: Option<String>,
    pub body: String,
}

/// A first message about `cat` (or a crisis) in `lang`, shaped for `style`.
pub(crate) fn compose(
    rng: &mut Rng,
    lang: Lang,
    cat: Cat,
    crisis: Option<Crisis>,
    style: Style,
    ctx: &Ctx<'_>,
) -> Text {
    Writer::new(lang, cat, crisis, style, ctx).write(rng, None)
}

/// The same buyer writing again on another channel about the same problem.
pub(crate) fn again(rng: &mut Rng, lang: Lang, cat: Cat, style: Style, ctx: &Ctx<'_>) -> Text {
    let prefix = pick(rng, lang.lexicon().again);
    Writer::new(lang, cat, None, style, ctx).write(rng, Some(prefix))
}

/// A nudge in an existing thread ("any update??"), sometimes restating the problem.
pub(crate) fn follow_up(
    rng: &mut Rng,
    lang: Lang,
    cat: Cat,
    style: Style,
    ctx: &Ctx<'_>,
    subject: Option<&str>,
) -> Text {
    let lex = lang.lexicon();
    let phr = lex.cat(cat);
    let mut parts: Vec<String> = Vec::with_capacity(4);
    let mut nudge = fill(pick(rng, lex.follow), lang, ctx);
    if lang.cased() && chance(rng, 0.12) {
        nudge = nudge.to_uppercase();
    }
    parts.push(nudge);
    if chance(rng, 0.45) && cat != Cat::Inquiry {
        let src = if chance(rng, 0.5) { phr.more } else { phr.core };
        parts.push(fill(strip_tag(pick_core(rng, src, ctx)), lang, ctx));
    }
    if style != Style::Tweet && ctx.order.is_some() && chance(rng, 0.2) {
        parts.push(fill(pick(rng, lex.refs), lang, ctx));
    }
    let mut body = join(lang, &parts);
    if style == Style::Tweet {
        body = format!("{} {body}", ctx.mention);
    }
    if style == Style::Tweet && chance(rng, 0.4) {
        body.push(' ');
        body.push_str(emoji(rng, Cat::Service));
    }
    if style == Style::Email {
        body = format!("{body}\n\n{}", fill(pick(rng, lex.bye), lang, ctx));
    }
    let subject = (style == Style::Email).then(|| {
        let s = subject.map_or_else(|| pick(rng, phr.subject).to_string(), str::to_string);
        if s.starts_with("Re: ") {
            s
        } else {
            format!("Re: {s}")
        }
    });
    Text { subject, body }
}

/// Writes one first message: the core sentence, details, references, closer, greeting and
/// the channel's decoration.
struct Writer<'c, 'a> {
    lang: Lang,
    lex: &'static Lexicon,
    phr: &'static Phr,
    cat: Cat,
    crisis: Option<Crisis>,
    style: Style,
    ctx: &'c Ctx<'a>,
}

impl<'c, 'a> Writer<'c, 'a> {
    fn new(lang: Lang, cat: Cat, crisis: Option<Crisis>, style: Style, ctx: &'c Ctx<'a>) -> Self {
        let lex = lang.lexicon();
        Self {
            lang,
            lex,
            phr: lex.cat(cat),
            cat,
            crisis,
            style,
            ctx,
        }
    }

    /// True with the probability this channel style gives.
    fn p(&self, rng: &mut Rng, chat: f64, market: f64, email: f64, tweet: f64) -> bool {
        let x = match self.style {
            Style::Chat => chat,
            Style::Marketplace => market,
            Style::Email => email,
            Style::Tweet => tweet,
        };
        chance(rng, x)
    }

    fn press(&self) -> bool {
        self.crisis == Some(Crisis::Press)
    }

    fn write(&self, rng: &mut Rng, prefix: Option<&str>) -> Text {
        let hello = (matches!(self.style, Style::Chat | Style::Marketplace)
            && self.p(rng, 0.5, 0.7, 0.0, 0.0))
        .then(|| pick(rng, self.lex.hello));
        let mut parts: Vec<String> = Vec::with_capacity(8);
        if let Some(prefix) = prefix {
            parts.push(fill(prefix, self.lang, self.ctx));
        }
        parts.push(self.core(rng));
        self.details(rng, &mut parts);
        if self.lang.cased() && self.p(rng, 0.2, 0.12, 0.06, 0.15) {
            typo(rng, &mut parts);
        }
        let body = self.greet(rng, hello, join(self.lang, &parts));
        let body = self.decorate(rng, body);
        Text {
            subject: self.subject(rng),
            body,
        }
    }

    /// The complaint itself (or the crisis), sometimes shouted.
    fn core(&self, rng: &mut Rng) -> String {
        let (lex, lang) = (self.lex, self.lang);
        let (core_lang, tpl) = match self.crisis {
            Some(Crisis::Battery) => (lang, pick(rng, lex.battery)),
            Some(Crisis::Smoke) => (lang, pick(rng, lex.smoke)),
            Some(Crisis::Legal) => (lang, pick(rng, lex.legal)),
            Some(Crisis::Press) if lex.press.is_empty() => {
                (Lang::En, pick(rng, Lang::En.lexicon().press))
            }
            Some(Crisis::Press) => (lang, pick(rng, lex.press)),
            None => (lang, strip_tag(pick_core(rng, self.phr.core, self.ctx))),
        };
        let core = fill(tpl, core_lang, self.ctx);
        if !(lang.cased() && self.cat.complaint() && !self.press()) {
            return core;
        }
        if chance(
            rng,
            if self.style == Style::Tweet {
                0.1
            } else {
                0.05
            },
        ) {
            core.to_uppercase()
        } else if self.style != Style::Email && chance(rng, 0.25) {
            core.replacen("!", "!!!", 1).replacen("?", "??", 1)
        } else {
            core
        }
    }

    /// Detail, order and tracking references, a phone number, a closer.
    fn details(&self, rng: &mut Rng, parts: &mut Vec<String>) {
        let (lex, lang, ctx) = (self.lex, self.lang, self.ctx);
        // Inquiry details are pre-sale talk ("before ordering"); not for an existing order.
        let more_fits = !(self.cat == Cat::Inquiry && ctx.order.is_some());
        if self.crisis.is_none() && more_fits && self.p(rng, 0.35, 0.55, 0.65, 0.3) {
            parts.push(fill(pick(rng, self.phr.more), lang, ctx));
        }
        if ctx.order.is_some() && self.p(rng, 0.55, 0.3, 0.75, 0.06) {
            parts.push(fill(pick(rng, lex.refs), lang, ctx));
        }
        let parcel = matches!(
            self.cat,
            Cat::Delay | Cat::Customs | Cat::Lost | Cat::LastMile
        );
        if ctx.tracking.is_some() && parcel && self.p(rng, 0.15, 0.3, 0.4, 0.0) {
            parts.push(fill(pick(rng, lex.track), lang, ctx));
        }
        if self.p(rng, 0.04, 0.08, 0.15, 0.0) {
            parts.push(fill(pick(rng, lex.phone), lang, ctx));
        }
        if self.press() || !self.p(rng, 0.3, 0.5, 0.6, 0.25) {
            return;
        }
        let list = if self.crisis.is_some() {
            Some(lex.angry)
        } else {
            closers(rng, lex, self.cat)
        };
        if let Some(list) = list {
            let closer = pick(rng, list);
            let bare = |x: &str| {
                x.trim_end_matches(['.', '!', '?', '。', '！'])
                    .to_lowercase()
            };
            if !parts.iter().any(|x| bare(x) == bare(closer)) {
                parts.push(closer.to_string());
            }
        }
    }

    /// "Hi,\nThe courier…" or "Hi, the courier…".
    fn greet(&self, rng: &mut Rng, hello: Option<&str>, body: String) -> String {
        let lang = self.lang;
        let mut body = match hello {
            Some(h)
                if h.ends_with(',') && lang.cased() && (lang == Lang::De || chance(rng, 0.5)) =>
            {
                format!("{h}\n{body}")
            }
            Some(h) if h.ends_with(',') && lang.cased() => format!("{h} {}", lower_first(&body)),
            Some(h) => format!("{h}{}{body}", if lang.spaced() { " " } else { "" }),
            None => body,
        };
        if lang.cased() && self.style == Style::Chat && chance(rng, 0.15) {
            body = casual(&body);
        }
        body
    }

    /// Mentions, hashtags and emoji on X; emoji in chat; salutation and sign-off in e-mail.
    fn decorate(&self, rng: &mut Rng, mut body: String) -> String {
        match self.style {
            Style::Tweet if self.press() => {}
            Style::Tweet => {
                body = format!("{} {body}", self.ctx.mention);
                let tagged = self.cat.complaint() && self.cat != Cat::ChangeCancel;
                if tagged && chance(rng, 0.45) {
                    body.push(' ');
                    body.push_str(pick(rng, self.lex.tags));
                    if chance(rng, 0.3) {
                        body.push(' ');
                        body.push_str(pick(rng, Lang::En.lexicon().tags));
                    }
                }
                if chance(rng, 0.4) {
                    body.push(' ');
                    body.push_str(emoji(rng, self.cat));
                }
            }
            Style::Chat if chance(rng, 0.2) => {
                body.push(' ');
                body.push_str(emoji(rng, self.cat));
            }
            Style::Email => {
                let dear = pick(rng, self.lex.dear);
                let bye = fill(pick(rng, self.lex.bye), self.lang, self.ctx);
                body = format!("{dear}\n\n{body}\n\n{bye}");
            }
            _ => {}
        }
        body
    }

    /// E-mail subject, sometimes with the order number.
    fn subject(&self, rng: &mut Rng) -> Option<String> {
        if self.style != Style::Email {
            return None;
        }
        let s = pick(rng, self.phr.subject);
        let s = if self.crisis.is_some() {
            format!("!!! {s}")
        } else {
            s.to_string()
        };
        Some(match self.ctx.order {
            Some(o) if chance(rng, 0.35) => format!("{s} – {o}"),
            _ => s,
        })
    }
}
