//! Normalisation for brand matching: case and diacritic folding, and the scan of a text into
//! folded units that remember their source bytes, their token boundaries and whether they
//! lie in a `#hashtag` or `@handle`.

/// Longest gap of separators (in characters) that still joins two tokens into one name, as
/// in `air - pods` or `marks & spencer`.
const MAX_GAP: usize = 3;

/// The unit was written in a script matched by exact substring (Han, kana, Hangul, Arabic...).
pub(super) const SCRIPT: u8 = 1;
/// The unit lies in a `#hashtag` or `@handle`.
pub(super) const TAG: u8 = 2;
/// A name may begin before this unit and end after the previous one: a token boundary, a
/// letter/digit boundary, or (in tags) a camelCase boundary.
pub(super) const BREAK: u8 = 4;
/// The unit may continue a name begun before it (adjacent, or after a short joining gap).
pub(super) const JOINED: u8 = 8;
/// The unit is a digit.
pub(super) const DIGIT: u8 = 16;

/// A text folded for matching: one entry per folded character (a source character may give
/// none, one or two), separators dropped.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Folded characters.
    pub chars: Vec<char>,
    /// Byte range in the source text of the character each unit came from.
    pub src: Vec<(usize, usize)>,
    /// `SCRIPT | TAG | BREAK | JOINED | DIGIT` bits per unit.
    pub flags: Vec<u8>,
    /// For each unit, the end of the joined run of non-script units starting at it.
    pub word_run_end: Vec<usize>,
    /// For each unit, the end of the joined run of units (of any script) starting at it.
    pub run_end: Vec<usize>,
}

/// Where the scanner stands between two characters.
#[derive(Debug, Default)]
struct State {
    /// Separator characters seen since the last unit.
    gap: usize,
    /// Whether every separator in the gap joins tokens.
    gap_joins: bool,
    /// A `.` in the gap (joins only when it is the whole gap, as in `air.pods`).
    gap_dot: bool,
    /// A `#` or `@` was just seen; the next letter opens a tag.
    pending_tag: bool,
    /// The id of the tag being read (0 outside tags).
    tag: u32,
    tags_opened: u32,
    /// The tag id of the last unit pushed.
    last_tag: u32,
    /// Class of the last source character that produced units.
    last: Option<Prev>,
}

#[derive(Debug, Clone, Copy)]
struct Prev {
    script: bool,
    digit: bool,
    upper: bool,
    lower: bool,
}

impl Scan {
    /// Folds `text` into units.
    pub(super) fn new(text: &str) -> Self {
        let mut scan = Scan {
            chars: Vec::with_capacity(text.len()),
            src: Vec::with_capacity(text.len()),
            flags: Vec::with_capacity(text.len()),
            ..Scan::default()
        };
        let mut st = State {
            gap_joins: true,
            ..State::default()
        };
        let mut buf: Vec<char> = Vec::with_capacity(4);
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let end = at + c.len_utf8();
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    let next_lower = chars.peek().is_some_and(|&(_, n)| n.is_lowercase());
                    scan.push_char(&mut st, c, &[c.to_ascii_lowercase()], (at, end), next_lower);
                } else {
                    st.separator(c);
                }
                continue;
            }
            if is_combining(c) {
                // A mark belongs to the letter before it, when it follows one directly.
                if st.gap == 0 {
                    scan.extend_last(end);
                }
                continue;
            }
            if is_ignorable(c) {
                continue;
            }
            if !c.is_alphanumeric() {
                st.separator(c);
                continue;
            }
            buf.clear();
            fold_char(c, &mut buf);
            if buf.is_empty() {
                continue;
            }
            let next_lower = chars.peek().is_some_and(|&(_, n)| n.is_lowercase());
            scan.push_char(&mut st, c, &buf, (at, end), next_lower);
        }
        scan.finish_runs();
        scan
    }

    /// Number of units.
    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    fn has(&self, i: usize, flag: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    /// Whether unit `i` is in a word script (matched by tokens, with edit distance).
    pub(super) fn is_word(&self, i: usize) -> bool {
        i < self.len() && !self.has(i, SCRIPT)
    }

    /// Whether unit `i` lies in a `#hashtag` or `@handle`.
    pub(super) fn in_tag(&self, i: usize) -> bool {
        self.has(i, TAG)
    }

    /// Whether unit `i` is a digit.
    pub(super) fn is_digit(&self, i: usize) -> bool {
        self.has(i, DIGIT)
    }

    /// Whether a boundary lies before unit `j` (`j == len()` is the end of the text).
    pub(super) fn breaks_at(&self, j: usize) -> bool {
        j == 0 || j >= self.len() || self.has(j, BREAK)
    }

    /// Whether a word-script name may start at unit `i`.
    pub(super) fn word_starts_at(&self, i: usize) -> bool {
        self.is_word(i) && self.breaks_at(i)
    }

    /// Whether a word-script name may end before unit `j` (`j > 0`).
    pub(super) fn word_ends_at(&self, j: usize) -> bool {
        j > 0 && self.is_word(j - 1) && self.breaks_at(j)
    }

    /// The byte range in the source of units `start..end` (`start < end <= len()`).
    pub(super) fn bytes(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.src.get(start).map_or(0, |s| s.0);
        let last = end
            .checked_sub(1)
            .and_then(|e| self.src.get(e))
            .map_or(first, |s| s.1);
        (first, last.max(first))
    }

    fn extend_last(&mut self, end: usize) {
        let Some(&(start, _)) = self.src.last() else {
            return;
        };
        // Every unit of the last source character (`ß` gives two) covers the mark.
        for s in self.src.iter_mut().rev() {
            if s.0 != start {
                break;
            }
            s.1 = end;
        }
    }

    fn push_char(
        &mut self,
        st: &mut State,
        c: char,
        folded: &[char],
        src: (usize, usize),
        next_lower: bool,
    ) {
        if st.pending_tag {
            st.tags_opened = st.tags_opened.wrapping_add(1).max(1);
            st.tag = st.tags_opened;
            st.pending_tag = false;
        }
        let script = is_substring_script(c);
        let digit = c.is_numeric();
        let upper = c.is_uppercase();
        let lower = c.is_lowercase();
        let adjacent = st.gap == 0 && st.last.is_some();
        let joined = st.last.is_some()
            && st.last_tag == st.tag
            && (st.gap == 0 || (st.gap <= MAX_GAP && st.gap_joins && !(st.gap_dot && st.gap > 1)));
        let mut brk = true;
        if let Some(prev) = st.last
            && adjacent
            && !prev.script
            && !script
        {
            let letter_digit = prev.digit != digit;
            let camel =
                st.tag != 0 && ((prev.lower && upper) || (prev.upper && upper && next_lower));
            brk = letter_digit || camel;
        }
        let mut base = 0;
        if script {
            base |= SCRIPT;
        }
        if st.tag != 0 {
            base |= TAG;
        }
        if digit {
            base |= DIGIT;
        }
        for (k, &f) in folded.iter().enumerate() {
            let mut flags = base;
            if k == 0 {
                if brk {
                    flags |= BREAK;
                }
                if joined {
                    flags |= JOINED;
                }
            } else {
                flags |= JOINED;
            }
            self.chars.push(f);
            self.src.push(src);
            self.flags.push(flags);
        }
        st.last = Some(Prev {
            script,
            digit,
            upper,
            lower,
        });
        st.last_tag = st.tag;
        st.gap = 0;
        st.gap_joins = true;
        st.gap_dot = false;
    }

    fn finish_runs(&mut self) {
        let n = self.len();
        self.word_run_end = vec![n; n];
        self.run_end = vec![n; n];
        for i in (0..n).rev() {
            let next_joined = i + 1 < n && self.has(i + 1, JOINED);
            self.run_end[i] = if next_joined {
                self.run_end[i + 1]
            } else {
                i + 1
            };
            self.word_run_end[i] = if !self.is_word(i) {
                i
            } else if next_joined && self.is_word(i + 1) {
                self.word_run_end[i + 1]
            } else {
                i + 1
            };
        }
    }
}

impl State {
    fn separator(&mut self, c: char) {
        self.gap = self.gap.saturating_add(1);
        self.gap_joins &= is_joiner(c);
        self.gap_dot |= c == '.';
        match c {
            '#' | '@' | '＃' | '＠' => {
                self.pending_tag = true;
                self.tag = 0;
            }
            // Handles and hashtags run on across underscores: `@anker_official`.
            '_' if self.tag != 0 || self.pending_tag => {}
            _ => {
                self.pending_tag = false;
                self.tag = 0;
            }
        }
    }
}

/// Folds one character for matching: Unicode lowercase, then common Latin (and a few Greek,
/// Cyrillic and Arabic) letters to their base form, `ß` to `ss`, full-width ASCII to ASCII.
/// Combining marks and invisible characters give nothing.
pub(super) fn fold_char(c: char, out: &mut Vec<char>) {
    for l in c.to_lowercase() {
        if is_combining(l) || is_ignorable(l) {
            continue;
        }
        let (a, b) = fold_lower(l);
        out.push(a);
        if let Some(b) = b {
            out.push(b);
        }
    }
}

fn fold_lower(c: char) -> (char, Option<char>) {
    let one = match c {
        'ß' => return ('s', Some('s')),
        'æ' => return ('a', Some('e')),
        'œ' => return ('o', Some('e')),
        'ĳ' => return ('i', Some('j')),
        'þ' => return ('t', Some('h')),
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' | '\u{1ea0}'..='\u{1eb7}' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ð' | 'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | '\u{1eb8}'..='\u{1ec7}' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | '\u{1ec8}'..='\u{1ecb}' => 'i',
        'ĵ' => 'j',
        'ķ' | 'ĸ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | '\u{1ecc}'..='\u{1ee3}' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü'
        | 'ũ'
        | 'ū'
        | 'ŭ'
        | 'ů'
        | 'ű'
        | 'ų'
        | 'ư'
        | 'ǔ'
        | 'ǖ'
        | 'ǘ'
        | 'ǚ'
        | 'ǜ'
        | '\u{1ee4}'..='\u{1ef1}' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | '\u{1ef2}'..='\u{1ef9}' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Greek tonos and final sigma, Cyrillic yo.
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        'ё' => 'е',
        // Arabic alef with hamza or madda, alef maqsura, teh marbuta.
        'آ' | 'أ' | 'إ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        // Full-width ASCII, common in CJK posts.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    (one, None)
}

/// Scripts written without spaces between words, or with attached clitics: names in them
/// match as exact substrings.
pub(super) fn is_substring_script(c: char) -> bool {
    crate::text::is_cjk(c)
        || matches!(c as u32,
            0x0590..=0x05FF       // Hebrew
            | 0x0600..=0x06FF     // Arabic
            | 0x0750..=0x077F     // Arabic supplement
            | 0x08A0..=0x08FF     // Arabic extended-A
            | 0x0E00..=0x0EFF     // Thai, Lao
            | 0x1000..=0x109F     // Myanmar
            | 0x1780..=0x17FF     // Khmer
            | 0x3100..=0x312F     // Bopomofo
            | 0x31F0..=0x31FF     // Katakana phonetic extensions
            | 0xFB1D..=0xFDFF     // Hebrew and Arabic presentation forms
            | 0xFE70..=0xFEFF     // Arabic presentation forms-B
            | 0xFF66..=0xFF9F) // half-width katakana
}

/// Combining marks: dropped, so `e` + U+0301 folds like `é`.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7 | 0x06E8
        | 0x06EA..=0x06ED
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// Invisible characters that neither separate words nor count as letters: soft hyphen,
/// zero-width space and joiners, word joiner, byte-order mark, Arabic tatweel, variation
/// selectors.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'..='\u{200d}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{640}'
            | '\u{fe00}'..='\u{fe0f}'
    )
}

/// Separators that may sit inside a written name: spaces (not line breaks), hyphens,
/// underscores, dots, apostrophes, slashes, `&` and `+`.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{202f}'
                | '\u{3000}'
                | '-'
                | '\u{2010}'
                | '\u{2011}'
                | '_'
                | '.'
                | '·'
                | '\''
                | '\u{2019}'
                | '/'
                | '&'
                | '+'
    )
}
