//! The command line: import and ingest are idempotent, bad lines are named and skipped,
//! the exit status says that something was rejected, classify speaks the contract.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_testkit::{Backend, scratch};
use std::io::Write;
use std::process::{Command, Output};

fn crossdesk(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossdesk"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run crossdesk");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const REFERENCE: &str = r#"{"type":"store","key":"acme-de","name":"Acme DE","platform":"ebay","currency":"EUR","group":"acme"}
{"type":"order","store":"acme-de","number":"12-34567-89012","customer":{"buyer_id":"max_m","name":"Max"},"items":[{"sku":"K","quantity":1,"price":"19.90"}],"currency":"EUR","incoterm":"DAP","placed_at":"2026-11-01T10:00:00Z"}
{"type":"shipment","store":"acme-de","order_number":"12-34567-89012","carrier":"dhl","tracking_number":"JJD000390007","promised_by":"2026-11-10T00:00:00Z"}
{"type":"tracking_event","tracking_number":"JJD000390007","tag":"Exception","subtag":"Exception_011","message":"Held by customs","location":"Leipzig, DE","at":"2026-11-08T09:00:00Z"}
"#;

const MESSAGES: &str = r#"{"channel":"ebay","external_id":"e1","store":"acme-de","author":{"buyer_id":"max_m"},"text":"Mein Paket hängt im Zoll fest","sent_at":"2026-11-20T08:00:00Z"}
{"channel":"ebay","external_id":"e2","store":"acme-de","author":{"buyer_id":"max_m"},"text":"Hallo?? Keine Antwort?","sent_at":"2026-11-20T09:00:00Z","in_reply_to":"e1"}
{"channel":"ebay","external_id":"e3","store":"acme-de","author":{"buyer_id":"max_m"},"text":"x","sent_at":"gestern"}
{not json}
{"channel":"email","external_id":"m1","store":"acme-de","author":{"email":"someone@example.org"},"text":"Where is my refund?","sent_at":"2026-11-20T10:00:00Z"}
"#;

#[tokio::test]
async fn import_and_ingest_are_idempotent_and_name_rejected_lines() {
    let db = scratch(Backend::Sqlite).await.unwrap();
    let dir = std::env::temp_dir().join(format!("crossdesk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let reference = dir.join("reference.jsonl");
    let messages = dir.join("messages.jsonl");
    std::fs::write(&reference, REFERENCE).unwrap();
    std::fs::write(&messages, MESSAGES).unwrap();
    let url = db.url();

    let first = crossdesk(
        &["import", reference.to_str().unwrap(), "--database", url],
        None,
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("4 created, 0 updated, 0 unchanged, 0 rejected"),
        "{}",
        text(&first.stdout)
    );
    let again = crossdesk(
        &["import", reference.to_str().unwrap(), "--database", url],
        None,
    );
    assert!(
        text(&again.stdout).contains("0 created, 0 updated, 4 unchanged"),
        "{}",
        text(&again.stdout)
    );

    let ingest = crossdesk(
        &["ingest", messages.to_str().unwrap(), "--database", url],
        None,
    );
    assert_eq!(
        ingest.status.code(),
        Some(2),
        "rejected lines make exit status 2"
    );
    let err = text(&ingest.stderr);
    assert!(err.contains("line 3: sent_at:"), "{err}");
    assert!(err.contains("line 4: $: not valid JSON"), "{err}");
    assert!(
        text(&ingest.stdout).contains("3 stored (2 new tickets), 0 duplicates, 2 rejected"),
        "{}",
        text(&ingest.stdout)
    );
    let again = crossdesk(
        &["ingest", messages.to_str().unwrap(), "--database", url],
        None,
    );
    assert!(
        text(&again.stdout).contains("0 stored (0 new tickets), 3 duplicates"),
        "{}",
        text(&again.stdout)
    );

    let report = crossdesk(&["report", "--database", url], None);
    let out = text(&report.stdout);
    assert!(
        out.contains("messages: 3") && out.contains("tickets: 2"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn classify_reads_json_lines_and_writes_the_triage_contract() {
    let out = crossdesk(
        &["classify"],
        Some(
            "{\"id\":\"m1\",\"text\":\"my parcel has been stuck in customs for 3 weeks!!\"}\n{\"id\":\"m2\"}\n",
        ),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 2: text: is required"));
    let line: serde_json::Value =
        serde_json::from_str(text(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(line["id"], "m1");
    for key in [
        "language",
        "category",
        "urgency",
        "sentiment",
        "confidence",
        "pii",
        "entities",
    ] {
        assert!(line.get(key).is_some(), "{key} in {line}");
    }
    for key in [
        "order_numbers",
        "tracking_numbers",
        "amounts",
        "emails",
        "phones",
    ] {
        assert!(line["entities"].get(key).is_some(), "entities.{key}");
    }
}

#[test]
fn eval_triage_scores_a_labelled_file_and_names_bad_labels() {
    let dir = std::env::temp_dir().join(format!("crossdesk-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("labelled.jsonl");
    std::fs::write(
        &file,
        concat!(
            "{\"text\":\"I want a refund for my order, it never came\",\"category\":[\"billing.refund\",\"logistics.lost\"],\"language\":\"en\"}\n",
            "{\"text\":\"Mein Paket steckt seit drei Wochen im Zoll fest\",\"category\":\"logistics.customs\",\"language\":\"de\"}\n",
            "{\"text\":\"thanks so much, arrived early and works great!\",\"category\":\"praise\",\"urgency\":\"inquiry\"}\n",
            "{\"text\":\"x\",\"category\":\"logistics.stuck\"}\n",
        ),
    )
    .unwrap();
    let out = crossdesk(&["eval", "triage", file.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad label makes exit status 2"
    );
    assert!(text(&out.stderr).contains("line 4: category: unknown category \"logistics.stuck\""));
    let report = text(&out.stdout);
    assert!(report.contains("(3 messages)"), "{report}");
    assert!(
        report.contains("macro-F1") && report.contains("language accuracy (20+ chars)"),
        "{report}"
    );
    assert!(
        report.contains("(2/2)") || report.contains("(1/2)") || report.contains("(0/2)"),
        "two language labels scored: {report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn classify_reports_watched_brands_when_given_terms() {
    let dir = tempfile::tempdir().unwrap();
    let terms = dir.path().join("brands.json");
    std::fs::write(
        &terms,
        r#"[{"name":"Anker","kind":"brand"},{"name":"Soundcore","kind":"product"},{"name":"Ugreen","kind":"competitor"}]"#,
    )
    .unwrap();
    let out = crossdesk(
        &["classify", "--brands", terms.to_str().unwrap()],
        Some(
            "{\"id\":\"t1\",\"text\":\"my #AnkerPowerBank died, switching to ugreen. Sound core buds are fine\"}\n",
        ),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let line: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    let found: Vec<(&str, &str)> = line["brands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["term"].as_str().unwrap(), m["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("Anker", "brand"),
            ("Ugreen", "competitor"),
            ("Soundcore", "product")
        ],
        "{line}"
    );

    std::fs::write(&terms, r#"[{"name":"","kind":"brand"}]"#).unwrap();
    let out = crossdesk(&["classify", "--brands", terms.to_str().unwrap()], Some(""));
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("terms[0].name"),
        "{}",
        text(&out.stderr)
    );
}

/// A labelled set in the public bundle's shape: a CSV and its label map.
fn bitext_fixture(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::write(
        dir.join("label_map.tsv"),
        "source_label\tcategory\turgency_hint\tnotes\n\
         cancel_order\torder.change_cancel\tinquiry\tconfidence=high\n\
         track_order\tinquiry\tinquiry\tconfidence=medium; alt=logistics.delay (late)\n\
         get_refund\tbilling.refund\tcomplaint\tconfidence=high\n\
         create_account\tother\tinquiry\tno mapping: account\n",
    )
    .unwrap();
    let mut csv = String::from("\u{feff}flags,utterance,category,intent\n");
    let rows = [
        (
            "cancel_order",
            "please cancel order {n}, I ordered the wrong one",
        ),
        (
            "cancel_order",
            "I need to cancel my purchase number {n} right away",
        ),
        ("track_order", "where can I see the status of order {n}?"),
        ("track_order", "how do I track my package for order {n}"),
        (
            "get_refund",
            "I want my money back for order {n}, it is broken",
        ),
        ("get_refund", "can I get a refund for purchase {n}"),
        ("create_account", "how do I open an account number {n}"),
    ];
    for n in 0..30 {
        for (intent, text) in rows {
            let text = text.replace("{n}", &(1000 + n).to_string());
            csv.push_str(&format!("BL,\"{text}\",ORDER,{intent}\n"));
        }
    }
    let file = dir.join("bitext.csv");
    std::fs::write(&file, csv).unwrap();
    file
}

#[test]
fn data_convert_maps_labels_and_splits_train_from_test_by_text() {
    let dir = tempfile::tempdir().unwrap();
    let csv = bitext_fixture(dir.path());
    let convert = |split: &str, extra: &[&str]| {
        let mut args = vec!["data", "convert", "--format", "bitext", "--split", split];
        args.extend_from_slice(extra);
        args.push(csv.to_str().unwrap());
        let out = crossdesk(&args, None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let all = convert("all", &[]);
    assert_eq!(all.len(), 180, "the unmapped intent is skipped");
    let track = all
        .iter()
        .find(|v| v["source_label"] == "track_order")
        .unwrap();
    assert_eq!(
        track["category"],
        serde_json::json!(["inquiry", "logistics.delay"]),
        "alternatives from the notes are accepted"
    );
    assert_eq!(track["language"], "en");
    let refund = all
        .iter()
        .find(|v| v["source_label"] == "get_refund")
        .unwrap();
    assert_eq!(refund["urgency"], "complaint");

    let train = convert("train", &["--include-unmapped"]);
    let test = convert("test", &[]);
    let texts = |rows: &[serde_json::Value]| -> std::collections::HashSet<String> {
        rows.iter()
            .map(|v| v["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        texts(&train).is_disjoint(&texts(&test)),
        "no text on both sides"
    );
    assert!(!test.is_empty() && train.len() > test.len());
    assert!(
        train.iter().any(|v| v["category"] == "other"),
        "unmapped rows kept as other for training"
    );

    let out = crossdesk(
        &[
            "data",
            "convert",
            "--format",
            "marc",
            dir.path().join("missing.csv").to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("missing.csv"));
}

#[test]
fn train_triage_learns_writes_a_model_and_never_trains_on_its_holdout() {
    let dir = tempfile::tempdir().unwrap();
    let csv = bitext_fixture(dir.path());
    let convert = |split: &str, to: &std::path::Path| {
        let out = crossdesk(
            &[
                "data",
                "convert",
                "--format",
                "bitext",
                "--split",
                split,
                "--include-unmapped",
                csv.to_str().unwrap(),
            ],
            None,
        );
        assert!(out.status.success());
        std::fs::write(to, &out.stdout).unwrap();
    };
    let (train, test) = (
        dir.path().join("train.jsonl"),
        dir.path().join("test.jsonl"),
    );
    convert("train", &train);
    convert("test", &test);
    let model = dir.path().join("triage.model");
    let out = crossdesk(
        &[
            "train",
            "triage",
            "--data",
            &format!("{}:0.5", train.display()),
            "--holdout",
            test.to_str().unwrap(),
            "--out",
            model.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let log = text(&out.stderr);
    assert!(log.contains("epoch 20"), "{log}");
    assert!(log.contains("training accuracy 1.000"), "{log}");
    assert!(std::fs::metadata(&model).unwrap().len() > 1 << 20);
    // The held-out side is scored with the new model.
    let report = text(&out.stdout);
    assert!(report.contains("macro-F1"), "{report}");
    assert!(report.contains("confusion matrix"), "{report}");

    // The same file as training data and holdout is refused.
    let out = crossdesk(
        &[
            "train",
            "triage",
            "--data",
            train.to_str().unwrap(),
            "--holdout",
            train.to_str().unwrap(),
            "--out",
            model.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("both training data and held out"));

    // Bad settings are refused before anything is written.
    for (flag, value, message) in [
        (
            "--data",
            format!("{}:NaN", train.display()),
            "positive weight",
        ),
        ("--epochs", "0".to_string(), "--epochs"),
        ("--learning-rate", "-1".to_string(), "--learning-rate"),
    ] {
        let mut args = vec!["train", "triage", "--out", model.to_str().unwrap()];
        if flag != "--data" {
            args.extend(["--data", train.to_str().unwrap()]);
        }
        let setting = format!("{flag}={value}");
        args.push(&setting);
        let out = crossdesk(&args, None);
        assert!(!out.status.success(), "{flag} {value}");
        assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
    }

    // A bad line names its file, line and field, and a present field must be well formed.
    std::fs::write(
        &train,
        "{\"text\":\"hi\",\"category\":\"praise\",\"language\":\"EN\"}\n",
    )
    .unwrap();
    let out = crossdesk(
        &[
            "train",
            "triage",
            "--data",
            train.to_str().unwrap(),
            "--out",
            model.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        text(&out.stderr).contains("train.jsonl line 1: language: unknown language \"EN\""),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(&train, "{\"text\":\"hi\",\"category\":\"nope\"}\n").unwrap();
    let out = crossdesk(
        &[
            "train",
            "triage",
            "--data",
            train.to_str().unwrap(),
            "--out",
            model.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("train.jsonl line 1: category"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn eval_triage_compares_engines_and_prints_the_confusion_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("labelled.jsonl");
    std::fs::write(
        &file,
        concat!(
            "{\"text\":\"Mi pedido lleva tres semanas retenido en aduana\",\"category\":\"logistics.customs\",\"language\":\"es\",\"urgency\":\"complaint\"}\n",
            "{\"text\":\"Bardzo dziękuję, paczka dotarła szybko!\",\"category\":\"praise\",\"language\":\"pl\",\"urgency\":\"inquiry\"}\n",
            "{\"text\":\"this review is one star, product broke in a day\",\"polarity\":\"negative\"}\n",
        ),
    )
    .unwrap();
    for engine in ["model", "keywords"] {
        let out = crossdesk(
            &["eval", "triage", "--engine", engine, file.to_str().unwrap()],
            None,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let report = text(&out.stdout);
        for needle in [
            "confusion matrix (rows: gold, columns: predicted)",
            "language accuracy (20+ chars)",
            "urgency accuracy",
            "polarity agreement",
            "category accuracy by language",
        ] {
            assert!(report.contains(needle), "{engine}: {needle} in {report}");
        }
    }
}
