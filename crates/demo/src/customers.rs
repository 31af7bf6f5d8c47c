//! Buyers: one person with a name, an e-mail, maybe an X handle, and a buyer id per marketplace.

use std::collections::HashSet;

use fastrand::Rng;

use crate::names::{
    CN_DOMAINS, CN_FIRST, CN_LAST, COUNTRIES, HISPANIC_FIRST, HISPANIC_LAST, NameEntry,
    feminine_surname, parse_entry,
};
use crate::phrases::Lang;
use crate::util::{alnum_upper, chance, digits, fold_ascii, pick};

/// A buyer, the same person across every linked store and channel.
#[derive(Clone, Debug)]
pub(crate) struct Customer {
    /// Index into [`COUNTRIES`] (where parcels go).
    pub country: usize,
    /// The language they write in by default.
    pub lang: Lang,
    /// First name as they sign.
    pub first: String,
    /// Full display name.
    pub name: String,
    pub email: String,
    /// X handle with `@`, if they have one.
    pub handle: Option<String>,
    pub followers: u32,
    pub phone: String,
    /// Home city (parcels go there).
    pub city: &'static str,
    pub amazon_id: String,
    pub ebay_id: String,
    pub aliexpress_id: String,
}

/// Makes customers with unique e-mail addresses, handles and buyer ids.
pub(crate) struct CustomerFactory {
    emails: HashSet<String>,
    handles: HashSet<String>,
    made: usize,
}

impl CustomerFactory {
    pub(crate) fn new() -> Self {
        Self {
            emails: HashSet::new(),
            handles: HashSet::new(),
            made: 0,
        }
    }

    /// A new buyer living in `COUNTRIES[country]`.
    pub(crate) fn make(&mut self, rng: &mut Rng, country: usize) -> Customer {
        self.made += 1;
        let c = &COUNTRIES[country.min(COUNTRIES.len() - 1)];
        // Diaspora: Chinese speakers in western countries, Spanish speakers in the US.
        let (first_tbl, last_tbl, lang, domains) = match c.code {
            "US" | "CA" | "GB" | "AU" | "DE" | "FR" | "IT" | "ES" | "NL" if chance(rng, 0.05) => {
                (CN_FIRST, CN_LAST, Lang::Zh, CN_DOMAINS)
            }
            "US" if chance(rng, 0.07) => (HISPANIC_FIRST, HISPANIC_LAST, Lang::Es, c.domains),
            _ => (c.first, c.last, c.lang, c.domains),
        };
        let f = parse_entry(pick(rng, first_tbl));
        let l = parse_entry(pick(rng, last_tbl));
        let (first, name) = display_name(rng, lang, f, l);
        let german = matches!(c.code, "DE" | "AT");
        let fl = fold_ascii(f.latin, german);
        let ll = fold_ascii(l.latin, german);
        let domain = pick(rng, domains);
        let email = self.unique_email(rng, &fl, &ll, domain);
        let handle = if chance(rng, 0.4) {
            Some(self.unique_handle(rng, f.latin, l.latin, &fl, &ll))
        } else {
            None
        };
        let followers = followers(rng);
        let phone = phone(rng, c.phone);
        let city = pick(rng, c.cities);
        let amazon_id = format!("A{}", alnum_upper(rng, 13));
        let ebay_id = ebay_user(rng, &fl, &ll, self.made);
        let aliexpress_id = format!("{}{}", c.code.to_ascii_lowercase(), digits(rng, 10));
        Customer {
            country,
            lang,
            first,
            name,
            email,
            handle,
            followers,
            phone,
            city,
            amazon_id,
            ebay_id,
            aliexpress_id,
        }
    }

    fn unique_email(&mut self, rng: &mut Rng, f: &str, l: &str, domain: &str) -> String {
        let year = rng.u32(1962..2007) % 100;
        let local = match rng.u8(0..7) {
            0 => format!("{f}.{l}"),
            1 => format!("{f}{l}{:02}", year),
            2 => format!("{}.{l}", initial(f)),
            3 => format!("{f}_{l}"),
            4 => format!("{l}.{f}"),
            5 => format!("{f}{}", rng.u32(1..9999)),
            _ => format!("{f}.{l}{}", rng.u32(1..99)),
        };
        let mut email = format!("{local}@{domain}");
        let mut n = 2;
        while !self.emails.insert(email.clone()) {
            email = format!("{local}{n}@{domain}");
            n += 1;
        }
        email
    }

    fn unique_handle(&mut self, rng: &mut Rng, fraw: &str, lraw: &str, f: &str, l: &str) -> String {
        let cap = |s: &str| -> String {
            let folded = fold_ascii(s, false);
            let mut cs = folded.chars();
            match cs.next() {
                Some(c) => c.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        };
        let base = match rng.u8(0..7) {
            0 => format!("{}{}", cap(fraw), cap(lraw)),
            1 => format!("{f}_{l}"),
            2 => format!("{f}{l}{}", rng.u32(1..99)),
            3 => format!(
                "{}_{}",
                f,
                pick(rng, &["xo", "official", "real", "x", "tv", "88", "99"])
            ),
            4 => format!("its{}", cap(fraw)),
            5 => format!("{}{}", initial(f), l),
            _ => format!(
                "{}{}",
                pick(rng, &["the", "mr", "lil", "just", "not"]),
                cap(fraw)
            ),
        };
        let mut h: String = base
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .take(13)
            .collect();
        if h.is_empty() {
            h = format!("user{}", digits(rng, 6));
        }
        let mut handle = format!("@{h}");
        let mut n = 2;
        while !self.handles.insert(handle.to_ascii_lowercase()) {
            handle = format!("@{h}{n}");
            n += 1;
        }
        handle
    }
}

fn initial(s: &str) -> String {
    s.chars().next().map(String::from).unwrap_or_default()
}

/// First name and full display name as the buyer writes them.
fn display_name(rng: &mut Rng, lang: Lang, f: NameEntry, l: NameEntry) -> (String, String) {
    let latin_last = if f.female && lang == Lang::Ru {
        feminine_surname(Lang::Ru, l.latin)
    } else {
        l.latin.to_string()
    };
    match lang {
        // East Asian buyers: family name first in native script, or western order in Latin.
        Lang::Ja if chance(rng, 0.6) => {
            (f.native.to_string(), format!("{} {}", l.native, f.native))
        }
        Lang::Ko | Lang::Zh if chance(rng, 0.6) => {
            (f.native.to_string(), format!("{}{}", l.native, f.native))
        }
        Lang::Ja | Lang::Ko | Lang::Zh => (f.latin.to_string(), format!("{} {}", f.latin, l.latin)),
        Lang::Ru if chance(rng, 0.65) => {
            let last = if f.female {
                feminine_surname(Lang::Ru, l.native)
            } else {
                l.native.to_string()
            };
            (f.native.to_string(), format!("{} {last}", f.native))
        }
        Lang::Ru => (f.latin.to_string(), format!("{} {latin_last}", f.latin)),
        Lang::Ar if chance(rng, 0.5) => {
            (f.native.to_string(), format!("{} {}", f.native, l.native))
        }
        Lang::Ar => (f.latin.to_string(), format!("{} {}", f.latin, l.latin)),
        Lang::Pl => {
            let last = if f.female {
                feminine_surname(Lang::Pl, l.native)
            } else {
                l.native.to_string()
            };
            (f.native.to_string(), format!("{} {last}", f.native))
        }
        _ => (f.native.to_string(), format!("{} {}", f.native, l.native)),
    }
}

/// Follower counts: most buyers have a few hundred; about 2 % are viral accounts.
fn followers(rng: &mut Rng) -> u32 {
    if chance(rng, 0.02) {
        return rng.u32(20_000..450_000);
    }
    let exp = rng.f64() * 3.6; // 10^0 .. 10^3.6 ≈ 4k
    (10f64.powf(exp)) as u32 + rng.u32(0..20)
}

/// Fills a pattern such as `+49 15# #######` with digits.
pub(crate) fn phone(rng: &mut Rng, pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| {
            if c == '#' {
                char::from(b'0' + rng.u8(0..10))
            } else {
                c
            }
        })
        .collect()
}

fn ebay_user(rng: &mut Rng, f: &str, l: &str, n: usize) -> String {
    let short: String = l.chars().take(8).collect();
    match rng.u8(0..5) {
        0 => format!("{f}_{short}{}", n % 97),
        1 => format!("{short}-{}{}", initial(f), rng.u32(10..99)),
        2 => format!(
            "{}{}_{}",
            pick(rng, &["best", "happy", "top", "bargain", "the"]),
            f,
            n % 1000
        ),
        3 => format!("{f}{short}{}", 1960 + rng.u32(0..45)),
        _ => format!("{}.{short}.{}", initial(f), n % 100),
    }
}
