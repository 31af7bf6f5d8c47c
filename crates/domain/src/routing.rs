//! Routing: who should work a ticket (DESIGN.md). Language skill first, then store scope,
//! then category team; among those, the least-loaded agent on shift under their cap of open
//! tickets; a crisis goes to the on-call lead; a buyer's later messages stay with the
//! ticket's current assignee. When no one qualifies, the ticket waits in the shared pool,
//! and the decision says why. Pure: the caller gives the agents and their loads.

use crate::model::{Category, Urgency};

/// What routing needs to know about an agent.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The agent's id.
    pub id: i64,
    /// Languages the agent answers in (ISO 639-1).
    pub languages: Vec<String>,
    /// Store ids the agent may see (through stores or store groups, already expanded).
    pub stores: Vec<i64>,
    /// Sees every store, and tickets with no store (admins, all-store accounts).
    pub all_stores: bool,
    /// Categories the agent's team handles; empty means every category.
    pub categories: Vec<Category>,
    /// Open tickets assigned now.
    pub open: u32,
    /// Most open tickets the agent takes by auto-assignment.
    pub cap: u32,
    /// Working now (inside their shift).
    pub on_shift: bool,
    /// The lead on call for crises.
    pub on_call_lead: bool,
}

impl Candidate {
    /// Whether the agent may see a ticket of `store`; a ticket with no store only
    /// all-store accounts see.
    pub fn sees(&self, store: Option<i64>) -> bool {
        match store {
            Some(s) => self.all_stores || self.stores.contains(&s),
            None => self.all_stores,
        }
    }
}

/// The ticket being routed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticket<'a> {
    /// Its store, when known.
    pub store: Option<i64>,
    /// The buyer's language.
    pub language: &'a str,
    /// Its category.
    pub category: Category,
    /// Its urgency.
    pub urgency: Urgency,
    /// Who has it now, if anyone.
    pub assignee: Option<i64>,
}

/// Where a ticket goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// To this agent.
    Assign {
        /// The agent.
        agent: i64,
        /// Why (for the audit trail).
        reason: &'static str,
    },
    /// Into the shared pool, for an agent to claim.
    Pool {
        /// Why no one was chosen.
        reason: &'static str,
    },
}

/// Decides who gets a ticket.
pub fn route(ticket: &Ticket<'_>, agents: &[Candidate]) -> Route {
    let in_scope = |a: &&Candidate| a.sees(ticket.store);
    // A buyer's later messages stay with the current assignee while they may see the store.
    if let Some(current) = ticket.assignee
        && agents.iter().filter(in_scope).any(|a| a.id == current)
    {
        return Route::Assign {
            agent: current,
            reason: "the ticket's current assignee",
        };
    }
    if ticket.urgency == Urgency::Crisis {
        return match agents
            .iter()
            .filter(in_scope)
            .filter(|a| a.on_call_lead && a.on_shift)
            .min_by_key(|a| (a.open, a.id))
        {
            Some(lead) => Route::Assign {
                agent: lead.id,
                reason: "a crisis goes to the on-call lead",
            },
            None => Route::Pool {
                reason: "a crisis, and no on-call lead is on shift for this store",
            },
        };
    }
    let speaks = |a: &&Candidate| a.languages.iter().any(|l| l == ticket.language);
    let handles =
        |a: &&Candidate| a.categories.is_empty() || a.categories.contains(&ticket.category);
    let free = |a: &&Candidate| a.on_shift && a.open < a.cap;
    let least_loaded = |it: &mut dyn Iterator<Item = &Candidate>| {
        it.min_by_key(|a| {
            (
                u64::from(a.open) * 1000 / u64::from(a.cap.max(1)),
                a.open,
                a.id,
            )
        })
        .map(|a| a.id)
    };
    let mut skilled = agents
        .iter()
        .filter(in_scope)
        .filter(speaks)
        .filter(handles)
        .filter(free);
    if let Some(agent) = least_loaded(&mut skilled) {
        return Route::Assign {
            agent,
            reason: "least loaded agent with the language, the store and the category",
        };
    }
    let mut speakers = agents.iter().filter(in_scope).filter(speaks).filter(free);
    if let Some(agent) = least_loaded(&mut speakers) {
        return Route::Assign {
            agent,
            reason: "least loaded agent with the language and the store (no category team free)",
        };
    }
    if agents
        .iter()
        .filter(in_scope)
        .any(|a| speaks(&a) && a.on_shift)
    {
        Route::Pool {
            reason: "every agent with the language is at their cap",
        }
    } else {
        Route::Pool {
            reason: "no agent on shift speaks the language",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(id: i64, languages: &[&str], stores: &[i64], open: u32) -> Candidate {
        Candidate {
            id,
            languages: languages.iter().map(|l| l.to_string()).collect(),
            stores: stores.to_vec(),
            all_stores: false,
            categories: Vec::new(),
            open,
            cap: 10,
            on_shift: true,
            on_call_lead: false,
        }
    }

    fn ticket(language: &str) -> Ticket<'_> {
        Ticket {
            store: Some(1),
            language,
            category: Category::LogisticsDelay,
            urgency: Urgency::Complaint,
            assignee: None,
        }
    }

    fn assigned(r: Route) -> Option<i64> {
        match r {
            Route::Assign { agent, .. } => Some(agent),
            Route::Pool { .. } => None,
        }
    }

    #[test]
    fn a_storeless_ticket_goes_only_to_an_all_store_account() {
        let scoped = agent(1, &["en"], &[1], 0);
        let mut everywhere = agent(2, &["en"], &[], 5);
        everywhere.all_stores = true;
        let t = Ticket {
            store: None,
            ..ticket("en")
        };
        assert_eq!(
            route(&t, std::slice::from_ref(&scoped)),
            Route::Pool {
                reason: "no agent on shift speaks the language"
            }
        );
        assert!(matches!(
            route(&t, &[scoped, everywhere]),
            Route::Assign { agent: 2, .. }
        ));
    }

    #[test]
    fn language_then_store_then_least_loaded() {
        let agents = [
            agent(1, &["en"], &[1], 0),
            agent(2, &["de", "en"], &[1], 5),
            agent(3, &["de"], &[1], 2),
            agent(4, &["de"], &[2], 0), // another store
        ];
        assert_eq!(assigned(route(&ticket("de"), &agents)), Some(3));
        assert_eq!(assigned(route(&ticket("en"), &agents)), Some(1));
    }

    #[test]
    fn a_category_team_comes_first_when_it_has_room() {
        let mut customs = agent(5, &["de"], &[1], 8);
        customs.categories = vec![Category::LogisticsCustoms];
        let mut t = ticket("de");
        t.category = Category::LogisticsCustoms;
        let mut general = agent(6, &["de"], &[1], 0);
        general.categories = vec![Category::BillingRefund];
        assert_eq!(
            assigned(route(&t, &[customs.clone(), general.clone()])),
            Some(5)
        );
        customs.open = 10; // at the cap: a speaker of the language takes it
        assert_eq!(assigned(route(&t, &[customs, general])), Some(6));
    }

    #[test]
    fn caps_and_shifts_send_tickets_to_the_pool_with_a_reason() {
        let mut busy = agent(1, &["ja"], &[1], 10);
        assert_eq!(
            route(&ticket("ja"), std::slice::from_ref(&busy)),
            Route::Pool {
                reason: "every agent with the language is at their cap"
            }
        );
        busy.on_shift = false;
        busy.open = 0;
        assert_eq!(
            route(&ticket("ja"), &[busy, agent(2, &["en"], &[1], 0)]),
            Route::Pool {
                reason: "no agent on shift speaks the language"
            }
        );
    }

    #[test]
    fn a_crisis_goes_to_the_on_call_lead_of_the_store() {
        let mut lead = agent(9, &["en"], &[1], 7);
        lead.on_call_lead = true;
        let mut other_lead = agent(8, &["en"], &[2], 0);
        other_lead.on_call_lead = true;
        let mut t = ticket("zh");
        t.urgency = Urgency::Crisis;
        let agents = [agent(1, &["zh"], &[1], 0), lead, other_lead];
        assert_eq!(assigned(route(&t, &agents)), Some(9));
    }

    #[test]
    fn later_messages_stay_with_the_assignee_in_scope() {
        let agents = [agent(1, &["en"], &[1], 9), agent(2, &["en"], &[1], 0)];
        let mut t = ticket("en");
        t.assignee = Some(1);
        assert_eq!(assigned(route(&t, &agents)), Some(1));
        // An assignee who lost the store's scope does not keep it.
        t.store = Some(3);
        assert_eq!(assigned(route(&t, &agents)), None);
    }
}
