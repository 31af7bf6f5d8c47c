//! The features the trained model reads: hashed word unigrams and bigrams, character
//! 4-grams inside words (with word-boundary marks, so short words and prefixes count),
//! 1–3-grams over Han and kana runs, shape tokens (URLs, handles, numbers, codes), and the
//! keyword engine's evidence and entity flags as dense features.
//!
//! Sizes were chosen on the held-out set (`data/triage/holdout`): 4-grams alone scored as
//! well as 3- to 5-grams with a third of the lookups, and 2^16 buckets within noise of
//! 2^18 at a quarter of the memory, which keeps the table in cache.
//!
//! The same function serves inference and training, so they cannot drift apart.

use super::super::keywords::Reading;
use super::super::{Entities, TriageInput};

/// The version of the feature scheme: bump it with any change to what [`extract`] reads or
/// how it hashes, so that models trained on the old scheme are refused.
pub(in crate::triage) const SCHEME: u32 = 1;
/// log2 of the number of hash buckets.
pub(in crate::triage) const BUCKET_BITS: u32 = 16;
/// The number of hash buckets.
pub(in crate::triage) const BUCKETS: usize = 1 << BUCKET_BITS;

/// Only the first this-many characters of each part are read: what a message is about is
/// said at the top, and a 1 MB message costs no more than a long e-mail.
const MAX_CHARS: usize = 4000;

/// One feature: a bucket and its value.
pub(in crate::triage) type Feature = (u32, f32);

/// Kinds of hashed features, so that a word and a character n-gram with the same letters
/// land in different buckets.
#[derive(Clone, Copy)]
#[repr(u64)]
enum Kind {
    Word = 1,
    Bigram = 2,
    CharGram = 3,
    Cjk = 4,
    Shape = 5,
    Dense = 6,
}

/// The features of one message.
#[derive(Debug, Default)]
pub(in crate::triage) struct Features {
    /// The hashed text features, each worth [`Features::unit`] (one over the square root
    /// of their number, so long and short texts weigh alike).
    pub(in crate::triage) sparse: Vec<u32>,
    /// Features with their own values, kept out of that normalisation.
    pub(in crate::triage) dense: Vec<Feature>,
    /// Letters of the Latin script read.
    pub(in crate::triage) latin_letters: u32,
    /// Letters of any other script read.
    pub(in crate::triage) other_letters: u32,
}

impl Features {
    /// The value of each sparse feature.
    pub(in crate::triage) fn unit(&self) -> f32 {
        if self.sparse.is_empty() {
            0.0
        } else {
            1.0 / (self.sparse.len() as f32).sqrt()
        }
    }

    /// Every feature with its value.
    pub(in crate::triage) fn all(&self) -> impl Iterator<Item = Feature> + '_ {
        let unit = self.unit();
        self.sparse
            .iter()
            .map(move |&b| (b, unit))
            .chain(self.dense.iter().copied())
    }

    fn push(&mut self, h: u64) {
        self.sparse.push(bucket(h));
    }

    fn dense(&mut self, key: u64, value: f32) {
        if value != 0.0 {
            self.dense
                .push((bucket(mix(Kind::Dense as u64, key)), value));
        }
    }
}

/// Extracts the features of a message: its subject and body text, what the keyword engine
/// read in it, and its entities.
pub(in crate::triage) fn extract(
    input: &TriageInput<'_>,
    reading: &Reading,
    entities: &Entities,
) -> Features {
    let mut f = Features {
        sparse: Vec::with_capacity(256),
        dense: Vec::with_capacity(32),
        ..Features::default()
    };
    if let Some(subject) = input.subject {
        text_features(subject, &mut f);
    }
    text_features(input.text, &mut f);

    for (i, &score) in reading.adjusted_scores().iter().enumerate() {
        if score > 0.0 {
            f.dense(100 + i as u64, (1.0 + score).ln());
        }
    }
    let flags = [
        reading.question,
        reading.safety,
        reading.legal,
        reading.media,
        !entities.order_numbers.is_empty(),
        !entities.tracking_numbers.is_empty(),
        !entities.amounts.is_empty(),
        !entities.emails.is_empty() || !entities.phones.is_empty(),
    ];
    for (i, &on) in flags.iter().enumerate() {
        if on {
            f.dense(200 + i as u64, 1.0);
        }
    }
    // The lexicon's tone, in five bands.
    let band = match reading.sentiment {
        s if s <= -3.0 => 0,
        s if s < -0.5 => 1,
        s if s <= 0.5 => 2,
        s if s < 3.0 => 3,
        _ => 4,
    };
    f.dense(300 + band, 1.0);
    f.dense(400, 1.0); // bias
    f
}

/// The script class of a character, as far as tokenising goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Not part of a word.
    Gap,
    /// A letter of a spaced script (Latin, Cyrillic, Arabic, Greek, Hangul…) or an
    /// apostrophe inside a word.
    Letter,
    /// A digit.
    Digit,
    /// Han or kana: words are not separated by spaces.
    Spaceless,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else {
            Class::Gap
        };
    }
    // The common letters of the supported scripts, before the general Unicode tables.
    match c {
        '\u{00C0}'..='\u{024F}' if c != '×' && c != '÷' => return Class::Letter,
        '\u{0400}'..='\u{04FF}' | '\u{0621}'..='\u{064A}' | '\u{AC00}'..='\u{D7A3}' => {
            return Class::Letter;
        }
        _ => {}
    }
    if crate::text::is_cjk(c) && !is_hangul(c) {
        Class::Spaceless
    } else if c.is_alphabetic() || is_mark(c) {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Gap
    }
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Combining marks and Arabic harakat belong to the word they are in.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Lowercases and folds what buyers often type without: Latin diacritics ("przesylka" for
/// "przesyłka", "gumruk" for "gümrük"), Russian ё, and the Arabic letter variants (hamza
/// seats, tāʾ marbūṭa, alif maqṣūra).
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ă' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ğ' => 'g',
        'ß' => 's',
        'ё' => 'е',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        _ => c,
    }
}

/// Word, n-gram and shape features of one text.
fn text_features(text: &str, f: &mut Features) {
    let mut word: Vec<u32> = Vec::with_capacity(32);
    let mut run: Vec<u32> = Vec::new();
    let mut word_has_digit = false;
    let mut word_has_letter = false;
    let mut prev_word: u64 = 0x5EED; // sentence start
    let mut skip_to_space = false;
    let mut chars = text.chars().take(MAX_CHARS).peekable();
    let mut last = ' ';
    let shape = |f: &mut Features, s: u64| f.push(mix(Kind::Shape as u64, s));

    // Flushes the word being read: word and bigram features, character n-grams.
    let flush = |word: &mut Vec<u32>,
                 has_digit: &mut bool,
                 has_letter: &mut bool,
                 prev: &mut u64,
                 f: &mut Features| {
        if word.is_empty() {
            return;
        }
        if *has_digit {
            // Numbers and codes are kept as shapes: "<digits:len>", "<code>".
            let s = if *has_letter {
                1000
            } else {
                2000 + word.len().min(20) as u64
            };
            f.push(mix(Kind::Shape as u64, s));
            *prev = mix(0xD161, s);
        } else {
            let h = hash_chars(word);
            f.push(mix(Kind::Word as u64, h));
            f.push(mix(Kind::Bigram as u64, mix(*prev, h)));
            *prev = h;
            char_grams(word, f);
        }
        word.clear();
        *has_digit = false;
        *has_letter = false;
    };

    while let Some(c) = chars.next() {
        if skip_to_space {
            if c.is_whitespace() {
                skip_to_space = false;
                last = c;
            }
            continue;
        }
        match class(c) {
            Class::Letter if is_mark(c) || c == '\u{0640}' => {}
            Class::Letter => {
                if c.is_ascii() || matches!(c, '\u{00C0}'..='\u{024F}') {
                    f.latin_letters += 1;
                } else {
                    f.other_letters += 1;
                }
                word.push(u32::from(lower(c)));
                word_has_letter = true;
            }
            Class::Digit => {
                word.push(u32::from(c));
                word_has_digit = true;
            }
            Class::Spaceless => {
                flush(
                    &mut word,
                    &mut word_has_digit,
                    &mut word_has_letter,
                    &mut prev_word,
                    f,
                );
                run.clear();
                run.push(u32::from(c));
                while let Some(&n) = chars.peek() {
                    if class(n) != Class::Spaceless {
                        break;
                    }
                    run.push(u32::from(n));
                    chars.next();
                }
                f.other_letters += run.len() as u32;
                cjk_grams(&run, f);
                prev_word = mix(0xC7C7, hash_chars(&run[run.len().saturating_sub(1)..]));
            }
            Class::Gap => {
                // Apostrophes inside a word are dropped ("didn't" = "didnt").
                if matches!(c, '\'' | '’') && !word.is_empty() {
                    last = c;
                    continue;
                }
                // A URL's scheme is not a word.
                if c == ':' && chars.peek() == Some(&'/') {
                    word.clear();
                    word_has_digit = false;
                    word_has_letter = false;
                    shape(f, 11);
                    skip_to_space = true;
                    last = c;
                    continue;
                }
                flush(
                    &mut word,
                    &mut word_has_digit,
                    &mut word_has_letter,
                    &mut prev_word,
                    f,
                );
                match c {
                    '@' if last.is_whitespace() || last == ' ' => {
                        shape(f, 10);
                        skip_to_space = true;
                    }
                    '?' | '？' | '؟' => shape(f, 12),
                    '!' | '！' => shape(f, 13),
                    '#' => shape(f, 14),
                    _ if (c as u32) >= 0x1F300 => {
                        // Emoji carry tone: hash each one.
                        f.push(mix(Kind::Shape as u64, 0xE000_0000 | u64::from(c as u32)));
                    }
                    _ => {}
                }
            }
        }
        last = c;
    }
    flush(
        &mut word,
        &mut word_has_digit,
        &mut word_has_letter,
        &mut prev_word,
        f,
    );
}

/// Character 4-grams of a word with boundary marks (a two-letter word is one 4-gram).
fn char_grams(word: &[u32], f: &mut Features) {
    const SIZE: usize = 4;
    const EDGE: u32 = 0x2;
    let n = word.len();
    // The padded word: EDGE w0 … wn-1 EDGE, read without building it.
    let at = |i: usize| -> u32 {
        if i == 0 || i == n + 1 {
            EDGE
        } else {
            word[i - 1]
        }
    };
    let len = n + 2;
    if SIZE > len {
        return;
    }
    for start in 0..=(len - SIZE) {
        let mut h = SIZE as u64;
        for i in start..start + SIZE {
            h = mix(h, u64::from(at(i)));
        }
        f.push(mix(Kind::CharGram as u64, h));
    }
}

/// Character 1- to 3-grams of a Han/kana run.
fn cjk_grams(run: &[u32], f: &mut Features) {
    for start in 0..run.len() {
        let mut h = 0u64;
        for (k, &c) in run[start..].iter().take(3).enumerate() {
            h = mix(h, u64::from(c));
            f.push(mix(Kind::Cjk as u64 + ((k as u64) << 8), h));
        }
    }
}

fn hash_chars(chars: &[u32]) -> u64 {
    chars
        .iter()
        .fold(0xCBF2_9CE4_8422_2325u64, |h, &c| mix(h, u64::from(c)))
}

/// One round of a multiplicative mix (fast; the keys are our own text, so no flooding
/// resistance is needed).
#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline]
fn bucket(h: u64) -> u32 {
    // The high bits of a multiplicative hash are the well-mixed ones.
    let h = h ^ (h >> 31);
    (h.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> (64 - BUCKET_BITS)) as u32
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn buckets(text: &str) -> Vec<u32> {
        let mut f = Features::default();
        text_features(text, &mut f);
        let mut b = f.sparse;
        b.sort_unstable();
        b
    }

    #[test]
    fn case_and_apostrophes_do_not_change_features() {
        assert_eq!(buckets("Didn't ARRIVE"), buckets("didnt arrive"));
    }

    #[test]
    fn urls_and_handles_are_shapes_not_words() {
        assert_eq!(
            buckets("@AmazonHelp where is it https://t.co/abc"),
            buckets("@someoneelse where is it http://x.y/z?q=1")
        );
    }

    #[test]
    fn numbers_of_the_same_length_look_alike() {
        assert_eq!(buckets("order 123456"), buckets("order 987654"));
        assert_ne!(buckets("order 123456"), buckets("order 12"));
    }

    #[test]
    fn every_script_yields_features_within_range() {
        for text in [
            "包裹还没到，海关扣了",
            "荷物が届きません",
            "배송이 너무 늦어요",
            "посылка не пришла",
            "لم يصلني الطلب",
            "przesyłka nie dotarła",
            "🙄🙄",
        ] {
            let b = buckets(text);
            assert!(!b.is_empty(), "{text}");
            assert!(b.iter().all(|&x| (x as usize) < BUCKETS));
        }
    }

    #[test]
    fn long_texts_are_capped() {
        let long = "refund ".repeat(200_000);
        let b = buckets(&long);
        assert!(b.len() < MAX_CHARS * 4, "{}", b.len());
    }
}
