//! The phrase tables of the keyword triage: which words and phrases are evidence for a
//! category, a sentiment, a crisis signal or a question, in the fourteen languages.
//!
//! Pattern syntax: Latin, Cyrillic and Arabic patterns are whole words separated by spaces,
//! matched on word boundaries of the lowercased text; a word ending in `*` matches any word
//! it starts (its stem must be at least four bytes). Patterns in Han, kana or Hangul (and
//! emoji) match as substrings. Apostrophes inside words are ignored (`didn't` = `didnt`).

mod en;
mod europe;
mod scripts;

use super::Tag;
use crate::model::Category;

/// A tag and the patterns that carry it.
pub(super) type Group = (Tag, &'static [&'static str]);

pub(super) const DELAY: Category = Category::LogisticsDelay;
pub(super) const CUSTOMS: Category = Category::LogisticsCustoms;
pub(super) const LOST: Category = Category::LogisticsLost;
pub(super) const DAMAGED: Category = Category::LogisticsDamaged;
pub(super) const LAST_MILE: Category = Category::LogisticsLastMile;
pub(super) const DEFECTIVE: Category = Category::ProductDefective;
pub(super) const NAD: Category = Category::ProductNotAsDescribed;
pub(super) const FAKE: Category = Category::ProductCounterfeitClaim;
pub(super) const REFUND: Category = Category::BillingRefund;
pub(super) const DUTIES: Category = Category::BillingDuties;
pub(super) const PAYMENT: Category = Category::BillingPayment;
pub(super) const CHANGE: Category = Category::OrderChangeCancel;
pub(super) const SERVICE: Category = Category::ServiceComplaint;
pub(super) const ABUSE: Category = Category::Abuse;
pub(super) const INQUIRY: Category = Category::Inquiry;
pub(super) const PRAISE: Category = Category::Praise;
pub(super) const OTHER: Category = Category::Other;

/// Every table, English first.
pub(super) const TABLES: &[&[Group]] = &[en::GROUPS, europe::GROUPS, scripts::GROUPS];
