//! Threading decisions: which ticket an inbound message joins, and how the ticket changes
//! when it does. Storage looks the facts up; these functions decide.

use crate::lifecycle;
use crate::model::{Category, TicketStatus, Urgency};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};

/// An order a message was tied to by evidence (`order_ref`, an order number or a tracking
/// number in the text), as opposed to a guess from the customer's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderLink {
    /// The order.
    pub order_id: i64,
    /// Its store.
    pub store_id: i64,
}

/// What threading needs to know of one of the customer's tickets that is not closed.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenTicket {
    /// Ticket id.
    pub id: i64,
    /// Its store, if any.
    pub store_id: Option<i64>,
    /// Its order, if linked.
    pub order_id: Option<i64>,
    /// Last customer or agent activity.
    pub last_message_at: DateTime<Utc>,
}

/// Where a message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Add it to an existing ticket; link `link_order` to the ticket if it has none.
    Join {
        /// The ticket.
        ticket_id: i64,
        /// An order to link to a ticket that has none yet.
        link_order: Option<i64>,
    },
    /// Open a new ticket about `order_id`.
    New {
        /// The order the new ticket is about (evidence first, else the customer's latest
        /// order in that store).
        order_id: Option<i64>,
    },
}

/// The facts about one inbound message that decide its placement.
#[derive(Debug, Clone, Copy)]
pub struct PlacementFacts<'a> {
    /// The store the message was addressed to (none for storeless social posts).
    pub store_id: Option<i64>,
    /// The order the message names, if any.
    pub evidence: Option<OrderLink>,
    /// The ticket of the message this one replies to, with its status.
    pub parent: Option<(i64, TicketStatus)>,
    /// The customer's tickets that are not closed.
    pub open_tickets: &'a [OpenTicket],
    /// The customer's latest order in the message's store, used when nothing else links one.
    pub latest_order: Option<i64>,
}

/// Decides the ticket for a message:
///
/// 1. a reply joins its parent's ticket unless that ticket is closed;
/// 2. a message naming an order joins the customer's open ticket about that order, else an
///    open ticket in the same store that has no order yet (and links the order to it);
/// 3. a message naming no order joins the customer's most recently active open ticket in
///    the same store (any store for storeless social posts);
/// 4. otherwise a new ticket, about the named order or the customer's latest order there.
pub fn place(f: &PlacementFacts<'_>) -> Placement {
    if let Some((ticket_id, status)) = f.parent
        && status != TicketStatus::Closed
    {
        let link_order = f.evidence.map(|o| o.order_id);
        return Placement::Join {
            ticket_id,
            link_order,
        };
    }
    let newest = |pred: &dyn Fn(&OpenTicket) -> bool| {
        f.open_tickets
            .iter()
            .filter(|t| pred(t))
            .max_by_key(|t| (t.last_message_at, t.id))
            .map(|t| t.id)
    };
    match f.evidence {
        Some(order) => {
            if let Some(ticket_id) = newest(&|t| t.order_id == Some(order.order_id)) {
                return Placement::Join {
                    ticket_id,
                    link_order: None,
                };
            }
            if let Some(ticket_id) =
                newest(&|t| t.order_id.is_none() && t.store_id.is_none_or(|s| s == order.store_id))
            {
                return Placement::Join {
                    ticket_id,
                    link_order: Some(order.order_id),
                };
            }
            Placement::New {
                order_id: Some(order.order_id),
            }
        }
        None => {
            let same_store = |t: &OpenTicket| f.store_id.is_none() || t.store_id == f.store_id;
            match newest(&same_store) {
                Some(ticket_id) => Placement::Join {
                    ticket_id,
                    link_order: None,
                },
                None => Placement::New {
                    order_id: f.latest_order,
                },
            }
        }
    }
}

/// The parts of a ticket that a customer message can change.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketState {
    /// Lifecycle status.
    pub status: TicketStatus,
    /// Category of the strongest message.
    pub category: Category,
    /// Highest urgency seen.
    pub urgency: Urgency,
    /// Linked order.
    pub order_id: Option<i64>,
}

/// What happened to a ticket, for its audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The ticket was opened.
    Created,
    /// A message was added.
    MessageAdded,
    /// The status changed.
    StatusChanged,
    /// The category changed.
    CategoryChanged,
    /// The urgency changed.
    UrgencyChanged,
    /// An order was linked.
    OrderLinked,
    /// The ticket's customer was merged into another.
    CustomerMerged,
}

impl EventKind {
    /// Storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Created => "created",
            EventKind::MessageAdded => "message_added",
            EventKind::StatusChanged => "status_changed",
            EventKind::CategoryChanged => "category_changed",
            EventKind::UrgencyChanged => "urgency_changed",
            EventKind::OrderLinked => "order_linked",
            EventKind::CustomerMerged => "customer_merged",
        }
    }
}

/// One audit-trail entry to write, with its before/after values.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    /// What happened.
    pub kind: EventKind,
    /// Details: `before`, `after`, ids involved.
    pub data: Value,
}

impl EventDraft {
    fn change(kind: EventKind, before: impl Serialize, after: impl Serialize) -> Self {
        Self {
            kind,
            data: json!({ "before": before, "after": after }),
        }
    }
}

/// Applies a customer message's triage to a ticket it joins: the category follows the
/// strongest message, urgency only rises, a waiting or resolved ticket reopens, and an order
/// is linked to a ticket without one. Returns the new state and one event per change.
pub fn absorb(
    state: &TicketState,
    category: Category,
    urgency: Urgency,
    link_order: Option<i64>,
) -> (TicketState, Vec<EventDraft>) {
    let mut next = state.clone();
    let mut events = Vec::new();
    if category.strength() > state.category.strength() {
        next.category = category;
        events.push(EventDraft::change(
            EventKind::CategoryChanged,
            state.category,
            category,
        ));
    }
    if urgency > state.urgency {
        next.urgency = urgency;
        events.push(EventDraft::change(
            EventKind::UrgencyChanged,
            state.urgency,
            urgency,
        ));
    }
    let status = lifecycle::on_customer_message(state.status);
    if status != state.status {
        next.status = status;
        events.push(EventDraft::change(
            EventKind::StatusChanged,
            state.status,
            status,
        ));
    }
    if let Some(order) = link_order
        && state.order_id.is_none()
    {
        next.order_id = Some(order);
        events.push(EventDraft::change(
            EventKind::OrderLinked,
            Value::Null,
            order,
        ));
    }
    (next, events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn ticket(id: i64, store: Option<i64>, order: Option<i64>, h: u32) -> OpenTicket {
        OpenTicket {
            id,
            store_id: store,
            order_id: order,
            last_message_at: at(h),
        }
    }

    fn facts<'a>(open: &'a [OpenTicket]) -> PlacementFacts<'a> {
        PlacementFacts {
            store_id: Some(1),
            evidence: None,
            parent: None,
            open_tickets: open,
            latest_order: None,
        }
    }

    #[test]
    fn a_reply_joins_its_parents_ticket_unless_closed() {
        let mut f = facts(&[]);
        f.parent = Some((7, TicketStatus::Resolved));
        assert_eq!(
            place(&f),
            Placement::Join {
                ticket_id: 7,
                link_order: None
            }
        );
        f.parent = Some((7, TicketStatus::Closed));
        assert_eq!(place(&f), Placement::New { order_id: None });
    }

    #[test]
    fn a_named_order_joins_the_ticket_about_it() {
        let open = [
            ticket(1, Some(1), Some(10), 5),
            ticket(2, Some(1), Some(20), 9),
        ];
        let mut f = facts(&open);
        f.evidence = Some(OrderLink {
            order_id: 10,
            store_id: 1,
        });
        assert_eq!(
            place(&f),
            Placement::Join {
                ticket_id: 1,
                link_order: None
            }
        );
        f.evidence = Some(OrderLink {
            order_id: 30,
            store_id: 1,
        });
        assert_eq!(place(&f), Placement::New { order_id: Some(30) });
    }

    #[test]
    fn a_named_order_is_linked_to_an_orderless_ticket() {
        let open = [ticket(3, None, None, 5)];
        let mut f = facts(&open);
        f.evidence = Some(OrderLink {
            order_id: 10,
            store_id: 1,
        });
        assert_eq!(
            place(&f),
            Placement::Join {
                ticket_id: 3,
                link_order: Some(10)
            }
        );
    }

    #[test]
    fn without_an_order_the_newest_open_ticket_in_the_store_wins() {
        let open = [
            ticket(1, Some(1), Some(10), 5),
            ticket(2, Some(1), None, 9),
            ticket(3, Some(2), None, 11),
        ];
        assert_eq!(
            place(&facts(&open)),
            Placement::Join {
                ticket_id: 2,
                link_order: None
            }
        );
        let mut f = facts(&[]);
        f.latest_order = Some(44);
        assert_eq!(place(&f), Placement::New { order_id: Some(44) });
    }

    #[test]
    fn absorbing_raises_category_and_urgency_and_reopens() {
        let state = TicketState {
            status: TicketStatus::WaitingCustomer,
            category: Category::Inquiry,
            urgency: Urgency::Inquiry,
            order_id: None,
        };
        let (next, events) = absorb(&state, Category::LogisticsLost, Urgency::Crisis, Some(5));
        assert_eq!(next.status, TicketStatus::Open);
        assert_eq!(next.category, Category::LogisticsLost);
        assert_eq!(next.urgency, Urgency::Crisis);
        assert_eq!(next.order_id, Some(5));
        assert_eq!(events.len(), 4);
        let (same, none) = absorb(&next, Category::Praise, Urgency::Inquiry, Some(6));
        assert_eq!(same, next);
        assert!(none.is_empty());
    }
}
