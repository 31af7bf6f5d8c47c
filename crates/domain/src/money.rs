//! Money as integer minor units with an ISO 4217 currency; never floats for amounts.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in a currency's minor units (cents, pence; yen have none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Amount in minor units.
    pub minor: i64,
    /// ISO 4217 code, uppercase.
    pub currency: String,
}

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The currency is not a three-letter code.
    #[error("currency must be a three-letter ISO 4217 code such as USD, got {0:?}")]
    Currency(String),
    /// The amount is not a plain decimal.
    #[error("expected a decimal amount such as \"59.90\", got {0:?}")]
    Amount(String),
    /// More decimals than the currency has.
    #[error("{currency} has {digits} decimal places, got {text:?}")]
    Precision {
        /// The currency.
        currency: String,
        /// Its number of decimals.
        digits: u32,
        /// The text given.
        text: String,
    },
}

/// Number of decimal places of a currency (ISO 4217 exponent).
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "XAF" | "XOF" | "HUF" | "TWD" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// Validates and uppercases a currency code.
pub fn parse_currency(text: &str) -> Result<String, MoneyError> {
    let code = text.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(MoneyError::Currency(text.to_string()))
    }
}

impl Money {
    /// Parses decimal text (`"59.90"`, `"-3"`, `"1299"`) in `currency`.
    pub fn parse(text: &str, currency: &str) -> Result<Self, MoneyError> {
        let currency = parse_currency(currency)?;
        let digits = minor_digits(&currency);
        let t = text.trim();
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let bad = || MoneyError::Amount(text.to_string());
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) || (t.contains('.') && frac.is_empty()) {
            return Err(bad());
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() as u32 > digits {
            return Err(MoneyError::Precision {
                currency,
                digits,
                text: text.to_string(),
            });
        }
        let scale = 10i64.pow(digits);
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let mut frac_value: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| bad())?
        };
        frac_value *= 10i64.pow(digits - frac.len() as u32);
        let minor = whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(frac_value))
            .ok_or_else(bad)?;
        Ok(Self {
            minor: if negative { -minor } else { minor },
            currency,
        })
    }

    /// The amount as decimal text without currency (`"59.90"`).
    pub fn amount_text(&self) -> String {
        let digits = minor_digits(&self.currency);
        if digits == 0 {
            return self.minor.to_string();
        }
        let scale = 10i64.pow(digits);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            abs / scale as u64,
            abs % scale as u64,
            width = digits as usize
        )
    }

    /// An approximate US-dollar value in cents, for thresholds such as "order value ≥ 500
    /// USD equivalent". Rates are coarse defaults; unknown currencies count at par.
    pub fn usd_cents(&self) -> i64 {
        let per_usd = usd_rate(&self.currency);
        let scale = 10f64.powi(minor_digits(&self.currency) as i32);
        ((self.minor as f64 / scale) / per_usd * 100.0).round() as i64
    }
}

/// Units of `currency` per US dollar (coarse defaults for thresholds, not for payments).
fn usd_rate(currency: &str) -> f64 {
    match currency {
        "EUR" => 0.92,
        "GBP" => 0.79,
        "CNY" => 7.2,
        "JPY" => 150.0,
        "KRW" => 1350.0,
        "CAD" => 1.37,
        "AUD" => 1.52,
        "BRL" => 5.4,
        "PLN" => 4.0,
        "TRY" => 34.0,
        "RUB" => 95.0,
        "SAR" => 3.75,
        "AED" => 3.67,
        "MXN" => 18.0,
        "CHF" => 0.88,
        "SEK" => 10.5,
        _ => 1.0,
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_text(), self.currency)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_becomes_minor_units_and_back() {
        let m = Money::parse("59.90", "usd").unwrap();
        assert_eq!(m.minor, 5990);
        assert_eq!(m.currency, "USD");
        assert_eq!(m.amount_text(), "59.90");
        assert_eq!(Money::parse("1299", "JPY").unwrap().minor, 1299);
        assert_eq!(Money::parse("-3.5", "EUR").unwrap().amount_text(), "-3.50");
        assert_eq!(Money::parse("10.500", "EUR").unwrap().minor, 1050);
    }

    #[test]
    fn malformed_amounts_are_refused() {
        assert!(Money::parse("12,50", "EUR").is_err());
        assert!(Money::parse("1.", "EUR").is_err());
        assert!(Money::parse("abc", "EUR").is_err());
        assert!(Money::parse("1.234", "USD").is_err());
        assert!(Money::parse("12.5", "JPY").is_err());
        assert!(Money::parse("1", "dollars").is_err());
        assert!(Money::parse("99999999999999999999", "USD").is_err());
    }

    #[test]
    fn usd_equivalent_uses_the_currency_rate() {
        assert_eq!(Money::parse("500", "USD").unwrap().usd_cents(), 50_000);
        assert!(Money::parse("150000", "JPY").unwrap().usd_cents() == 100_000);
    }
}
