//! Brand watch: finds configured brand, product and competitor names in public posts,
//! tolerant of case, accents, spacing, hashtags and small misspellings. Pure: compile the
//! names once with [`BrandWatch::new`], then call [`BrandWatch::find`] per post.
//!
//! # Matching rules
//!
//! - **Folding.** Both names and text are lowercased (Unicode) and common diacritics are
//!   folded (`é`→`e`, `ü`→`u`, `ß`→`ss`, `ł`→`l`, `ı`/`İ`→`i`, Vietnamese tones, Greek tonos,
//!   Arabic alef forms); combining marks and invisible characters (zero-width space, soft
//!   hyphen) are dropped; full-width ASCII becomes ASCII. Text is expected in NFC, as posts
//!   arrive; decomposed Latin letters also fold because their marks are dropped.
//! - **Spacing.** A name is compared without its spaces and punctuation, so `AirPods` is
//!   found in `airpods`, `Air Pods`, `air-pods`, `air_pods` and `AIRPODS`. Tokens join into a
//!   name across gaps of at most three joining characters (spaces, `-`, `_`, `/`, `&`, `+`,
//!   apostrophes, or a lone `.`), never across a line break or other punctuation.
//! - **Boundaries.** In ordinary text a match covers whole tokens (or a run of tokens):
//!   "ankle" is not "Anker", and "pineapple" holds no "apple". A letter/digit change is a
//!   boundary too, so `iPhone15` holds `iPhone`.
//! - **Hashtags and handles** (`#…`, `@…`, running on across `_`): camelCase is split
//!   (`#BrokenAirPods`, `@AnkerOfficial`), and a name may also be an exact *prefix* of the
//!   tag (`#airpodsprobroken`). Such matches carry `hashtag: true`; the span excludes `#`/`@`.
//! - **Misspellings.** Damerau–Levenshtein distance (optimal string alignment: a
//!   transposition costs 1) on the folded, space-free form: none for names of up to 4
//!   characters, at most 1 for 5–8, at most 2 for 9 or more. To keep fuzzy matches honest:
//!   the first letter must agree (or the first two be swapped: `ixaomi`); digits must agree
//!   exactly (`Anker 737` is not `anker 736`); a fuzzy match must end at a boundary (a
//!   mid-tag prefix must be exact); the matched span may not be a common English word
//!   ("anger" is not "Anker", "apply" is not "Apple"); and a fuzzy run of several tokens may
//!   not begin or end with a function word or a lone letter ("an ken", "son's" for
//!   "Sonos"). A term with `exact: true` is never matched fuzzily: worth setting for names
//!   one letter away from many words ("Beats": "beads", "beams", "belts").
//! - **Scripts without spaces** (Han, kana, Hangul, Arabic, Hebrew, Thai...): a name
//!   containing such letters matches as an exact substring of the folded text, without edit
//!   distance (`小米` in `我的小米手机`).
//! - **Length.** Only the first [`MAX_SCANNED`] bytes (64 KB) of a text are searched.
//! - **Overlaps.** Matches never overlap. The longer configured name wins (`Anker
//!   PowerCore` over `Anker`), then the smaller distance, then the earlier position, then the
//!   term listed first. Results are in text order.

mod fold;
#[cfg(test)]
mod tests;
mod words;

use crate::FieldError;
use fold::Scan;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

/// The longest name accepted, in folded letters and digits.
pub const MAX_NAME_CHARS: usize = 64;

/// Only the first this-many bytes of a text are searched (a post is far shorter; a 1 MB
/// paste would otherwise cost half a second).
pub const MAX_SCANNED: usize = 64 * 1024;

/// What a watched name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// One of our own brands.
    Brand,
    /// One of our own products.
    Product,
    /// A competitor's brand or product.
    Competitor,
}

/// A name to watch for, as configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    /// The canonical name, reported in every match (also matched itself).
    pub name: String,
    /// What the name stands for.
    pub kind: TermKind,
    /// Other spellings that mean the same term (`小米` for Xiaomi, `AirPod`), each matched
    /// under the same rules with its own length threshold.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Match this term only without misspellings (for names one letter away from common
    /// words, such as "Beats" or "Canon").
    #[serde(default)]
    pub exact: bool,
}

impl Term {
    /// A term with no aliases, matched fuzzily.
    pub fn new(name: impl Into<String>, kind: TermKind) -> Self {
        Self {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            exact: false,
        }
    }

    /// This term with one more alias.
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }
}

/// One occurrence of a watched name in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrandMatch {
    /// The canonical name of the term (its `name`, trimmed), even when an alias matched.
    pub term: String,
    /// What the term stands for.
    pub kind: TermKind,
    /// Byte offset of the first matched character in the text (a char boundary).
    pub start: usize,
    /// Byte offset just past the last matched character (a char boundary).
    pub end: usize,
    /// The text as written, `&text[start..end]`.
    pub matched: String,
    /// Edit distance between the folded name and the folded match (0 for exact).
    pub distance: u8,
    /// Whether the match lies in a `#hashtag` or `@handle`.
    pub hashtag: bool,
}

/// A compiled set of names: build once with [`BrandWatch::new`], match many times with
/// [`BrandWatch::find`].
#[derive(Debug, Clone, Default)]
pub struct BrandWatch {
    /// Canonical name and kind, per term.
    terms: Vec<(String, TermKind)>,
    /// Every folded name and alias.
    keys: Vec<Key>,
    /// Word-script keys by first folded character.
    words: Buckets,
    /// Substring-script keys by first folded character.
    scripts: Buckets,
    /// Length of the longest word-script key.
    longest: usize,
}

/// One folded spelling of a term.
#[derive(Debug, Clone)]
struct Key {
    chars: Vec<char>,
    term: usize,
    max_distance: u8,
    /// Bloom-style set of the characters in `chars`, to skip hopeless edit distances.
    mask: u64,
    digits: Vec<char>,
    /// Holds letters of a script matched by exact substring.
    script: bool,
    /// Substring keys only: whether the first / last character is from a word script and
    /// so needs a token boundary.
    starts_word: bool,
    ends_word: bool,
}

/// Key indices by first character: a table for ASCII, a map for the rest.
#[derive(Debug, Clone, Default)]
struct Buckets {
    ascii: Vec<Vec<usize>>,
    other: HashMap<char, Vec<usize>>,
}

impl Buckets {
    fn add(&mut self, c: char, key: usize) {
        if c.is_ascii() {
            if self.ascii.is_empty() {
                self.ascii = vec![Vec::new(); 128];
            }
            if let Some(b) = self.ascii.get_mut(c as usize) {
                b.push(key);
            }
        } else {
            self.other.entry(c).or_default().push(key);
        }
    }

    fn get(&self, c: char) -> &[usize] {
        if c.is_ascii() {
            self.ascii.get(c as usize).map_or(&[], Vec::as_slice)
        } else {
            self.other.get(&c).map_or(&[], Vec::as_slice)
        }
    }

    fn is_empty(&self) -> bool {
        self.ascii.is_empty() && self.other.is_empty()
    }
}

/// A possible match, in units of the scan.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    key: usize,
    start: usize,
    end: usize,
    distance: u8,
}

/// The edit-distance budget of a folded name of `len` characters.
fn max_distance(len: usize) -> u8 {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

fn char_mask(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(0, |m, &c| m | 1u64 << (u32::from(c) % 64))
}

impl BrandWatch {
    /// Compiles `terms`. Every name and alias must hold a letter or digit and at most
    /// [`MAX_NAME_CHARS`] of them once folded, and no two terms may share a spelling once
    /// case, accents and spacing are folded; a rejection names the field
    /// (`terms[3].name`, `terms[0].aliases[1]`).
    pub fn new(terms: Vec<Term>) -> Result<Self, FieldError> {
        let mut watch = Self::default();
        let mut seen: HashMap<Vec<char>, (usize, String)> = HashMap::new();
        for (t, term) in terms.into_iter().enumerate() {
            let spellings = std::iter::once((format!("terms[{t}].name"), &term.name)).chain(
                term.aliases
                    .iter()
                    .enumerate()
                    .map(|(a, alias)| (format!("terms[{t}].aliases[{a}]"), alias)),
            );
            for (field, written) in spellings {
                let mut key = compile_key(&field, written, t)?;
                match seen.get(&key.chars) {
                    Some((owner, _)) if *owner == t => continue,
                    Some((_, other)) => {
                        return Err(FieldError::new(
                            field,
                            format!(
                                "is the same name as {other} once case, accents and spacing are folded"
                            ),
                        ));
                    }
                    None => {}
                }
                if term.exact {
                    key.max_distance = 0;
                }
                seen.insert(key.chars.clone(), (t, field));
                watch.add_key(key);
            }
            watch.terms.push((term.name.trim().to_string(), term.kind));
        }
        Ok(watch)
    }

    fn add_key(&mut self, key: Key) {
        let k = self.keys.len();
        let Some(&first) = key.chars.first() else {
            return;
        };
        if !key.script {
            self.longest = self.longest.max(key.chars.len());
            self.words.add(first, k);
        } else {
            self.scripts.add(first, k);
        }
        self.keys.push(key);
    }

    /// Every watched name in `text`: non-overlapping, in text order, the best match winning
    /// where several overlap (see the module documentation for the rules).
    pub fn find(&self, text: &str) -> Vec<BrandMatch> {
        if self.keys.is_empty() || text.is_empty() {
            return Vec::new();
        }
        // A post names what it is about near the top; past this, a pasted dump only costs.
        let mut end = text.len().min(MAX_SCANNED);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let text = text.get(..end).unwrap_or_default();
        let scan = Scan::new(text);
        let mut found = Vec::new();
        let mut osa = Osa::default();
        let mut masks = Vec::new();
        let scripts = !self.scripts.is_empty();
        for i in 0..scan.len() {
            if !self.words.is_empty() && scan.word_starts_at(i) {
                self.word_candidates(&scan, i, (&mut osa, &mut masks), &mut found);
            }
            if scripts {
                self.script_candidates(&scan, i, &mut found);
            }
        }
        self.select(text, &scan, found)
    }

    fn word_candidates(
        &self,
        scan: &Scan,
        i: usize,
        (osa, masks): (&mut Osa, &mut Vec<u64>),
        found: &mut Vec<Candidate>,
    ) {
        let limit = scan.word_run_end[i].min(i.saturating_add(self.longest + 2));
        let Some(window) = scan.chars.get(i..limit) else {
            return;
        };
        let Some(&first) = window.first() else {
            return;
        };
        masks.clear();
        masks.push(0u64);
        for &c in window {
            let last = masks.last().copied().unwrap_or(0);
            masks.push(last | char_mask(&[c]));
        }
        let at = At {
            scan,
            start: i,
            window,
            masks,
        };
        for &k in self.words.get(first) {
            self.word_key(&at, k, osa, found);
        }
        // A swap of the first two letters (`ixaomi`) is the one misspelling allowed to
        // change the first letter.
        if let Some(&second) = window.get(1)
            && second != first
        {
            for &k in self.words.get(second) {
                if self.keys[k].max_distance > 0 && self.keys[k].chars.get(1) == Some(&first) {
                    self.word_key(&at, k, osa, found);
                }
            }
        }
    }

    fn word_key(&self, at: &At<'_>, k: usize, osa: &mut Osa, found: &mut Vec<Candidate>) {
        let key = &self.keys[k];
        let len = key.chars.len();
        let (scan, i) = (at.scan, at.start);
        let exact = at.window.len() >= len && at.window.iter().zip(&key.chars).all(|(a, b)| a == b);
        if exact && (scan.word_ends_at(i + len) || scan.in_tag(i + len - 1)) {
            found.push(Candidate {
                key: k,
                start: i,
                end: i + len,
                distance: 0,
            });
            return;
        }
        let max = usize::from(key.max_distance);
        if max == 0 {
            return;
        }
        let (lo, hi) = (
            len.saturating_sub(max).max(1),
            at.window.len().min(len + max),
        );
        // Each letter of the name missing from the window costs at least one edit.
        let seen = at.masks.get(hi).copied().unwrap_or(u64::MAX);
        if hi < lo || ((key.mask & !seen).count_ones() as usize) > max {
            return;
        }
        let Some(row) = osa.prefix_distances(&key.chars, &at.window[..hi], max) else {
            return;
        };
        // The closest end wins; among equals, the one nearest the name's length.
        let mut best: Option<(usize, usize, usize)> = None;
        for (m, &d) in row.iter().enumerate().take(hi + 1).skip(lo) {
            let rank = (d, m.abs_diff(len), m);
            if d == 0
                || d > max
                || best.is_some_and(|b| b <= rank)
                || !scan.word_ends_at(i + m)
                || !self.fuzzy_allowed(scan, i, i + m, key)
            {
                continue;
            }
            best = Some(rank);
        }
        if let Some((d, _, m)) = best {
            found.push(Candidate {
                key: k,
                start: i,
                end: i + m,
                distance: u8::try_from(d).unwrap_or(u8::MAX),
            });
        }
    }

    /// The guards on a fuzzy match of units `start..end` against `key` (module docs).
    fn fuzzy_allowed(&self, scan: &Scan, start: usize, end: usize, key: &Key) -> bool {
        let span = &scan.chars[start..end];
        let first_agrees = match (span, key.chars.as_slice()) {
            ([a, ..], [x, ..]) if a == x => true,
            ([a, b, ..], [x, y, ..]) => a == y && b == x,
            _ => false,
        };
        let digits = span
            .iter()
            .enumerate()
            .filter(|&(u, _)| scan.is_digit(start + u))
            .map(|(_, c)| c);
        if !first_agrees || !digits.eq(key.digits.iter()) {
            return false;
        }
        let word: String = span.iter().collect();
        if words::COMMON_WORDS.binary_search(&word.as_str()).is_ok() {
            return false;
        }
        let mut inner = (start + 1..end).filter(|&p| scan.breaks_at(p));
        let Some(first_break) = inner.next() else {
            return true;
        };
        let last_break = inner.next_back().unwrap_or(first_break);
        // A lone letter at either end is as weak as a function word: "son's" is not "Sonos".
        let weak = |piece: &[char]| match piece {
            [c] => c.is_alphabetic(),
            _ => {
                let piece: String = piece.iter().collect();
                words::FUNCTION_WORDS.binary_search(&piece.as_str()).is_ok()
            }
        };
        !weak(&scan.chars[start..first_break]) && !weak(&scan.chars[last_break..end])
    }

    fn script_candidates(&self, scan: &Scan, i: usize, found: &mut Vec<Candidate>) {
        let Some(&c) = scan.chars.get(i) else {
            return;
        };
        for &k in self.scripts.get(c) {
            let key = &self.keys[k];
            let end = i + key.chars.len();
            if end > scan.run_end[i]
                || scan.chars.get(i..end) != Some(key.chars.as_slice())
                || (key.starts_word && !scan.word_starts_at(i))
                || (key.ends_word && !scan.word_ends_at(end))
            {
                continue;
            }
            found.push(Candidate {
                key: k,
                start: i,
                end,
                distance: 0,
            });
        }
    }

    /// Keeps the best non-overlapping candidates and turns them into matches.
    fn select(&self, text: &str, scan: &Scan, found: Vec<Candidate>) -> Vec<BrandMatch> {
        let mut ranked: Vec<(usize, usize, Candidate)> = found
            .into_iter()
            .map(|c| {
                let (s, e) = scan.bytes(c.start, c.end);
                (s, e, c)
            })
            .collect();
        ranked.sort_by_key(|&(s, _, c)| {
            let key = &self.keys[c.key];
            (Reverse(key.chars.len()), c.distance, s, key.term, c.key)
        });
        // Accepted spans by start byte; they never overlap, so only the nearest one that
        // starts before a new span's end can overlap it.
        let mut taken: BTreeMap<usize, (usize, Candidate)> = BTreeMap::new();
        for (s, e, c) in ranked {
            let overlaps = taken
                .range(..e)
                .next_back()
                .is_some_and(|(_, &(end, _))| end > s);
            if e > s && !overlaps {
                taken.insert(s, (e, c));
            }
        }
        taken
            .into_iter()
            .filter_map(|(start, (end, c))| {
                let (term, kind) = self.terms.get(self.keys.get(c.key)?.term)?;
                Some(BrandMatch {
                    term: term.clone(),
                    kind: *kind,
                    start,
                    end,
                    matched: text.get(start..end)?.to_string(),
                    distance: c.distance,
                    hashtag: scan.in_tag(c.start),
                })
            })
            .collect()
    }
}

/// Folds and checks one configured spelling.
fn compile_key(field: &str, written: &str, term: usize) -> Result<Key, FieldError> {
    if written.trim().is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    let scan = Scan::new(written);
    let chars = scan.chars.clone();
    if chars.is_empty() {
        return Err(FieldError::new(field, "must contain a letter or digit"));
    }
    if chars.len() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            field,
            format!("must be at most {MAX_NAME_CHARS} letters and digits"),
        ));
    }
    let script = (0..scan.len()).any(|i| !scan.is_word(i));
    let digits = (0..scan.len())
        .filter(|&i| scan.is_digit(i))
        .filter_map(|i| chars.get(i).copied())
        .collect();
    Ok(Key {
        max_distance: if script { 0 } else { max_distance(chars.len()) },
        mask: char_mask(&chars),
        digits,
        script,
        starts_word: scan.is_word(0),
        ends_word: scan.is_word(chars.len() - 1),
        chars,
        term,
    })
}

/// Where word matching stands: the text, a start unit and the window of units after it.
struct At<'a> {
    scan: &'a Scan,
    start: usize,
    window: &'a [char],
    /// `masks[m]`: the character set of `window[..m]`.
    masks: &'a [u64],
}

/// Scratch rows for the optimal-string-alignment distance, reused across calls.
#[derive(Debug, Default)]
struct Osa {
    rows: [Vec<usize>; 3],
}

impl Osa {
    /// The distance between `key` and every prefix of `window` (entry `m` for
    /// `window[..m]`, capped at `max + 1`), or `None` as soon as every one must exceed
    /// `max`. Only entries with `m` within `max` of `key.len()` are meaningful.
    fn prefix_distances(&mut self, key: &[char], window: &[char], max: usize) -> Option<&[usize]> {
        // Only cells within `max` of the diagonal can stay within budget (a band); every
        // other cell counts as `over`.
        let over = max + 1;
        let w = window.len();
        let [two, one, cur] = &mut self.rows;
        for row in [&mut *two, &mut *one, &mut *cur] {
            if row.len() < w + 2 {
                row.resize(w + 2, over);
            }
        }
        // Row 0, as far as row 1 reads it. Later rows read only their predecessors' bands
        // and the cells just outside them, which are set below: stale cells are never read.
        for (j, v) in one.iter_mut().enumerate().take(over + 1) {
            *v = j.min(over);
        }
        let mut prev_min = 0;
        for (r, &kc) in key.iter().enumerate() {
            let row = r + 1;
            let (lo, hi) = (row.saturating_sub(max).max(1), (row + max).min(w));
            if row > w + max {
                // Every prefix is shorter than `row - max`: over budget, now and later.
                return None;
            }
            cur[lo - 1] = if lo == 1 { row.min(over) } else { over };
            let mut row_min = cur[lo - 1];
            for j in lo..=hi {
                let cost = usize::from(kc != window[j - 1]);
                let mut v = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
                if r > 0 && j > 1 && kc == window[j - 2] && key[r - 1] == window[j - 1] {
                    v = v.min(two[j - 2] + 1);
                }
                cur[j] = v.min(over);
                row_min = row_min.min(v);
            }
            if let Some(next) = cur.get_mut(hi + 1) {
                *next = over;
            }
            // A row's minimum is at least min(previous row, the one before + 1): two rows
            // over budget mean every later row is too.
            if row_min > max && prev_min > max {
                return None;
            }
            prev_min = row_min;
            std::mem::swap(two, one);
            std::mem::swap(one, cur);
        }
        Some(one.as_slice())
    }
}
