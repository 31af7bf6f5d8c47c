//! The phrase matcher: folds a text once (Unicode lowercase, apostrophes, full-width forms,
//! Arabic letter variants), splits it into words and clauses, and finds every lexicon
//! pattern in one pass through an index built on first use (by first word, or by first
//! character for scripts written without spaces).

use super::super::fasthash::KeyHasher;
use super::Tag;
use super::function_words::{is_intensifier, is_negator, is_question_opener};
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
    let (folded, words, stats) = folder.finish();
    let index = index();
    let mut a = Analysis {
        question: stats.question,
        exclamations: stats.exclamations,
        repeated_questions: stats.repeated_questions,
        shouting: stats.upper >= 8 && stats.upper * 10 >= (stats.upper + stats.lower) * 7,
        hits: Vec::new(),
    };
    for (wi, w) in words.iter().enumerate() {
        let text = &folded[w.start..w.end];
        if w.sentence_start && is_question_opener(text) {
            a.question = true;
        }
        let exact = index
            .by_word
            .get(text)
            .map(Vec::as_slice)
            .unwrap_or_default();
        // Stems are at least four bytes long: shorter words cannot start with one.
        let stems = if text.len() >= 4 {
            index
                .by_stem
                .get(&key_of(text))
                .map(Vec::as_slice)
                .unwrap_or_default()
        } else {
            &[]
        };
        for &id in exact.iter().chain(stems) {
            let p = &index.patterns[id as usize];
            let Kind::Words(pattern) = &p.kind else {
                continue;
            };
            if let Some(last) = match_words(pattern, &words, wi, &folded) {
                a.hits.push(Hit {
                    tag: p.tag,
                    start: w.start,
                    end: words[last].end,
                    negated: word_before(&words, wi, &folded, is_negator),
                    intensified: word_before(&words, wi, &folded, is_intensifier),
                });
            }
        }
    }
    let bytes = folded.as_bytes();
    for (i, c) in folded.char_indices() {
        if c.is_ascii() || is_word_char(c) || c.is_whitespace() {
            continue;
        }
        let Some(ids) = index.by_char.get(&c) else {
            continue;
        };
        for &id in ids {
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
    c.is_alphanumeric() && !is_spaceless(c)
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
            let c = if c.is_ascii() && c != '`' { c } else { fold(c) };
            self.bangs = if c == '!' { self.bangs + 1 } else { 0 };
            self.marks = if c == '?' { self.marks + 1 } else { 0 };
            self.stats.exclamations |= self.bangs >= 2;
            self.stats.repeated_questions |= self.marks >= 2;
            self.stats.question |= matches!(c, '?' | '¿' | '؟');
            if c.is_whitespace() {
                self.end_word();
                let space = if c == '\n' || c == '\r' { '\n' } else { ' ' };
                self.pending_space = Some(match self.pending_space {
                    Some('\n') => '\n',
                    _ => space,
                });
                self.apostrophe = false;
                self.last_word = false;
                continue;
            }
            if c == '\'' {
                self.apostrophe = self.last_word;
                if !self.last_word {
                    self.pending_space.get_or_insert(' ');
                }
                self.last_word = false;
                continue;
            }
            if c == '\u{307}' {
                continue; // the dot of Turkish İ, left over by lowercasing
            }
            let word = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                is_word_char(c)
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
                if c.is_uppercase() {
                    self.stats.upper += 1;
                } else if c.is_lowercase() {
                    self.stats.lower += 1;
                }
                self.out
                    .extend(c.to_lowercase().filter(|&l| l != '\u{307}'));
            }
            if !word {
                self.mark(c);
            }
            self.last_word = word;
        }
    }

    fn end_word(&mut self) {
        if let Some(start) = self.word_start.take() {
            self.words.push(Word {
                start,
                end: self.out.len(),
                clause_start: self.clause,
                sentence_start: self.sentence,
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
}

/// Whether `test` holds for one of the three words before `wi` in the same clause.
fn word_before(words: &[Word], wi: usize, folded: &str, test: fn(&str) -> bool) -> bool {
    let mut k = wi;
    while k > 0 && wi - k < 3 {
        if words[k].clause_start {
            return false;
        }
        k -= 1;
        if test(&folded[words[k].start..words[k].end]) {
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

/// Matches the pattern words against the text words from `wi`; returns the last word index.
fn match_words(pattern: &[PatWord], words: &[Word], wi: usize, folded: &str) -> Option<usize> {
    for (k, pw) in pattern.iter().enumerate() {
        let w = words.get(wi + k)?;
        if k > 0 && w.clause_start {
            return None;
        }
        let text = &folded[w.start..w.end];
        let ok = if pw.prefix {
            text.starts_with(&*pw.text)
        } else {
            text == &*pw.text
        };
        if !ok {
            return None;
        }
    }
    Some(wi + pattern.len() - 1)
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
}

#[derive(Debug)]
enum Kind {
    Words(Vec<PatWord>),
    Chars(Box<str>),
}

#[derive(Debug)]
struct Pattern {
    tag: Tag,
    kind: Kind,
}

type KeyMap<K> = HashMap<K, Vec<u32>, BuildHasherDefault<KeyHasher>>;

struct Index {
    patterns: Vec<Pattern>,
    /// Patterns opening with a whole word, by that word.
    by_word: KeyMap<Box<str>>,
    /// Patterns opening with a `stem*`, by the stem's [`key_of`].
    by_stem: KeyMap<u32>,
    /// Patterns of spaceless scripts (and emoji), by their first character.
    by_char: KeyMap<char>,
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

fn build_index() -> Index {
    let mut index = Index {
        patterns: Vec::new(),
        by_word: KeyMap::default(),
        by_stem: KeyMap::default(),
        by_char: KeyMap::default(),
    };
    let mut seen: HashSet<(String, Tag)> = HashSet::new();
    for &(tag, patterns) in TABLES.iter().flat_map(|t| t.iter()) {
        for raw in patterns {
            let folded = fold_pattern(raw);
            let Some(first) = folded.chars().next() else {
                continue;
            };
            if !seen.insert((folded.clone(), tag)) {
                continue;
            }
            let id = u32::try_from(index.patterns.len()).unwrap_or(u32::MAX);
            let kind = if is_word_char(first) {
                let words = pattern_words(&folded);
                let Some(head) = words.first() else { continue };
                if head.prefix {
                    index
                        .by_stem
                        .entry(key_of(&head.text))
                        .or_default()
                        .push(id);
                } else {
                    index.by_word.entry(head.text.clone()).or_default().push(id);
                }
                Kind::Words(words)
            } else {
                index.by_char.entry(first).or_default().push(id);
                Kind::Chars(folded.replace('*', "").into_boxed_str())
            };
            index.patterns.push(Pattern { tag, kind });
        }
    }
    index
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
            });
        }
    }
    out
}

/// Every pattern opening with a stem too short for the index key (a table bug: the
/// index finds a first word by its first four bytes).
#[cfg(test)]
pub(super) fn short_stems() -> Vec<String> {
    index()
        .patterns
        .iter()
        .filter_map(|p| match &p.kind {
            Kind::Words(words) => words
                .first()
                .filter(|w| w.prefix && w.text.len() < 4)
                .map(|w| w.text.to_string()),
            Kind::Chars(_) => None,
        })
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
