//! Turkish: buyers in Turkey.

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &["Merhaba,", "İyi günler,", "Selam,", "Merhabalar,"],
    dear: &["Sayın yetkili,", "Merhaba,", "İyi günler,"],
    bye: &[
        "Teşekkürler,\n{name}",
        "Saygılarımla,\n{name}",
        "İyi çalışmalar,\n{name}",
        "{name}",
    ],
    refs: &[
        "Sipariş numarası: {order}.",
        "Siparişim: {order}.",
        "(sipariş {order})",
    ],
    track: &[
        "Takip numarası: {tracking}.",
        "Takip numarası hiç güncellenmiyor: {tracking}.",
    ],
    phone: &[
        "Numaram: {phone}.",
        "Bana şu numaradan ulaşabilirsiniz: {phone}.",
    ],
    angry: &[
        "Bu kabul edilemez.",
        "Bugün bir çözüm bekliyorum.",
        "Çok hayal kırıklığına uğradım.",
        "Rezalet.",
        "Ciddi misiniz?",
    ],
    polite: &[
        "Şimdiden teşekkürler.",
        "Teşekkür ederim!",
        "Dönüşünüzü bekliyorum.",
        "Yardımınız için teşekkürler.",
    ],
    again: &[
        "İki gün önce de yazdım, hâlâ cevap yok.",
        "Bu konuda ikinci kez yazıyorum.",
    ],
    follow: &[
        "Bir gelişme var mı?",
        "Alo?? Hâlâ cevap bekliyorum.",
        "İki gündür cevap yok.",
        "Kimse yok mu?",
        "Aşağıdaki mesajımı hatırlatırım.",
    ],
    tags: &["#şikayetvar", "#müşterihizmetleri", "#dolandırıcılık"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Siparişim hâlâ gelmedi, {days} gün oldu.",
                "Kargom nerede?? {days} gün önce sipariş verdim, takip bir haftadır hiç değişmiyor.",
                "Takipte asırlardır \"yolda\" yazıyor. Çoktan gelmiş olması lazımdı.",
                "İlanda 7-10 günde teslimat yazıyordu, {days} gün oldu.",
            ],
            more: &[
                "Tahmini teslim tarihi çoktan geçti.",
                "Her gün takibe bakıyorum, hiçbir şey yok.",
                "Hafta sonuna kadar lazım.",
            ],
            subject: &["Siparişim nerede?", "Sipariş gelmedi", "Teslimat gecikmesi"],
        },
        // logistics.customs
        Phr {
            core: &[
                "Kargom gümrükte takıldı ve kimse nedenini söylemiyor.",
                "Takipte {days} gündür gümrükte bekliyor yazıyor. Hangi belgeler gerekiyor?",
                "Gümrük sipariş için fatura istiyor. Bana gönderebilir misiniz?",
                "Kargo firması, gönderinin gümrükte göndericiden belge beklediğini söylüyor.",
            ],
            more: &[
                "Benim yapabileceğim bir şey yok.",
                "Lütfen kargo firmasıyla iletişime geçin.",
            ],
            subject: &["Kargo gümrükte bekliyor", "Gümrük için belge"],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Takipte teslim edildi yazıyor ama ben hiçbir şey almadım.",
                "D|Dün teslim edildi olarak işaretlenmiş. Ne posta kutusunda ne komşularda.",
                "N|Kargom kayboldu, {days} gündür güncelleme yok.",
                "D|{city} adresine teslim edildi diyor ama bana hiçbir şey gelmedi.",
            ],
            more: &[
                "Bütün komşulara sordum.",
                "Yeniden gönderim ya da iade istiyorum.",
            ],
            subject: &["Teslim edildi görünüyor ama almadım", "Kayıp kargo"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "Kutu tamamen ezik geldi ve ürün kırık.",
                "Ürün hasarlı geldi, camı çatlak.",
                "Paket ıslak ve yırtık geldi, yarısı kullanılamaz halde.",
                "Kırık geldi. Fotoğrafları ekledim.",
            ],
            more: &[
                "Ambalaj ince bir poşetten ibaretti.",
                "Kutunun ve ürünün fotoğrafları ekte.",
            ],
            subject: &["Ürün hasarlı geldi", "Hasarlı kargo"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "Kurye zile bile basmadı, evde yoktunuz diye not bırakıp gitti. Evdeydim!",
                "Kargomu sormadan çok uzak bir şubeye bırakmışlar.",
                "Takipte adres hatalı yazıyor. Adresim doğru!",
                "Kurye çok kabaydı, paketi bahçe duvarının üstünden attı.",
            ],
            more: &[
                "Bu kargo firmasıyla bu ikinci oluyor.",
                "Bütün gün evde bekledim.",
            ],
            subject: &["Teslimat başarısız", "Kurye şikayeti"],
        },
        // product.defective
        Phr {
            core: &[
                "E|3 gün sonra çalışmayı bıraktı.",
                "E|Hiç açılmıyor. Başka kablo ve prizle de denedim.",
                "E|Bir hafta çalıştı, sonra öldü.",
                "A|Kalitesi berbat, ilk giyişte dikişi söküldü.",
                "E|Çok ısınıyor ve birkaç dakika sonra kendi kendine kapanıyor.",
                "İkinci kullanımda kırıldı. Kalite sıfır.",
            ],
            more: &[
                "Kullanım kılavuzuna harfiyen uydum.",
                "Sorunun videosu ekte.",
            ],
            subject: &["Ürün arızalı", "Çalışmıyor"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Siyah sipariş ettim, pembe geldi.",
                "A|Yanlış beden gelmiş, M sipariş ettim XS geldi.",
                "Fotoğraflarla hiç alakası yok, rengi bambaşka.",
                "Bu benim sipariş ettiğim ürün değil.",
            ],
            more: &[
                "Ürün açıklaması yanıltıcı.",
                "İlan fotoğrafının yanında çektiğim fotoğraf ekte.",
            ],
            subject: &["Yanlış ürün geldi", "Açıklamaya uygun değil"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "Bu resmen çakma, logosu yamuk.",
                "Sahte ürün satıyorsunuz, bu orijinal değil.",
                "Seri numarası üreticinin sitesinde yok. SAHTE.",
            ],
            more: &["İlanı şikayet edeceğim.", "Sahte ürün satmak suç."],
            subject: &["Sahte ürün"],
        },
        // billing.refund
        Phr {
            core: &[
                "İadem nerede? {days} gün önce yapıldı dediniz.",
                "Ürünü iki hafta önce iade ettim, hâlâ para yok.",
                "Tam iade istiyorum lütfen.",
                "Paramı iade edin, toplam {amount}. Değişim istemiyorum.",
            ],
            more: &[
                "İade takibinde teslim aldığınız görünüyor.",
                "Sadece paramı geri istiyorum.",
            ],
            subject: &["İade talebi", "İade ulaşmadı"],
        },
        // billing.duties
        Phr {
            core: &[
                "Kapıda {amount} gümrük vergisi ödemek zorunda kaldım! Kimse söylemedi.",
                "Kargo, teslimattan önce gümrük ücreti ödememi istiyor. İlanda vergiler dahil yazıyordu.",
                "Teslimatta neden tekrar KDV alındı? Satın alırken ödemiştim.",
            ],
            more: &[
                "Neredeyse ürünün fiyatı kadar.",
                "Bu ücretlerin iadesini istiyorum.",
            ],
            subject: &["Beklenmedik gümrük vergisi", "KDV iki kez alındı"],
        },
        // billing.payment
        Phr {
            core: &[
                "Aynı sipariş için iki kez ücret alındı.",
                "Ödeme başarısız oldu ama para hesabımdan çekildi.",
                "Kartımdan {amount} çekildi, sitedeki fiyat daha düşüktü.",
            ],
            more: &["Banka dökümü ekte.", "Lütfen mükerrer çekimi iade edin."],
            subject: &["İki kez ücret alındı", "Ödeme sorunu"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Lütfen siparişimi iptal edin, yanlışlıkla verdim.",
                "Teslimat adresini değiştirebilir miyim? Yeni taşındım.",
                "A|Kargoya vermeden bedeni L yapabilir misiniz?",
                "İptal edin, çok uzun sürdü.",
            ],
            more: &["Sanırım henüz kargoya verilmedi.", "Lütfen onaylayın."],
            subject: &["Sipariş iptali", "Adres değişikliği"],
        },
        // service.complaint
        Phr {
            core: &[
                "Size 4 mesaj attım, tek bir cevap yok. Berbat müşteri hizmetleri.",
                "Destek ekibiniz sadece hazır cevaplar gönderiyor, hiçbir şey çözülmüyor.",
                "Dün beni arayacağınızı söylediniz. Arayan olmadı.",
                "Gördüğüm en kötü müşteri hizmetleri.",
            ],
            more: &[
                "Gerçekten hayal kırıklığına uğradım.",
                "Bir daha sizden alışveriş yapmam.",
            ],
            subject: &["Müşteri hizmetleri şikayeti"],
        },
        // abuse
        Phr {
            core: &[
                "Ya bugün paramı iade edersiniz ya da her yere dolandırıcı olduğunuzu yazar, bütün mağazalarınıza 1 yıldız veririm.",
                "Tam iade yapın, ürün de bende kalsın, yoksa bankaya itiraz edip sizi şikayet ederim.",
                "Hırsızlar sizi. Deponuzun nerede olduğunu biliyorum.",
            ],
            more: &["24 saatiniz var.", "Beni denemeyin."],
            subject: &["Son uyarı"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Cihazın fişi Türkiye prizine uygun mu?",
                "O|Siparişim ne zaman kargoya verilecek?",
                "P|Türkiye'ye gönderim yapıyor musunuz?",
                "A|Kalıbı normal mi? Genelde M giyiyorum.",
                "Şirket adına fatura kesebilir misiniz?",
            ],
            more: &[
                "Şimdiden teşekkürler!",
                "Sipariş vermeden önce emin olmak istiyorum.",
            ],
            subject: &["Siparişimle ilgili soru", "Ürün hakkında soru"],
        },
        // praise
        Phr {
            core: &[
                "Siparişim geldi, süper hızlı kargo ve harika kalite. Teşekkürler!",
                "Bayıldım, mükemmel çalışıyor!",
                "Sorunumu bu kadar hızlı çözdüğünüz için teşekkürler, harika hizmet.",
                "Bu fiyata muhteşem kalite, yine alacağım.",
            ],
            more: &["Arkadaşlarıma da tavsiye ettim.", "Beş yıldız."],
            subject: &["Teşekkürler!", "Harika hizmet"],
        },
    ],
    battery: &[
        "Sizden aldığım powerbank ŞİŞTİ ve çok sıcak. Çocuğumun yatağının yanındaydı. Yangın çıkabilirdi!",
        "Pil o kadar şişti ki kasası çatladı. Çok tehlikeli.",
    ],
    smoke: &[
        "Cihaz prizdeyken duman çıkarmaya başladı ve tezgahta yanık izi bıraktı.",
        "Kıvılcım ve duman çıktı, fişi çekerken elimi yaktım.",
    ],
    legal: &[
        "Cuma gününe kadar iadem yapılmazsa (toplam {amount}) avukatım sizinle iletişime geçecek ve Tüketici Hakem Heyeti'ne başvuracağım.",
        "Tüketici Hakem Heyeti'ne başvurdum, avukatım dava hazırlığında.",
    ],
    press: &[],
};
