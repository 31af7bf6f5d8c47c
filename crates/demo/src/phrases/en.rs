//! English: how buyers in the US, UK, Canada, Australia (and many others) write.

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &[
        "Hi,",
        "Hello,",
        "Hi there,",
        "Hey,",
        "Good morning,",
        "Hello there,",
        "Hiya,",
    ],
    dear: &[
        "Dear Acme Home team,",
        "Hello,",
        "Hi,",
        "Dear Sir or Madam,",
        "To whom it may concern,",
        "Hi team,",
    ],
    bye: &[
        "Thanks,\n{name}",
        "Regards,\n{name}",
        "Kind regards,\n{name}",
        "Best,\n{name}",
        "{name}",
        "Thank you,\n{name}\n\nSent from my iPhone",
        "Cheers,\n{name}",
    ],
    refs: &[
        "Order number: {order}.",
        "My order is {order}.",
        "Order {order}.",
        "(order {order})",
        "Ref: order {order}.",
        "This is about order {order}.",
    ],
    track: &[
        "Tracking number: {tracking}.",
        "The tracking number is {tracking}.",
        "Tracking {tracking} shows nothing new.",
        "tracking no. {tracking}",
    ],
    phone: &[
        "You can call me on {phone}.",
        "My number is {phone} if that's easier.",
        "Please call me at {phone}.",
    ],
    angry: &[
        "This is unacceptable.",
        "Sort it out please.",
        "I expect an answer today.",
        "Very disappointed.",
        "Not happy at all.",
        "Seriously??",
        "Fix this.",
        "Ridiculous.",
    ],
    polite: &[
        "Thanks in advance.",
        "Thank you!",
        "Appreciate your help.",
        "Looking forward to your reply.",
        "Cheers.",
    ],
    again: &[
        "I already wrote to you about this and got no answer.",
        "Second time I'm contacting you about this.",
        "Sent you a message two days ago, nothing.",
        "Nobody replied to my last message so trying here.",
    ],
    follow: &[
        "any update??",
        "Hello? Still waiting for an answer.",
        "It's been two days. Please reply.",
        "Any news on this?",
        "Following up on my message below.",
        "??",
        "Still no reply. Seriously?",
        "Bump. Anyone there?",
    ],
    tags: &[
        "#customerservice",
        "#fail",
        "#scam",
        "#neveragain",
        "#badservice",
        "#ripoff",
        "#disappointed",
    ],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "My order still hasn't arrived and it's been {days} days.",
                "Where is my package?? Ordered {days} days ago and the tracking hasn't moved in a week.",
                "The tracking has said in transit forever. It was supposed to be here by now.",
                "It's been {days} days since I ordered. Your listing said 7-10 days delivery.",
                "Still waiting on my {item}. No tracking update for ages.",
                "I ordered this for my daughter's birthday and it's now way past the delivery date.",
                "{carrier} tracking just says the parcel left China. That was over a week ago.",
            ],
            more: &[
                "The estimated delivery date came and went.",
                "I've checked the tracking every day, nothing.",
                "I need it by the weekend honestly.",
                "Has it even been shipped?",
                "Other orders from China reach me in a week.",
            ],
            subject: &[
                "Where is my order?",
                "Order not arrived yet",
                "Delivery delayed - no tracking updates",
                "Still waiting for my package",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "My parcel is stuck in customs and nobody tells me why.",
                "Tracking says held by customs for {days} days now. What documents do they need?",
                "Customs is asking for an invoice for my order. Can you send me one please?",
                "Package has been sitting in customs clearance for over a week.",
                "The carrier says the shipment is held at customs waiting for documents from the sender. That's you.",
            ],
            more: &[
                "I can't do anything from my side.",
                "I didn't expect customs problems when I ordered.",
                "Please contact the carrier and send them what they need.",
            ],
            subject: &[
                "Parcel held at customs",
                "Customs clearance - documents needed",
                "Package stuck in customs",
            ],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Tracking says delivered but I never got anything.",
                "D|Package marked as delivered yesterday. It's not here, not with the neighbours, not in the mailbox.",
                "N|My parcel is lost. No update for {days} days and {carrier} says they can't find it.",
                "N|I think my package got lost, the tracking hasn't changed in weeks.",
                "D|It says delivered in {city} but I checked everywhere. Nothing.",
            ],
            more: &[
                "I asked all my neighbours.",
                "I have a doorbell camera and nobody came to the door.",
                "Please send a replacement or refund me.",
            ],
            subject: &[
                "Marked delivered but not received",
                "Package lost",
                "Never received my order",
            ],
        },
        // logistics.damaged
        Phr {
            core: &[
                "The box arrived completely crushed and the {item} inside is broken.",
                "Item arrived damaged, the glass is cracked.",
                "Parcel came soaked and torn open, half the stuff is ruined.",
                "Got it today but it's dented and scratched all over.",
                "Arrived broken. Photos attached.",
            ],
            more: &[
                "The packaging was just a thin plastic bag.",
                "I've attached photos of the box and the item.",
                "Clearly mishandled in transit.",
            ],
            subject: &[
                "Item arrived damaged",
                "Broken on arrival",
                "Damaged parcel - photos attached",
            ],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "The courier never even rang the bell, just left a card saying I wasn't home. I WAS home.",
                "The driver left my parcel at a pickup point miles away without asking.",
                "Tracking says delivery failed, address incorrect. My address is correct!",
                "The delivery guy was really rude and threw the package over the fence.",
                "My parcel went to a pickup point I can't find. Where do I collect it?",
                "They sent it back to the sender because no one was home. Can you resend it?",
            ],
            more: &[
                "This is the second time with {carrier}.",
                "I've lived at this address for 10 years.",
                "I was home all day waiting.",
            ],
            subject: &[
                "Failed delivery attempt",
                "Courier problem",
                "Parcel sent to wrong pickup point",
            ],
        },
        // product.defective
        Phr {
            core: &[
                "E|The {item} stopped working after 3 days.",
                "E|Doesn't turn on at all. Tried different cables and outlets.",
                "E|It worked for a week and then just died.",
                "A|Terrible quality, the seam ripped the first time I wore it.",
                "E|It gets really hot and then cuts out after a few minutes.",
                "E|The button is stuck and it makes a weird grinding noise.",
                "It broke the second time I used it. Really poor quality.",
                "Cheap build, a part snapped off within a week.",
            ],
            more: &[
                "I followed the manual exactly.",
                "Video attached showing the problem.",
                "For this price I expected better.",
            ],
            subject: &[
                "Product defective",
                "Item stopped working",
                "Faulty product - need a replacement",
            ],
        },
        // product.not_as_described
        Phr {
            core: &[
                "I ordered the black one and got a pink one.",
                "A|Wrong size sent. I ordered M and got XS.",
                "Looks nothing like the photos, the colour is completely different.",
                "This is not what I ordered. Wrong item in the box.",
                "The listing said stainless steel, this is cheap plastic and much smaller.",
                "A|Size chart is way off, it's at least two sizes smaller.",
            ],
            more: &[
                "The listing is misleading.",
                "Photo attached next to the listing picture.",
                "I want what I actually paid for.",
            ],
            subject: &[
                "Wrong item received",
                "Not as described",
                "Wrong size / colour",
            ],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "This is obviously fake. The logo is crooked and the stitching is cheap.",
                "You're selling counterfeit products. This is not the original.",
                "The serial number doesn't exist on the manufacturer's website. FAKE.",
                "Compared it with my friend's original one, completely different quality. It's a replica.",
            ],
            more: &[
                "I'll report the listing.",
                "Selling fakes is illegal.",
                "Don't tell me it's genuine.",
            ],
            subject: &["Counterfeit item", "This product is fake"],
        },
        // billing.refund
        Phr {
            core: &[
                "Where is my refund? You said it was processed {days} days ago.",
                "I returned the item two weeks ago and still no refund.",
                "I want a full refund please.",
                "Please refund me {amount}, I don't want a replacement.",
                "Your colleague promised a refund last week, still nothing on my card.",
            ],
            more: &[
                "The return tracking shows you received it.",
                "I just want my money back.",
                "Please confirm when it's done.",
            ],
            subject: &[
                "Refund request",
                "Where is my refund?",
                "Refund not received",
            ],
        },
        // billing.duties
        Phr {
            core: &[
                "I had to pay {amount} in import tax at the door! Nobody told me about this.",
                "The courier wants me to pay customs fees before they deliver. The listing said duties included.",
                "Why was I charged VAT again on delivery? I already paid it at checkout.",
                "The courier asked for extra customs charges of {amount}. I'm not paying that.",
            ],
            more: &[
                "That's almost what the item cost.",
                "Your website said no extra fees.",
                "I want those fees refunded.",
            ],
            subject: &[
                "Unexpected import fees",
                "Charged customs duty on delivery",
                "VAT charged twice",
            ],
        },
        // billing.payment
        Phr {
            core: &[
                "I was charged twice for the same order.",
                "Payment failed but the money left my account anyway.",
                "My card was charged {amount} but the price on the site was lower.",
                "Why did you charge me in dollars? I chose euros at checkout.",
                "There's a pending charge from your store that I don't recognise.",
            ],
            more: &[
                "Bank statement attached.",
                "Please reverse the duplicate charge.",
                "My bank says the charge is yours.",
            ],
            subject: &["Charged twice", "Payment problem", "Wrong amount charged"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Please cancel my order, I ordered by mistake.",
                "Can I change the shipping address? I just moved.",
                "A|I need to change the size to L before it ships.",
                "Cancel it please, it's taking way too long.",
                "I typed the wrong house number, it should be 14 not 41. Can you fix the address?",
            ],
            more: &[
                "I don't think it has shipped yet.",
                "Please confirm.",
                "Sorry for the trouble.",
            ],
            subject: &[
                "Cancel order",
                "Change shipping address",
                "Order change request",
            ],
        },
        // service.complaint
        Phr {
            core: &[
                "I've sent you 4 messages and got zero answers. Terrible customer service.",
                "Your support just sends copy-paste replies that don't answer anything.",
                "You promised to call me back yesterday. Nobody called.",
                "Worst customer service I've ever dealt with.",
                "The agent closed the chat on me in the middle of the conversation. Unbelievable.",
            ],
            more: &[
                "I'm really disappointed.",
                "Never ordering from you again.",
                "I want to speak to a manager.",
            ],
            subject: &[
                "Complaint about your customer service",
                "No answer to my messages",
            ],
        },
        // abuse
        Phr {
            core: &[
                "Refund me today or I'll post about your scam everywhere and leave 1-star reviews on every store you have.",
                "Give me a full refund AND let me keep the item, or I'll file a chargeback and report you.",
                "You people are thieves and idiots. I know where your warehouse is.",
                "Send me $200 and I'll delete my review. Otherwise it stays up.",
                "I'll make sure everyone on TikTok knows what crooks you are unless I get paid.",
            ],
            more: &[
                "You have 24 hours.",
                "Don't test me.",
                "I have 50k followers, your call.",
            ],
            subject: &["Final warning", "Last chance before I go public"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Does the {item} come with an EU plug?",
                "O|When will my order ship?",
                "P|Do you ship to {city}?",
                "A|Is the sizing true to fit? I'm usually a M.",
                "Can I get an invoice with my company's VAT number?",
                "P|How long does delivery usually take to {city}?",
            ],
            more: &[
                "Thanks in advance!",
                "Just want to be sure before ordering.",
                "No rush.",
            ],
            subject: &["Question about my order", "Product question"],
        },
        // praise
        Phr {
            core: &[
                "Just got my order, super fast delivery and great quality. Thank you!",
                "Love the {item}! Works perfectly.",
                "Thanks for sorting out my issue so quickly, great service.",
                "Amazing quality for the price, will buy again.",
                "Shoutout to your support team, they were really helpful.",
            ],
            more: &[
                "Already recommended you to friends.",
                "5 stars from me.",
                "Packaging was great too.",
            ],
            subject: &["Thank you!", "Great service"],
        },
    ],
    battery: &[
        "The power bank I bought from you is SWOLLEN and hot to the touch. It was next to my kid's bed. This could have started a fire!",
        "The battery in my {item} has swelled up so much the case cracked open. This is a serious safety hazard.",
        "My {item} got extremely hot while charging and the battery is bulging. I put it outside. Dangerous product.",
    ],
    smoke: &[
        "The {item} started smoking while plugged in and left a burn mark on the counter. Someone could have been hurt.",
        "Sparks came out of the {item} and there was smoke everywhere. I burned my hand pulling the plug.",
        "Your {item} caught fire in my kitchen this morning. Luckily I was there.",
    ],
    legal: &[
        "If I don't get my refund of {amount} by Friday, my lawyer will contact you and I'm filing a complaint with consumer protection.",
        "I've reported you to the FTC and the Better Business Bureau. My attorney is preparing a small claims case.",
        "This is my final notice before legal action. I have documented everything and my solicitor has the file.",
    ],
    press: &[
        "Hi {mention}, I'm a reporter at The Morning Ledger working on a story about overheating power banks sold online. Several readers sent us photos of your product. Can your press team comment by tomorrow 5pm? DMs open.",
        "Journalist here. We're investigating a pattern of {brand} orders that never arrive and refunds that never come. We'd like your side before we publish - please contact our newsroom. {mention}",
    ],
};
