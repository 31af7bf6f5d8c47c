//! Postal addresses in free text, for the public-reply guard (DESIGN: a public reply must
//! never carry an address).
//!
//! A hand-written detector tuned for precision on ordinary support replies, in the languages
//! crossdesk answers in. The text is cut once into tokens (words, digit runs with any glued
//! letters such as `221B` or `12a`, punctuation, and single CJK characters); every rule is
//! anchored on a digit run and looks at a few tokens around it, so the scan is linear and a
//! text without digits is rejected at once. No byte index is ever taken by hand: tokens are
//! slices cut at `char_indices` boundaries, and lookups go through `get`, so no input panics.
//!
//! An address is reported on one of these signals:
//! - a street-type word beside a house number: `221B Baker Street`, `12 rue de Rivoli`,
//!   `Calle Mayor 3`, `Via Roma 10`, `ul. Marszałkowska 10`, `ул. Тверская, д. 7`,
//!   `Hauptstraße 5`, `Berliner Str. 12a`, `Keizersgracht 123`, `Atatürk Cad. No: 5`,
//!   `شارع الملك فهد 123`, `테헤란로 152` (with a city or district word);
//! - CJK block addresses: `建国路88号`, `渋谷区神南1-2-3`, `3丁目`, `2番地`, `〒150-0041`;
//! - a postal code in its usual setting: `NY 10118`, `SW1A 1AA`, `1012 LG Amsterdam`,
//!   `1100-053 Lisboa`, `00-950 Warszawa`, a five-digit code before a city;
//! - a post-office box: `PO Box 123`, `Postfach 1234`;
//! - a flat or suite number (`Apt 4B`, `кв. 12`) next to a street word or a building number.
//!
//! Precision comes from the context each rule demands: names must be capitalised (so
//! `Via DM` or `la calle principal` do not count), a house number may not be followed by a
//! unit (`3 días`, `24 ore`) or read as a time, decimal or `24/7`, and a Chinese `号` is an
//! address only after a street character (`我们会在3号前回复` is a date).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of letters (any script but Han and kana).
    Word,
    /// A run of digits (ASCII, full-width or Arabic-Indic), with any Latin or Cyrillic
    /// letters glued after it in `suffix`.
    Num,
    /// Any other single character.
    Punct(char),
    /// One Han, kana or full-width character.
    Cjk(char),
}

/// One token of the text.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: Kind,
    /// The word, the digits, or the character.
    text: &'a str,
    /// Letters glued after a number (`B` in `221B`).
    suffix: &'a str,
    /// How many digits a number has.
    digits: usize,
    /// Whitespace comes before the token.
    space: bool,
    /// The token starts the text or a line.
    line: bool,
}

/// Whether `text` contains what looks like a postal address (see the module docs).
///
/// Never panics, runs in linear time, and answers `false` at once for a text without digits.
pub(crate) fn contains_address(text: &str) -> bool {
    if !text.chars().any(|c| digit_value(c).is_some()) {
        return false;
    }
    let toks = tokenize(text);
    let s = S { t: &toks };
    let mut weak = Weak::default();
    (0..toks.len()).any(|k| {
        let k = isize::try_from(k).unwrap_or(isize::MAX);
        s.num(k).is_some() && address_at(&s, k, &mut weak)
    })
}

// ---------------------------------------------------------------------------------------
// Characters and tokens
// ---------------------------------------------------------------------------------------

fn digit_value(c: char) -> Option<u32> {
    let base = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    Some(u32::from(c) - u32::from(base))
}

fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3005}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FFFF}'
    )
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}')
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Han, kana, CJK punctuation and full-width forms: one token per character.
fn is_cjk(c: char) -> bool {
    is_han(c) || is_kana(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// A letter that may continue a word: letters, combining marks, joiners.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let mark_or_joiner = matches!(
        c,
        '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}' | '\u{200D}'
    );
    (!is_cjk(c) && c.is_alphabetic()) || mark_or_joiner
}

/// A Latin, Greek or Cyrillic letter (may be glued to a number: `12a`, `7а`).
fn is_small_script_letter(c: char) -> bool {
    c.is_alphabetic() && u32::from(c) < 0x0530
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut it = text.char_indices().peekable();
    let (mut space, mut line) = (false, true);
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                line = true;
            }
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut tok = Tok {
            kind: Kind::Punct(c),
            text: "",
            suffix: "",
            digits: 0,
            space,
            line,
        };
        if digit_value(c).is_some() {
            let mut digits = 1;
            while let Some(&(j, d)) = it.peek() {
                if digit_value(d).is_none() {
                    break;
                }
                end = j + d.len_utf8();
                digits += 1;
                it.next();
            }
            let digits_end = end;
            while let Some(&(j, d)) = it.peek() {
                if !is_small_script_letter(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            tok.kind = Kind::Num;
            tok.digits = digits;
            tok.text = text.get(i..digits_end).unwrap_or_default();
            tok.suffix = text.get(digits_end..end).unwrap_or_default();
        } else if is_cjk(c) {
            tok.kind = Kind::Cjk(c);
            tok.text = text.get(i..end).unwrap_or_default();
        } else if is_word_char(c) {
            while let Some(&(j, d)) = it.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            tok.kind = Kind::Word;
            tok.text = text.get(i..end).unwrap_or_default();
        } else {
            tok.text = text.get(i..end).unwrap_or_default();
        }
        toks.push(tok);
        space = false;
        line = false;
    }
    toks
}

/// The token list, read with signed indices that may fall off either end.
struct S<'t, 'a> {
    t: &'t [Tok<'a>],
}

impl<'t, 'a> S<'t, 'a> {
    fn at(&self, i: isize) -> Option<&'t Tok<'a>> {
        usize::try_from(i).ok().and_then(|i| self.t.get(i))
    }

    fn word(&self, i: isize) -> Option<&'a str> {
        self.at(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn num(&self, i: isize) -> Option<&'t Tok<'a>> {
        self.at(i).filter(|t| t.kind == Kind::Num)
    }

    fn punct(&self, i: isize) -> Option<char> {
        match self.at(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn cjk(&self, i: isize) -> Option<char> {
        match self.at(i)?.kind {
            Kind::Cjk(c) => Some(c),
            _ => None,
        }
    }

    /// Token `i` follows the previous one with no space.
    fn glued(&self, i: isize) -> bool {
        self.at(i).is_some_and(|t| !t.space && !t.line)
    }

    /// Token `i` is a lowercase word on the same line as what precedes it.
    fn lower_word(&self, i: isize) -> bool {
        self.at(i)
            .is_some_and(|t| t.kind == Kind::Word && !t.line && lower_start(t.text))
    }

    fn hyphen(&self, i: isize) -> bool {
        matches!(self.punct(i), Some('-' | '‐' | '‑' | '−' | '–'))
            || matches!(self.cjk(i), Some('－' | 'ー'))
    }
}

// ---------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------

fn upper_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// `Roma`, `W`: a capital followed by lowercase letters (not an acronym like `DM`).
fn titled(w: &str) -> bool {
    upper_start(w) && (w.chars().skip(1).any(char::is_lowercase) || w.chars().count() == 1)
}

/// A word of a script without case (Arabic, Hangul).
fn caseless(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| !c.is_uppercase() && !c.is_lowercase())
}

/// `XX`, `IV`: a roman numeral, as in `Via XX Settembre`.
fn roman(w: &str) -> bool {
    (1..=5).contains(&w.len()) && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// A word prepared for case-insensitive comparison with lowercase list entries: the
/// lowercase first and last characters are computed once, so most entries are rejected by
/// one character comparison.
struct Folded<'w> {
    w: &'w str,
    ascii: bool,
    first: Option<char>,
    last: Option<char>,
}

impl<'w> Folded<'w> {
    fn new(w: &'w str) -> Self {
        Folded {
            w,
            ascii: w.is_ascii(),
            first: w.chars().next().and_then(|c| c.to_lowercase().next()),
            last: w
                .chars()
                .next_back()
                .and_then(|c| c.to_lowercase().next_back()),
        }
    }

    /// Equal to `lower`, which is written in lowercase.
    fn is(&self, lower: &str) -> bool {
        if self.ascii {
            return self.w.eq_ignore_ascii_case(lower);
        }
        lower.chars().next() == self.first
            && self
                .w
                .chars()
                .flat_map(char::to_lowercase)
                .eq(lower.chars())
    }

    /// Ends with `suffix`, which is written in lowercase.
    fn ends(&self, suffix: &str) -> bool {
        if suffix.chars().next_back() != self.last {
            return false;
        }
        let mut rev = self.w.chars().rev().flat_map(|c| c.to_lowercase().rev());
        suffix.chars().rev().all(|c| rev.next() == Some(c))
    }

    fn any(&self, list: &[&str]) -> bool {
        list.iter().any(|l| self.is(l))
    }
}

/// Case-insensitive equality with `lower`, which is written in lowercase.
fn eq_ci(w: &str, lower: &str) -> bool {
    Folded::new(w).is(lower)
}

fn one_of(w: &str, list: &[&str]) -> bool {
    Folded::new(w).any(list)
}

/// A plausible house number: 1–`max` digits, not starting with 0, at most one letter after.
fn house(t: &Tok<'_>, max: usize) -> bool {
    t.kind == Kind::Num
        && (1..=max).contains(&t.digits)
        && t.text
            .chars()
            .next()
            .and_then(digit_value)
            .is_some_and(|d| d != 0)
        && match t.suffix.chars().count() {
            0 => true,
            1 => !t
                .suffix
                .chars()
                .any(|c| matches!(c.to_ascii_lowercase(), 'h' | 'k' | 'm' | 's' | 'x')),
            _ => false,
        }
}

/// `42nd`, `5th`.
fn ordinal(t: &Tok<'_>) -> bool {
    t.kind == Kind::Num && t.digits <= 3 && one_of(t.suffix, &["st", "nd", "rd", "th"])
}

/// Words after a number that make it a quantity or a duration, not a house number.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    // en
    "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "sec", "secs", "day",
    "days", "week", "weeks", "month", "months", "year", "years", "business", "working", "item",
    "items", "order", "orders", "time", "times", "pcs", "piece", "pieces", "percent", "km",
    "mi", "miles", "kg", "lb", "lbs", "usd", "eur", "gbp", "euro", "euros", "dollars", "stars",
    "customers", "people", "units",
    // de
    "stunde", "stunden", "std", "tag", "tage", "tagen", "werktag", "werktage", "werktagen",
    "woche", "wochen", "monat", "monate", "jahr", "jahre", "uhr", "minuten", "paket", "pakete",
    "artikel", "stück", "mal", "prozent", "kunden",
    // fr
    "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "ans", "colis",
    "articles", "fois", "clients",
    // es, pt
    "hora", "horas", "día", "días", "dia", "dias", "semana", "semanas", "mes", "meses", "año",
    "años", "ano", "anos", "paquete", "paquetes", "pacote", "pacotes", "pedido", "pedidos",
    "artículos", "veces", "vezes", "clientes",
    // it
    "ora", "ore", "giorno", "giorni", "minuti", "settimana", "settimane", "mese", "mesi",
    "anno", "anni", "pacco", "pacchi", "ordine", "ordini", "articoli", "volte", "clienti",
    // nl, pl
    "uur", "dag", "dagen", "weken", "maand", "maanden", "pakket", "pakketten", "keer", "godz",
    "godzin", "godziny", "dni", "dzień", "tygodni", "minut",
    // ru
    "час", "часа", "часов", "день", "дня", "дней", "недели", "недель", "месяц", "месяца",
    "месяцев", "минут", "заказ", "заказа", "заказов", "раз", "шт", "руб", "рублей",
    // tr
    "gün", "saat", "dakika", "hafta", "yıl", "adet", "sipariş",
    // ar
    "يوم", "أيام", "ساعة", "ساعات", "دقيقة", "دقائق", "أسبوع", "أسابيع", "شهر", "أشهر", "طلب",
    "طلبات", "مرة", "مرات",
];

/// Lowercase words that may follow a house number (`Via Roma 10 a Roma`, `д. 7 кв. 12`).
const TAIL_WORDS: &[&str] = &[
    "a", "à", "in", "im", "en", "e", "et", "y", "und", "and", "bis", "ter", "de", "di", "apt",
    "apto", "app", "int", "interno", "piso", "esc", "scala", "sc", "kv", "кв", "к", "корп", "стр",
    "под", "эт", "m", "lok", "lokal", "daire", "kat", "blok",
];

/// Words that are never part of a street name (channels, pronouns, German articles…).
#[rustfmt::skip]
const NAME_STOP: &[&str] = &[
    "dm", "pm", "twitter", "facebook", "instagram", "whatsapp", "email", "mail", "messenger",
    "telegram", "chat", "direct", "message", "phone", "web", "website", "support", "app",
    "line", "wechat", "tiktok", "our", "the", "this", "your", "please", "auf", "der", "die",
    "das", "den", "dem", "des", "im", "am", "zum", "zur", "vom", "mit", "unser", "unsere",
    "ihr", "ihre", "ein", "eine", "einen", "kein", "keine", "dieser", "diese", "jeder", "wir",
    "sie", "es", "bitte",
];

/// Lowercase words allowed inside a street name (`Via dei Mille`, `Calle de la Paz`).
const PARTICLES: &[&str] = &[
    "de", "del", "della", "delle", "dei", "degli", "dello", "dell", "di", "da", "do", "dos", "das",
    "du", "des", "la", "las", "los", "le", "les", "el", "e", "y", "i", "d", "l", "von", "van",
    "der", "den", "al",
];

/// House-number markers: `No: 5`, `nº 5`, `д. 7`.
const MARKERS: &[&str] = &[
    "no", "nr", "nro", "n", "nº", "núm", "num", "numero", "número", "д", "дом",
];

// ---------------------------------------------------------------------------------------
// Street types
// ---------------------------------------------------------------------------------------

/// English street types after the name; `true` when the word is also common outside
/// addresses (`Hard Drive`, `2 Way`), which then needs a cleaner context.
#[rustfmt::skip]
const EN_TYPES: &[(&str, bool)] = &[
    ("street", false), ("st", false), ("avenue", false), ("ave", false), ("road", false),
    ("rd", false), ("boulevard", false), ("blvd", false), ("parkway", false), ("pkwy", false),
    ("highway", false), ("hwy", false), ("dr", false), ("ln", false), ("ct", false),
    ("pl", false), ("ter", false), ("cres", false), ("sq", false), ("expy", false),
    ("fwy", false), ("freeway", false), ("expressway", false), ("drive", true), ("way", true),
    ("lane", true), ("court", true), ("place", true), ("circle", true), ("cir", true),
    ("square", true), ("close", true), ("row", true), ("loop", true), ("trail", true),
    ("trl", true), ("grove", true), ("terrace", true), ("plaza", true), ("crescent", true),
    ("mews", true), ("alley", true), ("walk", true), ("gardens", true),
];

/// Name words that make an ambiguous English type a product or phrase (`Hard Drive`).
const EN_NAME_STOP: &[&str] = &[
    "hard", "flash", "thumb", "usb", "test", "disk", "external", "google", "cloud", "one", "two",
    "three", "first", "second", "third", "last", "top", "best", "fast", "express", "easy", "quick",
    "supreme", "food", "market", "work", "fire", "show", "happy", "long", "same", "right", "wrong",
    "only", "next", "memory", "tiny", "small", "big", "great", "new", "free", "our", "your", "my",
    "open", "hour", "hours", "day", "days",
];

/// French types after the number: (word, needs a dot, also an English word).
#[rustfmt::skip]
const FR_TYPES: &[(&str, bool, bool)] = &[
    ("rue", false, false), ("avenue", false, true), ("boulevard", false, true),
    ("bd", false, false), ("bld", false, false), ("bvd", false, false),
    ("chemin", false, false), ("allée", false, false), ("allee", false, false),
    ("place", false, true), ("impasse", false, false), ("quai", false, false),
    ("cours", false, false), ("route", false, true), ("square", false, true),
    ("passage", false, true), ("voie", false, false), ("faubourg", false, false),
    ("promenade", false, true), ("rte", false, false), ("av", true, false), ("pl", true, false),
];

const FR_PARTICLES: &[&str] = &["de", "du", "des", "d", "la", "le", "les", "l"];

/// Types before the name and number: (word, needs a dot, must be capitalised because the
/// word is common outside addresses).
#[rustfmt::skip]
const PRE_TYPES: &[(&str, bool, bool)] = &[
    // es
    ("calle", false, false), ("avenida", false, false), ("avda", true, false),
    ("av", true, false), ("paseo", false, true), ("plaza", false, true), ("pza", true, false),
    ("camino", false, true), ("carretera", false, true), ("ctra", true, false),
    ("ronda", false, true), ("travesía", false, false), ("glorieta", false, false),
    ("callejón", false, false), ("pasaje", false, true), ("bulevar", false, false),
    // it
    ("via", false, true), ("viale", false, false), ("piazza", false, false),
    ("piazzale", false, false), ("corso", false, true), ("largo", false, true),
    ("vicolo", false, false), ("strada", false, true), ("lungomare", false, false),
    ("contrada", false, true), ("borgo", false, true),
    // pt
    ("rua", false, false), ("travessa", false, false), ("tv", true, false),
    ("praça", false, false), ("praca", false, true), ("alameda", false, true),
    ("estrada", false, true), ("rodovia", false, false), ("beco", false, true),
    ("ladeira", false, true),
    // pl
    ("ul", true, false), ("al", true, false), ("pl", true, false), ("os", true, false),
    ("ulica", false, false), ("aleja", false, false), ("plac", false, true),
    ("osiedle", false, false),
    // ru
    ("ул", true, false), ("улица", false, false), ("пр", true, false), ("просп", true, false),
    ("проспект", false, false), ("пер", true, false), ("переулок", false, false),
    ("бульвар", false, false), ("шоссе", false, false), ("наб", true, false),
    ("набережная", false, false), ("пл", true, false), ("площадь", false, false),
    ("мкр", true, false), ("микрорайон", false, false), ("проезд", false, false),
    // ar
    ("شارع", false, false), ("جادة", false, false),
];

/// Types written as a separate word after a capitalised name: (word, needs a dot, also
/// common outside addresses).
#[rustfmt::skip]
const POST_TYPES: &[(&str, bool, bool)] = &[
    // de
    ("straße", false, false), ("strasse", false, false), ("str", true, false),
    ("weg", false, true), ("platz", false, true), ("allee", false, true),
    ("gasse", false, true), ("damm", false, true), ("chaussee", false, true),
    // tr
    ("cad", true, false), ("cd", true, false), ("caddesi", false, false),
    ("cadde", false, false), ("sok", true, false), ("sk", true, false), ("sokak", false, false),
    ("sokağı", false, false), ("bulvarı", false, false), ("blv", true, false),
    ("bul", true, false), ("mah", true, true), ("mahallesi", false, true),
    ("yolu", false, true),
    // ru
    ("ул", true, false), ("улица", false, false), ("пр", true, false),
    ("проспект", false, false), ("пер", true, false), ("переулок", false, false),
    ("бульвар", false, false), ("шоссе", false, false), ("наб", true, false),
    ("набережная", false, false), ("пл", true, false), ("площадь", false, false),
    ("проезд", false, false),
];

/// German and Dutch compound endings: (suffix, needs a dot, also common outside addresses).
#[rustfmt::skip]
const COMPOUND: &[(&str, bool, bool)] = &[
    ("straße", false, false), ("strasse", false, false), ("str", true, false),
    ("weg", false, true), ("platz", false, true), ("allee", false, true),
    ("gasse", false, true), ("damm", false, true), ("chaussee", false, true),
    ("straat", false, false), ("gracht", false, false), ("laan", false, true),
    ("plein", false, true), ("kade", false, true), ("singel", false, true),
    ("dijk", false, true), ("steeg", false, true),
];

/// Compounds with those endings that are not streets.
#[rustfmt::skip]
const COMPOUND_STOP: &[&str] = &[
    "rückweg", "heimweg", "umweg", "ausweg", "postweg", "lieferweg", "versandweg", "rechtsweg",
    "zahlungsweg", "hinweg", "vorweg", "onderweg", "halfweg", "arbeitsplatz", "parkplatz",
    "stellplatz", "speicherplatz", "sitzplatz", "lagerplatz", "spielplatz",
];

/// Chinese street characters before `<number>号`.
const ZH_STREET: &[char] = &['路', '街', '道', '巷', '弄', '段'];

/// Two-character words ending in a street character that are not streets (`知道`, `渠道`).
#[rustfmt::skip]
const ZH_STOP: &[(char, char)] = &[
    ('知', '道'), ('频', '道'), ('渠', '道'), ('通', '道'), ('味', '道'), ('难', '道'), ('报', '道'),
    ('一', '道'), ('管', '道'), ('轨', '道'), ('赛', '道'), ('跑', '道'), ('一', '路'), ('线', '路'),
    ('网', '路'), ('电', '路'), ('思', '路'), ('套', '路'), ('出', '路'), ('一', '段'), ('这', '段'),
    ('那', '段'), ('阶', '段'), ('手', '段'),
];

const ZH_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Korean provinces and metropolitan cities (prefixes of `서울특별시`, `경기도`…).
const KO_REGIONS: &[&str] = &[
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충청", "충북",
    "충남", "전라", "전북", "전남", "경상", "경북", "경남", "제주",
];

/// Korean words ending in 시/구/군 that are not places.
const KO_STOP: &[&str] = &[
    "다시", "혹시", "잠시", "역시", "동시", "당시", "즉시", "수시", "항시", "표시", "친구", "도구",
    "요구", "연구", "입구", "출구", "가구", "창구", "지시", "개시", "게시",
];

// ---------------------------------------------------------------------------------------
// Postal codes
// ---------------------------------------------------------------------------------------

const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR",
];

const AU_STATES: &[&str] = &["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"];

/// UK postcode areas (the letters of the outward code).
const UK_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH",
    "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",
    "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS",
    "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL",
    "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX",
    "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM",
    "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
    "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// Two capitals after four digits that are not a Dutch postcode (`2000 EU`).
const NL_STOP: &[&str] = &[
    "SA", "SD", "SS", "EU", "US", "UK", "AI", "TV", "PC", "OK", "AM", "PM", "AD", "BC", "CE", "HD",
    "VR", "AR", "GB", "TB", "MB", "KB", "ID", "IT", "PR", "QR",
];

/// Large cities: a postal code before one of them needs no other context.
#[rustfmt::skip]
const CITIES: &[&str] = &[
    "berlin", "hamburg", "münchen", "munich", "köln", "cologne", "frankfurt", "stuttgart",
    "düsseldorf", "leipzig", "dresden", "hannover", "nürnberg", "bremen", "wien", "zürich",
    "paris", "lyon", "marseille", "toulouse", "nantes", "strasbourg", "bordeaux", "lille",
    "madrid", "barcelona", "valencia", "sevilla", "bilbao", "málaga", "zaragoza", "roma",
    "rome", "milano", "milan", "napoli", "torino", "firenze", "bologna", "venezia", "genova",
    "palermo", "amsterdam", "rotterdam", "utrecht", "eindhoven", "lisboa", "lisbon", "porto",
    "warszawa", "warsaw", "kraków", "wrocław", "москва",
];

// ---------------------------------------------------------------------------------------
// Rules, anchored on the number at `k`
// ---------------------------------------------------------------------------------------

/// Flat and building numbers seen so far (`Apt 4B`, `д. 7`): weak alone, an address together.
#[derive(Debug, Default)]
struct Weak {
    unit: Option<isize>,
    building: Option<isize>,
}

fn address_at(s: &S<'_, '_>, k: isize, weak: &mut Weak) -> bool {
    // Every rule needs a word or a CJK character within a few tokens of the number (the
    // farthest: `Тверская, д. 7` before it, `1100-053 Lisboa` after it).
    let lettered = (k - 4..=k + 3).any(|i| {
        s.at(i)
            .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Cjk(_)))
    });
    if !lettered {
        return false;
    }
    cjk_at(s, k)
        || korean_at(s, k)
        || postal_at(s, k)
        || po_box_at(s, k)
        || street_at(s, k)
        || weak_at(s, k, weak)
}

/// A house number with a street type before or after it.
fn street_at(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    if !house(t, 5) {
        return false;
    }
    if clean_before(s, k) && number_first(s, k) {
        return true;
    }
    let (j, marked) = street_end(s, k);
    if !tail_ok(s, k, false) {
        return false;
    }
    // Running lowercase text after the number is accepted after an unmistakable street
    // word (`ул. Тверская 7 сегодня`), not after `Platz`, `Weg`, `Via` or `Corso`
    // (`Platz 1 der Bestseller`, `Corso Base 2 è online`).
    let strict_ok = marked || tail_ok(s, k, true);
    type_first(s, j, strict_ok) || name_then_type(s, j, strict_ok)
}

/// The number is not the end of a time, decimal, price or code (`10:30`, `$12`, `LX12`).
fn clean_before(s: &S<'_, '_>, k: isize) -> bool {
    if !s.glued(k) {
        return true;
    }
    match s.at(k - 1).map(|t| t.kind) {
        Some(Kind::Word | Kind::Num) => false,
        Some(Kind::Punct(p)) => !matches!(
            p,
            ':' | '.' | ',' | '/' | '$' | '€' | '£' | '¥' | '+' | '#' | '@' | '_'
        ),
        _ => true,
    }
}

/// What follows a house number does not make it a quantity, time or decimal; when
/// `strict` (no `No:`/`д.` marker said it is a house number), running lowercase text after
/// it is refused too (`Platz 1 der Bestseller`).
fn tail_ok(s: &S<'_, '_>, k: isize, strict: bool) -> bool {
    let mut m = k + 1;
    if matches!(s.punct(m), Some('-' | '/'))
        && s.glued(m)
        && s.num(m + 1).is_some()
        && s.glued(m + 1)
    {
        if s.punct(m) == Some('/') && s.num(m + 1).is_some_and(|n| n.text == "7") {
            return false; // 24/7
        }
        m += 2;
    }
    let Some(t) = s.at(m) else { return true };
    match t.kind {
        Kind::Punct(p) => {
            if matches!(
                p,
                '%' | '€' | '$' | '£' | '¥' | '₽' | '°' | '+' | '×' | '‰' | '*'
            ) {
                return false;
            }
            let time_or_decimal = matches!(p, ':' | '.' | ',')
                && !t.space
                && s.num(m + 1).is_some()
                && s.glued(m + 1);
            !time_or_decimal
        }
        Kind::Word => {
            let running_text = strict && s.lower_word(m) && !one_of(t.text, TAIL_WORDS);
            !one_of(t.text, UNITS) && !running_text
        }
        Kind::Num | Kind::Cjk(_) => true,
    }
}

/// The last token of the street part before the number, past a marker and a comma
/// (`Тверская, д. 7`, `Cad. No: 5`, `Paulista, 1578`), and whether a marker was there.
fn street_end(s: &S<'_, '_>, k: isize) -> (isize, bool) {
    let mut j = k - 1;
    let mut marked = true;
    if matches!(s.punct(j), Some('.' | ':' | '°'))
        && s.word(j - 1).is_some_and(|w| one_of(w, MARKERS))
    {
        j -= 2;
    } else if s.word(j).is_some_and(|w| one_of(w, MARKERS)) || matches!(s.punct(j), Some('№' | '#'))
    {
        j -= 1;
    } else {
        marked = false;
    }
    if matches!(s.punct(j), Some(',' | '،')) {
        j -= 1;
    }
    (j, marked)
}

/// `221B Baker Street`, `12 rue de Rivoli`.
fn number_first(s: &S<'_, '_>, k: isize) -> bool {
    let mut m = k + 1;
    if s.word(m)
        .is_some_and(|w| one_of(w, &["bis", "ter", "quater"]))
    {
        m += 1;
    }
    if s.at(m).is_none_or(|t| t.line) {
        return false;
    }
    if en_street(s, m) {
        return true;
    }
    if s.punct(m) == Some(',') {
        m += 1;
        if en_street(s, m) {
            return true; // `4, Privet Drive`
        }
    }
    fr_street(s, m)
}

fn en_type(w: &str) -> Option<bool> {
    let f = Folded::new(w);
    EN_TYPES.iter().find(|(n, _)| f.is(n)).map(|&(_, amb)| amb)
}

/// Capitalised names from `m` then an English street type.
fn en_street(s: &S<'_, '_>, m: isize) -> bool {
    if s.word(m)
        .is_some_and(|w| upper_start(w) && eq_ci(w, "broadway"))
    {
        return true;
    }
    let (mut names, mut stop) = (0, false);
    let mut i = m;
    while i < m + 10 {
        let Some(t) = s.at(i) else { break };
        if t.line && i > m {
            break;
        }
        match t.kind {
            Kind::Word => {
                let w = t.text;
                if !upper_start(w) {
                    if w == "s" && matches!(s.punct(i - 1), Some('\'' | '’')) && s.glued(i) {
                        i += 1;
                        continue;
                    }
                    break;
                }
                if names > 0
                    && let Some(amb) = en_type(w)
                    && (!amb || (!stop && en_type_tail_ok(s, i)))
                {
                    return true;
                }
                stop |= one_of(w, EN_NAME_STOP);
                names += 1;
                if names > 4 {
                    break;
                }
            }
            Kind::Num if ordinal(t) => names += 1,
            Kind::Punct('.' | '\'' | '’' | '-') => {}
            _ => break,
        }
        i += 1;
    }
    false
}

/// An ambiguous English type ends the phrase: not `Drive-Thru`, not `Drive enclosures`.
fn en_type_tail_ok(s: &S<'_, '_>, i: isize) -> bool {
    if s.punct(i + 1) == Some('-') && s.glued(i + 1) && s.word(i + 2).is_some() && s.glued(i + 2) {
        return false;
    }
    let mut n = i + 1;
    if s.punct(n) == Some('.') && s.glued(n) {
        n += 1;
    }
    !s.lower_word(n)
}

/// A French type, particles, then a capitalised name: `rue de Rivoli`, `place de la Concorde`.
fn fr_street(s: &S<'_, '_>, f: isize) -> bool {
    let Some(w) = s.word(f) else { return false };
    let folded = Folded::new(w);
    let Some(&(_, dot, amb)) = FR_TYPES.iter().find(|(n, ..)| folded.is(n)) else {
        return false;
    };
    let mut i = f + 1;
    if s.punct(i) == Some('.') && s.glued(i) {
        i += 1;
    } else if dot {
        return false;
    }
    let mut particle = false;
    for _ in 0..3 {
        match s.word(i) {
            Some(p) if lower_start(p) && one_of(p, FR_PARTICLES) => {
                particle = true;
                i += 1;
                if matches!(s.punct(i), Some('\'' | '’')) {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    let Some(name) = s.word(i) else { return false };
    if !titled(name) || one_of(name, NAME_STOP) || s.at(i).is_some_and(|t| t.line) {
        return false;
    }
    if amb && upper_start(w) && !particle {
        // `2 Place Settings left`, `5 Avenue Q shows`: English, not French.
        if name.chars().count() < 2 {
            return false;
        }
        let mut m = i + 1;
        for _ in 0..4 {
            if s.word(m).is_some_and(titled) && s.at(m).is_some_and(|t| !t.line) {
                m += 1;
            } else if s.punct(m) == Some('-') && s.glued(m) && s.word(m + 1).is_some() {
                m += 2;
            } else {
                break;
            }
        }
        return !s.lower_word(m);
    }
    true
}

/// Where a type before the name at `i` lets the name start (`Calle`, `Av.`, `C/`), and
/// whether the type word is also common outside addresses (`Via`, `Corso`).
fn pre_type_start(s: &S<'_, '_>, i: isize) -> Option<(isize, bool)> {
    let w = s.word(i)?;
    let dotted = s.punct(i + 1) == Some('.') && s.glued(i + 1);
    if eq_ci(w, "c") && s.punct(i + 1) == Some('/') && s.glued(i + 1) {
        return Some((i + 2, false));
    }
    let f = Folded::new(w);
    let &(_, dot, cap) = PRE_TYPES.iter().find(|(n, ..)| f.is(n))?;
    if cap && !upper_start(w) {
        return None;
    }
    if dotted {
        Some((i + 2, cap))
    } else if dot {
        None
    } else {
        Some((i + 1, cap))
    }
}

/// A type, then a capitalised name ending at `j`: `Calle Mayor`, `ул. Тверская`.
/// `strict_ok`: what follows the number passes the strict test (see [`tail_ok`]), which an
/// ambiguous type needs.
fn type_first(s: &S<'_, '_>, j: isize, strict_ok: bool) -> bool {
    let mut i = j;
    for _ in 0..10 {
        let Some(t) = s.at(i) else { return false };
        match t.kind {
            Kind::Word => {
                if let Some((start, ambiguous)) = pre_type_start(s, i)
                    && (strict_ok || !ambiguous)
                    && start <= j
                    && name_ok(s, start, j)
                {
                    return true;
                }
            }
            Kind::Punct('.' | '-' | '\'' | '’' | '/') => {}
            _ => return false,
        }
        if t.line {
            return false;
        }
        i -= 1;
    }
    false
}

/// Tokens `a..=b` form a street name: 1–5 capitalised (or caseless-script) words, with
/// lowercase particles, hyphens, apostrophes and initials between them.
fn name_ok(s: &S<'_, '_>, a: isize, b: isize) -> bool {
    let mut words = 0;
    let mut i = a;
    while i <= b {
        let Some(t) = s.at(i) else { return false };
        if t.line && i > a {
            return false;
        }
        match t.kind {
            Kind::Word => {
                let w = t.text;
                if lower_start(w) {
                    // `Rua das Flores`, `Via dei Mille`: lowercase only as a particle.
                    if !one_of(w, PARTICLES) {
                        return false;
                    }
                } else {
                    if one_of(w, NAME_STOP) {
                        return false;
                    }
                    let ok = if words == 0 {
                        titled(w)
                            || caseless(w)
                            || (roman(w) && i < b && s.word(i + 1).is_some_and(titled))
                    } else {
                        upper_start(w) || caseless(w)
                    };
                    if !ok {
                        return false;
                    }
                    words += 1;
                }
            }
            Kind::Punct('.') => {
                let after_initial = s.word(i - 1).is_some_and(|w| w.chars().count() <= 3);
                if i == a || !after_initial {
                    return false;
                }
            }
            Kind::Punct('-' | '\'' | '’') => {}
            _ => return false,
        }
        i += 1;
    }
    (1..=5).contains(&words)
}

/// A German or Dutch street compound (`Hauptstraße`, `Hauptstr.`, `Keizersgracht`), and
/// whether its ending is also common outside addresses (`-weg`, `-platz`).
fn compound(w: &str, dotted: bool) -> Option<bool> {
    if !upper_start(w) {
        return None;
    }
    let f = Folded::new(w);
    let chars = w.chars().count();
    let &(_, _, weak) = COMPOUND.iter().find(|&&(suffix, dot, _)| {
        (!dot || dotted) && f.ends(suffix) && chars >= suffix.chars().count() + 3
    })?;
    (!f.any(COMPOUND_STOP)).then_some(weak)
}

/// A type after a name, ending at `j`: `Hauptstraße`, `Berliner Str.`, `Atatürk Cad.`,
/// `Тверская ул.`.
/// `strict_ok` as for [`type_first`].
fn name_then_type(s: &S<'_, '_>, j: isize, strict_ok: bool) -> bool {
    let (wi, dotted) = if s.punct(j) == Some('.') && s.glued(j) {
        (j - 1, true)
    } else {
        (j, false)
    };
    let Some(w) = s.word(wi) else { return false };
    if let Some(weak) = compound(w, dotted) {
        return strict_ok || !weak;
    }
    let f = Folded::new(w);
    POST_TYPES
        .iter()
        .any(|&(n, dot, weak)| (!dot || dotted) && (strict_ok || !weak) && f.is(n))
        && s.at(wi).is_some_and(|t| !t.line)
        && s.word(wi - 1)
            .is_some_and(|p| titled(p) && !one_of(p, NAME_STOP))
}

/// A street named near `i` without a number: `Baker Street`, `rue de Rivoli`, `Hauptstraße`.
fn street_word(s: &S<'_, '_>, i: isize) -> bool {
    let Some(w) = s.word(i) else { return false };
    if upper_start(w)
        && en_type(w) == Some(false)
        && s.word(i - 1)
            .is_some_and(|p| titled(p) && !one_of(p, NAME_STOP))
    {
        return true;
    }
    if compound(w, s.punct(i + 1) == Some('.')).is_some() {
        return true;
    }
    if let Some((start, _)) = pre_type_start(s, i)
        && s.word(start)
            .is_some_and(|n| (titled(n) || caseless(n)) && !one_of(n, NAME_STOP))
    {
        return true;
    }
    fr_street(s, i)
}

/// `Apt 4B` beside a street word, or `кв. 12` beside `д. 7`.
fn weak_at(s: &S<'_, '_>, k: isize, weak: &mut Weak) -> bool {
    if !s.num(k).is_some_and(|t| house(t, 5)) {
        return false;
    }
    let mut j = k - 1;
    if matches!(s.punct(j), Some('.' | '#' | ':')) {
        j -= 1;
    }
    let Some(w) = s.word(j) else { return false };
    let unit = (upper_start(w) && one_of(w, &["apt", "apartment", "suite", "ste", "unit", "flat"]))
        || one_of(
            w,
            &[
                "wohnung",
                "whg",
                "apto",
                "apartamento",
                "appartamento",
                "кв",
                "квартира",
                "daire",
            ],
        );
    let building = one_of(w, &["д", "дом", "корп", "корпус"]);
    let near = |other: Option<isize>| other.is_some_and(|o| k - o <= 12);
    if unit {
        if near(weak.building) || (k - 12..=k + 12).any(|i| i != k && street_word(s, i)) {
            return true;
        }
        weak.unit = Some(k);
    } else if building {
        if near(weak.unit) {
            return true;
        }
        weak.building = Some(k);
    }
    false
}

/// `PO Box 123`, `P.O. Box 123`, `Postfach 1234`, `Caixa Postal 12`, `Apartado de Correos 5`.
fn po_box_at(s: &S<'_, '_>, k: isize) -> bool {
    if !s.num(k).is_some_and(|t| (1..=6).contains(&t.digits)) {
        return false;
    }
    let mut j = k - 1;
    if matches!(s.punct(j), Some('#' | ':' | '.' | '№')) {
        j -= 1;
    }
    let Some(w) = s.word(j) else { return false };
    if one_of(w, &["pob", "postfach", "postbus"]) {
        return true;
    }
    if eq_ci(w, "box") {
        let mut i = j - 1;
        if s.punct(i) == Some('.') {
            i -= 1;
        }
        let Some(p) = s.word(i) else { return false };
        if eq_ci(p, "po") {
            return true;
        }
        if eq_ci(p, "office") {
            return s.word(i - 1).is_some_and(|x| eq_ci(x, "post"));
        }
        if eq_ci(p, "o") {
            let mut h = i - 1;
            if s.punct(h) == Some('.') {
                h -= 1;
            }
            return s.word(h).is_some_and(|x| eq_ci(x, "p"));
        }
        return false;
    }
    if one_of(w, &["postal", "postale"]) {
        return s
            .word(j - 1)
            .is_some_and(|x| one_of(x, &["caixa", "casella"]));
    }
    eq_ci(w, "correos")
        && s.word(j - 1).is_some_and(|x| eq_ci(x, "de"))
        && s.word(j - 2).is_some_and(|x| eq_ci(x, "apartado"))
}

/// `테헤란로 152` after a city or district, `12번길`, `123번지`, `102동 1504호`.
fn korean_at(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    let after = s.word(k + 1).filter(|_| s.glued(k + 1));
    if after == Some("번지") {
        return true;
    }
    // An apartment building and flat: `102동 1504호`.
    if after == Some("동")
        && s.num(k + 2).is_some()
        && s.glued(k + 3)
        && s.word(k + 3).is_some_and(|w| w.starts_with('호'))
    {
        return true;
    }
    let Some(road) = s.word(k - 1) else {
        return false;
    };
    if !(road.ends_with('로') || road.ends_with('길'))
        || road.ends_with("으로")
        || road.chars().count() < 2
        || !house(t, 5)
    {
        return false;
    }
    match after {
        Some("번길" | "길") => return true,
        Some(w) if w.chars().next().is_some_and(is_hangul) => return false,
        _ => {}
    }
    // The district or city right before the road: `강남구 테헤란로 152`.
    tail_ok(s, k, true) && s.word(k - 2).is_some_and(korean_region)
}

fn korean_region(w: &str) -> bool {
    w.chars().count() >= 2
        && (KO_REGIONS.iter().any(|r| w.starts_with(r))
            || ((w.ends_with('시') || w.ends_with('구') || w.ends_with('군'))
                && !KO_STOP.contains(&w)))
}

/// Chinese and Japanese forms: `〒150-0041`, `3丁目`, `2番地`, `1番3号`, `建国路88号`,
/// `渋谷区神南1-2-3`.
fn cjk_at(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    if s.cjk(k - 1) == Some('〒') {
        return t.digits == 7
            || (t.digits == 3 && s.hyphen(k + 1) && s.num(k + 2).is_some_and(|n| n.digits == 4));
    }
    if t.digits <= 4 && t.suffix.is_empty() {
        match (s.cjk(k + 1), s.cjk(k + 2)) {
            (Some('丁'), Some('目')) | (Some('番'), Some('地')) => return true,
            (Some('番'), _)
                if s.num(k + 2).is_some() && matches!(s.cjk(k + 3), Some('号' | '號')) =>
            {
                return true;
            }
            _ => {}
        }
    }
    zh_street(s, k) || ja_block(s, k)
}

/// `建国路88号`, `信義路五段7號`, `123弄4号`.
fn zh_street(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    if t.digits > 5 || !t.suffix.is_empty() {
        return false;
    }
    let Some(c1) = s.cjk(k - 1) else { return false };
    if !ZH_STREET.contains(&c1) {
        return false;
    }
    let before_ok = match s.at(k - 2).map(|b| b.kind) {
        Some(Kind::Cjk(c0)) if c1 == '段' => ZH_NUMERALS.contains(&c0),
        Some(Kind::Cjk(c0)) => is_han(c0) && !ZH_STOP.contains(&(c0, c1)),
        Some(Kind::Num) => matches!(c1, '弄' | '段'),
        _ => false,
    };
    if !before_ok {
        return false;
    }
    let mut m = k + 1;
    for _ in 0..3 {
        if (s.hyphen(m) || s.cjk(m) == Some('之')) && s.num(m + 1).is_some() {
            m += 2;
        } else {
            break;
        }
    }
    matches!(s.cjk(m), Some('号' | '號')) && !matches!(s.cjk(m + 1), Some('线' | '線'))
}

/// A Japanese block address: a place name holding a ward, city, town or village, then
/// `1-2-3`.
fn ja_block(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    if t.digits > 4 || !t.suffix.is_empty() || !s.cjk(k - 1).is_some_and(is_han) {
        return false;
    }
    let mut m = k + 1;
    let mut groups = 0;
    while groups < 3
        && s.hyphen(m)
        && s.num(m + 1)
            .is_some_and(|n| n.digits <= 4 && n.suffix.is_empty())
    {
        m += 2;
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    let (mut marker, mut pending, mut prefecture) = (false, false, false);
    let mut i = k - 1;
    for _ in 0..16 {
        match s.cjk(i) {
            Some(c) if is_han(c) || is_kana(c) => {
                if pending && is_han(c) {
                    marker = true;
                }
                pending |= matches!(c, '区' | '市' | '町' | '村' | '郡');
                prefecture |= matches!(c, '都' | '道' | '府' | '県');
            }
            _ => break,
        }
        i -= 1;
    }
    if !marker {
        return false;
    }
    match s.at(m).map(|n| n.kind) {
        Some(Kind::Cjk(c)) if is_han(c) && !matches!(c, '号' | '番' | '階' | '丁') => {
            prefecture
        }
        Some(Kind::Num) => false,
        _ => true,
    }
}

fn postal_at(s: &S<'_, '_>, k: isize) -> bool {
    state_code(s, k)
        || uk_postcode(s, k)
        || nl_postcode(s, k)
        || dashed_code(s, k)
        || five_digit(s, k)
}

/// The postal code starts a line or follows a comma, as in an address block.
fn code_context(s: &S<'_, '_>, k: isize) -> bool {
    s.at(k).is_some_and(|t| t.line) || matches!(s.punct(k - 1), Some(',' | ';' | '(' | '،'))
}

/// A city at `i` after the postal code at `code`. After a comma or at a line start (an
/// address block), any capitalised name not followed by running lowercase text; elsewhere
/// only a known city, and not when a capitalised word, a number or `Nr.`/`#` before the code
/// makes it an identifier (`Bestellung 12345 Berlin`, `Version 10115 Berlin`).
fn city_at(s: &S<'_, '_>, code: isize, i: isize) -> bool {
    let Some(w) = s.word(i) else { return false };
    if s.at(i).is_some_and(|t| t.line) {
        return false;
    }
    if !code_context(s, code) {
        let id_like = match s.at(code - 1).map(|t| t.kind) {
            Some(Kind::Word) => s.word(code - 1).is_some_and(upper_start),
            Some(Kind::Num) => true,
            Some(Kind::Punct(p)) => matches!(p, '.' | '#' | ':' | '№'),
            _ => false,
        };
        return !id_like && one_of(w, CITIES);
    }
    if one_of(w, CITIES) {
        return true;
    }
    if !titled(w) || one_of(w, UNITS) || one_of(w, NAME_STOP) {
        return false;
    }
    let mut m = i + 1;
    for _ in 0..3 {
        if s.word(m).is_some_and(titled) && s.at(m).is_some_and(|t| !t.line) {
            m += 1;
        } else if s.punct(m) == Some('-') && s.glued(m) && s.word(m + 1).is_some() {
            m += 2;
        } else {
            break;
        }
    }
    !s.lower_word(m)
}

/// `New York, NY 10118`, `Sydney NSW 2000`.
fn state_code(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    if !t.suffix.is_empty() || !t.space {
        return false;
    }
    let Some(state) = s.word(k - 1) else {
        return false;
    };
    let us = t.digits == 5 && US_STATES.contains(&state);
    let au = t.digits == 4 && AU_STATES.contains(&state);
    if !(us || au) {
        return false;
    }
    let before = s.punct(k - 2) == Some(',') || s.word(k - 2).is_some_and(titled);
    let mut m = k + 1;
    if us && s.hyphen(m) && s.glued(m) && s.num(m + 1).is_some_and(|n| n.digits == 4) {
        m += 2;
    }
    before && !s.lower_word(m)
}

/// `SW1A 1AA`, `M1 1AE` (anchored on the inward code).
fn uk_postcode(s: &S<'_, '_>, k: isize) -> bool {
    let Some(inward) = s.num(k) else { return false };
    let letters = inward.suffix;
    if inward.digits != 1
        || letters.len() != 2
        || !letters
            .chars()
            .all(|c| c.is_ascii_uppercase() && !"CIKMOV".contains(c))
        || matches!(letters, "GB" | "TB" | "FA")
    {
        return false;
    }
    let Some(outward) = s.num(k - 1) else {
        return false;
    };
    if !(1..=2).contains(&outward.digits)
        || outward.suffix.len() > 1
        || !outward.suffix.chars().all(|c| c.is_ascii_uppercase())
        || !s.glued(k - 1)
    {
        return false;
    }
    let Some(area) = s.word(k - 2) else {
        return false;
    };
    if !UK_AREAS.contains(&area)
        || (s.glued(k - 2)
            && s.at(k - 3)
                .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num)))
    {
        return false;
    }
    let before_ok = s.at(k - 2).is_some_and(|t| t.line) || !s.lower_word(k - 3);
    before_ok && !s.lower_word(k + 1) && !(s.glued(k + 1) && s.num(k + 1).is_some())
}

/// `1012 LG Amsterdam`, `1012LG Amsterdam`.
fn nl_postcode(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    if t.digits != 4 || t.text.chars().next().and_then(digit_value) == Some(0) {
        return false;
    }
    let two_caps = |w: &str| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase());
    let (letters, city) = if two_caps(t.suffix) {
        (t.suffix, k + 1)
    } else if t.suffix.is_empty() && !s.glued(k + 1) && s.word(k + 1).is_some_and(two_caps) {
        (s.word(k + 1).unwrap_or_default(), k + 2)
    } else {
        return false;
    };
    !NL_STOP.contains(&letters) && city_at(s, k, city)
}

/// `1100-053 Lisboa` (pt), `01310-100 São Paulo` or `CEP 01310-100` (br), `00-950 Warszawa`
/// (pl).
fn dashed_code(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    let shape = matches!(t.digits, 2 | 4 | 5)
        && t.suffix.is_empty()
        && s.punct(k + 1) == Some('-')
        && s.glued(k + 1)
        && s.glued(k + 2)
        && s.num(k + 2)
            .is_some_and(|n| n.digits == 3 && n.suffix.is_empty());
    // Not a piece of a longer dashed number (`030-12-345`, `x12-345`).
    let glued_before = s.glued(k) && s.at(k - 1).is_some_and(|p| p.kind != Kind::Punct('('));
    let glued_after = s.glued(k + 3)
        && s.at(k + 3)
            .is_some_and(|n| matches!(n.kind, Kind::Num | Kind::Punct('-')));
    if !shape || glued_before || glued_after {
        return false;
    }
    (t.digits == 5 && s.word(k - 1).is_some_and(|w| eq_ci(w, "cep"))) || city_at(s, k, k + 3)
}

/// `10115 Berlin`, `, 75001 Paris`.
fn five_digit(s: &S<'_, '_>, k: isize) -> bool {
    let Some(t) = s.num(k) else { return false };
    t.digits == 5
        && t.suffix.is_empty()
        && !(s.glued(k) && s.at(k - 1).is_some_and(|p| p.kind != Kind::Punct('-')))
        && !(s.glued(k + 1) && s.punct(k + 1).is_some())
        && city_at(s, k, k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSITIVE: &[&str] = &[
        // en
        "221B Baker Street",
        "Please send it to 221B Baker Street, London.",
        "1600 Amphitheatre Pkwy",
        "12 High St, London SW1A 1AA",
        "Apt 4B, 350 Fifth Avenue, New York, NY 10118",
        "PO Box 123",
        "P.O. Box 4567, Springfield",
        "Post Office Box 9",
        "10 Downing Street",
        "1 Infinite Loop, Cupertino, CA 95014",
        "742 Evergreen Terrace",
        "123 W 42nd St",
        "1585 Broadway",
        "12 St. Mary's Road",
        "Flat 2, Baker Street",
        "London SW1A 1AA",
        "Manchester M1 1AE",
        "12 George St, Sydney NSW 2000",
        "New York NY 10118",
        "The right address is 27 Whitfield Road, Bristol BS5 6RJ.",
        "4, Privet Drive",
        // de
        "Hauptstraße 5",
        "Berliner Str. 12a, 10115 Berlin",
        "Kurfürstendamm 21",
        "Hauptstr. 7",
        "Lindenallee 3",
        "Am Marktplatz 4",
        "Schillerweg 10",
        "Musterstraße 12, 80331 München",
        "Goethestrasse 1 in Frankfurt",
        "Postfach 1234",
        "Ich bin umgezogen – neu: Lindenstr. 8, 50674 Köln",
        // fr
        "12 rue de Rivoli, 75001 Paris",
        "5 avenue des Champs-Élysées",
        "3 boulevard Haussmann",
        "8, place de la Concorde",
        "27 bis rue du Faubourg Saint-Antoine",
        "Livraison au 14 rue Lafayette demain",
        "75001 Paris",
        // es
        "Calle Mayor 3, 28013 Madrid",
        "Avenida de la Constitución 12",
        "C/ Alcalá 45",
        "Paseo de Gracia 92",
        "Plaza Mayor 1",
        "Av. Diagonal 640",
        "vivo en la calle Mayor 3",
        // it
        "Via Roma 10, 00184 Roma",
        "Via Giuseppe Verdi 7",
        "Piazza del Duomo 2",
        "Corso Buenos Aires 33",
        "Viale dei Mille 14",
        "Via XX Settembre 5",
        "Via G. Verdi 7",
        // pt
        "Rua Augusta 100, 1100-053 Lisboa",
        "Av. Paulista 1000",
        "Avenida Paulista, 1578",
        "Travessa do Carmo 5",
        "CEP 01310-100",
        "O novo é Rua das Flores, 220, apto 31, Campinas-SP",
        // nl
        "Damrak 1, 1012 LG Amsterdam",
        "Keizersgracht 123",
        "Prinsengracht 263",
        "Het juiste adres is Oudegracht 112, 3511 AW Utrecht.",
        "Stationsplein 1",
        // pl
        "ul. Marszałkowska 10",
        "al. Jerozolimskie 54",
        "00-950 Warszawa",
        "da się zmienić na ul. Długa 12/4, 80-831 Gdańsk?",
        // ru
        "ул. Тверская, д. 7",
        "улица Ленина 5",
        "проспект Мира, 10",
        "Тверская ул., д. 7",
        "Невский пр. 28",
        "д. 7, кв. 12",
        // ja
        "東京都渋谷区神南1-2-3",
        "〒150-0041",
        "大阪市北区梅田3丁目1番3号",
        "〒100-0005 東京都千代田区丸の内1-1-1",
        "京都市中京区寺町通2番地",
        "東京都渋谷区神南１－２－３",
        // zh
        "北京市朝阳区建国路88号",
        "上海市浦东新区世纪大道100号",
        "南京东路300号",
        "台北市信義區信義路五段7號",
        "长安街1号",
        "寄到广州市天河区天河路 385 号",
        // ko
        "서울특별시 강남구 테헤란로 152",
        "강남구 테헤란로 152",
        "중앙로 12번길 3",
        "역삼동 123번지",
        "주소에 동호수를 빠뜨렸어요 102동 1504호 추가 부탁드려요",
        "부산광역시 해운대구 해운대로 264",
        // ar
        "شارع الملك فهد 123",
        "شارع التحلية ١٥",
        // tr
        "Atatürk Cad. No: 5",
        "İstiklal Caddesi No:12",
        "Bağdat Cd. No. 210",
        "Moda Sok. 7",
    ];

    const NEGATIVE: &[&str] = &[
        // the traps
        "We're sorry about the delay, please DM us",
        "Our team works 9-18 Monday to Friday",
        "Version 2 of the app fixes this",
        "That's the street price, not ours",
        "Top 10 tips for faster delivery",
        "We shipped 3 boxes yesterday",
        "Call us at our main office",
        "That is true 5 times out of 10",
        "Prueba 3 veces, por favor",
        "Via DM please",
        "Reach us Via DM 24/7",
        "Str 5",
        "Str. 5",
        "Please fill in the Str field",
        "Avenue Q is 20 years old",
        "Tickets for 5 Avenue Q shows",
        "Your parcel arrives on 12 March 2026 at 10:30",
        "Delivered 2026-12-03 at 09:15",
        "我们会在3号前回复",
        "非常抱歉，我们会在3号前回复您。",
        // en
        "Please allow 3-5 business days for the refund",
        "Open 24 Hour Drive-Thru",
        "I ordered 2 Hard Drive enclosures",
        "We have 2 Place Settings left",
        "Watch Chapter 12 Road Trip on our blog",
        "Thanks, 50000 Customers can't be wrong",
        "Get the new PS5 1TB bundle",
        "Samsung Galaxy S10 8GB",
        "Smith et al. 2020 found the same",
        "Item No. 5 is out of stock",
        "Our office hours are 9:00-17:00 GMT",
        "Save 20% on 2 Items today",
        "We're on it, expect an update in 2 hours.",
        "Step 1: open Settings. Step 2: tap Orders.",
        "Great news: iOS 17 support is live, 100% free.",
        "Hi @jane_doe, thanks! Your refund of 1 item is on its way.",
        "Sorry, the courier says 'neighbour at no. 14', we're checking with them now.",
        "Your address is updated; the parcel leaves our warehouse in 2 days.",
        // de
        "Es tut uns leid, die Lieferung dauert 3 Tage länger.",
        "Bitte schreiben Sie uns per DM, wir sind Mo–Fr 9–18 Uhr erreichbar.",
        "Auf Platz 1 der Bestseller!",
        "Die Rücksendung ist auf dem Weg, 2 Pakete sind unterwegs.",
        "Ihr Rückweg 2 Tage",
        "Ihr Paket liegt seit dem 3. März im Sortierzentrum, wir kümmern uns.",
        "Wir haben die Adresse in 5 Minuten geändert, danke für Ihre Geduld!",
        // fr
        "Nous sommes désolés, votre colis arrivera dans 3 jours.",
        "Écrivez-nous en DM, nous répondons du lundi au vendredi de 9h à 18h.",
        "La rue est fermée, mais 2 livreurs sont en route.",
        "Nous avons corrigé le numéro 12 de votre adresse, merci !",
        // es
        "Lo sentimos, su pedido llegará en 3 días.",
        "Escríbanos por DM; atendemos de 9 a 18 h.",
        "El paquete está en camino, 2 días más.",
        "Su dirección ya está actualizada, llegará en 2 días.",
        // it
        "Ci scusiamo, la consegna richiede 5 giorni lavorativi.",
        "Scriveteci via DM, rispondiamo entro 24 ore.",
        "Via email 24 ore su 24",
        "La strada è bloccata, il corriere passerà tra 2 ore.",
        // pt
        "Pedimos desculpas, a entrega leva 7 dias úteis.",
        "O pedido está na estrada há 2 dias",
        "O endereço foi atualizado, a entrega leva 5 dias úteis.",
        // nl
        "Sorry voor de vertraging, het pakket is onderweg en komt binnen 2 dagen.",
        "Het adres is aangepast, je pakket komt over 2 dagen.",
        // pl
        "Przepraszamy, paczka dotrze w ciągu 3 dni.",
        "Adres został zmieniony, paczka dotrze w ciągu 2 dni.",
        // ru
        "Приносим извинения, заказ придёт через 3 дня.",
        "Напишите нам в личные сообщения, мы работаем с 9 до 18.",
        "Курьер приедет завтра с 10 до 14, адрес уже обновлён.",
        // ja
        "ご不便をおかけして申し訳ございません。3-5営業日以内にご連絡いたします。",
        "営業時間は平日9時〜18時です。",
        "ご注文から3-5営業日でお届けします。",
        "配送先の住所変更は発送前なら3分で完了します。",
        // zh
        "您的包裹预计5-7个工作日送达。",
        "请通过官方渠道1对1联系我们",
        "我们的工作时间是9-18点。",
        "地址已更新，预计3天内送达。",
        "请关注我们的官方频道2号公告。",
        // ko
        "불편을 드려 죄송합니다. 이메일로 24시간 이내에 답변드리겠습니다.",
        "DM으로 연락 주시면 3일 이내에 처리해 드리겠습니다.",
        "주소 변경이 완료되었습니다. 2~3일 내 도착 예정입니다.",
        "서울 매장에서 이메일로 24 시간 내내 문의를 받습니다.",
        // ar
        "نعتذر عن التأخير، سيصل طلبك خلال 3 أيام.",
        "تواصل معنا عن طريق الرسائل الخاصة 24 ساعة",
        "تم تحديث العنوان، سيصل الطلب خلال ٣ أيام.",
        // tr
        "Gecikme için özür dileriz, siparişiniz 3 gün içinde ulaşacak.",
        "Adresiniz güncellendi, kargonuz 2 gün içinde teslim edilecek.",
    ];

    #[test]
    fn addresses_in_every_served_language_are_found() {
        let missed: Vec<&str> = POSITIVE
            .iter()
            .copied()
            .filter(|t| !contains_address(t))
            .collect();
        assert!(missed.is_empty(), "missed: {missed:#?}");
        assert!(POSITIVE.len() >= 40);
    }

    #[test]
    fn ordinary_support_replies_are_not_addresses() {
        let flagged: Vec<&str> = NEGATIVE
            .iter()
            .copied()
            .filter(|t| contains_address(t))
            .collect();
        assert!(flagged.is_empty(), "flagged: {flagged:#?}");
        assert!(NEGATIVE.len() >= 40);
    }

    #[test]
    fn a_public_reply_with_an_address_is_refused_naming_it() {
        let err = super::super::check_public_reply(
            "So sorry! We'll resend it to 221B Baker Street tomorrow.",
        );
        assert_eq!(
            err.map_err(|e| e.found),
            Err(vec!["an address"]),
            "the address is the only personal data here"
        );
        let err = super::super::check_public_reply("Sent to ул. Тверская, д. 7 today");
        assert!(err.is_err_and(|e| e.to_string().contains("an address")));
        assert_eq!(
            super::super::check_public_reply("Our team works 9-18 Monday to Friday, please DM us"),
            Ok(())
        );
    }

    /// A small deterministic generator, so the test needs no dependency.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % u64::try_from(n).unwrap_or(1)).unwrap_or(0)
        }
    }

    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "1", "12", "221B", "10115", "0", "-", "/", ".", ",", ":", "#", "№", " ", "\n", "ул",
        "д", ".", "Street", "St", "rue", "Via", "Calle", "Str", "straße", "Haupt", "No", "PO",
        "Box", "路", "号", "道", "区", "市", "都", "丁目", "番", "〒", "－", "ー", "１", "２", "٣", "۴", "로",
        "길", "번지", "번길", "서울특별시", "شارع", "ال", "İ", "ẞ", "é", "\u{301}", "\u{200D}", "😀",
        "\u{FEFF}", "SW", "1AA", "NY", "LG", "Amsterdam", "Paris", "de", "la", "Apt", "кв",
        "Cad", "Sok", "gracht", "\u{0}", "\t", "'", "’", "%", "24", "7",
    ];

    fn random_text(rng: &mut XorShift) -> String {
        let n = rng.below(40);
        (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect()
    }

    #[test]
    fn random_mixed_script_input_never_panics() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let text = random_text(&mut rng);
            let _ = contains_address(&text);
        }
        // Every prefix and suffix of the examples, cut at every character boundary.
        for text in POSITIVE.iter().chain(NEGATIVE) {
            for (i, _) in text.char_indices() {
                let _ = contains_address(text.get(..i).unwrap_or_default());
                let _ = contains_address(text.get(i..).unwrap_or_default());
            }
        }
        for text in [
            "", " ", "1", "〒", "〒1", "번지", "1번지", "-1", "ул. 1", ".", "C/ 1",
        ] {
            let _ = contains_address(text);
        }
    }

    #[test]
    fn a_megabyte_of_mixed_replies_is_scanned_in_one_pass() {
        let mut text = String::with_capacity(1 << 20);
        let mut i = 0;
        while text.len() < 1 << 20 {
            text.push_str(NEGATIVE[i % NEGATIVE.len()]);
            text.push(if i % 7 == 0 { '\n' } else { ' ' });
            i += 1;
        }
        assert!(!contains_address(&text));
        text.push_str("\nVia Roma 10, 00184 Roma");
        assert!(contains_address(&text));
        // Worst cases for the anchors: a megabyte of numbers, and of one digit run.
        let numbers = "1 2-3 ".repeat(1 << 18);
        assert!(!contains_address(&numbers));
        let digits = "7".repeat(1 << 20);
        assert!(!contains_address(&digits));
    }
}
