//! Destination countries: buyers' names, cities, e-mail domains, phone formats and languages.
//!
//! Name entries are `latin`, `latin|f`, `native|latin` or `native|latin|f` (`f` marks a
//! female first name, which matters for Russian and Polish surnames).

use crate::phrases::Lang;

/// A destination country and what its buyers look like.
pub(crate) struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// The language its buyers write in by default.
    pub lang: Lang,
    /// Local currency for duties charged at the door.
    pub currency: &'static str,
    /// Inside the EU VAT area (IOSS) or another DDP-friendly market.
    pub ddp_market: bool,
    pub first: &'static [&'static str],
    pub last: &'static [&'static str],
    /// Cities; the first one is the international gateway.
    pub cities: &'static [&'static str],
    pub domains: &'static [&'static str],
    /// Phone pattern, `#` is a random digit.
    pub phone: &'static str,
    /// The national last-mile carrier that delivers cross-border parcels.
    pub last_mile: &'static str,
    /// Where undelivered parcels wait ("pickup point" wording).
    pub pickup: &'static str,
}

macro_rules! country {
    ($code:literal, $lang:ident, $cur:literal, $ddp:literal, first: [$($f:literal),+ $(,)?], last: [$($l:literal),+ $(,)?],
     cities: [$($c:literal),+ $(,)?], domains: [$($d:literal),+ $(,)?], phone: $p:literal, last_mile: $lm:literal, pickup: $pk:literal) => {
        Country {
            code: $code,
            lang: Lang::$lang,
            currency: $cur,
            ddp_market: $ddp,
            first: &[$($f),+],
            last: &[$($l),+],
            cities: &[$($c),+],
            domains: &[$($d),+],
            phone: $p,
            last_mile: $lm,
            pickup: $pk,
        }
    };
}

/// Every destination country the demo stores ship to.
pub(crate) static COUNTRIES: &[Country] = &[
    country!("US", En, "USD", true,
        first: ["James", "Michael", "Robert", "David", "Chris", "Jennifer|f", "Jessica|f", "Ashley|f", "Emily|f", "Sarah|f",
                "Tyler", "Brandon", "Megan|f", "Kayla|f", "Marcus", "Tanisha|f", "Kevin", "Lauren|f", "Dylan", "Brittany|f"],
        last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
               "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Robinson", "Walker", "Nguyen", "Patel"],
        cities: ["Los Angeles", "Houston", "Chicago", "Phoenix", "Brooklyn", "Columbus", "Charlotte", "Seattle", "Denver",
                 "Atlanta", "Miami", "Austin", "Portland", "Pittsburgh"],
        domains: ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com"],
        phone: "+1 (###) 555-01##", last_mile: "USPS", pickup: "USPS Post Office"),
    country!("CA", En, "CAD", false,
        first: ["Liam", "Noah", "Ethan", "Olivia|f", "Emma|f", "Charlotte|f", "Logan", "Avery|f", "Mathieu", "Chloé|f"],
        last: ["Tremblay", "Gagnon", "Roy", "Smith", "Brown", "Wilson", "MacDonald", "Campbell", "Côté", "Singh"],
        cities: ["Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa", "Edmonton"],
        domains: ["gmail.com", "hotmail.ca", "yahoo.ca", "outlook.com", "rogers.com"],
        phone: "+1 (416) 555-01##", last_mile: "Canada Post", pickup: "Canada Post outlet"),
    country!("GB", En, "GBP", true,
        first: ["Oliver", "Harry", "George", "Jack", "Charlie", "Amelia|f", "Olivia|f", "Isla|f", "Poppy|f", "Sophie|f",
                "Callum", "Liam", "Chloe|f", "Rhys", "Niamh|f", "Danielle|f"],
        last: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker",
               "Wright", "Hughes", "Patel", "Khan", "Murphy", "Edwards"],
        cities: ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol", "Liverpool", "Cardiff", "Sheffield"],
        domains: ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "btinternet.com", "sky.com"],
        phone: "+44 7700 900###", last_mile: "Royal Mail", pickup: "Royal Mail delivery office"),
    country!("IE", En, "EUR", true,
        first: ["Seán", "Aoife|f", "Ciarán", "Siobhán|f", "Conor", "Niamh|f", "Patrick", "Róisín|f"],
        last: ["Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor"],
        cities: ["Dublin", "Cork", "Galway", "Limerick"],
        domains: ["gmail.com", "eircom.net", "hotmail.com"],
        phone: "+353 8# ### ####", last_mile: "An Post", pickup: "An Post office"),
    country!("AU", En, "AUD", false,
        first: ["Jack", "Lachlan", "Mia|f", "Chloe|f", "Cooper", "Ruby|f", "Brodie", "Zoe|f"],
        last: ["Smith", "Jones", "Williams", "Brown", "Wilson", "Nguyen", "Kelly", "Mitchell"],
        cities: ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"],
        domains: ["gmail.com", "bigpond.com", "outlook.com.au", "hotmail.com"],
        phone: "+61 4## ### ###", last_mile: "Australia Post", pickup: "Australia Post parcel locker"),
    country!("DE", De, "EUR", true,
        first: ["Lukas", "Leon", "Finn", "Jonas", "Maximilian", "Felix", "Hannah|f", "Lena|f", "Anna|f", "Laura|f",
                "Marie|f", "Jürgen", "Sabine|f", "Thomas", "Stefanie|f", "Katrin|f", "Uwe", "Dennis"],
        last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
               "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Zimmermann", "Krüger"],
        cities: ["Frankfurt am Main", "Berlin", "Hamburg", "München", "Köln", "Stuttgart", "Düsseldorf", "Leipzig",
                 "Dortmund", "Bremen", "Nürnberg"],
        domains: ["gmx.de", "web.de", "t-online.de", "gmail.com", "freenet.de", "posteo.de"],
        phone: "+49 15# #######", last_mile: "DHL Paket", pickup: "DHL Packstation"),
    country!("AT", De, "EUR", true,
        first: ["Florian", "Lukas", "Katharina|f", "Julia|f", "Markus", "Elisabeth|f", "David", "Sarah|f"],
        last: ["Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Hofer"],
        cities: ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck"],
        domains: ["gmx.at", "aon.at", "gmail.com", "chello.at"],
        phone: "+43 66# ######", last_mile: "Österreichische Post", pickup: "Post-Partner"),
    country!("FR", Fr, "EUR", true,
        first: ["Lucas", "Hugo", "Louis", "Jules", "Léa|f", "Chloé|f", "Manon|f", "Camille|f", "Inès|f", "Nathalie|f",
                "Sébastien", "Julien", "Élodie|f", "Mathieu", "Aurélie|f", "Théo"],
        last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
               "Laurent", "Lefèvre", "Michel", "Garcia", "Roux", "Fournier", "Girard"],
        cities: ["Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Bordeaux", "Lille", "Strasbourg", "Rennes"],
        domains: ["orange.fr", "free.fr", "laposte.net", "gmail.com", "hotmail.fr", "sfr.fr"],
        phone: "+33 6 ## ## ## ##", last_mile: "Colissimo", pickup: "point relais"),
    country!("ES", Es, "EUR", true,
        first: ["Hugo", "Martín", "Lucía|f", "Sofía|f", "Pablo", "Javier", "Alejandro", "Laura|f", "Marta|f", "Carmen|f",
                "Sergio", "Raúl", "Paula|f", "Nerea|f", "Iker", "Álvaro"],
        last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
               "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Muñoz", "Navarro"],
        cities: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Bilbao", "Alicante", "Murcia"],
        domains: ["gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"],
        phone: "+34 6## ## ## ##", last_mile: "Correos", pickup: "oficina de Correos"),
    country!("MX", Es, "MXN", false,
        first: ["José Luis", "Guadalupe|f", "Fernanda|f", "Diego", "Ximena|f", "Emiliano", "Juan Carlos", "Daniela|f"],
        last: ["Hernández", "García", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Cruz"],
        cities: ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "Querétaro"],
        domains: ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx"],
        phone: "+52 55 #### ####", last_mile: "Correos de México", pickup: "sucursal de Correos"),
    country!("IT", It, "EUR", true,
        first: ["Francesco", "Alessandro", "Lorenzo", "Matteo", "Giulia|f", "Chiara|f", "Francesca|f", "Sofia|f",
                "Aurora|f", "Giorgia|f", "Marco", "Luca", "Federica|f", "Valentina|f", "Davide", "Simone"],
        last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
               "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa"],
        cities: ["Milano", "Roma", "Napoli", "Torino", "Palermo", "Bologna", "Firenze", "Bari", "Verona"],
        domains: ["libero.it", "gmail.com", "alice.it", "virgilio.it", "hotmail.it", "tiscali.it"],
        phone: "+39 3## ### ####", last_mile: "Poste Italiane", pickup: "ufficio postale"),
    country!("BR", Pt, "BRL", false,
        first: ["João", "Pedro", "Lucas", "Gabriel", "Ana|f", "Maria|f", "Juliana|f", "Fernanda|f", "Larissa|f",
                "Camila|f", "Thiago", "Rafael", "Bruna|f", "Letícia|f", "Mateus", "Vinícius"],
        last: ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
               "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Araújo"],
        cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Recife", "Salvador",
                 "Fortaleza", "Brasília", "Campinas"],
        domains: ["gmail.com", "hotmail.com", "uol.com.br", "bol.com.br", "outlook.com", "yahoo.com.br"],
        phone: "+55 11 9####-####", last_mile: "Correios", pickup: "agência dos Correios"),
    country!("PT", Pt, "EUR", true,
        first: ["João", "Rodrigo", "Inês|f", "Beatriz|f", "Tiago", "Mariana|f", "Duarte", "Leonor|f"],
        last: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Martins", "Sousa"],
        cities: ["Lisboa", "Porto", "Braga", "Coimbra", "Faro"],
        domains: ["gmail.com", "sapo.pt", "hotmail.com", "outlook.pt"],
        phone: "+351 9## ### ###", last_mile: "CTT", pickup: "loja CTT"),
    country!("PL", Pl, "PLN", true,
        first: ["Jakub", "Kacper", "Szymon", "Antoni", "Zuzanna|f", "Julia|f", "Maja|f", "Zofia|f", "Katarzyna|f",
                "Agnieszka|f", "Piotr", "Tomasz", "Paweł", "Magdalena|f", "Łukasz", "Michał"],
        last: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
               "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Jankowski"],
        cities: ["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Katowice", "Lublin", "Szczecin"],
        domains: ["wp.pl", "onet.pl", "o2.pl", "gmail.com", "interia.pl"],
        phone: "+48 5## ### ###", last_mile: "InPost", pickup: "Paczkomat InPost"),
    country!("NL", Nl, "EUR", true,
        first: ["Daan", "Sem", "Lucas", "Levi", "Emma|f", "Julia|f", "Tess|f", "Sophie|f", "Anouk|f", "Fleur|f", "Bram",
                "Thijs", "Jeroen", "Marieke|f", "Ruben", "Sanne|f"],
        last: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
               "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters"],
        cities: ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Breda"],
        domains: ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com", "xs4all.nl"],
        phone: "+31 6 ########", last_mile: "PostNL", pickup: "PostNL-punt"),
    country!("TR", Tr, "TRY", false,
        first: ["Mehmet", "Mustafa", "Ahmet", "Ali", "Emre", "Burak", "Zeynep|f", "Elif|f", "Ayşe|f", "Fatma|f",
                "Merve|f", "Esra|f", "Can", "Deniz|f", "Selin|f", "Oğuz"],
        last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
               "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara"],
        cities: ["İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana", "Eskişehir"],
        domains: ["gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"],
        phone: "+90 5## ### ## ##", last_mile: "PTT Kargo", pickup: "PTT şubesi"),
    country!("JP", Ja, "JPY", false,
        first: ["翔太|Shota", "大輝|Daiki", "拓海|Takumi", "健太|Kenta", "美咲|Misaki|f", "陽菜|Hina|f", "結衣|Yui|f",
                "さくら|Sakura|f", "葵|Aoi|f", "優子|Yuko|f", "直樹|Naoki", "恵|Megumi|f"],
        last: ["佐藤|Sato", "鈴木|Suzuki", "高橋|Takahashi", "田中|Tanaka", "伊藤|Ito", "渡辺|Watanabe", "山本|Yamamoto",
               "中村|Nakamura", "小林|Kobayashi", "加藤|Kato", "吉田|Yoshida", "山田|Yamada"],
        cities: ["Tokyo", "Osaka", "Yokohama", "Nagoya", "Sapporo", "Fukuoka", "Kobe", "Kyoto", "Sendai"],
        domains: ["yahoo.co.jp", "gmail.com", "docomo.ne.jp", "ezweb.ne.jp", "icloud.com"],
        phone: "+81 90-####-####", last_mile: "Japan Post", pickup: "郵便局"),
    country!("KR", Ko, "KRW", false,
        first: ["민준|Minjun", "서준|Seojun", "지호|Jiho", "도윤|Doyun", "서연|Seoyeon|f", "지우|Jiwoo|f", "하은|Haeun|f",
                "수빈|Subin|f", "현우|Hyunwoo", "은지|Eunji|f", "지훈|Jihoon", "예린|Yerin|f"],
        last: ["김|Kim", "이|Lee", "박|Park", "최|Choi", "정|Jung", "강|Kang", "조|Cho", "윤|Yoon", "장|Jang", "임|Lim",
               "한|Han", "신|Shin"],
        cities: ["Incheon", "Seoul", "Busan", "Daegu", "Daejeon", "Gwangju", "Suwon", "Ulsan"],
        domains: ["naver.com", "daum.net", "gmail.com", "hanmail.net", "kakao.com"],
        phone: "+82 10-####-####", last_mile: "CJ Logistics", pickup: "편의점 택배"),
    country!("RU", Ru, "RUB", false,
        first: ["Дмитрий|Dmitry", "Алексей|Alexey", "Сергей|Sergey", "Андрей|Andrey", "Иван|Ivan", "Максим|Maxim",
                "Анна|Anna|f", "Екатерина|Ekaterina|f", "Ольга|Olga|f", "Мария|Maria|f", "Наталья|Natalya|f",
                "Татьяна|Tatiana|f", "Юлия|Yulia|f", "Артём|Artyom"],
        last: ["Иванов|Ivanov", "Смирнов|Smirnov", "Кузнецов|Kuznetsov", "Попов|Popov", "Соколов|Sokolov",
               "Лебедев|Lebedev", "Козлов|Kozlov", "Новиков|Novikov", "Морозов|Morozov", "Петров|Petrov",
               "Волков|Volkov", "Васильев|Vasiliev", "Зайцев|Zaytsev", "Павлов|Pavlov"],
        cities: ["Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg", "Kazan", "Nizhny Novgorod", "Krasnodar",
                 "Samara", "Rostov-on-Don"],
        domains: ["mail.ru", "yandex.ru", "gmail.com", "rambler.ru", "bk.ru", "list.ru"],
        phone: "+7 9## ###-##-##", last_mile: "Russian Post", pickup: "пункт выдачи"),
    country!("SA", Ar, "SAR", false,
        first: ["محمد|Mohammed", "عبدالله|Abdullah", "فهد|Fahad", "خالد|Khalid", "سلطان|Sultan", "نورة|Noura|f",
                "سارة|Sara|f", "ريم|Reem|f", "فاطمة|Fatimah|f", "عبدالعزيز|Abdulaziz", "لمى|Lama|f", "تركي|Turki"],
        last: ["العتيبي|Alotaibi", "القحطاني|Alqahtani", "الغامدي|Alghamdi", "الشهري|Alshehri", "الدوسري|Aldosari",
               "الحربي|Alharbi", "الزهراني|Alzahrani", "المطيري|Almutairi"],
        cities: ["Riyadh", "Jeddah", "Dammam", "Mecca", "Medina", "Khobar"],
        domains: ["gmail.com", "hotmail.com", "outlook.sa", "icloud.com"],
        phone: "+966 5# ### ####", last_mile: "SPL", pickup: "SPL service point"),
    country!("AE", Ar, "AED", false,
        first: ["أحمد|Ahmed", "راشد|Rashid", "سيف|Saif", "مريم|Maryam|f", "شما|Shamma|f", "حمدان|Hamdan",
                "عائشة|Aisha|f", "منصور|Mansour"],
        last: ["المنصوري|Almansoori", "الكعبي|Alkaabi", "الشامسي|Alshamsi", "النعيمي|Alnuaimi", "الظاهري|Aldhaheri",
               "المزروعي|Almazrouei"],
        cities: ["Dubai", "Abu Dhabi", "Sharjah", "Ajman", "Al Ain"],
        domains: ["gmail.com", "hotmail.com", "outlook.com", "eim.ae"],
        phone: "+971 5# ### ####", last_mile: "Emirates Post", pickup: "Emirates Post office"),
    country!("TW", Zh, "TWD", false,
        first: ["家豪|Chia-hao", "志明|Chih-ming", "俊傑|Chun-chieh", "怡君|Yi-chun|f", "雅婷|Ya-ting|f", "淑芬|Shu-fen|f",
                "宗翰|Tsung-han", "佳穎|Chia-ying|f"],
        last: ["陳|Chen", "林|Lin", "黃|Huang", "張|Chang", "李|Lee", "王|Wang", "吳|Wu", "劉|Liu"],
        cities: ["Taoyuan", "Taipei", "Kaohsiung", "Taichung", "Tainan", "Hsinchu"],
        domains: ["gmail.com", "yahoo.com.tw", "hotmail.com", "msa.hinet.net"],
        phone: "+886 9## ### ###", last_mile: "Chunghwa Post", pickup: "7-ELEVEN 門市"),
];

/// Mainland-Chinese names for the Chinese-speaking diaspora buying in other countries.
pub(crate) static CN_FIRST: &[&str] = &[
    "伟|Wei",
    "芳|Fang|f",
    "敏|Min|f",
    "静|Jing|f",
    "磊|Lei",
    "洋|Yang",
    "婷婷|Tingting|f",
    "浩然|Haoran",
    "子轩|Zixuan",
    "欣怡|Xinyi|f",
    "俊杰|Junjie",
    "雨涵|Yuhan|f",
];
/// Mainland-Chinese family names.
pub(crate) static CN_LAST: &[&str] = &[
    "王|Wang",
    "李|Li",
    "张|Zhang",
    "刘|Liu",
    "陈|Chen",
    "杨|Yang",
    "黄|Huang",
    "赵|Zhao",
    "吴|Wu",
    "周|Zhou",
];
/// Chinese e-mail domains.
pub(crate) static CN_DOMAINS: &[&str] =
    &["qq.com", "163.com", "126.com", "gmail.com", "outlook.com"];
/// Hispanic names for Spanish-speaking buyers in the US.
pub(crate) static HISPANIC_FIRST: &[&str] = &[
    "José",
    "Luis",
    "Carlos",
    "María|f",
    "Guadalupe|f",
    "Juan",
    "Ana|f",
    "Rosa|f",
    "Jorge",
    "Alejandra|f",
];
/// Hispanic family names.
pub(crate) static HISPANIC_LAST: &[&str] = &[
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Ramírez",
    "Torres",
    "Rivera",
];

/// Index of a country by ISO code (`GB` also answers `UK`).
pub(crate) fn country_index(code: &str) -> Option<usize> {
    let code = if code == "UK" { "GB" } else { code };
    COUNTRIES.iter().position(|c| c.code == code)
}

/// One parsed name entry.
#[derive(Clone, Copy)]
pub(crate) struct NameEntry {
    /// How the buyer writes it (native script where there is one).
    pub native: &'static str,
    /// Latin transcription, used for e-mail addresses and handles.
    pub latin: &'static str,
    pub female: bool,
}

/// Parses `latin`, `latin|f`, `native|latin` or `native|latin|f`.
pub(crate) fn parse_entry(s: &'static str) -> NameEntry {
    let mut parts = s.split('|');
    let a = parts.next().unwrap_or(s);
    match (parts.next(), parts.next()) {
        (Some("f"), None) => NameEntry {
            native: a,
            latin: a,
            female: true,
        },
        (Some(b), Some(f)) => NameEntry {
            native: a,
            latin: b,
            female: f == "f",
        },
        (Some(b), None) => NameEntry {
            native: a,
            latin: b,
            female: false,
        },
        (None, _) => NameEntry {
            native: a,
            latin: a,
            female: false,
        },
    }
}

/// The feminine form of a Russian or Polish surname (`Смирнов` → `Смирнова`,
/// `Kowalski` → `Kowalska`); other surnames unchanged.
pub(crate) fn feminine_surname(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Ru
            if s.ends_with("ов") || s.ends_with("ев") || s.ends_with("ёв") || s.ends_with("ин") =>
        {
            format!("{s}а")
        }
        Lang::Ru if s.ends_with("ov") || s.ends_with("ev") || s.ends_with("in") => format!("{s}a"),
        Lang::Pl if s.ends_with("ski") || s.ends_with("cki") => {
            format!("{}a", &s[..s.len() - 1])
        }
        _ => s.to_string(),
    }
}
