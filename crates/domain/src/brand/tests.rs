#![allow(clippy::unwrap_used)]

use super::*;
use TermKind::{Brand, Competitor, Product};
use proptest::prelude::*;

fn watch(terms: &[(&str, TermKind)]) -> BrandWatch {
    BrandWatch::new(terms.iter().map(|&(n, k)| Term::new(n, k)).collect()).unwrap()
}

/// `(term, matched, distance, hashtag)` for each match, checking offsets on the way.
fn hits(w: &BrandWatch, text: &str) -> Vec<(String, String, u8, bool)> {
    w.find(text)
        .into_iter()
        .map(|m| {
            assert_eq!(&text[m.start..m.end], m.matched);
            (m.term, m.matched, m.distance, m.hashtag)
        })
        .collect()
}

/// The canonical names found, in order.
fn terms(w: &BrandWatch, text: &str) -> Vec<String> {
    w.find(text).into_iter().map(|m| m.term).collect()
}

fn hit(term: &str, matched: &str, distance: u8, hashtag: bool) -> (String, String, u8, bool) {
    (term.into(), matched.into(), distance, hashtag)
}

#[test]
fn spacing_punctuation_and_case_do_not_matter() {
    let w = watch(&[("AirPods", Product)]);
    for written in [
        "AirPods",
        "airpods",
        "Air Pods",
        "air-pods",
        "AIRPODS",
        "air_pods",
        "air.pods",
        "air - pods",
    ] {
        let text = format!("my {written} died");
        assert_eq!(
            hits(&w, &text),
            [hit("AirPods", written, 0, false)],
            "{written}"
        );
    }
}

#[test]
fn a_multi_word_name_matches_joined_or_spaced() {
    let w = watch(&[("Anker PowerCore", Product)]);
    for written in [
        "ankerpowercore",
        "anker power core",
        "Anker-PowerCore",
        "ANKER POWERCORE",
    ] {
        assert_eq!(
            hits(&w, written),
            [hit("Anker PowerCore", written, 0, false)]
        );
    }
}

#[test]
fn names_do_not_join_across_line_breaks_or_sentences() {
    let w = watch(&[("Anker PowerCore", Product)]);
    assert!(w.find("anker\npowercore").is_empty());
    assert!(w.find("anker, powercore").is_empty());
    assert!(w.find("anker. powercore").is_empty());
    assert!(w.find("anker      powercore").is_empty());
}

#[test]
fn misspellings_within_the_budget_match_and_report_their_distance() {
    let w = watch(&[("Xiaomi", Brand), ("Samsung", Competitor)]);
    assert_eq!(hits(&w, "xiaomy"), [hit("Xiaomi", "xiaomy", 1, false)]);
    assert_eq!(
        hits(&w, "my Xioami phone"),
        [hit("Xiaomi", "Xioami", 1, false)]
    );
    assert_eq!(hits(&w, "ixaomi"), [hit("Xiaomi", "ixaomi", 1, false)]);
    assert_eq!(
        hits(&w, "samsumg tv"),
        [hit("Samsung", "samsumg", 1, false)]
    );
    assert_eq!(hits(&w, "SAMSNUG"), [hit("Samsung", "SAMSNUG", 1, false)]);
    assert_eq!(hits(&w, "samsungs"), [hit("Samsung", "samsungs", 1, false)]);
    assert!(w.find("xiaoomy").is_empty(), "two edits on six letters");
}

#[test]
fn the_budget_grows_with_the_length_of_the_name() {
    let w = watch(&[
        ("Sony", Competitor),
        ("Anker", Brand),
        ("Panasonic", Competitor),
    ]);
    assert!(w.find("sonny soni").is_empty(), "four letters: exact only");
    assert_eq!(hits(&w, "anket"), [hit("Anker", "anket", 1, false)]);
    assert!(w.find("anketa").is_empty(), "five letters: one edit");
    assert_eq!(
        hits(&w, "pansonik"),
        [hit("Panasonic", "pansonik", 2, false)]
    );
    assert_eq!(
        hits(&w, "panasnoic"),
        [hit("Panasonic", "panasnoic", 1, false)]
    );
    assert!(w.find("pnsnik").is_empty(), "nine letters: two edits");
}

#[test]
fn words_that_merely_resemble_a_name_do_not_match() {
    let w = watch(&[
        ("Anker", Brand),
        ("Apple", Competitor),
        ("Samsung", Competitor),
        ("Ugreen", Competitor),
    ]);
    for text in [
        "I twisted my ankle",
        "pineapple juice",
        "a Samsonite suitcase",
        "so much anger",
        "apply now",
        "the banker and the tanker",
        "green cable",
        "an ken doll",
        "#pineapple",
        "applesauce",
    ] {
        assert_eq!(w.find(text), [], "{text}");
    }
}

#[test]
fn the_first_letter_must_agree_for_a_fuzzy_match() {
    let w = watch(&[("Dyson", Competitor)]);
    assert!(w.find("Tyson fury").is_empty());
    assert_eq!(terms(&w, "dysin"), ["Dyson"]);
}

#[test]
fn model_numbers_must_match_exactly() {
    let w = watch(&[("Anker 737", Product), ("Galaxy S23", Competitor)]);
    assert_eq!(
        hits(&w, "anker737"),
        [hit("Anker 737", "anker737", 0, false)]
    );
    assert!(w.find("anker 736").is_empty());
    assert_eq!(
        hits(&w, "galaxi s23"),
        [hit("Galaxy S23", "galaxi s23", 1, false)]
    );
    assert!(w.find("galaxy s24").is_empty());
}

#[test]
fn a_letter_digit_change_is_a_boundary() {
    let w = watch(&[("iPhone", Competitor)]);
    assert_eq!(
        hits(&w, "iPhone15 broke"),
        [hit("iPhone", "iPhone", 0, false)]
    );
    assert_eq!(
        hits(&w, "my iphone 15"),
        [hit("iPhone", "iphone", 0, false)]
    );
}

#[test]
fn hashtags_split_camel_case_and_take_names_as_prefixes() {
    let w = watch(&[("AirPods", Product), ("Anker", Brand)]);
    assert_eq!(
        hits(&w, "#AirPodsPro"),
        [hit("AirPods", "AirPods", 0, true)]
    );
    assert_eq!(
        hits(&w, "so #airpodsprobroken"),
        [hit("AirPods", "airpods", 0, true)]
    );
    assert_eq!(
        hits(&w, "#BrokenAirPods"),
        [hit("AirPods", "AirPods", 0, true)]
    );
    assert_eq!(
        hits(&w, "@AnkerOfficial help"),
        [hit("Anker", "Anker", 0, true)]
    );
    assert_eq!(
        hits(&w, "@anker_official"),
        [hit("Anker", "anker", 0, true)]
    );
    assert_eq!(hits(&w, "#USBAnkerCable"), [hit("Anker", "Anker", 0, true)]);
    assert_eq!(hits(&w, "Anker"), [hit("Anker", "Anker", 0, false)]);
}

#[test]
fn inside_a_tag_a_fuzzy_match_must_end_at_a_boundary() {
    let w = watch(&[("Samsung", Competitor)]);
    assert_eq!(
        hits(&w, "#SamsumgGalaxy"),
        [hit("Samsung", "Samsumg", 1, true)]
    );
    assert!(w.find("#samsumggalaxy").is_empty());
    assert_eq!(
        hits(&w, "#samsunggalaxy"),
        [hit("Samsung", "samsung", 0, true)]
    );
}

#[test]
fn camel_case_outside_tags_stays_one_word() {
    let w = watch(&[("Apple", Competitor)]);
    assert!(w.find("PineApple").is_empty());
    assert_eq!(terms(&w, "#PineApple"), ["Apple"]);
}

#[test]
fn diacritics_fold_on_both_sides() {
    let w = watch(&[
        ("Citroën", Competitor),
        ("Łódź Store", Brand),
        ("Straße", Brand),
        ("Xiaomi", Brand),
    ]);
    assert_eq!(hits(&w, "citroen"), [hit("Citroën", "citroen", 0, false)]);
    assert_eq!(hits(&w, "CITROËN"), [hit("Citroën", "CITROËN", 0, false)]);
    assert_eq!(
        hits(&w, "Citroe\u{308}n"),
        [hit("Citroën", "Citroe\u{308}n", 0, false)]
    );
    assert_eq!(
        hits(&w, "lodz store"),
        [hit("Łódź Store", "lodz store", 0, false)]
    );
    assert_eq!(hits(&w, "STRASSE"), [hit("Straße", "STRASSE", 0, false)]);
    assert_eq!(hits(&w, "XİAOMİ"), [hit("Xiaomi", "XİAOMİ", 0, false)]);
    assert_eq!(hits(&w, "xıaomı"), [hit("Xiaomi", "xıaomı", 0, false)]);
    let w = watch(&[("Dogan", Brand), ("Muller", Brand)]);
    assert_eq!(hits(&w, "Doğan"), [hit("Dogan", "Doğan", 0, false)]);
    assert_eq!(hits(&w, "Müller"), [hit("Muller", "Müller", 0, false)]);
    assert_eq!(hits(&w, "Mueller"), [hit("Muller", "Mueller", 1, false)]);
}

#[test]
fn invisible_characters_and_full_width_letters_are_seen_through() {
    let w = watch(&[("AirPods", Product)]);
    assert_eq!(terms(&w, "air\u{200b}pods"), ["AirPods"]);
    assert_eq!(terms(&w, "air\u{ad}pods"), ["AirPods"]);
    assert_eq!(
        hits(&w, "我的ＡｉｒＰｏｄｓ坏了"),
        [hit("AirPods", "ＡｉｒＰｏｄｓ", 0, false)]
    );
}

#[test]
fn cjk_kana_hangul_and_arabic_names_match_as_exact_substrings() {
    let w = watch(&[
        ("小米", Brand),
        ("アンカー", Brand),
        ("삼성", Competitor),
        ("شاومي", Brand),
    ]);
    assert_eq!(
        hits(&w, "我的小米手机坏了"),
        [hit("小米", "小米", 0, false)]
    );
    assert_eq!(
        hits(&w, "アンカーの充電器"),
        [hit("アンカー", "アンカー", 0, false)]
    );
    assert_eq!(hits(&w, "삼성전자 서비스"), [hit("삼성", "삼성", 0, false)]);
    assert_eq!(hits(&w, "جوال والشاومي"), [hit("شاومي", "شاومي", 0, false)]);
    assert_eq!(hits(&w, "#小米手机"), [hit("小米", "小米", 0, true)]);
    assert!(
        w.find("小水 アンカ 삼").is_empty(),
        "no edit distance for these scripts"
    );
}

#[test]
fn aliases_report_the_canonical_name() {
    let w = BrandWatch::new(vec![Term::new("Xiaomi", Brand).alias("小米").alias("Mi")]).unwrap();
    let found = w.find("Mi band from 小米, xiaomi");
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|m| (m.term.as_str(), m.matched.as_str()))
        .collect();
    assert_eq!(
        got,
        [("Xiaomi", "Mi"), ("Xiaomi", "小米"), ("Xiaomi", "xiaomi")]
    );
}

#[test]
fn the_longer_name_wins_an_overlap_and_kinds_are_kept() {
    let w = watch(&[
        ("Anker", Brand),
        ("Anker PowerCore", Product),
        ("Xiaomi", Competitor),
    ]);
    let found = w.find("Anker PowerCore 10000 vs xiaomi, anker wins");
    let got: Vec<(&str, TermKind, &str)> = found
        .iter()
        .map(|m| (m.term.as_str(), m.kind, m.matched.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Anker PowerCore", Product, "Anker PowerCore"),
            ("Xiaomi", Competitor, "xiaomi"),
            ("Anker", Brand, "anker"),
        ]
    );
}

#[test]
fn an_exact_match_beats_a_fuzzy_one_of_the_same_length() {
    let w = watch(&[("Realme", Competitor), ("Realmi", Brand)]);
    assert_eq!(terms(&w, "realmi"), ["Realmi"]);
    assert_eq!(terms(&w, "realme"), ["Realme"]);
}

#[test]
fn a_fuzzy_match_does_not_swallow_a_neighbouring_word() {
    let w = watch(&[("Xiaomi", Brand)]);
    assert_eq!(hits(&w, "xiaomi a"), [hit("Xiaomi", "xiaomi", 0, false)]);
    assert_eq!(hits(&w, "xiaom i"), [hit("Xiaomi", "xiaom i", 0, false)]);
}

#[test]
fn a_fuzzy_run_of_tokens_may_not_start_or_end_with_a_function_word() {
    let w = watch(&[("AirPods", Product), ("Anker", Brand)]);
    assert_eq!(hits(&w, "air pod"), [hit("AirPods", "air pod", 1, false)]);
    assert!(w.find("an ken").is_empty());
    assert!(
        watch(&[("Sonos", Competitor)])
            .find("my son's birthday")
            .is_empty()
    );
    assert_eq!(terms(&w, "Anker's cable"), ["Anker"]);
    assert_eq!(hits(&w, "anke r"), [hit("Anker", "anke r", 0, false)]);
}

#[test]
fn exact_terms_are_never_matched_fuzzily() {
    let w = BrandWatch::new(vec![Term {
        exact: true,
        ..Term::new("Beats", Competitor)
    }])
    .unwrap();
    assert!(w.find("beets").is_empty());
    assert_eq!(terms(&w, "Beats by Dre"), ["Beats"]);
}

#[test]
fn every_occurrence_is_found_in_text_order_with_byte_offsets() {
    let w = watch(&[("Anker", Brand), ("Xiaomi", Competitor)]);
    let text = "Ça coûte: Anker… 小米? Xiaomi! anker";
    let found = w.find(text);
    let spans: Vec<(usize, usize, &str)> = found
        .iter()
        .map(|m| (m.start, m.end, m.matched.as_str()))
        .collect();
    let a = text.find("Anker").unwrap();
    let x = text.find("Xiaomi").unwrap();
    let l = text.rfind("anker").unwrap();
    assert_eq!(
        spans,
        [
            (a, a + 5, "Anker"),
            (x, x + 6, "Xiaomi"),
            (l, l + 5, "anker")
        ]
    );
}

#[test]
fn empty_names_are_rejected_naming_the_field() {
    let err = BrandWatch::new(vec![Term::new("Anker", Brand), Term::new("  ", Brand)]).unwrap_err();
    assert_eq!(err.field, "terms[1].name");
    let err = BrandWatch::new(vec![Term::new("Anker", Brand).alias("")]).unwrap_err();
    assert_eq!(err.field, "terms[0].aliases[0]");
    let err = BrandWatch::new(vec![Term::new("!!!", Brand)]).unwrap_err();
    assert_eq!(
        (err.field.as_str(), err.message.as_str()),
        ("terms[0].name", "must contain a letter or digit")
    );
    let err = BrandWatch::new(vec![Term::new("a".repeat(65), Brand)]).unwrap_err();
    assert_eq!(err.field, "terms[0].name");
}

#[test]
fn two_terms_with_the_same_folded_name_are_rejected() {
    let err = BrandWatch::new(vec![
        Term::new("AirPods", Product),
        Term::new("Air Pods", Competitor),
    ])
    .unwrap_err();
    assert_eq!(err.field, "terms[1].name");
    assert!(err.message.contains("terms[0].name"), "{}", err.message);
    // Within one term a repeated spelling is harmless.
    assert!(BrandWatch::new(vec![Term::new("AirPods", Product).alias("air-pods")]).is_ok());
}

#[test]
fn an_empty_watch_or_text_finds_nothing() {
    assert!(
        BrandWatch::new(Vec::new())
            .unwrap()
            .find("anything")
            .is_empty()
    );
    assert!(watch(&[("Anker", Brand)]).find("").is_empty());
    assert!(watch(&[("Anker", Brand)]).find(" #@_- ").is_empty());
}

#[test]
fn terms_read_from_config_and_matches_serialise() {
    let terms: Vec<Term> = serde_json::from_str(
        r#"[{"name":"Anker","kind":"brand"},{"name":"Xiaomi","kind":"competitor","aliases":["小米"],"exact":true}]"#,
    )
    .unwrap();
    assert_eq!(terms[0], Term::new("Anker", Brand));
    assert_eq!(terms[1].aliases, ["小米"]);
    assert!(terms[1].exact);
    let m = &BrandWatch::new(terms).unwrap().find("#AnkerFail")[0];
    assert_eq!(
        serde_json::to_value(m).unwrap(),
        serde_json::json!({"term":"Anker","kind":"brand","start":1,"end":6,"matched":"Anker","distance":0,"hashtag":true})
    );
}

#[test]
fn the_word_lists_are_sorted_lowercase_ascii() {
    for list in [words::COMMON_WORDS, words::FUNCTION_WORDS] {
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(
            list.iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }
}

#[test]
fn the_distance_counts_a_transposition_as_one_edit() {
    let mut osa = Osa::default();
    let key: Vec<char> = "xiaomi".chars().collect();
    let text: Vec<char> = "xioamiz".chars().collect();
    let row = osa.prefix_distances(&key, &text, 2).unwrap().to_vec();
    assert_eq!(row[6], 1);
    assert_eq!(row[7], 2);
    assert!(
        osa.prefix_distances(&key, &"qqqqqq".chars().collect::<Vec<_>>(), 2)
            .is_none()
    );
}

/// Plain optimal-string-alignment distance, the reference for the banded one.
fn osa_reference(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn the_banded_distance_agrees_with_the_plain_one(
        key in prop::collection::vec(prop::char::range('a', 'd'), 1..14),
        window in prop::collection::vec(prop::char::range('a', 'd'), 0..18),
        max in 1usize..3,
    ) {
        let mut osa = Osa::default();
        // Reuse the scratch rows across calls, as `find` does.
        let _ = osa.prefix_distances(&window, &key, max);
        let row = osa.prefix_distances(&key, &window, max).map(<[usize]>::to_vec);
        let lo = key.len().saturating_sub(max);
        let hi = window.len().min(key.len() + max);
        for m in lo..=hi {
            let want = osa_reference(&key, &window[..m]).min(max + 1);
            let got = row.as_ref().map_or(max + 1, |r| r[m]);
            prop_assert_eq!(got, want, "m={}", m);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Properties: never panics, offsets always valid, results ordered and disjoint.

const NAMES: &[&str] = &[
    "Anker",
    "Anker PowerCore",
    "AirPods",
    "Xiaomi",
    "Samsung",
    "小米",
    "アンカー",
    "삼성",
    "شاومي",
    "Citroën",
    "Straße",
    "iPhone 15",
    "Sony",
    "Panasonic",
    "Łódź",
];

fn sample_watch() -> BrandWatch {
    let kinds = [Brand, Product, Competitor];
    BrandWatch::new(
        NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| Term::new(*n, kinds[i % 3]))
            .collect(),
    )
    .unwrap()
}

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => prop::char::range('0', '9'),
        3 => prop::sample::select(vec![' ', '-', '_', '.', '#', '@', '&', '\n', 'ß', 'ẞ', 'İ', 'ı', 'é', 'Ł', 'æ', 'ǅ', '＃', 'Ａ']),
        1 => prop::sample::select(vec!['\u{301}', '\u{308}', '\u{307}', '\u{200b}', '\u{ad}', '\u{feff}', '\u{640}', '\u{fe0f}', '\u{1f600}']),
        1 => prop::char::range('\u{4e00}', '\u{9fff}'),
        1 => prop::char::range('\u{3040}', '\u{30ff}'),
        1 => prop::char::range('\u{ac00}', '\u{d7af}'),
        1 => prop::char::range('\u{0600}', '\u{06ff}'),
        1 => prop::sample::select(NAMES.iter().flat_map(|n| n.chars()).collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..300).prop_map(String::from_iter)
}

fn check(w: &BrandWatch, text: &str) -> Vec<BrandMatch> {
    let found = w.find(text);
    let mut last_end = 0;
    for m in &found {
        assert!(m.start < m.end && m.start >= last_end, "{m:?} in {text:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(text.get(m.start..m.end), Some(m.matched.as_str()));
        assert!(m.distance <= 2);
        assert!(NAMES.contains(&m.term.as_str()), "{}", m.term);
        last_end = m.end;
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_matched_within_contract(text in any::<String>()) {
        check(&sample_watch(), &text);
    }

    #[test]
    fn mixed_script_text_is_matched_within_contract(text in tricky_text()) {
        check(&sample_watch(), &text);
    }

    #[test]
    fn text_cut_mid_character_is_matched_within_contract(text in tricky_text(), cut in 0usize..1200) {
        let bytes = text.as_bytes();
        let cut = cut.min(bytes.len());
        check(&sample_watch(), &String::from_utf8_lossy(&bytes[..cut]));
        check(&sample_watch(), &String::from_utf8_lossy(&bytes[cut..]));
    }

    #[test]
    fn a_name_written_between_spaces_is_always_covered(
        before in tricky_text(), after in tricky_text(), pick in 0usize..NAMES.len(),
    ) {
        let name = NAMES[pick];
        let text = format!("{before} {name} {after}");
        let (s, e) = (before.len() + 1, before.len() + 1 + name.len());
        let found = check(&sample_watch(), &text);
        prop_assert!(found.iter().any(|m| m.start < e && s < m.end), "{name} lost in {text:?}: {found:?}");
    }

    #[test]
    fn arbitrary_names_compile_or_are_rejected_cleanly(names in prop::collection::vec(tricky_text(), 0..8), text in tricky_text()) {
        let terms = names.iter().map(|n| Term::new(n.clone(), Brand)).collect();
        match BrandWatch::new(terms) {
            Ok(w) => {
                for m in w.find(&text) {
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    prop_assert_eq!(text.get(m.start..m.end), Some(m.matched.as_str()));
                }
            }
            Err(e) => prop_assert!(e.field.starts_with("terms[")),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn one_megabyte_of_mixed_scripts_is_matched_within_contract(unit in tricky_text()) {
        let unit = format!("{unit} Anker 小米 #AirPodsPro ");
        let text = unit.repeat(1_048_576 / unit.len() + 1);
        prop_assert!(text.len() >= 1_048_576);
        let found = check(&sample_watch(), &text);
        prop_assert!(!found.is_empty());
    }
}

#[test]
fn one_megabyte_of_one_long_token_is_handled() {
    let w = sample_watch();
    assert!(check(&w, &"a".repeat(1 << 20)).is_empty());
    assert!(check(&w, &"s ".repeat(1 << 19)).is_empty());
    assert!(check(&w, &format!("#{}", "Ab".repeat(1 << 19))).is_empty());
    // Only the first MAX_SCANNED bytes are searched.
    assert_eq!(
        check(&w, &"小米".repeat(1 << 17)).len(),
        crate::brand::MAX_SCANNED / "小米".len()
    );
}

/// A realistic load: 200 names against a 200-character post. Run with
/// `cargo test --release -p crossdesk-domain brand::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore = "timing, prints a measurement"]
fn timing() {
    let syllables = [
        "an", "ker", "xi", "ao", "mi", "sam", "sung", "po", "wer", "co", "re", "ba", "se", "us",
        "ul", "tra", "vo", "lt", "ne", "ox",
    ];
    let mut names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    let mut seed = 7u64;
    while names.len() < 200 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let parts = 2 + (seed >> 60) as usize % 3;
        let name: String = (0..parts)
            .map(|p| syllables[(seed >> (8 * p + 8)) as usize % syllables.len()])
            .collect();
        if !names
            .iter()
            .any(|n| n.to_lowercase().replace(' ', "") == name)
        {
            names.push(name);
        }
    }
    let kinds = [Brand, Product, Competitor];
    let w = BrandWatch::new(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| Term::new(n.clone(), kinds[i % 3]))
            .collect(),
    )
    .unwrap();
    let post = "So my new Anker PowerCore arrived broken AGAIN, third time!! @AnkerOfficial please help, \
                the xiaomy one my sister bought works fine, unlike that samsumg charger. \
                #ankerfail #PowerBankBroken 小米 order 112-1234567 still not refunded";
    assert!(post.len() >= 200);
    // Best of several batches: the machine may be busy with other work.
    let n = 2_000;
    let mut best = std::time::Duration::MAX;
    let mut total = 0;
    for _ in 0..10 {
        let t = std::time::Instant::now();
        for _ in 0..n {
            total = w.find(std::hint::black_box(post)).len();
        }
        best = best.min(t.elapsed() / n);
    }
    println!(
        "{} names, {}-byte post: {best:?} per find ({total} matches)",
        names.len(),
        post.len()
    );
    let big = post.repeat(1_048_576 / post.len() + 1);
    let t = std::time::Instant::now();
    let found = w.find(&big).len();
    println!("1 MB: {:?} ({found} matches)", t.elapsed());
}
