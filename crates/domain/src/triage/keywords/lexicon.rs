//! The phrase tables of the keyword triage: which words and phrases are evidence for a
//! category, a sentiment, a crisis signal or a question, in the fourteen languages.
//!
//! Pattern syntax: Latin and Cyrillic patterns are whole words separated by spaces, matched
//! on word boundaries of the lowercased text; a word ending in `*` matches any word it
//! starts (its stem must be at least four bytes). Patterns in Han, kana, Hangul or Arabic
//! (and emoji) match as substrings. Apostrophes inside words are ignored (`didn't` = `didnt`).

mod en;
mod europe;
mod scripts;

use super::Tag;
use crate::model::Category;

/// A tag and the patterns that carry it.
pub(super) type Group = (Tag, &'static [&'static str]);

// Short names for the categories, so the tables stay readable.
/// `logistics.delay`
pub(super) const DELAY: Category = Category::LogisticsDelay;
/// `logistics.customs`
pub(super) const CUSTOMS: Category = Category::LogisticsCustoms;
/// `logistics.lost`
pub(super) const LOST: Category = Category::LogisticsLost;
/// `logistics.damaged`
pub(super) const DAMAGED: Category = Category::LogisticsDamaged;
/// `logistics.last_mile`
pub(super) const LAST_MILE: Category = Category::LogisticsLastMile;
/// `product.defective`
pub(super) const DEFECTIVE: Category = Category::ProductDefective;
/// `product.not_as_described`
pub(super) const NAD: Category = Category::ProductNotAsDescribed;
/// `product.counterfeit_claim`
pub(super) const FAKE: Category = Category::ProductCounterfeitClaim;
/// `billing.refund`
pub(super) const REFUND: Category = Category::BillingRefund;
/// `billing.duties`
pub(super) const DUTIES: Category = Category::BillingDuties;
/// `billing.payment`
pub(super) const PAYMENT: Category = Category::BillingPayment;
/// `order.change_cancel`
pub(super) const CHANGE: Category = Category::OrderChangeCancel;
/// `service.complaint`
pub(super) const SERVICE: Category = Category::ServiceComplaint;
/// `abuse`
pub(super) const ABUSE: Category = Category::Abuse;
/// `inquiry`
pub(super) const INQUIRY: Category = Category::Inquiry;
/// `praise`
pub(super) const PRAISE: Category = Category::Praise;
/// `other`
pub(super) const OTHER: Category = Category::Other;

/// Every table, English first.
pub(super) const TABLES: &[&[Group]] = &[en::GROUPS, europe::GROUPS, scripts::GROUPS];
