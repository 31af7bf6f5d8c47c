//! Entity extraction: order numbers, tracking numbers, amounts, e-mails and phone numbers,
//! found by hand-written byte scanners (no regex), linear in the text and panic-free.
//!
//! Every scanner walks the UTF-8 bytes and only ever builds output from ASCII bytes or
//! whole matched markers, so no slice can end inside a multi-byte character. A byte map
//! records what each byte already belongs to (an e-mail, a URL, an entity), so one digit run
//! is never reported twice (an order number is not also a phone number). Scanners run from
//! the most specific format to the least: e-mails, URLs, order and tracking numbers, Shopify
//! `#1234`, amounts, phones.

mod amounts;
mod cues;
mod tracking;

use super::Entities;
use cues::Cue;

/// At most this many entities of one kind are reported for one text; a message that quotes
/// more is a bulk paste, and the first ones are enough to thread it and to flag PII.
const MAX_PER_KIND: usize = 32;

/// The byte belongs to nothing yet.
const FREE: u8 = 0;
/// The byte is inside a URL: only unmistakable tracking formats are taken from it.
const URL: u8 = 1;
/// The byte belongs to an entity (or an e-mail).
const TAKEN: u8 = 2;

/// Extracts order numbers, tracking numbers, amounts, e-mails and phones from `text`.
///
/// Formats: Amazon (`123-1234567-1234567`), eBay (`12-34567-89012`), AliExpress (16
/// digits), Shopify (`#1234`) and cue-led store order numbers (`order 100234`); UPS, UPU
/// S10 (check digit validated), USPS, Cainiao, YunExpress, 4PX, DHL, Amazon Logistics,
/// SF Express and cue-led carrier numbers (FedEx, DHL, …); amounts with a currency symbol,
/// code or word on either side, normalised to a `.` decimal; e-mails, lowercased; phone
/// numbers of 8–15 digits, as digits with the `+` when written. Never panics, linear time.
pub fn extract_entities(text: &str) -> Entities {
    let mut s = Scanner::new(text);
    s.emails();
    // Every other entity holds an ASCII digit.
    if !text.bytes().any(|c| c.is_ascii_digit()) {
        return s.out;
    }
    if may_hold_url(text) {
        s.urls();
    }
    s.numbers();
    s.shopify_orders();
    amounts::scan(&mut s);
    s.phones();
    s.out
}

/// Shared state of one extraction: the text, what each byte belongs to, and the findings.
struct Scanner<'a> {
    b: &'a [u8],
    marks: Vec<u8>,
    out: Entities,
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if list.len() < MAX_PER_KIND && !list.contains(&value) {
        list.push(value);
    }
}

/// How [`ascii_string`] cases its output.
#[derive(Clone, Copy)]
enum Case {
    Keep,
    Upper,
    Lower,
}

/// Builds a `String` from ASCII bytes (every scanner only calls it on ASCII ranges).
fn ascii_string(bytes: &[u8], case: Case) -> String {
    bytes
        .iter()
        .filter(|b| b.is_ascii())
        .map(|&b| match case {
            Case::Keep => b as char,
            Case::Upper => b.to_ascii_uppercase() as char,
            Case::Lower => b.to_ascii_lowercase() as char,
        })
        .collect()
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            b: text.as_bytes(),
            marks: vec![FREE; text.len()],
            out: Entities::default(),
        }
    }

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn before(&self, i: usize) -> u8 {
        if i == 0 { 0 } else { self.at(i - 1) }
    }

    fn is_free(&self, from: usize, to: usize) -> bool {
        self.marks
            .get(from..to)
            .is_some_and(|m| m.iter().all(|&x| x == FREE))
    }

    fn not_taken(&self, from: usize, to: usize) -> bool {
        self.marks
            .get(from..to)
            .is_some_and(|m| m.iter().all(|&x| x != TAKEN))
    }

    fn take(&mut self, from: usize, to: usize) {
        if let Some(m) = self.marks.get_mut(from..to) {
            m.fill(TAKEN);
        }
    }

    /// `name@domain.tld`, lowercased. The local part is read back from the `@`, the domain
    /// forward; the top-level label must be at least two letters.
    fn emails(&mut self) {
        let b = self.b;
        let mut i = 0;
        while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'@')) {
            let at = i + off;
            i = at + 1;
            let local_ok = |c: u8| is_alnum(c) || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
            let mut ls = at;
            while ls > 0 && at - ls < 64 && local_ok(b[ls - 1]) {
                ls -= 1;
            }
            while ls < at && !is_alnum(b[ls]) {
                ls += 1;
            }
            if ls == at {
                continue;
            }
            let mut de = at + 1;
            while de < b.len() && de - at < 255 && (is_alnum(b[de]) || matches!(b[de], b'.' | b'-'))
            {
                de += 1;
            }
            while de > at + 1 && matches!(b[de - 1], b'.' | b'-') {
                de -= 1;
            }
            let domain = &b[at + 1..de];
            let Some(dot) = domain.iter().rposition(|&c| c == b'.') else {
                continue;
            };
            let tld = &domain[dot + 1..];
            if dot == 0
                || tld.len() < 2
                || !tld.iter().all(u8::is_ascii_alphabetic)
                || domain.windows(2).any(|w| w == b"..")
            {
                continue;
            }
            let email = ascii_string(&b[ls..de], Case::Lower);
            push_unique(&mut self.out.emails, email);
            self.take(ls, de);
            i = de;
        }
    }

    /// Marks `http://…`, `https://…` and `www.…` up to the next whitespace as URL bytes.
    fn urls(&mut self) {
        let b = self.b;
        let mut i = 0;
        while i < b.len() {
            let c = b[i] | 0x20;
            let starts = (c == b'h' || c == b'w')
                && !is_alnum(self.before(i))
                && (starts_with_ci(&b[i..], b"http://")
                    || starts_with_ci(&b[i..], b"https://")
                    || starts_with_ci(&b[i..], b"www."));
            if !starts {
                i += 1;
                continue;
            }
            let mut e = i;
            while e < b.len() && !b[e].is_ascii_whitespace() && !matches!(b[e], b'<' | b'>' | b'"')
            {
                if self.marks[e] == FREE {
                    self.marks[e] = URL;
                }
                e += 1;
            }
            i = e;
        }
    }

    /// Order and tracking numbers: walks the runs of ASCII letters and digits.
    fn numbers(&mut self) {
        let b = self.b;
        let mut i = 0;
        while i < b.len() {
            if !is_alnum(b[i]) || is_alnum(self.before(i)) {
                i += 1;
                continue;
            }
            let mut e = i;
            while e < b.len() && is_alnum(b[e]) {
                e += 1;
            }
            i = self.number_token(i, e).max(e);
        }
    }

    /// Classifies the token `b[s..e]` (and, for spaced formats, the tokens after it); returns
    /// where scanning resumes.
    fn number_token(&mut self, s: usize, e: usize) -> usize {
        if !self.not_taken(s, e) {
            return e;
        }
        let token = &self.b[s..e];
        let has_digit = token.iter().any(u8::is_ascii_digit);
        // Every format has digits; only a spaced S10 (`RR 123 456 785 DE`) opens without.
        let spaced_s10 = token.len() == 2
            && token.iter().all(u8::is_ascii_alphabetic)
            && self.at(e) == b' '
            && self.at(e + 1).is_ascii_digit();
        if !has_digit && !spaced_s10 {
            return e;
        }
        let in_url = !self.is_free(s, e);
        if !in_url && let Some(end) = self.dashed_order(s) {
            let order = ascii_string(&self.b[s..end], Case::Upper);
            push_unique(&mut self.out.order_numbers, order);
            self.take(s, end);
            return end;
        }
        if let Some((end, number)) = tracking::specific_at(self.b, s, e)
            && self.not_taken(s, end)
        {
            push_unique(&mut self.out.tracking_numbers, number);
            self.take(s, end);
            return end;
        }
        if in_url {
            return e;
        }
        let digits = token.iter().filter(|c| c.is_ascii_digit()).count();
        if digits == token.len() {
            return self.digit_run(s, e);
        }
        // Letters and at least 8 digits, led by a tracking word: a carrier we do not know.
        if (10..=30).contains(&token.len())
            && digits >= 8
            && cues::nearest(self.b, s) == Some(Cue::Tracking)
        {
            push_unique(
                &mut self.out.tracking_numbers,
                ascii_string(token, Case::Upper),
            );
            self.take(s, e);
        }
        e
    }

    /// A run of digits, possibly continued by space-separated digit groups.
    fn digit_run(&mut self, s: usize, e: usize) -> usize {
        let n = e - s;
        if self.before(s) == b'#' && n <= 9 {
            return e; // a Shopify order name, read by `shopify_orders`
        }
        if self.before(s) == b'@' {
            return e; // an @handle made of digits
        }
        // The cue word before the run, looked up at most once and only when it decides.
        let mut cue: Option<Option<Cue>> = None;
        let mut cue_of = |b: &[u8]| *cue.get_or_insert_with(|| cues::nearest(b, s));
        // Spaced groups (`9400 1000 0000 0000 0000 00`, `1234 5678 9012` after "FedEx").
        if let Some((end, digits)) = tracking::spaced_digits(self.b, s, e) {
            let usps = tracking::is_usps(&digits);
            let cued = (10..=22).contains(&digits.len()) && cue_of(self.b) == Some(Cue::Tracking);
            if (usps || cued) && self.not_taken(s, end) {
                push_unique(&mut self.out.tracking_numbers, digits);
                self.take(s, end);
                return end;
            }
        }
        if n < 5 {
            return e;
        }
        let digits = &self.b[s..e];
        let as_tracking = tracking::is_usps_bytes(digits)
            || ((10..=22).contains(&n) && cue_of(self.b) == Some(Cue::Tracking));
        let as_order = !as_tracking
            && ((n == 16 && self.at(e) != b'-' && self.before(s) != b'-')
                || (n <= 20 && cue_of(self.b) == Some(Cue::Order)));
        if as_tracking {
            push_unique(
                &mut self.out.tracking_numbers,
                ascii_string(digits, Case::Keep),
            );
            self.take(s, e);
        } else if as_order {
            // A store's order number may be dash-joined groups (`3632693-6196346`).
            let mut end = e;
            while self.at(end) == b'-' && self.at(end + 1).is_ascii_digit() && end - s < 40 {
                end += 1;
                while self.at(end).is_ascii_digit() {
                    end += 1;
                }
            }
            if is_alnum(self.at(end)) {
                end = e;
            }
            push_unique(
                &mut self.out.order_numbers,
                ascii_string(&self.b[s..end], Case::Keep),
            );
            self.take(s, end);
            return end;
        }
        e
    }

    /// Amazon `123-1234567-1234567` (also `D01-…` digital orders) and eBay
    /// `12-34567-89012`; returns the end when one starts at `s`.
    fn dashed_order(&self, s: usize) -> Option<usize> {
        let before = self.before(s);
        if is_alnum(before) || before == b'-' {
            return None;
        }
        let first_letter = self.at(s) == b'D' || self.at(s) == b'd';
        if !(self.at(s).is_ascii_digit() || first_letter) || !self.at(s + 1).is_ascii_digit() {
            return None;
        }
        for groups in [&[3usize, 7, 7][..], &[2, 5, 5][..]] {
            let mut j = s;
            let mut ok = true;
            for (k, &len) in groups.iter().enumerate() {
                if k > 0 {
                    if self.at(j) != b'-' {
                        ok = false;
                        break;
                    }
                    j += 1;
                }
                for d in 0..len {
                    let c = self.at(j + d);
                    let letter_ok = k == 0 && d == 0 && len == 3 && first_letter;
                    if !(c.is_ascii_digit() || letter_ok) {
                        ok = false;
                        break;
                    }
                }
                if !ok {
                    break;
                }
                j += len;
            }
            let after = self.at(j);
            let follows = self.at(j + 1);
            if ok && !is_alnum(after) && !(after == b'-' && follows.is_ascii_digit()) {
                return Some(j);
            }
        }
        None
    }

    /// Shopify order names: `#` and 3–9 digits, not inside a word or an HTML entity.
    fn shopify_orders(&mut self) {
        let b = self.b;
        let mut i = 0;
        while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'#')) {
            let h = i + off;
            i = h + 1;
            let before = self.before(h);
            if is_alnum(before) || matches!(before, b'&' | b'#' | b'/') {
                continue;
            }
            let mut e = h + 1;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            let n = e - h - 1;
            if !(3..=9).contains(&n) || is_alnum(self.at(e)) || !self.is_free(h, e) {
                continue;
            }
            // A hashtag year (#2026) is not an order unless an order word leads it.
            let year = n == 4 && matches!(&b[h + 1..h + 3], b"19" | b"20");
            if year && cues::nearest(b, h) != Some(Cue::Order) {
                continue;
            }
            push_unique(
                &mut self.out.order_numbers,
                ascii_string(&b[h..e], Case::Keep),
            );
            self.take(h, e);
            i = e;
        }
    }

    /// Phone numbers: 8–15 digits with optional `+`, spaces, dashes, dots, slashes and
    /// parentheses, not a date, not a formatted quantity, not anything already found.
    fn phones(&mut self) {
        let b = self.b;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let opens = c.is_ascii_digit()
                || (matches!(c, b'+' | b'(') && self.at(i + 1).is_ascii_digit())
                || (c == b'(' && self.at(i + 1) == b'+' && self.at(i + 2).is_ascii_digit());
            if !opens {
                i += 1;
                continue;
            }
            let before = self.before(i);
            // `PP-006-234-348-863`: the digits of an identifier, not a phone.
            let in_identifier = before == b'-' && i >= 2 && is_alnum(self.b[i - 2]);
            if is_alnum(before)
                || matches!(before, b'.' | b',')
                || in_identifier
                || self.marks[i] != FREE
            {
                i += 1;
                continue;
            }
            let (end, phone) = self.phone_at(i);
            if let Some(phone) = phone {
                push_unique(&mut self.out.phones, phone);
                self.take(i, end);
            }
            i = end.max(i + 1);
        }
    }

    /// Reads one phone candidate from `start`; returns where it ends and the phone, if valid.
    fn phone_at(&self, start: usize) -> (usize, Option<String>) {
        let b = self.b;
        let mut j = start;
        let mut plus = false;
        let mut digits = Digits::default();
        let mut groups: [usize; 8] = [0; 8];
        let mut n_groups = 0usize;
        let mut seps: u8 = 0; // bit set: 1 space, 2 dash, 4 dot, 8 slash, 16 paren
        let mut last_digit_end = start;
        loop {
            // Opening characters of a group.
            while j < b.len() && matches!(b[j], b'+' | b'(') && j - last_digit_end <= 3 {
                if b[j] == b'+' {
                    if n_groups > 0 || plus {
                        return (last_digit_end.max(start + 1), None);
                    }
                    plus = true;
                } else {
                    seps |= 16;
                }
                j += 1;
            }
            let g0 = j;
            while j < b.len() && b[j].is_ascii_digit() && self.marks[j] == FREE {
                digits.push(b[j]);
                j += 1;
                if digits.len > 15 {
                    while j < b.len() && (b[j].is_ascii_digit() || b[j] == b' ') {
                        j += 1;
                    }
                    return (j, None);
                }
            }
            if j == g0 {
                break;
            }
            if n_groups < groups.len() {
                groups[n_groups] = j - g0;
            }
            n_groups += 1;
            last_digit_end = j;
            // Separators between groups: up to three of ` -()/`, or one `.`.
            let mut k = j;
            let mut bits = 0u8;
            while k < b.len() && k - j < 3 && matches!(b[k], b' ' | b'-' | b'(' | b')' | b'/') {
                bits |= match b[k] {
                    b' ' => 1,
                    b'-' => 2,
                    b'/' => 8,
                    _ => 16,
                };
                k += 1;
            }
            if k == j && b.get(k) == Some(&b'.') {
                bits |= 4;
                k += 1;
            }
            if k > j && k < b.len() && b[k].is_ascii_digit() && self.marks[k] == FREE {
                seps |= bits;
                j = k;
            } else {
                break;
            }
        }
        let end = last_digit_end;
        if is_alnum(self.at(end)) {
            return (end, None);
        }
        let groups = &groups[..n_groups.min(groups.len())];
        let digits = digits.as_bytes();
        let valid = (8..=15).contains(&digits.len())
            && !looks_like_date(digits, groups, seps)
            && !(seps == 4 && groups.iter().skip(1).all(|&g| g == 3))
            && groups.iter().filter(|&&g| g == 1).count() * 2 <= n_groups
            && n_groups <= 8
            && (plus
                || n_groups > 1
                || digits.len() >= 10
                || cues::nearest(b, start) == Some(Cue::Phone));
        let phone = valid.then(|| {
            let mut phone = String::with_capacity(digits.len() + 1);
            if plus {
                phone.push('+');
            }
            phone.push_str(&ascii_string(digits, Case::Keep));
            phone
        });
        (end, phone)
    }
}

/// The digits of a phone candidate (at most 16 are ever kept).
#[derive(Default)]
struct Digits {
    buf: [u8; 16],
    len: usize,
}

impl Digits {
    fn push(&mut self, d: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = d;
        }
        self.len += 1;
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len.min(self.buf.len())]
    }
}

/// Whether a digit sequence with these groups reads as a date or a span of years
/// (`2026-11-20`, `20/11/2026`, `20.11.2026`, `2019-2020`).
fn looks_like_date(digits: &[u8], groups: &[usize], seps: u8) -> bool {
    if seps & 16 != 0 || seps & 1 != 0 && seps != 1 {
        return false;
    }
    let year_at = |from: usize| {
        digits
            .get(from..from + 2)
            .is_some_and(|p| p == b"19" || p == b"20")
    };
    match groups {
        [4, 2, 2] | [4, 2, 2, ..] => year_at(0),
        [a, b, 4] if *a <= 2 && *b <= 2 => year_at(a + b),
        [4, 4] => year_at(0) && year_at(4),
        // The shape of a US social security or an item code, not a phone.
        [3, 2, 4] => seps == 2,
        _ => false,
    }
}

/// Whether a text may hold a URL start: `://` (of `http://`, `https://`) or `www.` (any
/// case). Much cheaper than the scan it saves (most texts have neither).
fn may_hold_url(text: &str) -> bool {
    let b = text.as_bytes();
    text.contains("://")
        || text
            .match_indices('.')
            .any(|(dot, _)| dot >= 3 && b[dot - 3..dot].eq_ignore_ascii_case(b"www"))
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::triage::Amount;

    fn amount(value: &str, currency: &str) -> Amount {
        Amount {
            value: value.to_string(),
            currency: Some(currency.to_string()),
        }
    }

    #[test]
    fn amazon_ebay_aliexpress_and_shopify_orders_are_found() {
        let e = extract_entities(
            "Amazon order 112-3456789-0123456, eBay 12-34567-89012, Ali 8123456789012345 and #1001.",
        );
        assert_eq!(
            e.order_numbers,
            vec![
                "112-3456789-0123456",
                "12-34567-89012",
                "8123456789012345",
                "#1001"
            ]
        );
        assert!(e.tracking_numbers.is_empty());
        assert!(e.phones.is_empty());
        assert!(e.amounts.is_empty());
    }

    #[test]
    fn amazon_digital_orders_and_order_words_lead_store_numbers() {
        let e = extract_entities("Digital order D01-1234567-1234567 and my order no. 100234");
        assert_eq!(e.order_numbers, vec!["D01-1234567-1234567", "100234"]);
    }

    #[test]
    fn store_order_numbers_after_an_order_word_keep_their_dashes() {
        let e = extract_entities("@Walmart Order# 3632693-6196346. Still nothing");
        assert_eq!(e.order_numbers, vec!["3632693-6196346"]);
        assert!(e.phones.is_empty());
    }

    #[test]
    fn hashtags_and_html_entities_are_not_shopify_orders() {
        let e = extract_entities("#1234abc #12 &#1234; #BlackFriday2026 #2026 ab#1234");
        assert!(e.order_numbers.is_empty(), "{:?}", e.order_numbers);
        let e = extract_entities("Pedido #99999999 não chegou");
        assert_eq!(e.order_numbers, vec!["#99999999"]);
    }

    #[test]
    fn a_dashed_run_longer_than_an_order_is_not_an_order() {
        let e = extract_entities("ref 112-3456789-0123456-9 ok");
        assert!(e.order_numbers.is_empty());
    }

    #[test]
    fn ups_numbers_are_found_with_or_without_spaces() {
        let e = extract_entities("UPS says 1Z999AA10123456784 and also 1z 999 aa1 01 2345 6784");
        assert_eq!(e.tracking_numbers, vec!["1Z999AA10123456784"]);
        let e = extract_entities("1Z999AA1012345678X is not a UPS number");
        assert!(e.tracking_numbers.is_empty());
    }

    #[test]
    fn s10_numbers_need_a_valid_check_digit() {
        // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 11 − 204 mod 11 = 5.
        let e = extract_entities("my parcel LX123456785CN is stuck");
        assert_eq!(e.tracking_numbers, vec!["LX123456785CN"]);
        let e = extract_entities("my parcel LX123456784CN is stuck");
        assert!(e.tracking_numbers.is_empty());
        // Lowercase and spaced forms are normalised.
        let e = extract_entities("rr 123 456 785 de arrived?");
        assert_eq!(e.tracking_numbers, vec!["RR123456785DE"]);
    }

    #[test]
    fn s10_check_digit_rules_for_remainders_zero_and_one() {
        // Sum 0 → 11 − 0 = 11 → check 5; sum 12 (2·6) → 11 − 1 = 10 → check 0.
        assert!(tracking::s10_check_ok(b"000000005"));
        assert!(!tracking::s10_check_ok(b"000000000"));
        assert!(tracking::s10_check_ok(b"020000000"));
        assert!(!tracking::s10_check_ok(b"020000001"));
        assert!(tracking::s10_check_ok(b"123456785"));
    }

    #[test]
    fn usps_numbers_are_found_plain_and_grouped() {
        let e = extract_entities("USPS 9400111899223197428490 and 9400 1000 0000 0000 0000 00.");
        assert_eq!(
            e.tracking_numbers,
            vec!["9400111899223197428490", "9400100000000000000000"]
        );
        assert!(e.phones.is_empty());
        assert!(e.order_numbers.is_empty());
    }

    #[test]
    fn chinese_carrier_formats_are_found() {
        let e = extract_entities(
            "Cainiao LP00123456789012, YunExpress YT2112345678901234, 4PX 4PX3000123456789CN, \
             CNUSUP00012345678, Amazon TBA123456789012, 顺丰SF1234567890123",
        );
        assert_eq!(
            e.tracking_numbers,
            vec![
                "LP00123456789012",
                "YT2112345678901234",
                "4PX3000123456789CN",
                "CNUSUP00012345678",
                "TBA123456789012",
                "SF1234567890123"
            ]
        );
        assert!(e.order_numbers.is_empty());
    }

    #[test]
    fn dhl_and_fedex_digits_need_a_carrier_word() {
        let e = extract_entities("DHL: 1234567890, JJD000390007880685870 and JVGL0612345678");
        assert_eq!(
            e.tracking_numbers,
            vec!["1234567890", "JJD000390007880685870", "JVGL0612345678"]
        );
        let e = extract_entities("FedEx tracking 123456789012 and fedex 123456789012345");
        assert_eq!(e.tracking_numbers, vec!["123456789012", "123456789012345"]);
        // Without a carrier word the same 12 digits read as a phone number.
        let e = extract_entities("call 123456789012 today");
        assert!(e.tracking_numbers.is_empty());
        assert_eq!(e.phones, vec!["123456789012"]);
    }

    #[test]
    fn tracking_words_in_other_languages_lead_digit_runs() {
        let e = extract_entities("Sendungsnummer: 00340434161094042557");
        assert_eq!(e.tracking_numbers, vec!["00340434161094042557"]);
        let e = extract_entities("运单号 773012345678901");
        assert_eq!(e.tracking_numbers, vec!["773012345678901"]);
        let e = extract_entities("tracking number: UK123456789YP2");
        assert_eq!(e.tracking_numbers, vec!["UK123456789YP2"]);
    }

    #[test]
    fn a_sixteen_digit_run_after_a_tracking_word_is_tracking_not_order() {
        let e = extract_entities("tracking 8123456789012345");
        assert_eq!(e.tracking_numbers, vec!["8123456789012345"]);
        assert!(e.order_numbers.is_empty());
    }

    #[test]
    fn tracking_numbers_inside_urls_are_found_but_not_phones() {
        let e = extract_entities(
            "see https://t.17track.net/en#nums=LX123456785CN or https://x.invalid/p/5551234567",
        );
        assert_eq!(e.tracking_numbers, vec!["LX123456785CN"]);
        assert!(e.phones.is_empty());
        assert!(e.order_numbers.is_empty());
    }

    #[test]
    fn amounts_in_every_listed_form() {
        let cases: &[(&str, &str, &str)] = &[
            ("it cost $59.90!", "59.90", "USD"),
            ("paid US$ 12 for it", "12", "USD"),
            ("€12,50 charged", "12.50", "EUR"),
            ("zahlte 12,50 € extra", "12.50", "EUR"),
            ("EUR 30 fee", "30", "EUR"),
            ("付了¥199", "199", "CNY"),
            ("退我199元", "199", "CNY"),
            ("only £5", "5", "GBP"),
            ("paguei R$ 89,90", "89.90", "BRL"),
            ("₽500 за доставку", "500", "RUB"),
            ("zapłaciłem 1.299,00 zł", "1299.00", "PLN"),
            ("refund 30 USD now", "30", "USD"),
            ("$1,299.00 laptop", "1299.00", "USD"),
            ("1 299,00 zł", "1299.00", "PLN"),
            ("₩35000", "35000", "KRW"),
            ("3000円です", "3000", "JPY"),
            ("150 TL ödedim", "150", "TRY"),
            ("₺150", "150", "TRY"),
            ("$30 CAD shipping", "30", "CAD"),
            ("20 euros de plus", "20", "EUR"),
            ("100美元", "100", "USD"),
            ("CA$45", "45", "CAD"),
            ("a £3k watch", "3000", "GBP"),
            ("$1.5K budget", "1500", "USD"),
            ("500 руб", "500", "RUB"),
        ];
        for (text, value, currency) in cases {
            let e = extract_entities(text);
            assert_eq!(e.amounts, vec![amount(value, currency)], "{text}");
        }
    }

    #[test]
    fn yen_sign_is_jpy_only_in_a_japanese_context() {
        let e = extract_entities("¥1,500の商品");
        assert_eq!(e.amounts, vec![amount("1500", "JPY")]);
        let e = extract_entities("paid ¥1500");
        assert_eq!(e.amounts, vec![amount("1500", "CNY")]);
    }

    #[test]
    fn bare_numbers_and_lowercase_words_are_not_amounts() {
        for text in [
            "I ordered 3 items 12 days ago",
            "try 30 times",
            "size 42, 2 pairs",
            "version 2.5",
            "A30 €",
        ] {
            let e = extract_entities(text);
            assert!(e.amounts.is_empty(), "{text}: {:?}", e.amounts);
        }
    }

    #[test]
    fn emails_are_lowercased_and_handles_are_not_emails() {
        let e = extract_entities("@AcmeHelp write to Jane.Doe+shop@Example.CO.uk or x@y.");
        assert_eq!(e.emails, vec!["jane.doe+shop@example.co.uk"]);
        let e = extract_entities("contact: ops@acme.invalid.");
        assert_eq!(e.emails, vec!["ops@acme.invalid"]);
    }

    #[test]
    fn phones_in_common_notations() {
        let cases: &[(&str, &str)] = &[
            ("call me at +1 (555) 123-4567", "+15551234567"),
            ("mi número 612 345 678 gracias", "612345678"),
            ("Tel. 030/1234567", "0301234567"),
            ("手机 13812345678", "13812345678"),
            ("+49 151 23456789", "+4915123456789"),
            ("(555) 123-4567", "5551234567"),
            ("phone 55512345", "55512345"),
            ("+33 6.12.34.56.78", "+33612345678"),
        ];
        for (text, phone) in cases {
            let e = extract_entities(text);
            assert_eq!(e.phones, vec![phone.to_string()], "{text}");
        }
    }

    #[test]
    fn dates_quantities_and_found_numbers_are_not_phones() {
        for text in [
            "PayPal case ID is PP-006-234-348-863",
            "I'm trying to find DPCI 030-02-8711",
            "ordered on 2026-11-20, due 20/11/2026 or 20.11.2026",
            "between 2019-2020",
            "12345678 units",
            "1.234.567 views",
            "order 112-3456789-0123456",
            "1 2 3 4 5 6 7 8 9",
            "LX123456785CN",
        ] {
            let e = extract_entities(text);
            assert!(e.phones.is_empty(), "{text}: {:?}", e.phones);
        }
    }

    #[test]
    fn one_digit_run_is_reported_once() {
        let e = extract_entities("order 8123456789012345 order 8123456789012345");
        assert_eq!(e.order_numbers, vec!["8123456789012345"]);
        assert!(e.phones.is_empty());
        assert!(e.tracking_numbers.is_empty());
    }

    #[test]
    fn a_realistic_message_yields_every_kind() {
        let e = extract_entities(
            "Hi, order 112-3456789-0123456 (tracking LX123456785CN) cost $59.90 and never came. \
             Reach me at jane@example.com or +44 7700 900123.",
        );
        assert_eq!(e.order_numbers, vec!["112-3456789-0123456"]);
        assert_eq!(e.tracking_numbers, vec!["LX123456785CN"]);
        assert_eq!(e.amounts, vec![amount("59.90", "USD")]);
        assert_eq!(e.emails, vec!["jane@example.com"]);
        assert_eq!(e.phones, vec!["+447700900123"]);
        assert!(e.has_pii());
    }

    #[test]
    fn plain_text_has_no_entities() {
        let e = extract_entities("where is my package?? it has been 3 weeks");
        assert_eq!(e, Entities::default());
        assert!(!e.has_pii());
    }

    #[test]
    fn tricky_inputs_never_panic() {
        let mut inputs: Vec<String> = vec![
            String::new(),
            "#".into(),
            "@".into(),
            "$".into(),
            "€".into(),
            "1Z".into(),
            "+".into(),
            "(".into(),
            "@@@..@@".into(),
            "a@b".into(),
            "$.,'".into(),
            "12,".into(),
            "¥".into(),
            "R$".into(),
            "💸💸 $💸 €💸 5€💸 ¥😀".into(),
            "订单号：１２３４５６ 金额￥".into(),
            "mixed Кириллица 中文 한국어 عربى 1Z999AA1".into(),
            "\u{200b}+\u{200b}1\u{a0}555\u{202f}1234567".into(),
            "9".repeat(5000),
            "#".repeat(1000),
            "1-".repeat(1000),
            "$1.".repeat(1000),
            "a@".repeat(1000),
        ];
        let big =
            "Paid €12,50 for LX123456785CN, mail a@b.co, tel +1 555 123 4567 🙂 ".repeat(16_000);
        inputs.push(big);
        // Strings cut at every char boundary of a multi-byte-heavy text.
        let mixed = "¥199元 €12,50 ₽500 zł 円 원 📦 #1234 LX123456785CN";
        for (i, _) in mixed.char_indices() {
            inputs.push(mixed[..i].to_string());
            inputs.push(mixed[i..].to_string());
        }
        for input in &inputs {
            let _ = extract_entities(input);
        }
        let e = extract_entities(inputs.iter().find(|s| s.len() > 1_000_000).unwrap());
        assert_eq!(e.tracking_numbers, vec!["LX123456785CN"]);
        assert_eq!(e.emails, vec!["a@b.co"]);
    }
}
