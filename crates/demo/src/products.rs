//! The group's base products: home, kitchen, electronics, apparel (prices in US cents).

use crate::catalog::{Kind, Product};

macro_rules! p {
    ($code:literal, $title:literal, $usd:literal, $cost:literal, $kind:ident) => {
        Product { code: $code, title: $title, usd_cents: $usd, cost_cents: $cost, kind: Kind::$kind, variants: &[] }
    };
    ($code:literal, $title:literal, $usd:literal, $cost:literal, $kind:ident, [$($v:literal),+]) => {
        Product { code: $code, title: $title, usd_cents: $usd, cost_cents: $cost, kind: Kind::$kind, variants: &[$($v),+] }
    };
}

/// Base products; SKU codes are `AH-<code>[-<variant>]`.
#[rustfmt::skip]
pub(crate) static PRODUCTS: &[Product] = &[
    p!("KT-1042", "Stainless electric kettle 1.7L", 3499, 840, Mains, ["BLK", "WHT"]),
    p!("KT-1055", "Gooseneck pour-over kettle with temperature control", 5999, 1620, Mains),
    p!("AF-2210", "Digital air fryer 4.5L", 6999, 2150, Mains),
    p!("BL-2301", "Portable USB-C blender 380ml", 2799, 610, Battery, ["PNK", "GRN", "WHT"]),
    p!("CM-2405", "Milk frother, handheld, rechargeable", 1599, 290, Battery),
    p!("KN-3010", "Damascus-pattern chef's knife 8 inch", 3999, 980, Goods),
    p!("KN-3022", "Magnetic knife strip, walnut 40cm", 2499, 520, Goods),
    p!("PN-3101", "Non-stick frying pan 28cm, induction", 2999, 710, Goods),
    p!("ST-3205", "Glass food storage containers, set of 10", 3299, 880, Goods),
    p!("SC-3310", "Digital kitchen scale 5kg", 1499, 260, Battery),
    p!("LB-4001", "Bedside lamp with wireless charger", 3999, 940, Mains, ["BLK", "WHT"]),
    p!("LS-4102", "RGB LED strip 10m with app and remote", 2599, 480, Mains),
    p!("LS-4110", "Solar garden lights, pack of 8", 2999, 650, Battery),
    p!("HM-4205", "Cool-mist humidifier 3L, quiet", 3999, 1050, Mains),
    p!("HD-4310", "Ionic hair dryer 1800W, foldable", 3599, 870, Mains, ["BLK", "PNK"]),
    p!("HS-4322", "Hair straightener, ceramic plates", 2999, 700, Mains),
    p!("SH-4401", "Electric shaver, wet & dry", 4999, 1300, Battery),
    p!("TB-4415", "Sonic electric toothbrush with 4 heads", 2999, 640, Battery, ["BLK", "WHT", "PNK"]),
    p!("MS-4501", "Percussion massage gun, 6 heads", 5999, 1690, Battery, ["BLK", "GRY"]),
    p!("PB-5010", "Power bank 20000mAh, 22.5W fast charge", 3299, 910, Battery, ["BLK", "WHT"]),
    p!("PB-5022", "Magnetic wireless power bank 10000mAh", 3999, 1120, Battery),
    p!("CH-5101", "USB-C charger 65W GaN, 3 ports", 3499, 780, Mains),
    p!("CH-5110", "Wireless charging pad 15W", 1999, 390, Mains),
    p!("CB-5150", "Braided USB-C cable 2m, 2-pack", 1299, 180, Goods),
    p!("EB-5201", "True wireless earbuds, noise cancelling", 4999, 1350, Battery, ["BLK", "WHT"]),
    p!("HP-5230", "Over-ear Bluetooth headphones, 60h battery", 5999, 1780, Battery),
    p!("SP-5301", "Waterproof Bluetooth speaker", 3999, 1030, Battery, ["BLK", "NVY"]),
    p!("SW-5402", "Smartwatch with heart-rate and SpO2", 5999, 1480, Battery, ["BLK", "PNK"]),
    p!("FT-5410", "Fitness tracker band", 2999, 640, Battery),
    p!("PC-5501", "Shockproof phone case, clear", 1499, 150, Goods),
    p!("SP-5520", "Tempered glass screen protector, 3-pack", 999, 90, Goods),
    p!("DC-5601", "Dash cam 1080p with night vision", 4999, 1420, Mains),
    p!("SC-5701", "Indoor security camera 2K, pan/tilt", 3999, 1090, Mains),
    p!("SL-5705", "Smart plug, 4-pack, works with Alexa", 2999, 720, Mains),
    p!("MK-5801", "Mechanical keyboard, hot-swap, RGB", 6999, 2100, Goods),
    p!("MS-5810", "Wireless silent mouse", 1799, 310, Battery),
    p!("LD-5901", "Laptop stand, aluminium, adjustable", 2999, 690, Goods),
    p!("HB-5910", "USB-C hub 7-in-1 with HDMI", 3499, 820, Goods),
    p!("RV-6001", "Robot vacuum with mapping", 19999, 7200, Battery),
    p!("VC-6010", "Cordless stick vacuum 25kPa", 12999, 4300, Battery),
    p!("EL-6101", "E-scooter LED headlight, USB rechargeable", 1999, 380, Battery),
    p!("BT-6201", "Thermal insulated bottle 750ml", 2499, 430, Goods, ["BLK", "GRN", "PNK"]),
    p!("YM-6301", "Non-slip yoga mat 6mm", 2999, 560, Goods, ["GRN", "PNK", "GRY"]),
    p!("DB-6320", "Adjustable dumbbells 2 x 10kg", 8999, 3100, Goods),
    p!("RB-6330", "Resistance bands set of 5", 1699, 240, Goods),
    p!("BP-6401", "Anti-theft laptop backpack 15.6\"", 4499, 1050, Goods, ["BLK", "GRY"]),
    p!("LG-6410", "Hard-shell carry-on suitcase 55cm", 8999, 2900, Goods, ["BLK", "NVY"]),
    p!("SG-6501", "Polarized sunglasses, unisex", 2299, 270, Goods),
    p!("WT-6510", "Minimalist quartz watch, leather strap", 3999, 680, Goods),
    p!("WL-6520", "Slim RFID leather wallet", 2499, 410, Goods),
    p!("HD-7001", "Men's fleece hoodie", 3999, 880, Apparel, ["S", "M", "L", "XL"]),
    p!("TS-7010", "Oversized cotton T-shirt", 1999, 350, Apparel, ["S", "M", "L", "XL"]),
    p!("DR-7101", "Women's floral midi dress", 3499, 690, Apparel, ["S", "M", "L"]),
    p!("LG-7110", "High-waist leggings with pockets", 2799, 480, Apparel, ["S", "M", "L"]),
    p!("JK-7201", "Packable down jacket, lightweight", 6999, 2050, Apparel, ["M", "L", "XL"]),
    p!("SN-7301", "Running sneakers, breathable mesh", 5999, 1390, Apparel, ["38", "40", "42", "44"]),
    p!("SL-7310", "Memory-foam slippers", 1999, 330, Apparel, ["38", "40", "42"]),
    p!("BG-7401", "Vegan leather crossbody bag", 3499, 620, Goods, ["BLK", "PNK"]),
    p!("SK-7501", "Merino wool hiking socks, 3 pairs", 2299, 420, Apparel, ["M", "L"]),
    p!("BD-8001", "Bamboo bed sheet set, queen", 5999, 1650, Goods, ["WHT", "GRY"]),
    p!("PL-8010", "Memory-foam pillow, ergonomic", 3999, 960, Goods),
    p!("CT-8101", "Blackout curtains, 2 panels", 3499, 820, Goods, ["GRY", "NVY"]),
    p!("OR-8201", "Under-bed storage bags, set of 3", 2299, 390, Goods),
    p!("DF-8301", "Essential oil diffuser 500ml", 2999, 620, Mains),
    p!("CA-8401", "Cat water fountain 2.5L", 2999, 710, Mains),
    p!("DG-8410", "Retractable dog leash 5m", 1799, 300, Goods),
    p!("TY-8501", "STEM building blocks robot kit", 4499, 1120, Battery),
    p!("TY-8510", "Kids' drawing tablet, LCD 10\"", 1699, 310, Battery),
    p!("PR-8601", "Mini portable projector 1080p", 8999, 3150, Mains),
    p!("DR-8701", "Foldable camera drone with 4K camera", 12999, 4200, Battery),
];
