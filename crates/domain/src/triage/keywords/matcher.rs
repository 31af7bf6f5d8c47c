//! The phrase matcher: folds a text once (Unicode lowercase, apostrophes, full-width forms,
//! Arabic letter variants), splits it into words and clauses, and finds every lexicon
//! pattern in one pass through an index built on first use (by first word, or by first
//! character for scripts written without spaces).
//!
//! Every word of the text is looked up once in a table of the lexicon's words (and the
//! function words), which gives it an id and its function-word flags; patterns then compare
//! ids, not strings.

use super::super::fasthash::KeyHasher;
use super::Tag;
use super::function_words::{self, INTENSIFIER, NEGATOR, QUESTION_OPENER};
use super::lexicon::TABLES;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// One pattern found in the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// What the pattern is evidence of.
    pub(super) tag: Tag,
    /// Byte span in the folded text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// A negator stands just before it in the same clause ("not happy", "不满意").
    pub(super) negated: bool,
    /// An intensifier stands just before it ("very disappointed", "很满意").
    pub(super) intensified: bool,
}

/// What the matcher saw in a text.
#[derive(Debug, Default)]
pub(super) struct Analysis {
    /// Every pattern found, in text order.
    pub(super) hits: Vec<Hit>,
    /// A question mark, or a sentence opening with a question word.
    pub(super) question: bool,
    /// `!!` or more.
    pub(super) exclamations: bool,
    /// `??` or more.
    pub(super) repeated_questions: bool,
    /// Mostly capital letters (at least 8 cased letters, 70 % upper).
    pub(super) shouting: bool,
}

/// Finds the lexicon's patterns in `parts` (subject, body), read as one text.
pub(super) fn analyse(parts: &[&str]) -> Analysis {
    let mut folder = Folder::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        folder.new_part();
        folder.feed(part);
    }
    let (folded, mut words, stats) = folder.finish();
    let index = index();
    let mut a = Analysis {
        question: stats.question,
        exclamations: stats.exclamations,
        repeated_questions: stats.repeated_questions,
        shouting: stats.upper >= 8 && stats.upper * 10 >= (stats.upper + stats.lower) * 7,
        hits: Vec::new(),
    };
    let bytes = folded.as_bytes();
    for w in &mut words {
        let (id, entry) = index.words.get(&bytes[w.start..w.end]);
        w.id = id;
        w.flags = entry.flags;
        w.first = entry.first;
    }
    for (wi, w) in words.iter().enumerate() {
        if w.sentence_start && w.flags & QUESTION_OPENER != 0 {
            a.question = true;
        }
        let exact = index.cands(w.first);
        // Stems are at least four bytes long: shorter words cannot start with one.
        let stems = if w.end - w.start >= 4 {
            index.stems(key_of(&folded[w.start..w.end]))
        } else {
            &[]
        };
        for cand in exact.iter().chain(stems) {
            if let Some(last) = match_words(index, cand, &words, wi, bytes) {
                a.hits.push(Hit {
                    tag: cand.tag,
                    start: w.start,
                    end: words[last].end,
                    negated: word_before(&words, wi, NEGATOR),
                    intensified: word_before(&words, wi, INTENSIFIER),
                });
            }
        }
    }
    // Substring patterns start at a character that is not ASCII.
    if !folded.is_ascii() {
        let mut next = 0;
        while let Some(&lead) = bytes.get(next) {
            let i = next;
            if lead.is_ascii() {
                next += 1;
                continue;
            }
            let Some(c) = folded.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            next += c.len_utf8();
            if !index.may_open_chars(c) || is_word_char(c) || c.is_whitespace() {
                continue;
            }
            let Some(&range) = index.by_char.get(&c) else {
                continue;
            };
            for &id in index.ids(range) {
                let p = &index.patterns[id as usize];
                if let Kind::Chars(pattern) = &p.kind
                    && bytes[i..].starts_with(pattern.as_bytes())
                {
                    let before = &folded[..i];
                    a.hits.push(Hit {
                        tag: p.tag,
                        start: i,
                        end: i + pattern.len(),
                        negated: cjk_negated(before),
                        intensified: cjk_intensified(before),
                    });
                }
            }
        }
    }
    a.hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    a
}

/// Counts gathered while folding.
#[derive(Default)]
struct Stats {
    upper: usize,
    lower: usize,
    question: bool,
    exclamations: bool,
    repeated_questions: bool,
}

/// Scripts written without spaces between words (matched as substrings). Hangul and Arabic
/// have spaces, but particles and articles attach to words (`والمحامي` = "and the lawyer"),
/// so substrings serve them better too.
fn is_spaceless(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// Letters and digits of word-separated scripts (Latin, Cyrillic, Arabic, …).
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        char_info(c) & WORD != 0
    }
}

/// The Unicode properties of a character the folder needs, packed: its lowercase (when one
/// character) in the low 21 bits and the flags below.
type Info = u32;
const LOWER_MASK: u32 = (1 << 21) - 1;
/// [`is_word_char`] (computed without the table).
const WORD: u32 = 1 << 21;
/// `char::is_uppercase`.
const UPPER: u32 = 1 << 22;
/// `char::is_lowercase`.
const LOWER: u32 = 1 << 23;
/// `char::is_whitespace`.
const SPACE: u32 = 1 << 24;
/// The lowercase (without U+0307) is not exactly one character: the low bits mean nothing.
const MULTI: u32 = 1 << 25;

/// Characters below this have their [`Info`] in a table (Latin, Greek, Cyrillic, Arabic, …).
const TABLE_END: u32 = 0x800;

/// Han, kana and Hangul syllables: no case, no spaces, not word characters (checked by a
/// test), so their [`Info`] is the character itself.
fn is_caseless_spaceless(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}')
}

/// The [`Info`] of a character, from the Unicode tables.
fn compute_info(c: char) -> Info {
    let mut info = 0;
    if c.is_alphanumeric() && !is_spaceless(c) {
        info |= WORD;
    }
    if c.is_uppercase() {
        info |= UPPER;
    }
    if c.is_lowercase() {
        info |= LOWER;
    }
    if c.is_whitespace() {
        info |= SPACE;
    }
    let mut lower = c.to_lowercase().filter(|&l| l != '\u{307}');
    match (lower.next(), lower.next()) {
        (Some(l), None) => info | u32::from(l),
        _ => info | MULTI,
    }
}

/// The [`Info`] of a character.
fn char_info(c: char) -> Info {
    static TABLE: OnceLock<Vec<Info>> = OnceLock::new();
    let n = u32::from(c);
    if n < TABLE_END {
        let table = TABLE.get_or_init(|| {
            (0..TABLE_END)
                .map(|n| char::from_u32(n).map_or(MULTI, compute_info))
                .collect()
        });
        if let Some(&info) = table.get(n as usize) {
            return info;
        }
    }
    if is_caseless_spaceless(c) {
        return n;
    }
    compute_info(c)
}

/// Folds one character: full-width ASCII to ASCII, typographic apostrophes to `'`, `ё` to
/// `е`, Arabic alef and yeh variants to their plain letters.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}' => '\'',
        'ё' => 'е',
        'Ё' => 'Е',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        '\u{FE56}' => '?',
        _ => c,
    }
}

/// Folds texts into one lowercased string and splits it into words in the same pass:
/// whitespace runs become one space (a newline when they hold one), apostrophes inside
/// words vanish (`didn't` → `didnt`).
#[derive(Default)]
struct Folder {
    out: String,
    words: Vec<Word>,
    stats: Stats,
    pending_space: Option<char>,
    apostrophe: bool,
    /// The last character was a word character. Then no space is pending, no apostrophe
    /// seen and a word is open (`word_start` is set).
    last_word: bool,
    bangs: usize,
    marks: usize,
    word_start: Option<usize>,
    /// The next word opens a clause / a sentence.
    clause: bool,
    sentence: bool,
}

impl Folder {
    fn with_capacity(bytes: usize) -> Self {
        Folder {
            out: String::with_capacity(bytes),
            words: Vec::with_capacity(bytes / 5 + 1),
            clause: true,
            sentence: true,
            ..Folder::default()
        }
    }

    /// Starts a new part (the body after the subject) on a new line.
    fn new_part(&mut self) {
        self.end_word();
        if !self.out.is_empty() {
            self.pending_space = Some('\n');
        }
        self.apostrophe = false;
        self.last_word = false;
    }

    fn feed(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii() {
                if self.last_word && c.is_ascii_alphanumeric() {
                    // Inside a word: nothing but the counts and the letter itself changes.
                    self.bangs = 0;
                    self.marks = 0;
                    if c.is_ascii_uppercase() {
                        self.stats.upper += 1;
                    } else if c.is_ascii_lowercase() {
                        self.stats.lower += 1;
                    }
                    self.out.push(c.to_ascii_lowercase());
                    continue;
                }
                if c != '`' {
                    self.step(c);
                    continue;
                }
            }
            self.step(fold(c));
        }
    }

    /// Takes one (folded) character.
    #[inline(always)]
    fn step(&mut self, c: char) {
        let info = if c.is_ascii() { 0 } else { char_info(c) };
        self.bangs = if c == '!' { self.bangs + 1 } else { 0 };
        self.marks = if c == '?' { self.marks + 1 } else { 0 };
        self.stats.exclamations |= self.bangs >= 2;
        self.stats.repeated_questions |= self.marks >= 2;
        self.stats.question |= matches!(c, '?' | '¿' | '؟');
        let space = if c.is_ascii() {
            c.is_whitespace()
        } else {
            info & SPACE != 0
        };
        if space {
            self.end_word();
            let space = if c == '\n' || c == '\r' { '\n' } else { ' ' };
            self.pending_space = Some(match self.pending_space {
                Some('\n') => '\n',
                _ => space,
            });
            self.apostrophe = false;
            self.last_word = false;
            return;
        }
        if c == '\'' {
            self.apostrophe = self.last_word;
            if !self.last_word {
                self.pending_space.get_or_insert(' ');
            }
            self.last_word = false;
            return;
        }
        if c == '\u{307}' {
            return; // the dot of Turkish İ, left over by lowercasing
        }
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            info & WORD != 0
        };
        if self.apostrophe && !word {
            self.pending_space.get_or_insert(' ');
        }
        self.apostrophe = false;
        if let Some(space) = self.pending_space.take() {
            self.end_word();
            if !self.out.is_empty() {
                self.out.push(space);
                self.mark(space);
            }
        }
        if word {
            self.word_start.get_or_insert(self.out.len());
        } else {
            self.end_word();
        }
        if c.is_ascii() {
            if c.is_ascii_uppercase() {
                self.stats.upper += 1;
            } else if c.is_ascii_lowercase() {
                self.stats.lower += 1;
            }
            self.out.push(c.to_ascii_lowercase());
        } else {
            if info & UPPER != 0 {
                self.stats.upper += 1;
            } else if info & LOWER != 0 {
                self.stats.lower += 1;
            }
            match char::from_u32(info & LOWER_MASK) {
                Some(l) if info & MULTI == 0 => self.out.push(l),
                _ => self
                    .out
                    .extend(c.to_lowercase().filter(|&l| l != '\u{307}')),
            }
        }
        if !word {
            self.mark(c);
        }
        self.last_word = word;
    }

    fn end_word(&mut self) {
        if let Some(start) = self.word_start.take() {
            self.words.push(Word {
                start,
                end: self.out.len(),
                clause_start: self.clause,
                sentence_start: self.sentence,
                id: NO_WORD,
                flags: 0,
                first: (0, 0),
            });
            self.clause = false;
            self.sentence = false;
        }
    }

    /// Notes what a character between words says about clauses and sentences.
    fn mark(&mut self, c: char) {
        if matches!(
            c,
            ' ' | '-' | '/' | '"' | '*' | '&' | '#' | '@' | '+' | '_' | '~'
        ) {
            return;
        }
        self.clause = true;
        self.sentence |= matches!(c, '.' | '!' | '?' | '\n' | '¿' | '¡' | '。' | '؟');
    }

    fn finish(mut self) -> (String, Vec<Word>, Stats) {
        self.end_word();
        (self.out, self.words, self.stats)
    }
}

/// A word of the folded text.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Punctuation (or another script) separates it from the previous word.
    clause_start: bool,
    /// It opens a sentence.
    sentence_start: bool,
    /// Its id in the index's vocabulary ([`NO_WORD`] when the index does not know it).
    id: u32,
    /// Its function-word flags ([`NEGATOR`], …).
    flags: u8,
    /// The patterns opening with it (in [`Index::cands`]).
    first: Range,
}

/// The id of a word the index does not know.
const NO_WORD: u32 = u32::MAX;

/// Whether a word with `flag` stands among the three words before `wi` in the same clause.
fn word_before(words: &[Word], wi: usize, flag: u8) -> bool {
    let mut k = wi;
    while k > 0 && wi - k < 3 {
        if words[k].clause_start {
            return false;
        }
        k -= 1;
        if words[k].flags & flag != 0 {
            return true;
        }
    }
    false
}

/// Whether the text just before a substring match negates it (不满意, 안 좋아, لا يعمل).
fn cjk_negated(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        Some('不' | '没' | '沒' | '未' | '无' | '無' | '别' | '別' | '非') => true,
        Some(' ') => {
            let word = before.trim_end();
            matches!(rev.next(), Some('안' | '못'))
                || ["لا", "لم", "لن", "ما", "غير"]
                    .iter()
                    .any(|n| word.ends_with(n))
        }
        _ => false,
    }
}

/// Whether an intensifier stands just before a CJK match (很, 非常, 太, 너무, とても).
fn cjk_intensified(before: &str) -> bool {
    let b = before.trim_end();
    [
        "很",
        "太",
        "超",
        "真",
        "非常",
        "特别",
        "十分",
        "とても",
        "本当に",
        "너무",
        "정말",
        "진짜",
        "очень",
    ]
    .iter()
    .any(|m| b.ends_with(m))
}

/// Matches a candidate pattern against the text words from `wi` (whose first word is known
/// to be the pattern's, unless that is a stem); returns the last word index.
fn match_words(
    index: &Index,
    cand: &Cand,
    words: &[Word],
    wi: usize,
    folded: &[u8],
) -> Option<usize> {
    let w = words.get(wi)?;
    if cand.stem.1 > 0 && !folded[w.start..w.end].starts_with(index.text(cand.stem)) {
        return None;
    }
    for (k, pw) in index.rest(cand.rest).iter().enumerate() {
        let w = words.get(wi + 1 + k)?;
        if w.clause_start {
            return None;
        }
        let ok = if pw.stem.1 > 0 {
            folded[w.start..w.end].starts_with(index.text(pw.stem))
        } else {
            w.id == pw.id
        };
        if !ok {
            return None;
        }
    }
    Some(wi + cand.rest.1 as usize)
}

/// The stem-index key of a word: its first four bytes (cut back to a character boundary),
/// zero-padded. A `stem*` of at least four bytes has the same key as every word it starts.
fn key_of(word: &str) -> u32 {
    let mut n = word.len().min(4);
    while !word.is_char_boundary(n) {
        n -= 1;
    }
    let mut key = [0u8; 4];
    key[..n].copy_from_slice(&word.as_bytes()[..n]);
    u32::from_le_bytes(key)
}

/// One word of a pattern.
#[derive(Debug)]
struct PatWord {
    text: Box<str>,
    /// Written `stem*`: matches any word starting with `text`.
    prefix: bool,
    /// The vocabulary id of a whole word.
    id: u32,
}

#[derive(Debug)]
enum Kind {
    /// Matched through [`Index::cands`].
    Words,
    Chars(Box<str>),
}

#[derive(Debug)]
struct Pattern {
    tag: Tag,
    kind: Kind,
}

/// A run of pattern ids in [`Index::ids`]: start and length.
type Range = (u32, u32);

/// What the index knows about one word.
#[derive(Debug, Default, Clone, Copy)]
struct VocabWord {
    /// Function-word flags.
    flags: u8,
    /// The patterns opening with this word (in [`Index::cands`]).
    first: Range,
    /// The word itself (in [`WordTable::bytes`]).
    key: Range,
}

/// A word pattern, as the matcher reads it from the index of its first word.
#[derive(Debug, Clone, Copy)]
struct Cand {
    tag: Tag,
    /// The first word when it is a `stem*` (in [`Index::texts`]); empty for a whole word.
    stem: Range,
    /// The words after the first (in [`Index::rest`]).
    rest: Range,
}

/// A pattern word after the first.
#[derive(Debug, Clone, Copy)]
struct RestWord {
    /// The vocabulary id of a whole word.
    id: u32,
    /// A `stem*` (in [`Index::texts`]); empty for a whole word.
    stem: Range,
}

struct Index {
    /// Every pattern.
    patterns: Vec<Pattern>,
    /// Pattern id lists, pointed into by [`Range`]s.
    ids: Vec<u32>,
    /// Word patterns by first word, pointed into by [`Range`]s.
    cands: Vec<Cand>,
    /// The words after the first of word patterns.
    rest: Vec<RestWord>,
    /// The stems of word patterns.
    texts: Vec<u8>,
    /// Every whole word of a pattern and every function word, to what the index knows.
    words: WordTable,
    /// Patterns opening with a `stem*`, by the stem's [`key_of`].
    stems: StemTable,
    /// Patterns of spaceless scripts (and emoji), by their first character.
    by_char: HashMap<char, Range, BuildHasherDefault<KeyHasher>>,
    /// A bit per character of the Basic Multilingual Plane: some pattern opens with it.
    first_chars: Vec<u64>,
}

/// The part of `list` a range points to (empty when out of bounds).
fn slice_of<T>(list: &[T], (start, len): Range) -> &[T] {
    list.get(start as usize..start as usize + len as usize)
        .unwrap_or_default()
}

impl Index {
    fn ids(&self, range: Range) -> &[u32] {
        slice_of(&self.ids, range)
    }

    fn cands(&self, range: Range) -> &[Cand] {
        slice_of(&self.cands, range)
    }

    fn rest(&self, range: Range) -> &[RestWord] {
        slice_of(&self.rest, range)
    }

    fn text(&self, range: Range) -> &[u8] {
        slice_of(&self.texts, range)
    }

    fn stems(&self, key: u32) -> &[Cand] {
        self.cands(self.stems.get(key))
    }

    /// Whether some substring pattern may open with `c` (false only when none does).
    fn may_open_chars(&self, c: char) -> bool {
        let n = u32::from(c) as usize;
        self.first_chars
            .get(n / 64)
            .is_none_or(|bits| bits & (1 << (n % 64)) != 0)
    }
}

/// Hashes a word's bytes (eight at a time).
fn hash_word(w: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (w.len() as u64).wrapping_mul(K);
    let mut chunks = w.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// An open-addressing table from words to ids and what the index knows about them, with
/// the words in one buffer.
#[derive(Default)]
struct WordTable {
    /// (hash, id) with a power-of-two length; `id == NO_WORD` marks an empty slot.
    slots: Vec<(u32, u32)>,
    entries: Vec<VocabWord>,
    bytes: Vec<u8>,
}

/// What the index knows about a word it does not know.
const UNKNOWN: VocabWord = VocabWord {
    flags: 0,
    first: (0, 0),
    key: (0, 0),
};

impl WordTable {
    /// A table of `words` (distinct), each to its position in the list.
    fn new(words: &[(&str, VocabWord)]) -> Self {
        let size = (words.len() * 2 + 1).next_power_of_two();
        let mut table = WordTable {
            slots: vec![(0, NO_WORD); size],
            entries: Vec::with_capacity(words.len()),
            bytes: Vec::new(),
        };
        for (id, &(w, entry)) in words.iter().enumerate() {
            let hash = hash_word(w.as_bytes());
            let mut i = hash as usize & (size - 1);
            while table.slots[i].1 != NO_WORD {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (hash as u32, u32::try_from(id).unwrap_or(NO_WORD));
            let key = push_bytes(&mut table.bytes, w.as_bytes());
            table.entries.push(VocabWord { key, ..entry });
        }
        table
    }

    /// The id of a word and what the index knows about it ([`NO_WORD`] and [`UNKNOWN`]).
    fn get(&self, word: &[u8]) -> (u32, VocabWord) {
        let mask = self.slots.len().wrapping_sub(1);
        let hash = hash_word(word);
        let mut i = hash as usize & mask;
        while let Some(&(h, id)) = self.slots.get(i) {
            if id == NO_WORD {
                break;
            }
            if h == hash as u32
                && let Some(&entry) = self.entries.get(id as usize)
                && slice_of(&self.bytes, entry.key) == word
            {
                return (id, entry);
            }
            i = (i + 1) & mask;
        }
        (NO_WORD, UNKNOWN)
    }
}

/// Appends `bytes` to `buffer`; returns where they are.
fn push_bytes(buffer: &mut Vec<u8>, bytes: &[u8]) -> Range {
    let start = u32::try_from(buffer.len()).unwrap_or(u32::MAX);
    buffer.extend_from_slice(bytes);
    (start, u32::try_from(bytes.len()).unwrap_or(0))
}

/// An open-addressing table from stem keys to pattern id runs; an empty run marks an empty
/// slot.
#[derive(Default)]
struct StemTable {
    slots: Vec<(u32, Range)>,
}

impl StemTable {
    fn slot_of(key: u32, mask: usize) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> 7) as usize & mask
    }

    fn new(stems: &[(u32, Range)]) -> Self {
        let size = (stems.len() * 2 + 1).next_power_of_two();
        let mut slots = vec![(0, (0, 0)); size];
        for &(key, range) in stems {
            let mut i = Self::slot_of(key, size - 1);
            while slots[i].1.1 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (key, range);
        }
        StemTable { slots }
    }

    fn get(&self, key: u32) -> Range {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = Self::slot_of(key, mask);
        while let Some(&(k, range)) = self.slots.get(i) {
            if range.1 == 0 || k == key {
                return range;
            }
            i = (i + 1) & mask;
        }
        (0, 0)
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build_index)
}

/// Folds a pattern the way texts are folded (keeping `*`).
fn fold_pattern(pattern: &str) -> String {
    let mut folder = Folder::with_capacity(pattern.len());
    folder.feed(pattern);
    folder.finish().0
}

/// Appends `list` to `all`; returns where it is.
fn push_range<T: Copy>(all: &mut Vec<T>, list: &[T]) -> Range {
    let start = u32::try_from(all.len()).unwrap_or(u32::MAX);
    all.extend_from_slice(list);
    (start, u32::try_from(list.len()).unwrap_or(0))
}

fn build_index() -> Index {
    let mut patterns = Vec::new();
    // Patterns by opening word, stem key and character, in pattern order.
    let mut by_word: HashMap<Box<str>, Vec<Cand>> = HashMap::new();
    let mut by_stem: HashMap<u32, Vec<Cand>> = HashMap::new();
    let mut rest: Vec<RestWord> = Vec::new();
    let mut texts: Vec<u8> = Vec::new();
    let mut by_char: HashMap<char, Vec<u32>> = HashMap::new();
    // The vocabulary: every whole pattern word and function word, with its flags.
    let mut vocab_ids: HashMap<Box<str>, u32> = HashMap::new();
    let mut vocab: Vec<(Box<str>, VocabWord)> = Vec::new();
    let mut word_id = |w: &str, vocab: &mut Vec<(Box<str>, VocabWord)>| -> u32 {
        *vocab_ids.entry(w.into()).or_insert_with(|| {
            vocab.push((w.into(), VocabWord::default()));
            u32::try_from(vocab.len() - 1).unwrap_or(NO_WORD)
        })
    };
    let mut seen: HashSet<(String, Tag)> = HashSet::new();
    for &(tag, raw_patterns) in TABLES.iter().flat_map(|t| t.iter()) {
        for raw in raw_patterns {
            let folded = fold_pattern(raw);
            let Some(first) = folded.chars().next() else {
                continue;
            };
            if !seen.insert((folded.clone(), tag)) {
                continue;
            }
            let id = u32::try_from(patterns.len()).unwrap_or(u32::MAX);
            let kind = if is_word_char(first) {
                let mut words = pattern_words(&folded);
                for w in words.iter_mut().filter(|w| !w.prefix) {
                    w.id = word_id(&w.text, &mut vocab);
                }
                let Some((head, tail)) = words.split_first() else {
                    continue;
                };
                let mut stem_of = |w: &PatWord| {
                    if w.prefix {
                        push_bytes(&mut texts, w.text.as_bytes())
                    } else {
                        (0, 0)
                    }
                };
                let tail: Vec<RestWord> = tail
                    .iter()
                    .map(|w| RestWord {
                        id: w.id,
                        stem: stem_of(w),
                    })
                    .collect();
                let cand = Cand {
                    tag,
                    stem: stem_of(head),
                    rest: push_range(&mut rest, &tail),
                };
                if head.prefix {
                    by_stem.entry(key_of(&head.text)).or_default().push(cand);
                } else {
                    by_word.entry(head.text.clone()).or_default().push(cand);
                }
                Kind::Words
            } else {
                by_char.entry(first).or_default().push(id);
                Kind::Chars(folded.replace('*', "").into_boxed_str())
            };
            patterns.push(Pattern { tag, kind });
        }
    }
    for (w, flag) in function_words::flags() {
        let id = word_id(w, &mut vocab);
        if let Some((_, v)) = vocab.get_mut(id as usize) {
            v.flags |= flag;
        }
    }
    let mut cands = Vec::new();
    for (w, v) in &mut vocab {
        if let Some(list) = by_word.get(&**w) {
            v.first = push_range(&mut cands, list);
        }
    }
    let stems: Vec<(u32, Range)> = by_stem
        .iter()
        .map(|(&key, list)| (key, push_range(&mut cands, list)))
        .collect();
    let mut ids = Vec::new();
    let mut first_chars = vec![0u64; 0x10000 / 64];
    let by_char = by_char
        .iter()
        .map(|(&c, list)| {
            let n = u32::from(c) as usize;
            if let Some(bits) = first_chars.get_mut(n / 64) {
                *bits |= 1 << (n % 64);
            }
            (c, push_range(&mut ids, list))
        })
        .collect();
    let words: Vec<(&str, VocabWord)> = vocab.iter().map(|(w, v)| (&**w, *v)).collect();
    Index {
        patterns,
        ids,
        cands,
        rest,
        texts,
        words: WordTable::new(&words),
        stems: StemTable::new(&stems),
        by_char,
        first_chars,
    }
}

/// Splits a folded pattern into words, marking those followed by `*` as prefixes.
fn pattern_words(folded: &str) -> Vec<PatWord> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in folded
        .char_indices()
        .chain(std::iter::once((folded.len(), ' ')))
    {
        if i < folded.len() && is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(PatWord {
                text: folded[s..i].into(),
                prefix: c == '*',
                id: NO_WORD,
            });
        }
    }
    out
}

/// Every pattern opening with a stem too short for the index key (a table bug: the
/// index finds a first word by its first four bytes).
#[cfg(test)]
pub(super) fn short_stems() -> Vec<String> {
    let index = index();
    index
        .cands
        .iter()
        .filter(|c| c.stem.1 > 0 && c.stem.1 < 4)
        .map(|c| String::from_utf8_lossy(index.text(c.stem)).into_owned())
        .collect()
}

/// How many patterns the index holds.
#[cfg(test)]
pub(super) fn pattern_count() -> usize {
    index().patterns.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold_pattern(text)
    }

    fn split_words(text: &str) -> Vec<Word> {
        let mut folder = Folder::with_capacity(text.len());
        folder.feed(text);
        folder.finish().1
    }

    #[test]
    fn character_info_agrees_with_the_unicode_tables() {
        for n in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let info = char_info(c);
            assert_eq!(info, compute_info(c), "{c:?}");
            assert_eq!(
                info & WORD != 0,
                c.is_alphanumeric() && !is_spaceless(c),
                "{c:?}"
            );
            assert_eq!(info & UPPER != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(info & LOWER != 0, c.is_lowercase(), "{c:?}");
            assert_eq!(info & SPACE != 0, c.is_whitespace(), "{c:?}");
            let lower: String = c.to_lowercase().filter(|&l| l != '\u{307}').collect();
            if info & MULTI == 0 {
                assert_eq!(
                    char::from_u32(info & LOWER_MASK).map(String::from),
                    Some(lower)
                );
            } else {
                assert_ne!(lower.chars().count(), 1, "{c:?}");
            }
        }
    }

    #[test]
    fn the_word_table_finds_exactly_its_words() {
        let words = [
            "a",
            "refund",
            "refunds",
            "посылка",
            "包裹",
            "abcdefghijklmnop",
        ];
        let entries: Vec<(&str, VocabWord)> = words
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let entry = VocabWord {
                    flags: i as u8,
                    ..VocabWord::default()
                };
                (w, entry)
            })
            .collect();
        let table = WordTable::new(&entries);
        for (id, w) in words.iter().enumerate() {
            let (got, entry) = table.get(w.as_bytes());
            assert_eq!((got, entry.flags), (id as u32, id as u8));
        }
        for w in [
            "",
            "b",
            "refun",
            "refundz",
            "abcdefghijklmno",
            "abcdefghijklmnopq",
        ] {
            assert_eq!(table.get(w.as_bytes()).0, NO_WORD);
        }
    }

    #[test]
    fn folding_lowercases_and_normalises() {
        assert_eq!(folded("Didn’t   ARRIVE"), "didnt arrive");
        assert_eq!(folded("je n'ai pas reçu"), "je nai pas reçu");
        assert_eq!(folded("'quoted' text"), "quoted text");
        assert_eq!(folded("ＳＴＯＰ？"), "stop?");
        assert_eq!(folded("SİPARİŞİM"), "siparişim");
        assert_eq!(folded("пришёл"), "пришел");
        assert_eq!(folded("أين طلبي"), "اين طلبي");
        assert_eq!(folded("line one\n\n  line two"), "line one\nline two");
    }

    #[test]
    fn words_know_their_clause_and_sentence() {
        let f = folded("Where is it? Not here, sadly");
        let w = split_words("Where is it? Not here, sadly");
        let texts: Vec<&str> = w.iter().map(|w| &f[w.start..w.end]).collect();
        assert_eq!(texts, ["where", "is", "it", "not", "here", "sadly"]);
        assert!(w[0].sentence_start && w[3].sentence_start && !w[5].sentence_start);
        assert!(w[5].clause_start && !w[4].clause_start);
    }

    #[test]
    fn keys_cut_at_character_boundaries() {
        assert_eq!(key_of("refunded"), key_of("refund"));
        assert_eq!(key_of("посылку"), key_of("посылка"));
        assert_ne!(key_of("my"), key_of("myself"));
        assert_eq!(key_of("é"), key_of("é"));
    }

    #[test]
    fn phrases_match_on_word_boundaries_and_stems() {
        let a = analyse(&["My order was refunded but NOT delivered"]);
        let found: Vec<&str> = a
            .hits
            .iter()
            .map(|h| &"my order was refunded but not delivered"[h.start..h.end])
            .collect();
        assert!(found.contains(&"refunded"));
        assert!(found.contains(&"not delivered"));
        let a = analyse(&["unrefundable"]);
        assert!(a.hits.is_empty());
    }

    #[test]
    fn cjk_phrases_match_as_substrings_with_negation() {
        let a = analyse(&["我对这个不满意"]);
        assert!(a.hits.iter().any(|h| h.negated));
        let a = analyse(&["很满意"]);
        assert!(a.hits.iter().all(|h| !h.negated) && a.hits.iter().any(|h| h.intensified));
    }

    #[test]
    fn punctuation_statistics() {
        let a = analyse(&["WHERE IS MY PACKAGE!!"]);
        assert!(a.shouting && a.exclamations && a.question);
        let a = analyse(&["is it shipped??"]);
        assert!(a.repeated_questions && !a.shouting);
        let a = analyse(&["¿dónde está?"]);
        assert!(a.question);
    }
}
