//! Carrier tracking-number formats: UPS, UPU S10 (with its check digit), USPS, Cainiao,
//! YunExpress, 4PX, DHL, Amazon Logistics, SF Express, DHL eCommerce.

/// Longest compacted candidate considered (UPS is 18, USPS up to 34).
const MAX_COMPACT: usize = 36;

/// S10 check-digit weights for the eight serial digits.
const S10_WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];

/// Whether nine ASCII digits carry a valid UPU S10 check digit (the ninth).
pub(super) fn s10_check_ok(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = d
        .iter()
        .zip(S10_WEIGHTS)
        .map(|(&c, w)| u32::from(c - b'0') * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    u32::from(d[8] - b'0') == check
}

fn all_digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

fn digit_count(b: &[u8]) -> usize {
    b.iter().filter(|c| c.is_ascii_digit()).count()
}

/// UPS `1Z` + six shipper characters + ten digits (service code and package id).
fn is_ups(c: &[u8]) -> bool {
    c.len() == 18
        && c.starts_with(b"1Z")
        && c[2..8].iter().all(u8::is_ascii_alphanumeric)
        && all_digits(&c[8..])
}

/// UPU S10: two letters, eight digits, a check digit, a two-letter country.
fn is_s10(c: &[u8]) -> bool {
    c.len() == 13
        && c[..2].iter().all(u8::is_ascii_uppercase)
        && c[11..].iter().all(u8::is_ascii_uppercase)
        && s10_check_ok(&c[2..11])
}

/// Carrier prefixes followed by digits (or alphanumerics), on an unspaced token.
fn is_prefixed(c: &[u8]) -> bool {
    let digits_after = |p: &[u8], lens: std::ops::RangeInclusive<usize>| {
        c.starts_with(p) && lens.contains(&(c.len() - p.len())) && all_digits(&c[p.len()..])
    };
    let alnum_after = |p: &[u8], lens: std::ops::RangeInclusive<usize>| {
        c.starts_with(p)
            && lens.contains(&(c.len() - p.len()))
            && digit_count(&c[p.len()..]) >= 8
            && c[p.len()..].iter().all(u8::is_ascii_alphanumeric)
    };
    digits_after(b"LP", 14..=14)
        || digits_after(b"YT", 16..=16)
        || digits_after(b"JJD", 10..=22)
        || digits_after(b"JVGL", 8..=20)
        || digits_after(b"TBA", 12..=12)
        || digits_after(b"SF", 12..=13)
        || digits_after(b"GM", 16..=22)
        || alnum_after(b"4PX", 10..=20)
        || alnum_after(b"CN", 10..=20)
}

/// USPS: 20–22 digits starting 92–95 or 420, or the 30/34-digit `420`+ZIP form.
pub(super) fn is_usps_bytes(d: &[u8]) -> bool {
    if !all_digits(d) {
        return false;
    }
    let prefix = matches!(d.get(..2), Some(b"92" | b"93" | b"94" | b"95")) || d.starts_with(b"420");
    prefix && (20..=22).contains(&d.len()) || d.starts_with(b"420") && matches!(d.len(), 30 | 34)
}

/// [`is_usps_bytes`] on a string.
pub(super) fn is_usps(d: &str) -> bool {
    is_usps_bytes(d.as_bytes())
}

/// An unmistakable tracking number starting at the token `b[s..e]`: the token alone, or for
/// UPS and S10 the token and up to five more separated by single spaces
/// (`1Z 999 AA1 01 2345 6784`, `RR 123 456 785 DE`). Returns its end and the number,
/// uppercased and compacted.
pub(super) fn specific_at(b: &[u8], s: usize, e: usize) -> Option<(usize, String)> {
    let first = b.get(s..e)?;
    if first.len() > MAX_COMPACT {
        return None;
    }
    let mut buf = [0u8; MAX_COMPACT];
    let mut len = 0;
    for &c in first {
        buf[len] = c.to_ascii_uppercase();
        len += 1;
    }
    let whole = &buf[..len];
    if is_ups(whole) || is_s10(whole) || is_prefixed(whole) {
        return Some((e, String::from_utf8_lossy(whole).into_owned()));
    }
    // Spaced forms only for UPS and S10, whose shapes are distinctive enough.
    let ups_start = whole.starts_with(b"1Z") && len < 18;
    let s10_start = (2..13).contains(&len)
        && whole[..2].iter().all(u8::is_ascii_uppercase)
        && all_digits(&whole[2..]);
    if !ups_start && !s10_start {
        return None;
    }
    let mut end = e;
    for _ in 0..5 {
        if b.get(end) != Some(&b' ') {
            break;
        }
        let ts = end + 1;
        let mut te = ts;
        while te < b.len() && b[te].is_ascii_alphanumeric() {
            te += 1;
        }
        if te == ts || len + (te - ts) > 18 {
            break;
        }
        for &c in &b[ts..te] {
            buf[len] = c.to_ascii_uppercase();
            len += 1;
        }
        end = te;
        let compact = &buf[..len];
        if (ups_start && is_ups(compact)) || (s10_start && is_s10(compact)) {
            return Some((end, String::from_utf8_lossy(compact).into_owned()));
        }
    }
    None
}

/// Digit groups separated by single spaces (`9400 1000 0000 0000 0000 00`): at least three
/// groups, all but the last of one length between 3 and 5, the last no longer. Returns the
/// end and the digits joined.
pub(super) fn spaced_digits(b: &[u8], s: usize, e: usize) -> Option<(usize, String)> {
    let group = e - s;
    if !(3..=5).contains(&group) {
        return None;
    }
    let mut digits = String::with_capacity(24);
    digits.extend(b.get(s..e)?.iter().map(|&c| c as char));
    let mut end = e;
    let mut groups = 1;
    while b.get(end) == Some(&b' ') && digits.len() <= MAX_COMPACT {
        let ts = end + 1;
        let mut te = ts;
        while te < b.len() && b[te].is_ascii_digit() {
            te += 1;
        }
        let n = te - ts;
        if n == 0 || n > group || b.get(te).is_some_and(u8::is_ascii_alphanumeric) {
            break;
        }
        digits.extend(b[ts..te].iter().map(|&c| c as char));
        end = te;
        groups += 1;
        if n < group {
            break;
        }
    }
    (groups >= 3).then_some((end, digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s10_check_digit_is_computed_with_the_upu_weights() {
        assert!(is_s10(b"LX123456785CN"));
        assert!(is_s10(b"RR473124829GB"));
        assert!(!is_s10(b"RR473124828GB"));
        assert!(!is_s10(b"RR47312482XGB"));
        assert!(!s10_check_ok(b"12345678"));
    }

    #[test]
    fn ups_needs_ten_trailing_digits() {
        assert!(is_ups(b"1Z999AA10123456784"));
        assert!(!is_ups(b"1Z999AA1012345678A"));
        assert!(!is_ups(b"1Z999AA101234567"));
    }

    #[test]
    fn usps_prefixes_and_lengths() {
        assert!(is_usps("9400111899223197428490"));
        assert!(is_usps("92055901755477000000000015"[..22].as_ref()));
        assert!(is_usps("420902109400111899223197428490"));
        assert!(!is_usps("9100111899223197428490"));
        assert!(!is_usps("940011189922319742849"[..19].as_ref()));
    }

    #[test]
    fn spaced_digit_groups_stop_at_a_shorter_group() {
        let t = b"9400 1000 0000 0000 0000 00 next";
        assert_eq!(
            spaced_digits(t, 0, 4),
            Some((27, "9400100000000000000000".to_string()))
        );
        assert_eq!(spaced_digits(b"1234 5678", 0, 4), None);
        assert_eq!(spaced_digits(b"1234 5678 9x", 0, 4), None);
    }
}
