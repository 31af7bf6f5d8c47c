//! Language detection: a script fast path (kana, Hangul, Arabic, Cyrillic, Han), then for
//! Latin text a vote of frequent function words, common shopping words and distinctive
//! letters, over the text without @handles, #hashtags, URLs, e-mails and digits.

use super::fasthash::KeyHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Latin-script languages scored by votes, in tie-break order.
const LATIN: [&str; 9] = ["en", "es", "de", "fr", "pt", "it", "nl", "pl", "tr"];
const EN: usize = 0;
const ES: usize = 1;
const DE: usize = 2;
const FR: usize = 3;
const PT: usize = 4;
const IT: usize = 5;
const NL: usize = 6;
const PL: usize = 7;
const TR: usize = 8;

/// A CJK or Hangul character carries about a word of meaning; a Latin letter a fifth of one.
const IDEOGRAPH_WEIGHT: usize = 3;

/// The ISO 639-1 codes [`detect_language`] can return, besides `und`.
pub const SUPPORTED_LANGUAGES: [&str; 14] = [
    "en", "zh", "es", "de", "fr", "pt", "it", "ja", "ko", "ru", "ar", "pl", "nl", "tr",
];

/// Detects the ISO 639-1 language of `text`: one of [`SUPPORTED_LANGUAGES`], or `und` when
/// the text has no letters (or only letters of an unsupported script). Latin text without
/// any evidence for another language is `en`.
pub fn detect_language(text: &str) -> &'static str {
    let mut d = Detector::default();
    for (i, c) in text.char_indices() {
        // The common case, taken out of the general path below (which does the same).
        if c.is_ascii_alphabetic() && d.skip == Skip::None {
            d.word.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_whitespace() {
            d.end_word();
            d.skip = Skip::None;
            continue;
        }
        match d.skip {
            Skip::ToSpace => continue,
            Skip::Handle if c.is_alphanumeric() || matches!(c, '_' | '.' | '-') => continue,
            Skip::Hashtag if c == '#' => {
                d.skip = Skip::None;
                continue;
            }
            Skip::Hashtag if c.is_alphanumeric() || c == '_' => continue,
            Skip::Handle | Skip::Hashtag | Skip::None => d.skip = Skip::None,
        }
        match c {
            // An @handle, or the domain of an e-mail whose local part is dropped with it.
            '@' => {
                d.word.clear();
                d.skip = Skip::Handle;
            }
            '#' if d.word.is_empty() => d.skip = Skip::Hashtag,
            ':' if text.get(i..).is_some_and(|r| r.starts_with("://")) => {
                d.word.clear();
                d.skip = Skip::ToSpace;
            }
            '.' if d.word == "www" => {
                d.word.clear();
                d.skip = Skip::ToSpace;
            }
            _ => d.char(c),
        }
    }
    d.end_word();
    d.counts.decide(&d.votes)
}

/// What the detector is skipping over.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Skip {
    #[default]
    None,
    /// An @handle or e-mail domain: letters, digits, `_ . -`.
    Handle,
    /// A #hashtag, up to a closing `#` (Weibo style) or a non-word character.
    Hashtag,
    /// A URL, up to the next whitespace.
    ToSpace,
}

/// Running state of one detection.
#[derive(Default)]
struct Detector {
    counts: ScriptCounts,
    votes: [f32; LATIN.len()],
    /// The Latin word being read, lowercased; counted only when it ends (an e-mail's local
    /// part is dropped before it counts).
    word: String,
    skip: Skip,
}

impl Detector {
    fn char(&mut self, c: char) {
        match script(c) {
            Script::Latin => {
                if c.is_ascii() {
                    self.word.push(c.to_ascii_lowercase());
                } else {
                    self.word.extend(c.to_lowercase());
                }
                return;
            }
            Script::Kana => self.counts.kana += 1,
            Script::Han => self.counts.han += 1,
            Script::Hangul => self.counts.hangul += 1,
            Script::Arabic => self.counts.arabic += 1,
            Script::Cyrillic => self.counts.cyrillic += 1,
            Script::OtherLetter => self.counts.other += 1,
            Script::Apostrophe if !self.word.is_empty() => {
                self.word.push('\'');
                return;
            }
            Script::Apostrophe | Script::NotLetter => {}
        }
        self.end_word();
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        if self.word.is_ascii() {
            self.counts.latin += self.word.bytes().filter(|&b| b != b'\'').count();
        } else {
            for c in self.word.chars() {
                if c != '\'' {
                    self.counts.latin += 1;
                    letter_votes(c, &mut self.votes);
                }
            }
        }
        score_word(&self.word, &mut self.votes);
        self.word.clear();
    }
}

/// Letters per script in the text.
#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    kana: usize,
    han: usize,
    hangul: usize,
    arabic: usize,
    cyrillic: usize,
    other: usize,
}

impl ScriptCounts {
    fn decide(&self, votes: &[f32; LATIN.len()]) -> &'static str {
        let cjk = if self.kana > 0 && self.kana * 8 >= self.han {
            ("ja", (self.kana + self.han) * IDEOGRAPH_WEIGHT)
        } else {
            ("zh", (self.han + self.kana) * IDEOGRAPH_WEIGHT)
        };
        let candidates = [
            cjk,
            ("ko", self.hangul * IDEOGRAPH_WEIGHT),
            ("ru", self.cyrillic),
            ("ar", self.arabic),
            ("und", self.other),
        ];
        let (best, weight) = candidates
            .iter()
            .copied()
            .fold(("und", 0), |acc, c| if c.1 > acc.1 { c } else { acc });
        if weight > self.latin {
            return best;
        }
        if self.latin == 0 {
            return "und";
        }
        let mut lang = EN;
        for (i, &v) in votes.iter().enumerate() {
            if v > votes[lang] {
                lang = i;
            }
        }
        LATIN[lang]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Kana,
    Han,
    Hangul,
    Arabic,
    Cyrillic,
    OtherLetter,
    Apostrophe,
    NotLetter,
}

fn script(c: char) -> Script {
    if c.is_ascii() {
        return script_by_tables(c);
    }
    // The letters of the common blocks (all alphabetic: checked by a test) skip the
    // Unicode table lookup.
    match c {
        '\u{4E00}'..='\u{9FFF}' => Script::Han,
        '\u{AC00}'..='\u{D7A3}' => Script::Hangul,
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' => Script::Kana,
        '\u{0410}'..='\u{044F}' => Script::Cyrillic,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Script::Arabic,
        '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}' => {
            Script::Latin
        }
        _ => script_by_tables(c),
    }
}

fn script_by_tables(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' => Script::Latin,
        '\'' | '\u{2019}' => Script::Apostrophe,
        _ if c.is_ascii() || !c.is_alphabetic() => {
            // Kana prolonged-sound and iteration marks are not alphabetic but are Japanese.
            if matches!(
                c,
                '\u{30FC}' | '\u{309D}' | '\u{309E}' | '\u{30FD}' | '\u{30FE}'
            ) {
                Script::Kana
            } else {
                Script::NotLetter
            }
        }
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => Script::Kana,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' => Script::Han,
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
            Script::Hangul
        }
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{0400}'..='\u{052F}' => Script::Cyrillic,
        _ => Script::OtherLetter,
    }
}

/// Votes of letters that only some Latin-script languages use.
/// `c` is already lowercase: the Turkish capital `İ` arrives as `i` + U+0307.
fn letter_votes(c: char, v: &mut [f32; LATIN.len()]) {
    match c {
        '\u{307}' => v[TR] += 3.0,
        'ñ' => v[ES] += 3.0,
        'ß' => v[DE] += 3.0,
        'ä' => v[DE] += 2.0,
        'ö' | 'ü' => {
            v[DE] += 1.0;
            v[TR] += 1.0;
        }
        'ç' => {
            v[FR] += 1.0;
            v[PT] += 1.0;
            v[TR] += 1.0;
        }
        'ã' | 'õ' => v[PT] += 3.0,
        'â' | 'ê' | 'ô' => {
            v[PT] += 1.0;
            v[FR] += 1.0;
        }
        'é' => {
            v[FR] += 1.0;
            v[ES] += 0.5;
            v[PT] += 0.5;
            v[IT] += 0.3;
        }
        'è' | 'à' | 'ù' => {
            v[FR] += 1.0;
            v[IT] += 1.0;
        }
        'ì' | 'ò' => v[IT] += 2.0,
        'î' | 'ï' | 'û' | 'œ' => v[FR] += 2.0,
        'ë' => {
            v[NL] += 1.0;
            v[FR] += 1.0;
        }
        'á' | 'í' | 'ú' => {
            v[ES] += 1.0;
            v[PT] += 1.0;
        }
        'ó' => {
            v[ES] += 1.0;
            v[PT] += 1.0;
            v[PL] += 1.0;
        }
        'ł' | 'ą' | 'ę' | 'ś' | 'ż' | 'ź' | 'ć' | 'ń' => v[PL] += 3.0,
        'ğ' | 'ı' | 'ş' => v[TR] += 3.0,
        _ => {}
    }
}

/// Adds a lowercased word's votes: the whole word when known, else its apostrophe parts
/// (`n'ai` → `n`, `ai`; `didn't` → `didn`, `t`), plus shape hints (Dutch `ij`, German
/// `-ung`, English `-ing`, …).
fn score_word(word: &str, v: &mut [f32; LATIN.len()]) {
    let bytes = word.as_bytes();
    let word = if bytes.first() == Some(&b'\'') || bytes.last() == Some(&b'\'') {
        word.trim_matches('\'')
    } else {
        word
    };
    if word.is_empty() {
        return;
    }
    let known = add_votes(word_votes(word), v);
    if !known && word.contains('\'') {
        let last = word.split('\'').count() - 1;
        for (i, part) in word.split('\'').enumerate() {
            let votes = match (i, part) {
                (0, "n" | "j" | "qu" | "c" | "s" | "m" | "t" | "jusqu" | "lorsqu") => FR_ELISION,
                (0, "l" | "d") => FR_IT_ELISION,
                (0, "dov" | "com" | "quest" | "nell" | "dell" | "all" | "sull" | "po") => {
                    IT_ELISION
                }
                (i, "t" | "s" | "ve" | "ll" | "re" | "m" | "d") if i == last => EN_CONTRACTION,
                _ => word_votes(part),
            };
            add_votes(votes, v);
        }
    }
    if word.len() >= 4 {
        let has_pair = |pairs: &[&[u8; 2]]| {
            word.as_bytes()
                .windows(2)
                .any(|w| pairs.iter().any(|p| w == &p[..]))
        };
        if has_pair(&[b"ij"]) {
            v[NL] += 1.5;
        }
        if word.ends_with("ung") {
            v[DE] += 1.0;
        }
        if word.ends_with("ing") || word.ends_with("ed") {
            v[EN] += 0.5;
        }
        if word.ends_with("ción") || word.ends_with("mente") {
            v[ES] += 1.0;
        }
        if word.ends_with("zione") || word.ends_with("zioni") {
            v[IT] += 2.0;
        }
        if word.ends_with("ção") || word.ends_with("ções") {
            v[PT] += 1.0;
        }
        if word.ends_with("ment") || word.ends_with("eux") {
            v[FR] += 0.5;
        }
        if has_pair(&[b"sz", b"rz", b"cz"]) {
            v[PL] += 1.0;
        }
    }
}

const FR_ELISION: &[(usize, u8)] = &[(FR, 2)];
const FR_IT_ELISION: &[(usize, u8)] = &[(FR, 1), (IT, 1)];
const IT_ELISION: &[(usize, u8)] = &[(IT, 2)];
const EN_CONTRACTION: &[(usize, u8)] = &[(EN, 2)];

/// Adds votes; returns whether there were any.
fn add_votes(votes: &[(usize, u8)], v: &mut [f32; LATIN.len()]) -> bool {
    for &(lang, weight) in votes {
        v[lang] += f32::from(weight);
    }
    !votes.is_empty()
}

/// Function words and common shopping words, with (language, weight) votes. Weight 3 is
/// a word that (almost) only that language writes, 1 a word several languages share.
const WORDS: &[(&[&str], Votes)] = &[
    // Shared by several languages.
    (&["a"], &[(ES, 1), (PT, 1), (IT, 1), (FR, 1)]),
    (&["de"], &[(ES, 1), (FR, 1), (PT, 1), (NL, 1)]),
    (&["en"], &[(ES, 1), (FR, 1), (NL, 1)]),
    (&["la"], &[(ES, 1), (FR, 1), (IT, 1)]),
    (&["le"], &[(FR, 2), (IT, 1), (ES, 1)]),
    (&["que"], &[(ES, 1), (FR, 1), (PT, 1)]),
    (&["no"], &[(ES, 2), (IT, 1), (PT, 1), (EN, 1)]),
    (&["me"], &[(ES, 1), (FR, 1), (PT, 1), (IT, 1), (EN, 1)]),
    (&["in"], &[(EN, 1), (DE, 1), (IT, 1), (NL, 1)]),
    (&["is"], &[(EN, 2), (NL, 1)]),
    (&["was"], &[(EN, 1), (DE, 1), (NL, 1)]),
    (&["die"], &[(DE, 3), (NL, 1)]),
    (&["un"], &[(ES, 1), (FR, 1), (IT, 1)]),
    (&["una"], &[(ES, 1), (IT, 1)]),
    (&["il"], &[(IT, 2), (FR, 1)]),
    (&["e"], &[(IT, 2), (PT, 2)]),
    (&["o"], &[(PT, 2), (IT, 1)]),
    (&["non"], &[(IT, 2), (FR, 1)]),
    (&["mi"], &[(ES, 2), (IT, 1), (TR, 1)]),
    (&["ma"], &[(FR, 1), (IT, 1), (PL, 1)]),
    (&["da"], &[(IT, 1), (PT, 1), (TR, 1)]),
    (&["do"], &[(EN, 1), (PT, 2), (PL, 1)]),
    (&["i"], &[(EN, 2), (PL, 1), (IT, 1)]),
    (&["to"], &[(EN, 2), (PL, 1)]),
    (&["na"], &[(PT, 2), (PL, 1)]),
    (&["nie"], &[(PL, 2), (DE, 1)]),
    (&["am"], &[(EN, 1), (DE, 1)]),
    (&["er"], &[(NL, 1), (DE, 1)]),
    (&["wie"], &[(DE, 2), (NL, 1)]),
    (&["es"], &[(ES, 2), (DE, 2)]),
    (&["he"], &[(EN, 1), (ES, 1)]),
    (&["ha"], &[(ES, 1), (IT, 1)]),
    (&["bien"], &[(ES, 1), (FR, 1)]),
    (&["está"], &[(ES, 2), (PT, 2)]),
    (&["con"], &[(ES, 2), (IT, 2)]),
    (&["se"], &[(ES, 1), (PT, 1), (IT, 1)]),
    (&["si"], &[(ES, 1), (FR, 1), (IT, 1)]),
    (&["so"], &[(EN, 1), (DE, 1)]),
    (&["an"], &[(EN, 1), (DE, 1)]),
    (&["on"], &[(EN, 2), (FR, 1)]),
    (&["ne"], &[(FR, 2), (TR, 1)]),
    (&["je"], &[(FR, 3), (NL, 1)]),
    (&["al"], &[(ES, 2), (NL, 1)]),
    (&["te"], &[(NL, 2), (ES, 1)]),
    (&["para"], &[(ES, 2), (PT, 2), (TR, 1)]),
    (&["pedido"], &[(ES, 2), (PT, 2)]),
    (&["paket"], &[(DE, 2), (TR, 2)]),
    (&["nada"], &[(ES, 2), (PT, 2)]),
    (&["nunca"], &[(ES, 2), (PT, 2)]),
    (&["quando"], &[(PT, 2), (IT, 2)]),
    (&["como"], &[(ES, 2), (PT, 2)]),
    (&["mas"], &[(PT, 2), (ES, 1)]),
    (&["semanas"], &[(ES, 2), (PT, 2)]),
    (&["reembolso"], &[(ES, 2), (PT, 2)]),
    (&["cancelar"], &[(ES, 2), (PT, 2)]),
    (&["compra"], &[(ES, 2), (PT, 2)]),
    (&["mai"], &[(IT, 2), (FR, 1)]),
    (&["mais"], &[(FR, 2), (PT, 2)]),
    (&["dos"], &[(ES, 1), (PT, 1)]),
    (&["super"], &[(DE, 1), (EN, 1), (NL, 1)]),
    (&["son"], &[(ES, 1), (FR, 1)]),
    (&["das"], &[(DE, 2), (PT, 1)]),
    // English.
    (
        &[
            "the",
            "and",
            "my",
            "you",
            "your",
            "of",
            "for",
            "this",
            "that",
            "have",
            "has",
            "not",
            "with",
            "where",
            "when",
            "what",
            "why",
            "how",
            "order",
            "orders",
            "package",
            "parcel",
            "received",
            "refund",
            "please",
            "still",
            "yet",
            "been",
            "can",
            "cancel",
            "thanks",
            "thank",
            "hi",
            "hello",
            "item",
            "items",
            "would",
            "will",
            "get",
            "got",
            "did",
            "from",
            "they",
            "we",
            "are",
            "be",
            "just",
            "at",
            "any",
            "all",
            "but",
            "or",
            "if",
            "there",
            "their",
            "here",
            "about",
            "back",
            "money",
            "help",
            "customer",
            "delivery",
            "delivered",
            "arrived",
            "shipping",
            "never",
            "waiting",
            "days",
            "weeks",
            "wrong",
            "broken",
            "want",
            "need",
            "which",
            "who",
            "had",
            "could",
            "should",
            "very",
            "really",
            "good",
            "great",
            "bad",
            "time",
            "today",
            "now",
            "one",
            "after",
            "again",
            "also",
            "only",
            "out",
            "up",
            "some",
            "our",
            "its",
            "does",
            "she",
            "him",
            "her",
            "them",
            "than",
            "then",
            "these",
            "those",
            "because",
            "know",
            "like",
            "new",
            "same",
            "it",
            "don't",
            "didn't",
            "doesn't",
            "isn't",
            "can't",
            "won't",
            "haven't",
            "hasn't",
            "i'm",
            "it's",
            "i've",
            "you're",
            "service",
            "support",
            "account",
            "phone",
            "number",
            "sent",
            "email",
            "into",
            "over",
            "by",
            "way",
            "let",
            "us",
            "were",
            "more",
            "other",
            "ordered",
            "tracking",
            "shipped",
            "well",
            "even",
            "since",
            "guys",
            "why's",
        ],
        &[(EN, 2)],
    ),
    // Spanish.
    (
        &[
            "el",
            "los",
            "las",
            "y",
            "del",
            "por",
            "su",
            "lo",
            "pero",
            "muy",
            "ya",
            "todavía",
            "aún",
            "paquete",
            "llegado",
            "llegó",
            "recibido",
            "dónde",
            "donde",
            "cuándo",
            "cuando",
            "devolución",
            "dinero",
            "gracias",
            "hola",
            "están",
            "hace",
            "hoy",
            "días",
            "también",
            "tengo",
            "han",
            "hay",
            "más",
            "sin",
            "porque",
            "quiero",
            "favor",
            "envío",
            "roto",
            "esta",
            "mis",
            "ni",
            "nos",
            "llega",
            "recibí",
            "puedo",
            "usted",
            "ustedes",
            "fue",
            "era",
            "estoy",
            "tiene",
            "mal",
            "nadie",
            "producto",
            "llegan",
            "pueden",
            "ayudar",
            "compré",
            "unos",
            "tres",
            "pagué",
            "buena",
            "bueno",
            "calidad",
            "precio",
            "relación",
            "relacion",
            "todo",
            "este",
            "esto",
            "ese",
            "eso",
            "tan",
            "bastante",
            "poco",
            "funciona",
            "después",
            "despues",
            "mismo",
            "tuve",
            "aunque",
            "vendedor",
            "caja",
            "tambien",
            "perfecto",
            "recomiendo",
            "llego",
            "mucho",
            "estaba",
            "sido",
            "hemos",
            "fueron",
            "cuenta",
        ],
        &[(ES, 2)],
    ),
    // German.
    (
        &[
            "ist",
            "und",
            "der",
            "ich",
            "nicht",
            "mein",
            "meine",
            "meinen",
            "ein",
            "eine",
            "einen",
            "mit",
            "von",
            "zu",
            "auf",
            "für",
            "wo",
            "wann",
            "noch",
            "kein",
            "keine",
            "habe",
            "hat",
            "wurde",
            "bitte",
            "danke",
            "bestellung",
            "lieferung",
            "geld",
            "zurück",
            "erhalten",
            "angekommen",
            "immer",
            "schon",
            "aber",
            "oder",
            "sie",
            "dem",
            "den",
            "sich",
            "auch",
            "sehr",
            "nur",
            "nach",
            "bei",
            "hallo",
            "wir",
            "uns",
            "ihr",
            "ihre",
            "sind",
            "war",
            "gut",
            "leider",
            "artikel",
            "ware",
            "rückerstattung",
            "erstattung",
            "tage",
            "wochen",
            "seit",
            "bis",
            "kann",
            "würde",
            "dass",
            "dieses",
            "diese",
            "dieser",
            "produkt",
            "zoll",
            "alles",
            "hatte",
            "sofort",
            "kaputt",
            "funktioniert",
            "gekauft",
            "einfach",
            "zum",
            "vom",
            "im",
            "gibt",
            "wird",
            "sein",
            "man",
            "mehr",
            "dann",
            "wenn",
            "als",
            "jetzt",
            "gar",
            "wieder",
            "ganz",
            "sollte",
            "passt",
            "qualität",
            "preis",
            "unsere",
            "kinder",
            "lieben",
            "bestens",
            "einwandfrei",
            "gefallen",
        ],
        &[(DE, 2)],
    ),
    // French.
    (
        &[
            "les",
            "des",
            "du",
            "une",
            "et",
            "est",
            "pas",
            "mon",
            "mes",
            "pour",
            "avec",
            "dans",
            "sur",
            "qui",
            "elle",
            "nous",
            "vous",
            "ce",
            "cette",
            "ai",
            "au",
            "aux",
            "reçu",
            "colis",
            "commande",
            "remboursement",
            "où",
            "toujours",
            "encore",
            "merci",
            "bonjour",
            "ou",
            "très",
            "jours",
            "livraison",
            "livré",
            "rien",
            "jamais",
            "suis",
            "été",
            "fait",
            "argent",
            "produit",
            "annuler",
            "c'est",
            "j'ai",
            "n'ai",
            "n'est",
            "ça",
            "avoir",
            "être",
            "sont",
            "peux",
            "votre",
            "vos",
            "moi",
            "plus",
            "article",
            "semaines",
            "depuis",
            "leur",
            "bloqué",
            "douane",
            "faire",
            "qualité",
            "prix",
            "bon",
            "bonne",
            "tout",
            "comme",
            "fonctionne",
            "après",
            "trop",
            "petit",
            "cher",
            "ils",
            "était",
            "sans",
            "aucun",
            "aucune",
            "ont",
        ],
        &[(FR, 2)],
    ),
    // Portuguese.
    (
        &[
            "os",
            "as",
            "em",
            "um",
            "uma",
            "meu",
            "minha",
            "meus",
            "não",
            "é",
            "com",
            "encomenda",
            "chegou",
            "recebi",
            "cadê",
            "onde",
            "ainda",
            "obrigado",
            "obrigada",
            "olá",
            "dinheiro",
            "muito",
            "já",
            "foi",
            "estou",
            "tenho",
            "você",
            "vocês",
            "entrega",
            "isso",
            "pra",
            "pelo",
            "pela",
            "ele",
            "ela",
            "nem",
            "até",
            "seu",
            "sua",
            "recebido",
            "devolução",
            "estorno",
            "agora",
            "ninguém",
            "dias",
            "produto",
            "quero",
            "volta",
            "quebrado",
            "tem",
            "nao",
            "voce",
            "hoje",
            "hj",
            "vc",
            "fazer",
            "terceira",
            "obg",
            "qual",
            "essa",
            "esse",
            "também",
        ],
        &[(PT, 2)],
    ),
    // Italian.
    (
        &[
            "gli",
            "di",
            "della",
            "dello",
            "degli",
            "è",
            "che",
            "mio",
            "mia",
            "miei",
            "sono",
            "ho",
            "ordine",
            "pacco",
            "arrivato",
            "ricevuto",
            "dove",
            "dov'è",
            "dov",
            "ancora",
            "grazie",
            "ciao",
            "rimborso",
            "soldi",
            "prodotto",
            "giorni",
            "settimane",
            "niente",
            "molto",
            "già",
            "spedizione",
            "consegna",
            "annullare",
            "perché",
            "nel",
            "nella",
            "alla",
            "questo",
            "questa",
            "sul",
            "anche",
            "ci",
            "vorrei",
            "buongiorno",
            "com'è",
            "l'ordine",
            "un'altra",
            "hanno",
            "danneggiato",
        ],
        &[(IT, 2)],
    ),
    // Polish.
    (
        &[
            "w",
            "z",
            "jest",
            "się",
            "że",
            "moja",
            "mój",
            "moje",
            "moją",
            "gdzie",
            "kiedy",
            "paczka",
            "paczki",
            "paczkę",
            "zamówienie",
            "zwrot",
            "pieniądze",
            "dziękuję",
            "dzień",
            "dobry",
            "jeszcze",
            "już",
            "nic",
            "nigdy",
            "bardzo",
            "ale",
            "czy",
            "jak",
            "przesyłka",
            "dostawa",
            "otrzymałem",
            "otrzymałam",
            "doszła",
            "dotarła",
            "mam",
            "proszę",
            "zwrotu",
            "tak",
            "co",
            "ten",
            "ta",
            "jestem",
            "był",
            "była",
            "dni",
            "uszkodzona",
            "pieniędzy",
        ],
        &[(PL, 2)],
    ),
    // Dutch.
    (
        &[
            "het",
            "een",
            "niet",
            "mijn",
            "dat",
            "met",
            "voor",
            "waar",
            "wanneer",
            "nog",
            "geen",
            "pakket",
            "bestelling",
            "ontvangen",
            "blijft",
            "bezorgd",
            "terug",
            "dank",
            "bedankt",
            "alstublieft",
            "graag",
            "maar",
            "heb",
            "heeft",
            "wel",
            "ook",
            "zijn",
            "dagen",
            "weken",
            "nooit",
            "niks",
            "retour",
            "terugbetaling",
            "annuleren",
            "jullie",
            "u",
            "uw",
            "wat",
            "hoe",
            "hij",
            "ze",
            "kan",
            "wil",
            "geleverd",
            "wordt",
            "zou",
            "bij",
            "naar",
            "van",
            "ik",
            "steeds",
        ],
        &[(NL, 2)],
    ),
    // Turkish.
    (
        &[
            "ve",
            "bir",
            "bu",
            "nerede",
            "siparişim",
            "sipariş",
            "siparis",
            "siparisim",
            "kargo",
            "kargom",
            "iade",
            "hala",
            "henüz",
            "gelmedi",
            "ulaşmadı",
            "teşekkürler",
            "merhaba",
            "lütfen",
            "değil",
            "çok",
            "ama",
            "için",
            "ile",
            "var",
            "yok",
            "mı",
            "ben",
            "benim",
            "gün",
            "hafta",
            "ürün",
            "iptal",
            "teslim",
            "edilmedi",
            "neden",
            "zaman",
            "hiç",
            "daha",
            "ürünü",
            "istiyorum",
            "param",
        ],
        &[(TR, 2)],
    ),
];

/// A word's votes: (language index, weight).
type Votes = &'static [(usize, u8)];

/// The votes of one lowercased word (empty when the word is not in [`WORDS`]).
fn word_votes(w: &str) -> Votes {
    static INDEX: OnceLock<HashMap<&'static str, Votes, BuildHasherDefault<KeyHasher>>> =
        OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut map = HashMap::default();
        for &(words, votes) in WORDS {
            for &word in words {
                map.insert(word, votes);
            }
        }
        map
    });
    if w.len() > 24 {
        return &[];
    }
    index.get(w).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_buyer_messages_in_every_supported_language() {
        let cases: &[(&str, &str)] = &[
            ("cancel my order", "en"),
            ("where is my package??", "en"),
            ("mi pedido no ha llegado", "es"),
            ("wo ist mein Paket", "de"),
            ("je n'ai pas reçu ma commande", "fr"),
            ("cadê meu pedido", "pt"),
            ("dov'è il mio ordine", "it"),
            ("gdzie jest moja paczka", "pl"),
            ("waar blijft mijn pakket", "nl"),
            ("siparişim nerede", "tr"),
            ("где моя посылка", "ru"),
            ("我的包裹在哪里", "zh"),
            ("荷物が届きません", "ja"),
            ("택배가 안 와요", "ko"),
            ("أين طلبي", "ar"),
        ];
        for (text, lang) in cases {
            assert_eq!(detect_language(text), *lang, "{text}");
        }
    }

    #[test]
    fn longer_messages_are_recognised() {
        let cases: &[(&str, &str)] = &[
            (
                "@AcmeHelp my parcel has been stuck in customs for 3 weeks!! #LostPackage",
                "en",
            ),
            (
                "Hola, compré unos zapatos hace tres semanas y todavía no me llegan. ¿Me pueden ayudar?",
                "es",
            ),
            (
                "Habe dieses Produkt NIE erhalten und das Geld wurde nicht rückerstattet!!!",
                "de",
            ),
            (
                "Bonjour, le colis est bloqué en douane depuis 10 jours, que dois-je faire ?",
                "fr",
            ),
            (
                "Olá, o produto chegou quebrado e eu quero meu dinheiro de volta",
                "pt",
            ),
            (
                "Buongiorno, il pacco è arrivato danneggiato, vorrei un rimborso",
                "it",
            ),
            (
                "Dzień dobry, paczka dotarła uszkodzona, proszę o zwrot pieniędzy",
                "pl",
            ),
            (
                "Hallo, mijn bestelling is nog steeds niet geleverd, wat is er aan de hand?",
                "nl",
            ),
            ("Merhaba, kargom iki haftadır gelmedi, iade istiyorum", "tr"),
            ("Здравствуйте, заказ не пришёл уже месяц", "ru"),
            ("你们发的是假货，我要退款", "zh"),
            ("Amazonで注文した商品がまだ届かないです", "ja"),
            ("환불 언제 해주시나요?", "ko"),
            ("لم يصل الطلب حتى الآن", "ar"),
        ];
        for (text, lang) in cases {
            assert_eq!(detect_language(text), *lang, "{text}");
        }
    }

    #[test]
    fn function_words_alone_decide_plain_ascii_sentences() {
        let cases: &[(&str, &str)] = &[
            (
                "Ich habe das Paket nicht bekommen und warte seit einer Woche",
                "de",
            ),
            (
                "Non ho ancora ricevuto il pacco, potete aiutarmi per favore",
                "it",
            ),
            ("Je voudrais annuler ma commande pour cette semaine", "fr"),
            ("Eu quero cancelar o pedido, nao recebi nada", "pt"),
            (
                "Ik wil mijn bestelling annuleren want het duurt te lang",
                "nl",
            ),
            ("Quiero cancelar el pedido porque no llega", "es"),
            ("Nie dostałem paczki, co mam zrobić", "pl"),
            ("Siparis iptal etmek istiyorum, kargo gelmedi", "tr"),
            ("I would like to cancel the order please", "en"),
        ];
        for (text, lang) in cases {
            assert_eq!(detect_language(text), *lang, "{text}");
        }
    }

    #[test]
    fn handles_hashtags_urls_emails_and_digits_are_ignored() {
        assert_eq!(
            detect_language(
                "@paquete_es #pedido https://x.invalid/mi-pedido jan@ejemplo.es where is it"
            ),
            "en"
        );
        assert_eq!(detect_language("@AmazonHelp 12345 #prime"), "und");
        assert_eq!(detect_language("123-456 !!! ??"), "und");
    }

    #[test]
    fn empty_and_evidence_free_text() {
        assert_eq!(detect_language(""), "und");
        assert_eq!(detect_language("   "), "und");
        assert_eq!(detect_language("📦📦📦"), "und");
        assert_eq!(detect_language("xyz"), "en");
        assert_eq!(detect_language("Γειά σου"), "und");
    }

    #[test]
    fn a_brand_name_in_latin_letters_does_not_outvote_cjk() {
        assert_eq!(detect_language("AliExpress的订单还没到"), "zh");
        assert_eq!(detect_language("iPhoneケースが壊れていた"), "ja");
        assert_eq!(detect_language("Samsung 충전기가 고장났어요"), "ko");
    }

    #[test]
    fn turkish_dotted_capital_and_ascii_turkish() {
        assert_eq!(detect_language("İADE İSTİYORUM"), "tr");
        assert_eq!(detect_language("siparisim nerede"), "tr");
    }

    #[test]
    fn the_fast_script_ranges_agree_with_the_tables() {
        for n in 0..0x11_0000u32 {
            if let Some(c) = char::from_u32(n) {
                assert!(script(c) == script_by_tables(c), "{c:?}");
            }
        }
    }

    #[test]
    fn no_word_is_listed_twice() {
        let mut seen = std::collections::HashSet::new();
        for &(words, _) in WORDS {
            for w in words {
                assert!(seen.insert(*w), "{w} is listed twice");
                assert_eq!(w.to_lowercase(), *w, "{w} must be lowercase");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let big = "mixed ñ ß 中文 한국어 \u{0301}\u{200d} 🙂 ".repeat(30_000);
        for text in ["'", "''a''", "\u{2019}", "\u{0301}", "İ", &big] {
            let _ = detect_language(text);
        }
    }
}
