//! Inbound traffic about a workspace: conversations of real customers about their orders,
//! with the complaint fitting the parcel's state, follow-ups in the same thread, the same
//! buyer trying another channel, crisis-grade messages and the odd journalist.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde_json::{Value, json};

use crate::Workspace;
use crate::catalog::{BRAND, BRAND_HANDLE, Kind};
use crate::channels::{Ch, Envelope, Ids, author, message, photos};
use crate::phrases::{Cat, Crisis, Ctx, Lang, Style, Text, again, compose, follow_up};
use crate::plan::{Plan, plan};
use crate::scene::Scene;
use crate::util::{chance, mix, offset_within, pick, weighted, whole_seconds};

/// A generated message with what the generator meant (the labels are read by tests).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Generated {
    pub value: Value,
    pub cat: Cat,
    pub lang: Lang,
    pub crisis: bool,
}

/// Messages being collected: (sent at, sequence, message).
type Batch = Vec<(DateTime<Utc>, usize, Generated)>;

/// The `n` messages of a workspace's traffic, ordered by `sent_at`.
pub(crate) fn generate(
    ws: &Workspace,
    seed: u64,
    n: usize,
    start: DateTime<Utc>,
    span: Duration,
) -> Vec<Generated> {
    let mut rng = Rng::with_seed(mix(seed, 0x7A_FF1C));
    let mut ids = Ids::new(mix(seed, 0x1D5));
    let start = whole_seconds(start);
    let span = span.max(Duration::minutes(10));
    let end = start + span;
    let mut out: Batch = Vec::with_capacity(n);
    if ws.orders.is_empty() || ws.customers.is_empty() {
        return Vec::new();
    }
    while out.len() < n {
        let t0 = whole_seconds(start + offset_within(&mut rng, span * 9 / 10));
        if chance(&mut rng, 0.002) {
            press(&mut rng, &mut ids, t0, &mut out);
            continue;
        }
        let plan = plan(&mut rng, ws, t0);
        let mut talk = Talk {
            ws,
            plan: &plan,
            ids: &mut ids,
            end,
            n,
        };
        talk.run(&mut rng, t0, &mut out);
    }
    out.sort_by_key(|a| (a.0, a.1));
    out.into_iter().map(|(_, _, g)| g).collect()
}

/// One customer's conversation: a first message, then nudges in the same thread or a new
/// message on another channel.
struct Talk<'a> {
    ws: &'a Workspace,
    plan: &'a Plan,
    ids: &'a mut Ids,
    end: DateTime<Utc>,
    n: usize,
}

impl Talk<'_> {
    fn run(&mut self, rng: &mut Rng, t0: DateTime<Utc>, out: &mut Batch) {
        let plan = self.plan;
        let scene = Scene::new(rng, self.ws, plan);
        let platform = self.ws.stores[plan.store].tpl().platform;
        let loud = matches!(plan.cat, Cat::Abuse | Cat::Service | Cat::Counterfeit)
            || plan.crisis.is_some();
        let options = Ch::options(platform, scene.customer.handle.is_some(), loud);
        let mut ch = choose(rng, &options, None).unwrap_or(Ch::Email);
        let (mut t, mut subject, mut parent) = (t0, None::<String>, None::<String>);
        let follow_ups = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3][rng.usize(..12)];
        for step in 0..=follow_ups {
            if out.len() >= self.n {
                return;
            }
            let switch = step > 0 && chance(rng, 0.25);
            if switch {
                let Some(next) = choose(rng, &options, Some(ch)) else {
                    continue;
                };
                (ch, parent, subject) = (next, None, None);
            }
            let ctx = scene.ctx(rng, plan, t);
            let text = match (step, switch) {
                (0, _) => compose(rng, plan.lang, plan.cat, plan.crisis, ch.style(), &ctx),
                (_, true) => again(rng, plan.lang, plan.cat, ch.style(), &ctx),
                _ => follow_up(
                    rng,
                    plan.lang,
                    plan.cat,
                    ch.style(),
                    &ctx,
                    subject.as_deref(),
                ),
            };
            if subject.is_none() {
                subject.clone_from(&text.subject);
            }
            let id = self.emit(
                rng,
                out,
                &ctx,
                &scene,
                ch,
                text,
                t,
                parent.take(),
                step == 0,
            );
            parent = Some(id);
            t = whole_seconds(t + Duration::minutes(20 + (rng.f64().powi(2) * 60.0 * 48.0) as i64));
            if t >= self.end {
                return;
            }
        }
    }

    /// Adds one message to the batch and returns its external id.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        rng: &mut Rng,
        out: &mut Batch,
        ctx: &Ctx<'_>,
        scene: &Scene<'_>,
        ch: Ch,
        text: Text,
        t: DateTime<Utc>,
        in_reply_to: Option<String>,
        first: bool,
    ) -> String {
        let plan = self.plan;
        let store = &self.ws.stores[plan.store];
        let k = out.len() as u64;
        let id = self.ids.next(ch, k, t);
        let evidence = plan.cat.photo_evidence()
            || matches!(plan.crisis, Some(Crisis::Battery | Crisis::Smoke));
        let attachments = if first && evidence && chance(rng, 0.5) {
            photos(rng, mix(k, t.timestamp() as u64))
        } else {
            Value::Array(Vec::new())
        };
        let store_key = if ch == Ch::Twitter && chance(rng, 0.5) {
            None
        } else {
            Some(store.key.as_str())
        };
        let order_ref = if ch.marketplace() && chance(rng, 0.85) {
            ctx.order
        } else {
            None
        };
        let value = message(Envelope {
            ch,
            id: id.clone(),
            store: store_key,
            author: author(ch, scene.customer, store.tpl().platform),
            text,
            sent_at: t,
            in_reply_to,
            order_ref,
            attachments,
        });
        let g = Generated {
            value,
            cat: plan.cat,
            lang: plan.lang,
            crisis: plan.crisis.is_some(),
        };
        out.push((t, out.len(), g));
        id
    }
}

/// Picks a channel by weight, other than `not`.
fn choose(rng: &mut Rng, options: &[(Ch, u32)], not: Option<Ch>) -> Option<Ch> {
    let opts: Vec<(Ch, u32)> = options
        .iter()
        .copied()
        .filter(|(c, w)| *w > 0 && Some(*c) != not)
        .collect();
    let w: Vec<u32> = opts.iter().map(|x| x.1).collect();
    if opts.is_empty() {
        return None;
    }
    opts.get(weighted(rng, &w)).map(|x| x.0)
}

/// A journalist asking the brand for comment in public.
fn press(rng: &mut Rng, ids: &mut Ids, t: DateTime<Utc>, out: &mut Batch) {
    let (handle, name, lang) = pick(
        rng,
        &[
            ("@jen_reports", "Jennifer Walsh", Lang::En),
            ("@mkeller_tech", "Miriam Keller", Lang::De),
            ("@lucia_periodista", "Lucía Ortega", Lang::Es),
            ("@dan_consumerdesk", "Dan Whitaker", Lang::En),
            ("@claire_enquete", "Claire Morel", Lang::Fr),
        ],
    );
    let ctx = Ctx {
        order: None,
        tracking: None,
        days: 2,
        amount: 0,
        currency: "USD",
        item: "power bank",
        kind: Kind::Battery,
        carrier: "",
        city: "",
        phone: "",
        name,
        mention: BRAND_HANDLE,
        brand: BRAND,
        delivered: None,
    };
    let text = compose(
        rng,
        lang,
        Cat::Service,
        Some(Crisis::Press),
        Style::Tweet,
        &ctx,
    );
    let followers = rng.u32(28_000..160_000);
    let author = json!({"handle": handle, "name": name, "email": null, "buyer_id": null, "followers": followers});
    let value = message(Envelope {
        ch: Ch::Twitter,
        id: ids.next(Ch::Twitter, out.len() as u64, t),
        store: None,
        author,
        text,
        sent_at: t,
        in_reply_to: None,
        order_ref: None,
        attachments: Value::Array(Vec::new()),
    });
    let g = Generated {
        value,
        cat: Cat::Service,
        lang,
        crisis: true,
    };
    out.push((t, out.len(), g));
}
