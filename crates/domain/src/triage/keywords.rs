//! Keyword triage, the foundation engine behind [`super::triage`]: a phrase-weighted
//! classifier over the whole taxonomy (English first, the obvious words of thirteen more
//! languages), rule-based urgency, and a lexicon sentiment with negation and emphasis.
//!
//! Scoring: every lexicon pattern found adds its weight to its category, except a shorter
//! match inside a longer one ("customs" inside "customs fee") and a negatable one after a
//! negator ("not happy"). The best category wins, ties going to the stronger category;
//! with no evidence a question is `inquiry` and anything else `other`. Confidence grows
//! with the winning score's margin over the runner-up (`1 − e^(−margin/2)`).

mod function_words;
mod lexicon;
mod matcher;

use super::{
    Entities, SUPPORTED_LANGUAGES, Triage, TriageConfig, TriageInput, detect_language,
    extract_entities,
};
use crate::model::{Category, Channel, Urgency, Visibility};
use matcher::Analysis;

/// Only the first this-many bytes of the subject and of the body are read for keywords: a
/// message says what it is about at the top, and quoted history below only adds noise.
const MAX_ANALYSED: usize = 16 * 1024;

/// The evidence a lexicon pattern carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Tag {
    /// Evidence for a category, with a weight.
    Cat(Category, u8),
    /// Like `Cat`, but cancelled by a negator just before it ("not happy").
    CatN(Category, u8),
    /// A sentiment word from -3 to 3; a negator flips it.
    Sent(i8),
    /// Sentiment no negator flips: profanity ("no fucking idea"), emoji.
    Tone(i8),
    /// A topic (support, delivery) that becomes evidence for its category when the message
    /// is clearly negative about it ("pathetic customer service", "delivery is a joke").
    Topic(Category),
    /// A safety hazard or an injury.
    Safety,
    /// A legal or regulator threat.
    Legal,
    /// A media mention.
    Media,
    /// A question marker (CJK particles and endings).
    Question,
}

/// Triages one message with the keyword engine (see the module documentation).
pub(super) fn triage(input: &TriageInput<'_>, config: &TriageConfig) -> Triage {
    let entities = entities_of(input);
    let reading = read(input);
    let (category, confidence) = reading.category();
    Triage {
        language: language(input).to_string(),
        category,
        urgency: urgency(input, config, &reading, category),
        sentiment: reading.sentiment(category),
        confidence,
        pii: entities.has_pii(),
        entities,
    }
}

/// What the lexicon finds in a message (subject and body), for this engine and as
/// evidence for the trained model.
pub(super) fn read(input: &TriageInput<'_>) -> Reading {
    let text = head(input.text);
    let analysis = match input.subject.map(head) {
        Some(subject) if !subject.trim().is_empty() => matcher::analyse(&[subject, text]),
        _ => matcher::analyse(&[text]),
    };
    Reading::read(&analysis)
}

/// The first [`MAX_ANALYSED`] bytes of `s`, cut at a character boundary.
fn head(s: &str) -> &str {
    let mut end = s.len().min(MAX_ANALYSED);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Entities of the body, then those only the subject has.
pub(super) fn entities_of(input: &TriageInput<'_>) -> Entities {
    let mut e = extract_entities(input.text);
    if let Some(subject) = input.subject {
        let s = extract_entities(subject);
        let add = |into: &mut Vec<String>, from: Vec<String>| {
            for v in from {
                if !into.contains(&v) {
                    into.push(v);
                }
            }
        };
        add(&mut e.order_numbers, s.order_numbers);
        add(&mut e.tracking_numbers, s.tracking_numbers);
        add(&mut e.emails, s.emails);
        add(&mut e.phones, s.phones);
        for a in s.amounts {
            if !e.amounts.contains(&a) {
                e.amounts.push(a);
            }
        }
    }
    e
}

/// The declared language when it is one triage supports (`pt-BR` counts as `pt`), else the
/// detected one (from the subject when the body has no letters).
pub(super) fn language(input: &TriageInput<'_>) -> &'static str {
    if let Some(lang) = declared_language(input) {
        return lang;
    }
    let lang = detect_language(head(input.text));
    match input.subject {
        Some(subject) if lang == "und" => detect_language(head(subject)),
        _ => lang,
    }
}

/// The declared language, when it is one triage supports (`pt-BR` counts as `pt`).
pub(super) fn declared_language(input: &TriageInput<'_>) -> Option<&'static str> {
    let primary = input.lang_hint?.trim().split(['-', '_']).next()?;
    SUPPORTED_LANGUAGES
        .iter()
        .find(|l| l.eq_ignore_ascii_case(primary))
        .copied()
}

/// Categories whose messages complain (everything but inquiry, praise and other).
pub(super) fn is_complaint(category: Category) -> bool {
    !matches!(
        category,
        Category::Inquiry | Category::Praise | Category::Other
    )
}

/// Crisis for safety, legal, media, a high-value loss or a complaint with viral reach;
/// else complaint or inquiry by category.
pub(super) fn urgency(
    input: &TriageInput<'_>,
    config: &TriageConfig,
    s: &Reading,
    category: Category,
) -> Urgency {
    let complaint = is_complaint(category);
    let high_value_loss = matches!(
        category,
        Category::LogisticsLost | Category::LogisticsDamaged
    ) && input
        .order_value_usd
        .is_some_and(|v| v >= config.high_value_usd);
    // A declared visibility wins; otherwise a post on X counts as public.
    let public = match input.visibility {
        Some(Visibility::Public) => true,
        Some(Visibility::Private) => false,
        None => input.channel == Some(Channel::Twitter),
    };
    let viral = public && complaint && input.followers.is_some_and(|f| f >= config.viral_followers);
    if s.safety || s.legal || s.media || high_value_loss || viral {
        Urgency::Crisis
    } else if complaint {
        Urgency::Complaint
    } else {
        Urgency::Inquiry
    }
}

/// What the lexicon's hits add up to.
#[derive(Debug, Default)]
pub(super) struct Reading {
    /// Evidence per category (indexed by `Category as usize`).
    pub(super) scores: [f32; Category::ALL.len()],
    /// A question mark or a question word.
    pub(super) question: bool,
    /// A safety hazard or an injury.
    pub(super) safety: bool,
    /// A legal or regulator threat.
    pub(super) legal: bool,
    /// A media mention.
    pub(super) media: bool,
    /// The lexicon's raw sentiment (sum of word values).
    pub(super) sentiment: f32,
    topics: [bool; Category::ALL.len()],
    exclamations: bool,
    shouting: bool,
    repeated_questions: bool,
}

/// Lexicon sentiment at or below which a mentioned topic counts as complained about.
const TOPIC_NEGATIVE: f32 = -1.5;
/// Lexicon sentiment at or above which a message that mentions a topic is praise.
const TOPIC_POSITIVE: f32 = 2.0;
/// What a safety hazard adds to `product.defective`.
const HAZARD_DEFECT_WEIGHT: f32 = 3.0;
/// What a topic under strong sentiment adds to its category (or to praise).
const TOPIC_WEIGHT: f32 = 2.5;

impl Reading {
    fn read(a: &Analysis) -> Self {
        let mut s = Reading {
            question: a.question,
            exclamations: a.exclamations,
            shouting: a.shouting,
            repeated_questions: a.repeated_questions,
            ..Reading::default()
        };
        // Hits arrive sorted by start, longest first: a category hit inside the span of an
        // earlier, longer one is the same evidence read twice.
        let mut cover = (0usize, 0usize);
        // What each category already took from the current span: the same words matched
        // twice for one category (`cancel` and `cancel*`) count once, at the higher weight.
        let mut taken = [0u8; Category::ALL.len()];
        for hit in &a.hits {
            match hit.tag {
                Tag::Cat(category, weight) | Tag::CatN(category, weight) => {
                    let span = (hit.start, hit.end);
                    if hit.end <= cover.1 && span != cover {
                        continue;
                    }
                    // A negated phrase is no evidence, and hides nothing inside it
                    // ("never arrived on time" still says "on time").
                    if matches!(hit.tag, Tag::CatN(..)) && hit.negated {
                        continue;
                    }
                    if span != cover {
                        taken = [0; Category::ALL.len()];
                    }
                    if hit.end > cover.1 || span == cover {
                        cover = span;
                    }
                    let before = taken[category as usize];
                    if weight > before {
                        s.scores[category as usize] += f32::from(weight - before);
                        taken[category as usize] = weight;
                    }
                }
                Tag::Sent(v) => {
                    let mut v = f32::from(v);
                    if hit.intensified {
                        v *= 1.5;
                    }
                    if hit.negated {
                        v *= -0.7;
                    }
                    s.sentiment += v;
                }
                Tag::Tone(v) => s.sentiment += f32::from(v),
                Tag::Topic(category) => s.topics[category as usize] = true,
                // "no injuries" is no hazard; legal and media words are threats however
                // phrased ("no" is also Portuguese "in the": "entrar no Procon").
                // A hazard is also evidence of a defect ("the battery swelled").
                Tag::Safety if !hit.negated => {
                    s.safety = true;
                    s.scores[Category::ProductDefective as usize] += HAZARD_DEFECT_WEIGHT;
                }
                Tag::Safety => {}
                Tag::Legal => s.legal = true,
                Tag::Media => s.media = true,
                Tag::Question => s.question = true,
            }
        }
        s
    }

    /// The evidence per category once a question and the tone about a mentioned topic are
    /// counted.
    pub(super) fn adjusted_scores(&self) -> [f32; Category::ALL.len()] {
        let mut scores = self.scores;
        if self.question {
            scores[Category::Inquiry as usize] += 1.5;
        }
        let mentioned = self.topics.iter().any(|&t| t);
        if self.sentiment <= TOPIC_NEGATIVE {
            for (score, &topic) in scores.iter_mut().zip(&self.topics) {
                if topic {
                    *score += TOPIC_WEIGHT;
                }
            }
        } else if mentioned && self.sentiment >= TOPIC_POSITIVE {
            scores[Category::Praise as usize] += TOPIC_WEIGHT;
        }
        scores
    }

    /// The winning category and the confidence in it.
    fn category(&self) -> (Category, f32) {
        let scores = self.adjusted_scores();
        let mut best = Category::Other;
        for &c in Category::ALL {
            let (sc, sb) = (scores[c as usize], scores[best as usize]);
            if sc > sb || (sc == sb && c.strength() > best.strength()) {
                best = c;
            }
        }
        let top = scores[best as usize];
        if top <= 0.0 {
            return (Category::Other, 0.2);
        }
        let second = Category::ALL
            .iter()
            .filter(|&&c| c != best)
            .map(|&c| scores[c as usize])
            .fold(0.0f32, f32::max);
        let confidence = 1.0 - (-(top - second) / 2.0).exp();
        (best, confidence.clamp(0.0, 1.0))
    }

    /// Lexicon sentiment plus the category's own tone, emphasised by `!!`, capitals and
    /// `??`, squashed into [-1, 1].
    pub(super) fn sentiment(&self, category: Category) -> f32 {
        let mut raw = self.sentiment
            + match category {
                Category::Praise => 1.0,
                Category::Inquiry | Category::Other => 0.0,
                Category::Abuse => -2.0,
                _ => -1.5,
            };
        for emphasis in [self.exclamations, self.shouting] {
            if emphasis {
                raw = if raw.abs() < 0.01 { -0.5 } else { raw * 1.3 };
            }
        }
        if self.repeated_questions {
            raw -= 0.5;
        }
        (raw / 2.5).tanh().clamp(-1.0, 1.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn run(text: &str) -> Triage {
        triage(
            &TriageInput {
                text,
                ..TriageInput::default()
            },
            &TriageConfig::default(),
        )
    }

    fn category(text: &str) -> Category {
        run(text).category
    }

    fn assert_category(expected: Category, texts: &[&str]) {
        for text in texts {
            let t = run(text);
            assert_eq!(t.category, expected, "{text:?} → {t:?}");
        }
    }

    #[test]
    fn lexicon_stems_are_long_enough_for_the_index() {
        assert!(
            matcher::short_stems().is_empty(),
            "{:?}",
            matcher::short_stems()
        );
        assert!(matcher::pattern_count() > 1500);
    }

    #[test]
    fn logistics_delay() {
        assert_category(
            Category::LogisticsDelay,
            &[
                "It's been 3 weeks and my package is still in transit. Tracking hasn't updated since the 2nd.",
                "Order was supposed to arrive last Friday, still waiting!!",
                "where is my order?? I ordered on the 1st",
                "My parcel is stuck in transit, no updates for 10 days",
                "mi pedido no ha llegado todavía",
                "wo ist mein Paket? Die Lieferung ist verspätet",
                "我的包裹在哪里？物流一直没有更新",
                "где моя посылка",
            ],
        );
    }

    #[test]
    fn logistics_customs() {
        assert_category(
            Category::LogisticsCustoms,
            &[
                "@AcmeHelp my parcel has been stuck in customs for 3 weeks!! #LostPackage",
                "The package is held at customs and they say documents are missing",
                "Mon colis est bloqué en douane depuis 10 jours",
                "包裹被海关扣了，清关要多久",
            ],
        );
    }

    #[test]
    fn logistics_lost() {
        assert_category(
            Category::LogisticsLost,
            &[
                "Tracking says delivered but I never received anything",
                "My package never arrived and the seller won't answer",
                "The parcel was marked as delivered yesterday, it's not here. Stolen?",
                "Nunca llegó mi paquete, figura como entregado",
                "显示已签收但是我根本没收到",
            ],
        );
    }

    #[test]
    fn logistics_damaged() {
        assert_category(
            Category::LogisticsDamaged,
            &[
                "The vase arrived broken, the box was crushed",
                "Package arrived damaged, there's a huge dent in the laptop",
                "Das Paket ist beschädigt angekommen",
                "箱子破损，东西压坏了",
            ],
        );
    }

    #[test]
    fn logistics_last_mile() {
        assert_category(
            Category::LogisticsLastMile,
            &[
                "The courier never knocked, just left a card and took it to a pickup point 20 km away",
                "Failed delivery again, the driver was rude and said my address doesn't exist",
                "Your delivery driver threw my package over the fence",
                "Le livreur a laissé un avis de passage alors que j'étais là",
            ],
        );
    }

    #[test]
    fn product_defective() {
        assert_category(
            Category::ProductDefective,
            &[
                "The headphones stopped working after two days",
                "Charger doesn't work at all, poor quality",
                "It won't turn on, I think it's defective",
                "El producto no funciona, es de muy mala calidad",
                "充电器用了两天就坏了，质量太差",
                "電源が入らない。初期不良です",
            ],
        );
    }

    #[test]
    fn product_not_as_described() {
        assert_category(
            Category::ProductNotAsDescribed,
            &[
                "I ordered a blue dress size M and received a red one in XL - wrong item",
                "The jacket looks nothing like the pictures, totally not as described",
                "You sent me the wrong size",
                "Recebi o produto errado, cor errada",
                "发错货了，颜色不对",
            ],
        );
    }

    #[test]
    fn product_counterfeit_claim() {
        assert_category(
            Category::ProductCounterfeitClaim,
            &[
                "These AirPods are fake, the serial number doesn't exist",
                "This is a counterfeit, not genuine Nike at all",
                "卖假货，这不是正品",
                "Das ist eine Fälschung, nicht original",
            ],
        );
    }

    #[test]
    fn billing_refund() {
        assert_category(
            Category::BillingRefund,
            &[
                "Where is my refund? You approved it 2 weeks ago",
                "I returned the item a month ago and still no refund",
                "I want my money back",
                "Je veux être remboursé, où est mon remboursement",
                "退款什么时候到账",
                "환불 언제 해주시나요?",
            ],
        );
    }

    #[test]
    fn billing_duties() {
        assert_category(
            Category::BillingDuties,
            &[
                "DHL wants me to pay 45 EUR import tax before they deliver, your site said DDP!",
                "Why do I have to pay customs fees at the door? Nobody told me about duties",
                "I was charged VAT at the door, that should have been included",
                "Tengo que pagar aranceles para recibir mi pedido",
                "要交关税吗？",
            ],
        );
    }

    #[test]
    fn billing_payment() {
        assert_category(
            Category::BillingPayment,
            &[
                "You charged me twice for the same order",
                "My card was declined but the money left my account",
                "Payment failed three times at checkout",
                "Me cobraron dos veces el mismo pedido",
                "重复扣款了，请处理",
            ],
        );
    }

    #[test]
    fn order_change_cancel() {
        assert_category(
            Category::OrderChangeCancel,
            &[
                "Please cancel my order, I ordered by mistake",
                "Can I change the shipping address on my order? I moved",
                "I need to change my order to a size L",
                "Bitte stornieren Sie meine Bestellung",
                "我想取消订单",
            ],
        );
    }

    #[test]
    fn service_complaint() {
        assert_category(
            Category::ServiceComplaint,
            &[
                "I've emailed 4 times and no one replied. Terrible customer service",
                "Your agent was rude and hung up on me. I want to file a complaint",
                "You promised a callback yesterday and nobody called",
                "客服态度恶劣，一直不回复",
            ],
        );
    }

    #[test]
    fn abuse_is_threats_and_insults_at_staff() {
        assert_category(
            Category::Abuse,
            &[
                "Refund me today or I post everywhere that you are scammers",
                "I will destroy your store, you idiots",
                "I know where you live. You will regret this",
                "fuck you and your useless shop",
                "退款，不然你们等着",
            ],
        );
    }

    #[test]
    fn profanity_inside_a_normal_request_is_not_abuse() {
        for text in [
            "where is my fucking order",
            "i need to cancel my fucking order",
            "can you help me get a damn refund",
            "I have no fucking account, how do I create one?",
            "this shit charger stopped working",
        ] {
            let t = run(text);
            assert_ne!(t.category, Category::Abuse, "{text}");
            assert!(t.sentiment < 0.0, "{text}: {}", t.sentiment);
        }
        assert_eq!(
            category("i need to cancel my fucking order"),
            Category::OrderChangeCancel
        );
    }

    #[test]
    fn inquiry() {
        assert_category(
            Category::Inquiry,
            &[
                "Do you ship to Canada?",
                "What payment methods do you accept?",
                "Hi, is this jacket available in size XL?",
                "How long does shipping take to Australia?",
                "Can I get an invoice for my purchase?",
                "¿Hacen envíos a México?",
                "这个有货吗？",
            ],
        );
    }

    #[test]
    fn praise() {
        assert_category(
            Category::Praise,
            &[
                "Thank you so much, the package arrived early and well packaged!",
                "Great product, works perfectly. Highly recommend this store",
                "Love it! Fast shipping and excellent customer service",
                "Muito obrigado, chegou rápido, adorei!",
                "非常满意，物流很快，好评",
            ],
        );
    }

    #[test]
    fn other() {
        assert_category(
            Category::Other,
            &[
                "How do I unsubscribe from your newsletter",
                "I want to delete my account",
                "hello",
                "ok",
            ],
        );
    }

    #[test]
    fn negation_cancels_praise_and_flips_sentiment() {
        let t = run("I am not happy with this");
        assert_ne!(t.category, Category::Praise);
        assert!(t.sentiment < 0.0);
        let t = run("The item is not as described");
        assert_eq!(t.category, Category::ProductNotAsDescribed);
        let t = run("对这次购物不满意");
        assert_ne!(t.category, Category::Praise);
        assert!(t.sentiment < 0.0);
    }

    #[test]
    fn one_word_matched_twice_for_a_category_counts_once() {
        // `cancel` (exact) and `cancel*` (stem) both match; the newsletter still wins.
        assert_eq!(category("cancel the newsletter"), Category::Other);
        assert_eq!(category("please cancel"), Category::OrderChangeCancel);
    }

    #[test]
    fn ties_go_to_the_stronger_category() {
        // "broken" is equal evidence for damaged and defective; damaged and defective share
        // strength 7, and both beat delay, so the winner is one of them.
        let c = category("it is broken");
        assert!(matches!(
            c,
            Category::LogisticsDamaged | Category::ProductDefective
        ));
        assert!(Category::LogisticsDamaged.strength() >= Category::LogisticsDelay.strength());
    }

    #[test]
    fn urgency_follows_category_when_nothing_is_critical() {
        assert_eq!(run("Where is my refund?").urgency, Urgency::Complaint);
        assert_eq!(run("Do you ship to Canada?").urgency, Urgency::Inquiry);
        assert_eq!(run("Thanks, great service!").urgency, Urgency::Inquiry);
    }

    #[test]
    fn safety_hazards_are_crises_in_several_languages() {
        for text in [
            "The power bank caught fire while charging!",
            "My phone battery is swollen and the case is bulging",
            "The charger started smoking and burned my hand",
            "My son got injured by the toy",
            "La batería hinchada casi explotó",
            "Der Akku ist aufgebläht und es kam Rauch raus",
            "充电宝鼓包了还冒烟",
            "バッテリーが膨張して発火しました",
        ] {
            assert_eq!(run(text).urgency, Urgency::Crisis, "{text}");
        }
        assert_eq!(
            category("The power bank caught fire while charging!"),
            Category::ProductDefective
        );
    }

    #[test]
    fn legal_and_media_threats_are_crises_but_chargebacks_are_not() {
        for text in [
            "If I don't get my money I will contact my lawyer",
            "I am going to sue you",
            "I'm reporting you to the FTC and consumer protection",
            "I'm a journalist at the Daily News writing about your store",
            "I'll go to the press with this",
            "Vou entrar no Procon",
            "我要找律师起诉你们",
        ] {
            assert_eq!(run(text).urgency, Urgency::Crisis, "{text}");
        }
        let t = run("Refund me now or I will file a chargeback with my bank");
        assert_eq!(t.urgency, Urgency::Complaint);
    }

    #[test]
    fn any_news_about_my_order_is_not_a_media_mention() {
        assert_ne!(run("Any news about my order?").urgency, Urgency::Crisis);
    }

    #[test]
    fn high_value_losses_are_crises() {
        let config = TriageConfig::default();
        let lost = TriageInput {
            text: "My package never arrived",
            order_value_usd: Some(899.0),
            ..TriageInput::default()
        };
        assert_eq!(triage(&lost, &config).urgency, Urgency::Crisis);
        let cheap = TriageInput {
            order_value_usd: Some(20.0),
            ..lost
        };
        assert_eq!(triage(&cheap, &config).urgency, Urgency::Complaint);
        let delayed = TriageInput {
            text: "My package is delayed",
            order_value_usd: Some(899.0),
            ..TriageInput::default()
        };
        assert_eq!(triage(&delayed, &config).urgency, Urgency::Complaint);
        let strict = TriageConfig {
            high_value_usd: 10.0,
            ..TriageConfig::default()
        };
        assert_eq!(triage(&cheap, &strict).urgency, Urgency::Crisis);
    }

    #[test]
    fn viral_public_complaints_are_crises() {
        let config = TriageConfig::default();
        let tweet = TriageInput {
            text: "@Acme my order never arrived, worst store ever",
            channel: Some(Channel::Twitter),
            followers: Some(250_000),
            ..TriageInput::default()
        };
        assert_eq!(triage(&tweet, &config).urgency, Urgency::Crisis);
        let small = TriageInput {
            followers: Some(120),
            ..tweet
        };
        assert_eq!(triage(&small, &config).urgency, Urgency::Complaint);
        let dm = TriageInput {
            visibility: Some(Visibility::Private),
            ..tweet
        };
        assert_eq!(triage(&dm, &config).urgency, Urgency::Complaint);
        let public_email = TriageInput {
            channel: Some(Channel::Email),
            visibility: Some(Visibility::Public),
            ..tweet
        };
        assert_eq!(triage(&public_email, &config).urgency, Urgency::Crisis);
        let praise = TriageInput {
            text: "@Acme thank you, great service!",
            ..tweet
        };
        assert_eq!(triage(&praise, &config).urgency, Urgency::Inquiry);
    }

    #[test]
    fn sentiment_reads_tone_emphasis_and_praise() {
        let calm = run("my parcel is delayed").sentiment;
        let loud = run("MY PARCEL IS DELAYED!!!").sentiment;
        let angry = run("This is the worst, absolutely terrible service, I'm furious").sentiment;
        let happy = run("Amazing, thank you so much, love it!").sentiment;
        assert!(loud < calm && calm < 0.0, "{loud} {calm}");
        assert!(angry < -0.8, "{angry}");
        assert!(happy > 0.6, "{happy}");
        assert!(run("Do you ship to Canada?").sentiment.abs() < 0.2);
        for t in ["", "!!!", "?????", "not bad at all"] {
            let s = run(t).sentiment;
            assert!((-1.0..=1.0).contains(&s));
        }
    }

    #[test]
    fn the_design_example() {
        let t = triage(
            &TriageInput {
                text: "@AcmeHelp my parcel has been stuck in customs for 3 weeks!! #LostPackage",
                channel: Some(Channel::Twitter),
                visibility: Some(Visibility::Public),
                followers: Some(1520),
                ..TriageInput::default()
            },
            &TriageConfig::default(),
        );
        assert_eq!(t.language, "en");
        assert_eq!(t.category, Category::LogisticsCustoms);
        assert_eq!(t.urgency, Urgency::Complaint);
        assert!(t.sentiment < -0.5, "{}", t.sentiment);
        assert!(t.confidence > 0.6, "{}", t.confidence);
        assert!(!t.pii);
    }

    #[test]
    fn confidence_is_higher_for_clear_messages() {
        let clear = run("Please cancel my order").confidence;
        let mixed = run("my refund for the damaged item hasn't arrived").confidence;
        let none = run("hello").confidence;
        assert!(
            clear > mixed && mixed >= 0.0 && none < 0.5,
            "{clear} {mixed} {none}"
        );
        assert!(clear <= 1.0);
    }

    #[test]
    fn subject_counts_and_its_entities_are_kept() {
        let t = triage(
            &TriageInput {
                text: "See above, please help.",
                subject: Some("Order #1042 arrived damaged"),
                ..TriageInput::default()
            },
            &TriageConfig::default(),
        );
        assert_eq!(t.category, Category::LogisticsDamaged);
        assert_eq!(t.entities.order_numbers, vec!["#1042"]);
        assert!(t.pii);
    }

    #[test]
    fn language_hint_is_trusted_only_when_supported() {
        let with = |hint| {
            triage(
                &TriageInput {
                    text: "ok",
                    lang_hint: Some(hint),
                    ..TriageInput::default()
                },
                &TriageConfig::default(),
            )
            .language
        };
        assert_eq!(with("de"), "de");
        assert_eq!(with("pt-BR"), "pt");
        assert_eq!(with("ZH_tw"), "zh");
        assert_eq!(with("sv"), "en");
        assert_eq!(with(""), "en");
    }

    #[test]
    fn pii_follows_the_entities() {
        assert!(run("my order 112-3456789-0123456 is late").pii);
        assert!(!run("my order is late").pii);
    }

    #[test]
    fn tricky_inputs_never_panic() {
        let big = "where is my parcel?? 😡 包裹 ".repeat(40_000);
        let mixed = "Ça n'a pas marché — 退款! ¿qué? İADE 🙂 ’quoted’ n' '";
        let mut inputs = vec![String::new(), " ".into(), "'".into(), "*".into(), big];
        for (i, _) in mixed.char_indices() {
            inputs.push(mixed[..i].into());
            inputs.push(mixed[i..].into());
        }
        for text in &inputs {
            let t = triage(
                &TriageInput {
                    text,
                    subject: Some(text),
                    ..TriageInput::default()
                },
                &TriageConfig::default(),
            );
            assert!((0.0..=1.0).contains(&t.confidence));
            assert!((-1.0..=1.0).contains(&t.sentiment));
        }
    }
}
