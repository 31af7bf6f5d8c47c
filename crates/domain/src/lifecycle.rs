//! The ticket lifecycle: `new → open → waiting_customer ⇄ open → solution_proposed →
//! resolved → closed`, with one `transition` that refuses illegal moves.

use crate::model::TicketStatus;

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a ticket cannot go from {from} to {to}")]
pub struct IllegalTransition {
    /// Current status.
    pub from: TicketStatus,
    /// Requested status.
    pub to: TicketStatus,
}

/// Checks a status change. Staying in the same status is not a transition.
pub fn transition(from: TicketStatus, to: TicketStatus) -> Result<TicketStatus, IllegalTransition> {
    use TicketStatus::*;
    let legal = match from {
        New => matches!(to, Open | WaitingCustomer | SolutionProposed | Resolved),
        Open => matches!(to, WaitingCustomer | SolutionProposed | Resolved),
        WaitingCustomer => matches!(to, Open | SolutionProposed | Resolved),
        SolutionProposed => matches!(to, Open | WaitingCustomer | Resolved),
        Resolved => matches!(to, Open | Closed),
        Closed => false,
    };
    if legal {
        Ok(to)
    } else {
        Err(IllegalTransition { from, to })
    }
}

/// The status a ticket takes when the customer writes again: a reply ends waiting and
/// reopens a resolved ticket; other statuses stay.
pub fn on_customer_message(status: TicketStatus) -> TicketStatus {
    match status {
        TicketStatus::WaitingCustomer | TicketStatus::Resolved | TicketStatus::SolutionProposed => {
            TicketStatus::Open
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TicketStatus::*;

    #[test]
    fn the_designed_path_is_legal() {
        for (from, to) in [
            (New, Open),
            (Open, WaitingCustomer),
            (WaitingCustomer, Open),
            (Open, SolutionProposed),
            (SolutionProposed, Resolved),
            (Resolved, Closed),
            (Resolved, Open),
        ] {
            assert_eq!(transition(from, to), Ok(to));
        }
    }

    #[test]
    fn closed_is_final_and_skips_are_refused() {
        assert!(transition(Closed, Open).is_err());
        assert!(transition(New, Closed).is_err());
        assert!(transition(Open, New).is_err());
    }

    #[test]
    fn a_customer_reply_reopens() {
        assert_eq!(on_customer_message(WaitingCustomer), Open);
        assert_eq!(on_customer_message(Resolved), Open);
        assert_eq!(on_customer_message(New), New);
    }
}
