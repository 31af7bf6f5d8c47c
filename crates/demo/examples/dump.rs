//! Prints a demo workspace or traffic as JSON lines, or times benchmark traffic:
//! `cargo run -p crossdesk-demo --example dump -- [records|traffic|synthetic|bench] [n] [seed]`.

use chrono::{Duration, TimeZone, Utc};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("traffic", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(50);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let Some(now) = Utc.with_ymd_and_hms(2026, 11, 20, 8, 15, 0).single() else {
        return;
    };
    let ws = crossdesk_demo::workspace(seed, &crossdesk_demo::Scale::demo(), now);
    if what == "bench" {
        let t = std::time::Instant::now();
        let bytes: usize = crossdesk_demo::synthetic_inbound(seed, n, now)
            .map(|v| v["text"].as_str().map_or(0, str::len))
            .sum();
        eprintln!(
            "{n} synthetic messages in {:?} ({bytes} text bytes)",
            t.elapsed()
        );
        return;
    }
    let lines: Vec<serde_json::Value> = match what {
        "records" => ws.records().iter().take(n).cloned().collect(),
        "synthetic" => crossdesk_demo::synthetic_inbound(seed, n, now).collect(),
        _ => ws.traffic(seed, n, now - Duration::days(1), Duration::days(1)),
    };
    for l in lines {
        println!("{l}");
    }
}
