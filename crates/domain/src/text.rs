//! Text normalisation shared by search and matching: Unicode lowercase words, and
//! overlapping bigrams for Han, Kana and Hangul runs (which have no spaces between words).

/// Whether `c` belongs to a script written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility
        | 0x20000..=0x2FFFF) // CJK Extensions B+
}

/// Splits `text` into search tokens: lowercase alphanumeric words (with `@`, `#` and inner
/// `-`/`.` dropped so `LX123-456` and `lx123456` meet), and for CJK runs every overlapping
/// bigram (a lone character stands as itself).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut cjk: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    let flush_cjk = |cjk: &mut Vec<char>, out: &mut Vec<String>| {
        match cjk.len() {
            0 => {}
            1 => out.push(cjk[0].to_string()),
            _ => out.extend(cjk.windows(2).map(|w| w.iter().collect::<String>())),
        }
        cjk.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_cjk(c) {
            flush_word(&mut word, &mut out);
            cjk.push(c);
        } else if c.is_alphanumeric() {
            flush_cjk(&mut cjk, &mut out);
            word.extend(c.to_lowercase());
        } else {
            flush_cjk(&mut cjk, &mut out);
            let joins = matches!(c, '-' | '.' | '\'' | '_')
                && !word.is_empty()
                && chars
                    .get(i + 1)
                    .is_some_and(|n| n.is_alphanumeric() && !is_cjk(*n));
            if !joins {
                flush_word(&mut word, &mut out);
            }
        }
    }
    flush_word(&mut word, &mut out);
    flush_cjk(&mut cjk, &mut out);
    out
}

/// The key under which two texts count as the same message: letters and digits,
/// lowercased, so that texts differing only in case, spacing, punctuation or emoji match; a
/// text with neither (emoji only) keeps its other characters. Training skips held-out and
/// repeated texts by it, and the evaluation split hashes it.
pub fn comparison_key(text: &str) -> String {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if key.is_empty() {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        key
    }
}

/// The text stored for searching: tokens joined by single spaces, each once, in order.
pub fn search_text(parts: &[&str]) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for part in parts {
        for t in tokens(part) {
            if seen.insert(t.clone()) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&t);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_are_lowercased_and_joined_codes_kept_whole() {
        assert_eq!(
            tokens("Where is PARCEL LX123-456-CN?"),
            ["where", "is", "parcel", "lx123456cn"]
        );
        assert_eq!(
            tokens("Größe falsch, @Acme_Help #Refund"),
            ["größe", "falsch", "acmehelp", "refund"]
        );
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        assert_eq!(tokens("我要退款"), ["我要", "要退", "退款"]);
        assert_eq!(tokens("退款 ok"), ["退款", "ok"]);
        assert_eq!(
            tokens("荷物が届かない"),
            ["荷物", "物が", "が届", "届か", "かな", "ない"]
        );
    }

    #[test]
    fn search_text_keeps_each_token_once() {
        assert_eq!(search_text(&["refund refund", "Refund now"]), "refund now");
    }
}
