//! Context cues: the word just before a number ("tracking", "order", "phone", in the
//! languages triage supports) that tells what an ambiguous digit run is.

/// What the nearest cue word says a following number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// A carrier or tracking word.
    Tracking,
    /// An order word.
    Order,
    /// A phone word.
    Phone,
}

/// How far back (in bytes) a cue may stand from the number it describes.
const WINDOW: usize = 48;

/// Cue words, lowercase. ASCII cues match case-insensitively at a word start and as a word
/// prefix ("track" in "tracking"); `whole` ones must also end at a word boundary ("ups" but
/// not "upset"). Non-ASCII cues match their exact bytes anywhere.
const CUES: &[(&str, Cue, bool)] = &[
    ("track", Cue::Tracking, false),
    ("trk", Cue::Tracking, true),
    ("awb", Cue::Tracking, true),
    ("waybill", Cue::Tracking, false),
    ("shipment", Cue::Tracking, false),
    ("fedex", Cue::Tracking, false),
    ("dhl", Cue::Tracking, false),
    ("ups", Cue::Tracking, true),
    ("usps", Cue::Tracking, true),
    ("tnt", Cue::Tracking, true),
    ("gls", Cue::Tracking, true),
    ("dpd", Cue::Tracking, true),
    ("hermes", Cue::Tracking, true),
    ("evri", Cue::Tracking, true),
    ("correos", Cue::Tracking, true),
    ("colissimo", Cue::Tracking, true),
    ("sendung", Cue::Tracking, false),
    ("paketnummer", Cue::Tracking, false),
    ("suivi", Cue::Tracking, false),
    ("seguimiento", Cue::Tracking, false),
    ("rastre", Cue::Tracking, false),
    ("traccia", Cue::Tracking, false),
    ("spedizion", Cue::Tracking, false),
    ("przesy\u{142}", Cue::Tracking, false),
    ("zending", Cue::Tracking, false),
    ("takip", Cue::Tracking, false),
    ("kargo", Cue::Tracking, false),
    ("\u{442}\u{440}\u{435}\u{43a}", Cue::Tracking, false),
    (
        "\u{43e}\u{442}\u{441}\u{43b}\u{435}\u{436}",
        Cue::Tracking,
        false,
    ),
    ("运单", Cue::Tracking, false),
    ("快递", Cue::Tracking, false),
    ("物流", Cue::Tracking, false),
    ("追踪", Cue::Tracking, false),
    ("追跡", Cue::Tracking, false),
    ("伝票", Cue::Tracking, false),
    ("송장", Cue::Tracking, false),
    ("운송장", Cue::Tracking, false),
    ("order", Cue::Order, false),
    ("pedido", Cue::Order, false),
    ("commande", Cue::Order, false),
    ("bestell", Cue::Order, false),
    ("auftrag", Cue::Order, false),
    ("ordine", Cue::Order, false),
    ("zam\u{f3}wieni", Cue::Order, false),
    ("sipari", Cue::Order, false),
    ("\u{437}\u{430}\u{43a}\u{430}\u{437}", Cue::Order, false),
    ("订单", Cue::Order, false),
    ("訂單", Cue::Order, false),
    ("注文", Cue::Order, false),
    ("주문", Cue::Order, false),
    ("phone", Cue::Phone, false),
    ("tel", Cue::Phone, true),
    ("telephone", Cue::Phone, false),
    ("call", Cue::Phone, true),
    ("mobile", Cue::Phone, false),
    ("cell", Cue::Phone, false),
    ("whatsapp", Cue::Phone, false),
    ("sms", Cue::Phone, true),
    ("tel\u{e9}fono", Cue::Phone, false),
    ("telefon", Cue::Phone, false),
    ("t\u{e9}l\u{e9}phone", Cue::Phone, false),
    ("celular", Cue::Phone, false),
    ("m\u{f3}vil", Cue::Phone, false),
    ("movil", Cue::Phone, false),
    ("handy", Cue::Phone, true),
    (
        "\u{442}\u{435}\u{43b}\u{435}\u{444}\u{43e}\u{43d}",
        Cue::Phone,
        false,
    ),
    ("电话", Cue::Phone, false),
    ("手机", Cue::Phone, false),
    ("電話", Cue::Phone, false),
    ("携帯", Cue::Phone, false),
    ("전화", Cue::Phone, false),
    ("\u{647}\u{627}\u{62a}\u{641}", Cue::Phone, false),
];

/// Which bytes (ASCII lowercased) can start a cue word: positions starting with any other
/// byte are skipped without looking at the table.
const FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < CUES.len() {
        let b = CUES[i].0.as_bytes()[0];
        table[b as usize] = true;
        table[b.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// The kind of the cue word that starts closest before byte `at`, within [`WINDOW`] bytes
/// (the longest cue when several start at the same byte).
pub(super) fn nearest(b: &[u8], at: usize) -> Option<Cue> {
    let at = at.min(b.len());
    let from = at.saturating_sub(WINDOW);
    for start in (from..at).rev() {
        let byte = b[start];
        if !FIRST_BYTES[byte as usize]
            || (byte.is_ascii() && start > 0 && b[start - 1].is_ascii_alphabetic())
        {
            continue;
        }
        let first = byte.to_ascii_lowercase();
        let mut best: Option<(usize, Cue)> = None;
        for &(word, cue, whole) in CUES {
            let w = word.as_bytes();
            if w[0] != first || start + w.len() > at || best.is_some_and(|(l, _)| l >= w.len()) {
                continue;
            }
            let here = &b[start..start + w.len()];
            let hit = if word.is_ascii() {
                here.eq_ignore_ascii_case(w)
                    && !(whole && b.get(start + w.len()).is_some_and(u8::is_ascii_alphabetic))
            } else {
                here == w
            };
            if hit {
                best = Some((w.len(), cue));
            }
        }
        if let Some((_, cue)) = best {
            return Some(cue);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_cue_wins() {
        let t = b"order 1, tracking 999";
        assert_eq!(nearest(t, t.len() - 3), Some(Cue::Tracking));
        let t = b"tracking? no, my order 999";
        assert_eq!(nearest(t, t.len() - 3), Some(Cue::Order));
    }

    #[test]
    fn boundaries_are_respected() {
        let t = b"I am upset 999";
        assert_eq!(nearest(t, t.len() - 3), None);
        let t = b"hotel 999";
        assert_eq!(nearest(t, t.len() - 3), None);
        let t = b"Tel: 999";
        assert_eq!(nearest(t, t.len() - 3), Some(Cue::Phone));
    }

    #[test]
    fn far_cues_are_ignored() {
        let t = b"tracking, and then a very long digression about nothing at all 999";
        assert_eq!(nearest(t, t.len() - 3), None);
    }

    #[test]
    fn multibyte_cues_and_windows_cut_inside_characters_are_safe() {
        let t = "运单号 999".as_bytes();
        assert_eq!(nearest(t, t.len() - 3), Some(Cue::Tracking));
        let t = "注文注文注文注文注文注文注文注文注文注文注文注文 1".as_bytes();
        assert_eq!(nearest(t, t.len() - 1), Some(Cue::Order));
        assert_eq!(nearest(b"", 0), None);
        assert_eq!(nearest(b"abc", 99), None);
    }
}
