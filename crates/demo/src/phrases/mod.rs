//! The multilingual phrasebook buyers' messages are assembled from: languages, the triage
//! categories of DESIGN.md, and one hand-written lexicon per language.
//!
//! Core sentences may start with a context tag: `A|` only for apparel, `E|` only for electric
//! products (battery or mains), `M|` only for mains-powered ones, `D|` only when tracking
//! shows the parcel delivered, `N|` only when it does not, `O|` only about an order not
//! delivered yet, `P|` only before buying; untagged sentences fit anything.

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod it;
mod ja;
mod ko;
mod nl;
mod pl;
mod pt;
mod render;
mod ru;
mod text;
mod tr;
mod zh;

pub(crate) use render::{Crisis, Ctx, Style, Text, again, compose, follow_up};
pub(crate) use text::decimals;

/// A language buyers write in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Lang {
    #[default]
    En,
    Zh,
    Es,
    De,
    Fr,
    Pt,
    It,
    Ja,
    Ko,
    Ru,
    Ar,
    Pl,
    Nl,
    Tr,
}

impl Lang {
    /// Every language with a lexicon.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) const ALL: [Lang; 14] = [
        Lang::En,
        Lang::Zh,
        Lang::Es,
        Lang::De,
        Lang::Fr,
        Lang::Pt,
        Lang::It,
        Lang::Ja,
        Lang::Ko,
        Lang::Ru,
        Lang::Ar,
        Lang::Pl,
        Lang::Nl,
        Lang::Tr,
    ];

    /// ISO 639-1 code.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
            Lang::It => "it",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Pl => "pl",
            Lang::Nl => "nl",
            Lang::Tr => "tr",
        }
    }

    /// The language's phrasebook.
    pub(crate) fn lexicon(self) -> &'static Lexicon {
        match self {
            Lang::En => &en::LEX,
            Lang::Zh => &zh::LEX,
            Lang::Es => &es::LEX,
            Lang::De => &de::LEX,
            Lang::Fr => &fr::LEX,
            Lang::Pt => &pt::LEX,
            Lang::It => &it::LEX,
            Lang::Ja => &ja::LEX,
            Lang::Ko => &ko::LEX,
            Lang::Ru => &ru::LEX,
            Lang::Ar => &ar::LEX,
            Lang::Pl => &pl::LEX,
            Lang::Nl => &nl::LEX,
            Lang::Tr => &tr::LEX,
        }
    }

    /// Sentences are separated by spaces (not in Chinese and Japanese).
    pub(crate) fn spaced(self) -> bool {
        !matches!(self, Lang::Zh | Lang::Ja)
    }

    /// Written in an alphabet with letter case (typos and ALL CAPS make sense).
    pub(crate) fn cased(self) -> bool {
        !matches!(self, Lang::Zh | Lang::Ja | Lang::Ko | Lang::Ar)
    }
}

/// A triage category of DESIGN.md (all but `other`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Cat {
    #[default]
    Delay,
    Customs,
    Lost,
    Damaged,
    LastMile,
    Defective,
    NotAsDescribed,
    Counterfeit,
    Refund,
    Duties,
    Payment,
    ChangeCancel,
    Service,
    Abuse,
    Inquiry,
    Praise,
}

impl Cat {
    /// Every category, in lexicon order.
    pub(crate) const ALL: [Cat; 16] = [
        Cat::Delay,
        Cat::Customs,
        Cat::Lost,
        Cat::Damaged,
        Cat::LastMile,
        Cat::Defective,
        Cat::NotAsDescribed,
        Cat::Counterfeit,
        Cat::Refund,
        Cat::Duties,
        Cat::Payment,
        Cat::ChangeCancel,
        Cat::Service,
        Cat::Abuse,
        Cat::Inquiry,
        Cat::Praise,
    ];

    /// The taxonomy's wire name.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Cat::Delay => "logistics.delay",
            Cat::Customs => "logistics.customs",
            Cat::Lost => "logistics.lost",
            Cat::Damaged => "logistics.damaged",
            Cat::LastMile => "logistics.last_mile",
            Cat::Defective => "product.defective",
            Cat::NotAsDescribed => "product.not_as_described",
            Cat::Counterfeit => "product.counterfeit_claim",
            Cat::Refund => "billing.refund",
            Cat::Duties => "billing.duties",
            Cat::Payment => "billing.payment",
            Cat::ChangeCancel => "order.change_cancel",
            Cat::Service => "service.complaint",
            Cat::Abuse => "abuse",
            Cat::Inquiry => "inquiry",
            Cat::Praise => "praise",
        }
    }

    fn idx(self) -> usize {
        self as usize
    }

    /// A complaint (as opposed to a question or thanks).
    pub(crate) fn complaint(self) -> bool {
        !matches!(self, Cat::Inquiry | Cat::Praise)
    }

    /// Photos usually come with it.
    pub(crate) fn photo_evidence(self) -> bool {
        matches!(
            self,
            Cat::Damaged | Cat::Defective | Cat::NotAsDescribed | Cat::Counterfeit
        )
    }
}

/// Phrases of one category in one language.
pub(crate) struct Phr {
    /// The complaint itself; one is always used.
    pub core: &'static [&'static str],
    /// Optional second sentences adding detail.
    pub more: &'static [&'static str],
    /// E-mail subject lines.
    pub subject: &'static [&'static str],
}

/// Everything a buyer writing in one language says.
pub(crate) struct Lexicon {
    /// Chat and marketplace openers.
    pub hello: &'static [&'static str],
    /// E-mail salutations.
    pub dear: &'static [&'static str],
    /// E-mail sign-offs (`{name}`).
    pub bye: &'static [&'static str],
    /// Sentences carrying the order number (`{order}`).
    pub refs: &'static [&'static str],
    /// Sentences carrying the tracking number (`{tracking}`).
    pub track: &'static [&'static str],
    /// Sentences carrying a phone number (`{phone}`).
    pub phone: &'static [&'static str],
    /// Closers for complaints.
    pub angry: &'static [&'static str],
    /// Closers for questions and calm messages.
    pub polite: &'static [&'static str],
    /// "I already wrote to you elsewhere."
    pub again: &'static [&'static str],
    /// Short nudges in a thread ("any update??").
    pub follow: &'static [&'static str],
    /// Hashtags for complaints on X.
    pub tags: &'static [&'static str],
    /// One entry per [`Cat::ALL`], same order.
    pub cats: [Phr; 16],
    /// Swollen or overheating batteries.
    pub battery: &'static [&'static str],
    /// Smoke, sparks, burns from mains devices.
    pub smoke: &'static [&'static str],
    /// Lawyer and consumer-protection threats (`{amount}`).
    pub legal: &'static [&'static str],
    /// A journalist asking for comment (may be empty: English is used then).
    pub press: &'static [&'static str],
}

impl Lexicon {
    /// The phrases of a category.
    pub(crate) fn cat(&self, c: Cat) -> &Phr {
        &self.cats[c.idx()]
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::catalog::Kind;

    fn ctx() -> Ctx<'static> {
        Ctx {
            order: None,
            tracking: None,
            days: 9,
            amount: 3499,
            currency: "USD",
            item: "kettle",
            kind: Kind::Goods,
            carrier: "DHL",
            city: "Lyon",
            phone: "+33 6 12 34 56 78",
            name: "Léa",
            mention: "@AcmeHomeHelp",
            brand: "Acme Home",
            delivered: None,
        }
    }

    #[test]
    fn every_language_has_phrases_for_every_category() {
        for lang in Lang::ALL {
            let lex = lang.lexicon();
            for c in Cat::ALL {
                let p = lex.cat(c);
                assert!(
                    p.core.len() >= 3,
                    "{} {} has {} cores",
                    lang.code(),
                    c.as_str(),
                    p.core.len()
                );
                assert!(!p.more.is_empty(), "{} {} more", lang.code(), c.as_str());
                assert!(
                    !p.subject.is_empty(),
                    "{} {} subject",
                    lang.code(),
                    c.as_str()
                );
                // Every category has a sentence for any product, parcel state and order.
                for delivered in [None, Some(true), Some(false)] {
                    for order in [None, Some("111-1234567-1234567")] {
                        let ctx = Ctx {
                            delivered,
                            order,
                            ..ctx()
                        };
                        assert!(
                            p.core.iter().any(|s| text::fits(s, &ctx)),
                            "{} {}",
                            lang.code(),
                            c.as_str()
                        );
                    }
                }
            }
            for (name, list) in [
                ("hello", lex.hello),
                ("dear", lex.dear),
                ("bye", lex.bye),
                ("refs", lex.refs),
                ("track", lex.track),
                ("phone", lex.phone),
                ("angry", lex.angry),
                ("polite", lex.polite),
                ("again", lex.again),
                ("follow", lex.follow),
                ("tags", lex.tags),
                ("battery", lex.battery),
                ("smoke", lex.smoke),
                ("legal", lex.legal),
            ] {
                assert!(!list.is_empty(), "{} lacks {name}", lang.code());
            }
            assert!(
                lex.refs.iter().all(|s| s.contains("{order}")),
                "{} refs",
                lang.code()
            );
            assert!(
                lex.track.iter().all(|s| s.contains("{tracking}")),
                "{} track",
                lang.code()
            );
            assert!(
                lex.phone.iter().all(|s| s.contains("{phone}")),
                "{} phone",
                lang.code()
            );
            assert!(
                lex.bye.iter().all(|s| s.contains("{name}")),
                "{} bye",
                lang.code()
            );
        }
    }

    #[test]
    fn core_sentences_never_carry_order_or_tracking_numbers() {
        // Public posts use cores; numbers only come through `refs` and `track`.
        for lang in Lang::ALL {
            for c in Cat::ALL {
                for s in lang
                    .lexicon()
                    .cat(c)
                    .core
                    .iter()
                    .chain(lang.lexicon().cat(c).more)
                {
                    assert!(!s.contains("{order}") && !s.contains("{tracking}"), "{s}");
                }
            }
        }
    }
}
