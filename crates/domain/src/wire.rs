//! Reading untrusted JSON objects field by field, so every rejection names its field.
//!
//! `serde` derive errors say "invalid type at line 1 column 40"; a seller fixing a file needs
//! "author.followers: expected a whole number". This reader gives the latter.

use crate::FieldError;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// A JSON object being read, with the dotted path that leads to it.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
}

impl<'a> Obj<'a> {
    /// Reads `value` as the top-level object of a record.
    pub(crate) fn root(value: &'a Value) -> Result<Self, FieldError> {
        match value {
            Value::Object(map) => Ok(Self {
                map,
                prefix: String::new(),
            }),
            _ => Err(FieldError::new("$", "expected a JSON object")),
        }
    }

    /// The dotted path of `key` inside this object.
    pub(crate) fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// A nested object, if present.
    pub(crate) fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj {
                map,
                prefix: self.path(key),
            })),
            Some(_) => Err(FieldError::new(self.path(key), "expected an object")),
        }
    }

    /// An array, if present (empty when absent).
    pub(crate) fn array(&self, key: &str) -> Result<&'a [Value], FieldError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(FieldError::new(self.path(key), "expected an array")),
        }
    }

    /// Reads element `index` of array `key` as an object.
    pub(crate) fn element(
        &self,
        key: &str,
        index: usize,
        value: &'a Value,
    ) -> Result<Obj<'a>, FieldError> {
        let path = format!("{}[{index}]", self.path(key));
        match value {
            Value::Object(map) => Ok(Obj { map, prefix: path }),
            _ => Err(FieldError::new(path, "expected an object")),
        }
    }

    /// A string, trimmed; blank counts as absent. Numbers are accepted as their decimal text
    /// (ids from some platforms arrive as numbers).
    pub(crate) fn opt_str(
        &self,
        key: &str,
        max_chars: usize,
    ) -> Result<Option<String>, FieldError> {
        let text = match self.get(key) {
            None => return Ok(None),
            Some(Value::String(s)) => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => return Err(FieldError::new(self.path(key), "expected a string")),
        };
        if text.is_empty() {
            return Ok(None);
        }
        if text.contains('\0') {
            // PostgreSQL cannot store NUL in text; refuse it here so both backends agree.
            return Err(FieldError::new(
                self.path(key),
                "contains a NUL character (\\u0000)",
            ));
        }
        if text.chars().count() > max_chars {
            return Err(FieldError::new(
                self.path(key),
                format!("longer than {max_chars} characters"),
            ));
        }
        Ok(Some(text))
    }

    /// A required string.
    pub(crate) fn req_str(&self, key: &str, max_chars: usize) -> Result<String, FieldError> {
        self.opt_str(key, max_chars)?
            .ok_or_else(|| FieldError::new(self.path(key), "is required"))
    }

    /// A non-negative whole number, if present.
    pub(crate) fn opt_u64(&self, key: &str) -> Result<Option<u64>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_u64()
                .map(Some)
                .ok_or_else(|| FieldError::new(self.path(key), "expected a whole number ≥ 0")),
            Some(_) => Err(FieldError::new(
                self.path(key),
                "expected a whole number ≥ 0",
            )),
        }
    }

    /// An RFC 3339 timestamp, if present.
    pub(crate) fn opt_time(&self, key: &str) -> Result<Option<DateTime<Utc>>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => DateTime::parse_from_rfc3339(s.trim())
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|_| {
                    FieldError::new(
                        self.path(key),
                        format!("expected an RFC 3339 time like 2026-11-20T08:15:00Z, got {s:?}"),
                    )
                }),
            Some(_) => Err(FieldError::new(
                self.path(key),
                "expected an RFC 3339 time string like 2026-11-20T08:15:00Z",
            )),
        }
    }

    /// A required RFC 3339 timestamp.
    pub(crate) fn req_time(&self, key: &str) -> Result<DateTime<Utc>, FieldError> {
        self.opt_time(key)?
            .ok_or_else(|| FieldError::new(self.path(key), "is required"))
    }

    /// A decimal amount written as text (`"59.90"`) or a JSON number, as text.
    pub(crate) fn opt_decimal(&self, key: &str) -> Result<Option<String>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(FieldError::new(
                self.path(key),
                "expected a decimal amount such as \"59.90\"",
            )),
        }
    }

    /// A string parsed by `parse`, with `expected` listed on failure.
    pub(crate) fn opt_enum<T>(
        &self,
        key: &str,
        parse: impl Fn(&str) -> Option<T>,
        expected: impl Fn() -> String,
    ) -> Result<Option<T>, FieldError> {
        match self.opt_str(key, 64)? {
            None => Ok(None),
            Some(s) => parse(&s).map(Some).ok_or_else(|| {
                FieldError::new(
                    self.path(key),
                    format!("unknown value {s:?}; expected one of: {}", expected()),
                )
            }),
        }
    }
}
