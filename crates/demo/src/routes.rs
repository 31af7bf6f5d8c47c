//! A parcel's route: the carrier checkpoints between the warehouse and the local delivery
//! facility, laid out in time.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::histories::Event;
use crate::names::Country;
use crate::tracking::Carrier;
use crate::util::{chance, pick, whole_seconds};

/// Where the parcel goes and what it is.
pub(crate) struct Route<'a> {
    pub carrier: Carrier,
    pub origin: &'static str,
    pub dest: &'a Country,
    pub city: &'a str,
    pub ddp: bool,
    pub placed_at: DateTime<Utc>,
    /// Door-to-door days for this parcel.
    pub transit_days: i64,
}

/// A checkpoint before it has a time: tag, subtag, message, location, relative gap before it.
pub(crate) struct Step {
    tag: &'static str,
    subtag: &'static str,
    message: String,
    location: String,
    gap: f64,
}

fn step(
    tag: &'static str,
    subtag: &'static str,
    msg: impl Into<String>,
    loc: &str,
    gap: f64,
) -> Step {
    Step {
        tag,
        subtag,
        message: msg.into(),
        location: loc.to_string(),
        gap,
    }
}

impl Route<'_> {
    /// "Columbus, US".
    pub(crate) fn destination(&self) -> String {
        format!("{}, {}", self.city, self.dest.code)
    }

    /// The checkpoints up to the local delivery facility.
    pub(crate) fn steps(&self, rng: &mut Rng) -> Vec<Step> {
        let dest = self.destination();
        let o = self.origin;
        let mut s = Vec::with_capacity(12);
        if self.carrier.domestic() {
            s.push(step(
                "InfoReceived",
                "InfoReceived_001",
                "Shipping label created, USPS awaiting item",
                o,
                0.0,
            ));
            s.push(step(
                "InTransit",
                "InTransit_002",
                "USPS in possession of item",
                o,
                0.6,
            ));
            s.push(step(
                "InTransit",
                "InTransit_007",
                "Departed USPS regional facility",
                o,
                0.4,
            ));
            s.push(step(
                "InTransit",
                "InTransit_001",
                "In transit to next facility",
                "",
                1.0,
            ));
            s.push(step(
                "InTransit",
                "InTransit_003",
                "Arrived at post office",
                &dest,
                1.0,
            ));
            return s;
        }
        let gateway = format!(
            "{}, {}",
            self.dest.cities.first().copied().unwrap_or(self.city),
            self.dest.code
        );
        let accepted = format!("Parcel accepted at {} facility", self.carrier.display());
        s.push(step(
            "InfoReceived",
            "InfoReceived_001",
            "Shipment information received",
            o,
            0.0,
        ));
        s.push(step("InTransit", "InTransit_002", accepted, o, 0.7));
        s.push(step(
            "InTransit",
            "InTransit_007",
            "Departed from sorting center",
            o,
            0.4,
        ));
        let hub = pick(rng, &["Hong Kong, HK", "Shenzhen, CN", "Guangzhou, CN"]);
        if chance(rng, 0.6) {
            s.push(step(
                "InTransit",
                "InTransit_003",
                "Arrived at export hub",
                hub,
                0.8,
            ));
        }
        if chance(rng, 0.5) {
            s.push(step(
                "InTransit",
                "InTransit_001",
                "Export customs cleared",
                hub,
                0.4,
            ));
        }
        let flight = pick(
            rng,
            &[
                "Flight departed",
                "Handed over to airline",
                "Departed from origin airport",
            ],
        );
        s.push(step("InTransit", "InTransit_001", flight, hub, 1.2));
        s.push(step(
            "InTransit",
            "InTransit_004",
            "Arrived at destination country",
            &gateway,
            2.5,
        ));
        s.push(step(
            "InTransit",
            "InTransit_006",
            "Import customs clearance started",
            &gateway,
            0.4,
        ));
        s.push(step(
            "InTransit",
            "InTransit_005",
            "Customs clearance completed",
            &gateway,
            1.2,
        ));
        if !self.carrier.door_to_door() {
            let msg = format!("Handed over to last-mile carrier {}", self.dest.last_mile);
            s.push(step("InTransit", "InTransit_001", msg, &gateway, 0.8));
        }
        s.push(step(
            "InTransit",
            "InTransit_003",
            "Arrived at local delivery facility",
            &dest,
            1.5,
        ));
        s
    }
}

/// Index of the "import customs clearance started" step.
pub(crate) fn customs_step(steps: &[Step]) -> Option<usize> {
    steps.iter().position(|s| s.subtag == "InTransit_006")
}

/// Lays out `steps` from `start` so that the last one lands about `span` later.
pub(crate) fn place(
    steps: Vec<Step>,
    start: DateTime<Utc>,
    span: Duration,
    rng: &mut Rng,
) -> Vec<Event> {
    let total: f64 = steps.iter().skip(1).map(|s| s.gap).sum::<f64>().max(0.01);
    let span_s = span.num_seconds().max(600) as f64;
    let mut t = start;
    let mut out: Vec<Event> = Vec::with_capacity(steps.len());
    for (i, s) in steps.into_iter().enumerate() {
        if i > 0 {
            let jitter = 0.85 + rng.f64() * 0.3;
            t += Duration::seconds((s.gap / total * span_s * jitter) as i64 + 60);
        }
        let location = match (s.location.is_empty(), out.last()) {
            (true, Some(prev)) => prev.location.clone(),
            _ => s.location,
        };
        out.push(Event {
            tag: s.tag,
            subtag: Some(s.subtag),
            message: s.message,
            location,
            at: whole_seconds(t),
        });
    }
    out
}

/// A checkpoint at a known time.
pub(crate) fn ev(
    tag: &'static str,
    sub: &'static str,
    msg: impl Into<String>,
    loc: &str,
    at: DateTime<Utc>,
) -> Event {
    Event {
        tag,
        subtag: Some(sub),
        message: msg.into(),
        location: loc.to_string(),
        at: whole_seconds(at),
    }
}

/// A random duration between `lo` and `hi` hours.
pub(crate) fn hours(rng: &mut Rng, lo: i64, hi: i64) -> Duration {
    Duration::minutes(rng.i64(lo * 60..hi * 60))
}
