//! Carriers, their real tracking-number formats (with check digits) and warehouses.

use fastrand::Rng;

use crate::util::{alnum_upper, digits, pick};

/// A carrier the group ships with (AfterShip-style slugs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Carrier {
    #[default]
    YunExpress,
    Cainiao,
    ChinaPost,
    Ups,
    Dhl,
    FourPx,
    Usps,
}

impl Carrier {
    /// Parses a store's carrier slug.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "yunexpress" => Carrier::YunExpress,
            "cainiao" => Carrier::Cainiao,
            "china-post" => Carrier::ChinaPost,
            "ups" => Carrier::Ups,
            "dhl" => Carrier::Dhl,
            "4px" => Carrier::FourPx,
            "usps" => Carrier::Usps,
            _ => return None,
        })
    }

    /// The slug used in records.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            Carrier::YunExpress => "yunexpress",
            Carrier::Cainiao => "cainiao",
            Carrier::ChinaPost => "china-post",
            Carrier::Ups => "ups",
            Carrier::Dhl => "dhl",
            Carrier::FourPx => "4px",
            Carrier::Usps => "usps",
        }
    }

    /// How buyers and carriers name it.
    pub(crate) fn display(self) -> &'static str {
        match self {
            Carrier::YunExpress => "YunExpress",
            Carrier::Cainiao => "Cainiao",
            Carrier::ChinaPost => "China Post",
            Carrier::Ups => "UPS",
            Carrier::Dhl => "DHL",
            Carrier::FourPx => "4PX",
            Carrier::Usps => "USPS",
        }
    }

    /// Typical door-to-door days (min, max) from the origin warehouse.
    pub(crate) fn transit_days(self) -> (i64, i64) {
        match self {
            Carrier::Usps => (2, 5),
            Carrier::Dhl => (4, 7),
            Carrier::Ups => (5, 9),
            Carrier::YunExpress => (8, 15),
            Carrier::FourPx => (9, 17),
            Carrier::Cainiao => (11, 22),
            Carrier::ChinaPost => (14, 28),
        }
    }

    /// Delivers inside the destination country itself (no customs, no hand-over).
    pub(crate) fn domestic(self) -> bool {
        matches!(self, Carrier::Usps)
    }

    /// Express carriers deliver to the door themselves; postal/consolidators hand over.
    pub(crate) fn door_to_door(self) -> bool {
        matches!(self, Carrier::Ups | Carrier::Dhl | Carrier::Usps)
    }

    /// A warehouse code and its city (`SZ-01`, "Shenzhen, CN").
    pub(crate) fn warehouse(self, rng: &mut Rng) -> (&'static str, &'static str) {
        match self {
            Carrier::Usps => ("US-ONT-01", "Ontario, US"),
            Carrier::Ups | Carrier::Dhl => pick(
                rng,
                &[("SZ-01", "Shenzhen, CN"), ("HK-01", "Hong Kong, HK")],
            ),
            Carrier::Cainiao => pick(rng, &[("YW-01", "Yiwu, CN"), ("GZ-01", "Guangzhou, CN")]),
            _ => pick(
                rng,
                &[
                    ("SZ-01", "Shenzhen, CN"),
                    ("SZ-02", "Shenzhen, CN"),
                    ("GZ-01", "Guangzhou, CN"),
                    ("YW-01", "Yiwu, CN"),
                ],
            ),
        }
    }

    /// A fresh tracking number in the carrier's real format.
    pub(crate) fn tracking_number(self, rng: &mut Rng) -> String {
        match self {
            Carrier::YunExpress => {
                format!("YT{}{}", pick(rng, &["24", "25", "26"]), digits(rng, 14))
            }
            Carrier::Cainiao => format!("LP00{}", digits(rng, 12)),
            Carrier::ChinaPost => {
                let service = pick(rng, &["LX", "LY", "LZ", "RB", "RR", "UA", "UH", "CP"]);
                s10(service, &digits(rng, 8), "CN")
            }
            Carrier::Ups => {
                let body = format!(
                    "{}{}{}",
                    alnum_upper(rng, 6),
                    pick(rng, &["03", "01", "02", "66"]),
                    digits(rng, 7)
                );
                format!("1Z{body}{}", ups_check(&body))
            }
            Carrier::Dhl => {
                let body = digits(rng, 9);
                let n: u64 = body.parse().unwrap_or(0);
                format!("{body}{}", n % 7)
            }
            Carrier::FourPx => format!("4PX3{}", digits(rng, 12)),
            Carrier::Usps => {
                let body = format!("9400111{}", digits(rng, 14));
                format!("{body}{}", usps_check(&body))
            }
        }
    }
}

/// A UPU S10 item identifier: service letters, 8 digits, mod-11 check digit, country.
pub(crate) fn s10(service: &str, eight: &str, country: &str) -> String {
    format!("{service}{eight}{}{country}", s10_check(eight).unwrap_or(0))
}

/// The S10 check digit of 8 serial digits (weights 8 6 4 2 3 5 9 7, mod 11).
pub(crate) fn s10_check(eight: &str) -> Option<u32> {
    const W: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    if eight.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in eight.chars().zip(W) {
        sum += c.to_digit(10)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        d => d,
    })
}

/// True for a well-formed S10 number whose check digit is right.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn s10_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 13
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[11..].iter().all(u8::is_ascii_uppercase)
    {
        return false;
    }
    let serial = &s[2..10];
    match (s10_check(serial), s[10..11].parse::<u32>()) {
        (Some(c), Ok(d)) => c == d,
        _ => false,
    }
}

/// UPS check digit over the 15 characters after `1Z` (letters map to `(ord - 63) % 10`).
fn ups_check(body: &str) -> u32 {
    let mut sum = 0;
    for (i, c) in body.chars().enumerate() {
        let v = c
            .to_digit(10)
            .unwrap_or_else(|| (c as u32).saturating_sub(63) % 10);
        sum += if i % 2 == 1 { v * 2 } else { v };
    }
    (10 - sum % 10) % 10
}

/// USPS mod-10 check digit (weights 3 and 1 from the right).
fn usps_check(body: &str) -> u32 {
    let mut sum = 0;
    for (i, c) in body.chars().rev().enumerate() {
        let v = c.to_digit(10).unwrap_or(0);
        sum += if i % 2 == 0 { v * 3 } else { v };
    }
    (10 - sum % 10) % 10
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn s10_check_digit_matches_the_upu_example() {
        // UPU S10 worked example: serial 47312482 → check digit 9.
        assert_eq!(s10_check("47312482"), Some(9));
        assert!(s10_valid("RR473124829GB"));
        assert!(!s10_valid("RR473124828GB"));
    }

    #[test]
    fn tracking_numbers_have_their_carriers_shapes() {
        let mut rng = Rng::with_seed(7);
        for _ in 0..200 {
            let yt = Carrier::YunExpress.tracking_number(&mut rng);
            assert!(
                yt.starts_with("YT")
                    && yt.len() == 18
                    && yt[2..].bytes().all(|b| b.is_ascii_digit())
            );
            let lp = Carrier::Cainiao.tracking_number(&mut rng);
            assert!(lp.starts_with("LP") && lp.len() == 16);
            assert!(s10_valid(&Carrier::ChinaPost.tracking_number(&mut rng)));
            let ups = Carrier::Ups.tracking_number(&mut rng);
            assert!(ups.starts_with("1Z") && ups.len() == 18);
            let dhl = Carrier::Dhl.tracking_number(&mut rng);
            assert!(dhl.len() == 10 && dhl.bytes().all(|b| b.is_ascii_digit()));
            assert!(Carrier::FourPx.tracking_number(&mut rng).starts_with("4PX"));
            assert_eq!(Carrier::Usps.tracking_number(&mut rng).len(), 22);
        }
    }
}
