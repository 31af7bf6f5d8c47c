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

/// Where a checkpoint happens.
#[derive(Clone, Copy)]
enum At {
    Origin,
    Hub,
    Gateway,
    Dest,
    /// Same place as the checkpoint before.
    Prev,
}

/// A checkpoint template: tag, subtag, message, place, relative gap, percent of parcels that
/// show it (0: only parcels handed over to a national post). `{carrier}`, `{last_mile}` and
/// `{flight}` are filled per parcel.
type Row = (&'static str, &'static str, &'static str, At, f64, u8);

#[rustfmt::skip]
const DOMESTIC: &[Row] = &[
    ("InfoReceived", "InfoReceived_001", "Shipping label created, USPS awaiting item", At::Origin, 0.0, 100),
    ("InTransit", "InTransit_002", "USPS in possession of item", At::Origin, 0.6, 100),
    ("InTransit", "InTransit_007", "Departed USPS regional facility", At::Origin, 0.4, 100),
    ("InTransit", "InTransit_001", "In transit to next facility", At::Prev, 1.0, 100),
    ("InTransit", "InTransit_003", "Arrived at post office", At::Dest, 1.0, 100),
];

#[rustfmt::skip]
const CROSS_BORDER: &[Row] = &[
    ("InfoReceived", "InfoReceived_001", "Shipment information received", At::Origin, 0.0, 100),
    ("InTransit", "InTransit_002", "Parcel accepted at {carrier} facility", At::Origin, 0.7, 100),
    ("InTransit", "InTransit_007", "Departed from sorting center", At::Origin, 0.4, 100),
    ("InTransit", "InTransit_003", "Arrived at export hub", At::Hub, 0.8, 60),
    ("InTransit", "InTransit_001", "Export customs cleared", At::Hub, 0.4, 50),
    ("InTransit", "InTransit_001", "{flight}", At::Hub, 1.2, 100),
    ("InTransit", "InTransit_004", "Arrived at destination country", At::Gateway, 2.5, 100),
    ("InTransit", "InTransit_006", "Import customs clearance started", At::Gateway, 0.4, 100),
    ("InTransit", "InTransit_005", "Customs clearance completed", At::Gateway, 1.2, 100),
    ("InTransit", "InTransit_001", "Handed over to last-mile carrier {last_mile}", At::Gateway, 0.8, 0),
    ("InTransit", "InTransit_003", "Arrived at local delivery facility", At::Dest, 1.5, 100),
];

impl Route<'_> {
    /// "Columbus, US".
    pub(crate) fn destination(&self) -> String {
        format!("{}, {}", self.city, self.dest.code)
    }

    /// The checkpoints up to the local delivery facility.
    pub(crate) fn steps(&self, rng: &mut Rng) -> Vec<Step> {
        let rows = if self.carrier.domestic() {
            DOMESTIC
        } else {
            CROSS_BORDER
        };
        let hub = pick(rng, &["Hong Kong, HK", "Shenzhen, CN", "Guangzhou, CN"]);
        let flight = pick(
            rng,
            &[
                "Flight departed",
                "Handed over to airline",
                "Departed from origin airport",
            ],
        );
        let gateway_city = self.dest.cities.first().copied().unwrap_or(self.city);
        let gateway = format!("{gateway_city}, {}", self.dest.code);
        let mut out = Vec::with_capacity(rows.len());
        for &(tag, subtag, msg, at, gap, percent) in rows {
            let shown = match percent {
                0 => !self.carrier.door_to_door(),
                100 => true,
                p => chance(rng, f64::from(p) / 100.0),
            };
            if !shown {
                continue;
            }
            let location = match at {
                At::Origin => self.origin.to_string(),
                At::Hub => hub.to_string(),
                At::Gateway => gateway.clone(),
                At::Dest => self.destination(),
                At::Prev => String::new(),
            };
            let message = msg
                .replace("{carrier}", self.carrier.display())
                .replace("{last_mile}", self.dest.last_mile)
                .replace("{flight}", flight);
            out.push(Step {
                tag,
                subtag,
                message,
                location,
                gap,
            });
        }
        out
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
