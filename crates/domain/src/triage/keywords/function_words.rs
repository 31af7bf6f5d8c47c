//! Function words the scorer treats specially: negators (flip or cancel what follows),
//! intensifiers (strengthen it) and question openers (make a sentence a question). Words
//! arrive folded: lowercase, apostrophes removed (`don't` → `dont`).

/// Words that negate the words after them.
const NEGATORS: &[&str] = &[
    // English
    "not", "no", "never", "nothing", "without", "nor", "hardly", "cannot", "dont", "doesnt",
    "didnt", "isnt", "wasnt", "arent", "werent", "wont", "cant", "couldnt", "wouldnt", "shouldnt",
    "havent", "hasnt", "hadnt", "aint", "neither", // Spanish, Portuguese, Italian
    "nunca", "ni", "sin", "nada", "não", "nem", "sem", "non", "mai", "senza",
    // German, Dutch
    "nicht", "kein", "keine", "keinen", "keinem", "ohne", "niet", "geen", "nooit", "zonder",
    // French
    "pas", "ne", "jamais", "sans", "aucun", "aucune", "rien", // Polish, Turkish
    "nie", "bez", "değil", "yok", "hiç", // Russian, Arabic
    "не", "нет", "ни", "без", "لا", "لم", "ليس", "لن", "ما", "غير",
    // French `n'` elided into the verb before `pas`
    "nai", "nest", "nont", "nétait", "nétais", "nen", "ny",
];

/// Words that strengthen the word after them.
const INTENSIFIERS: &[&str] = &[
    "very",
    "so",
    "really",
    "extremely",
    "super",
    "totally",
    "absolutely",
    "completely",
    "incredibly",
    "too",
    "seriously",
    "fucking",
    "freaking",
    "damn",
    "most",
    "utterly",
    "muy",
    "tan",
    "sehr",
    "total",
    "voll",
    "très",
    "trop",
    "vraiment",
    "muito",
    "molto",
    "davvero",
    "bardzo",
    "erg",
    "heel",
    "zeer",
    "çok",
    "очень",
    "совсем",
    "جدا",
];

/// Words that make a sentence they open a question.
const QUESTION_OPENERS: &[&str] = &[
    // English
    "where",
    "wheres",
    "when",
    "whens",
    "what",
    "whats",
    "why",
    "how",
    "hows",
    "can",
    "could",
    "do",
    "does",
    "did",
    "is",
    "are",
    "will",
    "would",
    "should",
    "who",
    "which",
    "has",
    "have",
    "may",
    "any",
    "isnt",
    "arent",
    "doesnt",
    "didnt",
    "cant",
    "wont",
    // Spanish, Portuguese
    "dónde",
    "donde",
    "cuándo",
    "cuando",
    "cómo",
    "qué",
    "cuánto",
    "puedo",
    "pueden",
    "onde",
    "quando",
    "como",
    "cadê",
    "quanto",
    "posso",
    "vocês",
    // German, Dutch
    "wo",
    "wann",
    "wie",
    "warum",
    "wieso",
    "kann",
    "können",
    "gibt",
    "ist",
    "waar",
    "wanneer",
    "hoe",
    "wat",
    "waarom",
    "kunnen",
    "kan",
    // French, Italian
    "où",
    "quand",
    "comment",
    "pourquoi",
    "combien",
    "est",
    "pouvez",
    "dove",
    "dovè",
    "perché",
    "come",
    // Polish, Turkish
    "gdzie",
    "kiedy",
    "jak",
    "czy",
    "dlaczego",
    "nerede",
    "neden",
    "nasıl",
    "ne",
    // Russian, Arabic
    "где",
    "когда",
    "как",
    "почему",
    "можно",
    "сколько",
    "اين",
    "متى",
    "كيف",
    "هل",
    "لماذا",
    "وين",
];

/// What a function word is, as bits of [`flags`].
pub(super) const NEGATOR: u8 = 1;
/// See [`NEGATOR`].
pub(super) const INTENSIFIER: u8 = 2;
/// See [`NEGATOR`].
pub(super) const QUESTION_OPENER: u8 = 4;

/// Words longer than this (in bytes) are never function words.
const MAX_LEN: usize = 12;

/// Every function word with what it is (a word in several lists once per list).
pub(super) fn flags() -> impl Iterator<Item = (&'static str, u8)> {
    let list = |words: &'static [&'static str], flag: u8| {
        words
            .iter()
            .filter(|w| w.len() <= MAX_LEN)
            .map(move |&w| (w, flag))
    };
    list(NEGATORS, NEGATOR)
        .chain(list(INTENSIFIERS, INTENSIFIER))
        .chain(list(QUESTION_OPENERS, QUESTION_OPENER))
}

/// The [`flags`] of one word (a slow lookup, for tests).
#[cfg(test)]
fn flags_of(w: &str) -> u8 {
    flags()
        .filter(|&(f, _)| f == w)
        .fold(0, |acc, (_, flag)| acc | flag)
}

/// Whether a word negates the words after it.
#[cfg(test)]
pub(super) fn is_negator(w: &str) -> bool {
    flags_of(w) & NEGATOR != 0
}

/// Whether a word strengthens the word after it.
#[cfg(test)]
pub(super) fn is_intensifier(w: &str) -> bool {
    flags_of(w) & INTENSIFIER != 0
}

/// Whether a word opening a sentence makes it a question.
#[cfg(test)]
pub(super) fn is_question_opener(w: &str) -> bool {
    flags_of(w) & QUESTION_OPENER != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negators_in_several_languages() {
        for w in [
            "not", "didnt", "nunca", "nicht", "pas", "nai", "não", "nie", "не", "لم",
        ] {
            assert!(is_negator(w), "{w}");
        }
        for w in ["note", "nothingness", "now", "nice"] {
            assert!(!is_negator(w), "{w}");
        }
    }

    #[test]
    fn question_openers_and_intensifiers() {
        assert!(is_question_opener("where") && is_question_opener("gdzie"));
        assert!(!is_question_opener("please"));
        assert!(is_intensifier("very") && is_intensifier("sehr") && !is_intensifier("order"));
    }
}
