//! Polish: buyers in Poland (paczkomat culture included).

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &["Dzień dobry,", "Cześć,", "Witam,", "Hej,"],
    dear: &["Szanowni Państwo,", "Dzień dobry,", "Witam,"],
    bye: &[
        "Pozdrawiam,\n{name}",
        "Z poważaniem,\n{name}",
        "Dziękuję,\n{name}",
        "{name}",
    ],
    refs: &[
        "Numer zamówienia: {order}.",
        "Moje zamówienie: {order}.",
        "(zamówienie {order})",
    ],
    track: &[
        "Numer przesyłki: {tracking}.",
        "Śledzenie {tracking} stoi w miejscu.",
    ],
    phone: &["Mój numer: {phone}.", "Proszę dzwonić pod {phone}."],
    angry: &[
        "To jest skandal.",
        "Oczekuję rozwiązania dzisiaj.",
        "Jestem bardzo rozczarowany.",
        "Żenada.",
        "Serio?",
    ],
    polite: &[
        "Z góry dziękuję.",
        "Dziękuję!",
        "Czekam na odpowiedź.",
        "Dzięki za pomoc.",
    ],
    again: &[
        "Pisałem do Was dwa dni temu i zero odpowiedzi.",
        "To już drugi raz, kiedy piszę w tej sprawie.",
    ],
    follow: &[
        "Są jakieś nowości?",
        "Halo?? Nadal czekam na odpowiedź.",
        "Dwa dni bez odpowiedzi.",
        "Jest tam ktoś?",
        "Przypominam o mojej wiadomości.",
    ],
    tags: &["#oszustwo", "#reklamacja", "#obsługaklienta"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Moje zamówienie nadal nie dotarło, czekam już {days} dni.",
                "Gdzie jest moja paczka?? Zamówiłem {days} dni temu, a śledzenie stoi od tygodnia.",
                "Od wieków jest status \"w drodze\". Dawno powinna być.",
                "W ogłoszeniu była dostawa 7–10 dni, a minęło już {days} dni.",
            ],
            more: &[
                "Przewidywana data dostawy dawno minęła.",
                "Sprawdzam śledzenie codziennie i nic.",
                "Potrzebuję tego na weekend.",
            ],
            subject: &[
                "Gdzie jest moje zamówienie?",
                "Paczka nie dotarła",
                "Opóźnienie dostawy",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "Paczka utknęła w urzędzie celnym i nikt nie mówi dlaczego.",
                "Według śledzenia od {days} dni jest w odprawie celnej. Jakich dokumentów potrzebują?",
                "Urząd celny prosi o fakturę do zamówienia. Możecie mi ją wysłać?",
                "Przewoźnik pisze, że przesyłka jest zatrzymana przez celników i czeka na dokumenty od nadawcy.",
            ],
            more: &[
                "Ja nic nie mogę zrobić.",
                "Proszę skontaktować się z przewoźnikiem.",
            ],
            subject: &[
                "Paczka zatrzymana przez urząd celny",
                "Dokumenty do odprawy",
            ],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Śledzenie pokazuje doręczono, ale nic nie dostałem.",
                "D|Wczoraj oznaczona jako doręczona. Nie ma jej w skrzynce ani u sąsiadów.",
                "N|Moja paczka zaginęła, brak aktualizacji od {days} dni.",
                "D|Podobno doręczona do paczkomatu, ale nie dostałem kodu odbioru.",
            ],
            more: &[
                "Pytałem wszystkich sąsiadów.",
                "Proszę o ponowną wysyłkę albo zwrot pieniędzy.",
            ],
            subject: &["Doręczona, ale nie odebrana", "Zaginiona paczka"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "Karton przyszedł całkowicie zgnieciony, a produkt w środku jest zepsuty.",
                "Towar dotarł uszkodzony, szkło jest pęknięte.",
                "Paczka przyszła mokra i rozdarta, połowa do wyrzucenia.",
                "Przyszło zepsute. Zdjęcia w załączniku.",
            ],
            more: &[
                "Opakowanie to była cienka foliówka.",
                "Zdjęcia kartonu i produktu w załączniku.",
            ],
            subject: &["Towar dotarł uszkodzony", "Uszkodzona przesyłka"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "Kurier nawet nie zadzwonił, zostawił awizo, że mnie nie było. BYŁEM w domu.",
                "Paczkę bez pytania wysłali do punktu na drugim końcu miasta.",
                "W śledzeniu jest błędny adres. Mój adres jest poprawny!",
                "Kurier był bardzo niemiły i przerzucił paczkę przez płot.",
            ],
            more: &[
                "To już drugi raz z {carrier}.",
                "Cały dzień czekałem w domu.",
            ],
            subject: &["Nieudana dostawa", "Problem z kurierem"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Przestało działać po 3 dniach.",
                "E|W ogóle się nie włącza. Próbowałem innych kabli i gniazdek.",
                "E|Działało tydzień i padło.",
                "A|Jakość tragiczna, szew puścił przy pierwszym założeniu.",
                "E|Bardzo się nagrzewa i po kilku minutach się wyłącza.",
                "Zepsuło się przy drugim użyciu. Jakość fatalna.",
            ],
            more: &[
                "Robiłem wszystko zgodnie z instrukcją.",
                "Nagranie z usterką w załączniku.",
            ],
            subject: &["Wadliwy produkt", "Nie działa"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Zamówiłam czarny, przyszedł różowy.",
                "A|Zły rozmiar, zamawiałem M, przyszło XS.",
                "W ogóle nie wygląda jak na zdjęciach, kolor zupełnie inny.",
                "To nie jest to, co zamówiłem, w paczce był inny produkt.",
            ],
            more: &[
                "Opis wprowadza w błąd.",
                "Zdjęcie obok zdjęcia z oferty w załączniku.",
            ],
            subject: &["Otrzymałem inny produkt", "Niezgodny z opisem"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "To ewidentna podróbka, logo jest krzywe.",
                "Sprzedajecie podróbki, to nie jest oryginał.",
                "Numer seryjny nie istnieje na stronie producenta. PODRÓBKA.",
            ],
            more: &["Zgłoszę ofertę.", "Sprzedaż podróbek jest nielegalna."],
            subject: &["Podrobiony produkt"],
        },
        // billing.refund
        Phr {
            core: &[
                "Gdzie mój zwrot pieniędzy? Podobno zlecony {days} dni temu.",
                "Odesłałem towar dwa tygodnie temu i dalej brak zwrotu.",
                "Proszę o pełny zwrot pieniędzy.",
                "Proszę oddać {amount}, nie chcę wymiany.",
            ],
            more: &[
                "Śledzenie zwrotu pokazuje, że go odebraliście.",
                "Chcę po prostu odzyskać pieniądze.",
            ],
            subject: &["Prośba o zwrot pieniędzy", "Nie otrzymałem zwrotu"],
        },
        // billing.duties
        Phr {
            core: &[
                "Musiałem zapłacić {amount} cła przy odbiorze! Nikt mnie nie uprzedził.",
                "Kurier chce, żebym zapłacił opłaty celne przed doręczeniem. W ofercie było, że cło wliczone.",
                "Dlaczego przy doręczeniu znowu pobrano VAT? Zapłaciłem go przy zakupie.",
            ],
            more: &[
                "To prawie tyle, co kosztował produkt.",
                "Proszę o zwrot tych opłat.",
            ],
            subject: &["Nieoczekiwane cło", "VAT pobrany dwa razy"],
        },
        // billing.payment
        Phr {
            core: &[
                "Pobraliście pieniądze dwa razy za to samo zamówienie.",
                "Płatność się nie udała, a pieniądze i tak zeszły z konta.",
                "Z karty pobrano {amount}, a na stronie cena była niższa.",
            ],
            more: &[
                "Wyciąg z banku w załączniku.",
                "Proszę anulować podwójne obciążenie.",
            ],
            subject: &["Podwójne obciążenie", "Problem z płatnością"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Proszę anulować moje zamówienie, pomyliłem się.",
                "Czy mogę zmienić adres dostawy? Właśnie się przeprowadziłem.",
                "A|Proszę zmienić rozmiar na L przed wysyłką.",
                "Anulujcie, za długo to trwa.",
            ],
            more: &[
                "Chyba jeszcze nie zostało wysłane.",
                "Proszę o potwierdzenie.",
            ],
            subject: &["Anulowanie zamówienia", "Zmiana adresu"],
        },
        // service.complaint
        Phr {
            core: &[
                "Wysłałem Wam 4 wiadomości i zero odpowiedzi. Fatalna obsługa klienta.",
                "Wasz support wysyła tylko gotowe formułki, które nic nie załatwiają.",
                "Obiecaliście oddzwonić wczoraj. Nikt nie zadzwonił.",
                "Najgorsza obsługa klienta, z jaką miałem do czynienia.",
            ],
            more: &[
                "Jestem naprawdę rozczarowana.",
                "Nigdy więcej u Was nie kupię.",
            ],
            subject: &["Skarga na obsługę klienta"],
        },
        // abuse
        Phr {
            core: &[
                "Albo zwrócicie pieniądze dzisiaj, albo napiszę wszędzie, że jesteście oszustami, i dam jedną gwiazdkę we wszystkich Waszych sklepach.",
                "Pełny zwrot i zatrzymuję towar, inaczej robię chargeback i zgłaszam Was.",
                "Jesteście złodziejami. Wiem, gdzie jest Wasz magazyn.",
            ],
            more: &["Macie 24 godziny.", "Nie radzę ze mną zadzierać."],
            subject: &["Ostatnie ostrzeżenie"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Czy urządzenie ma wtyczkę europejską?",
                "O|Kiedy wyślecie moje zamówienie?",
                "P|Czy wysyłacie do paczkomatu InPost?",
                "A|Czy rozmiarówka jest standardowa? Zwykle noszę M.",
                "Czy mogę dostać fakturę na firmę z NIP?",
            ],
            more: &["Z góry dzięki!", "Chcę się upewnić przed zakupem."],
            subject: &["Pytanie o zamówienie", "Pytanie o produkt"],
        },
        // praise
        Phr {
            core: &[
                "Zamówienie dotarło, błyskawiczna dostawa i świetna jakość. Dziękuję!",
                "Jestem zachwycona, działa idealnie!",
                "Dzięki za tak szybkie rozwiązanie problemu, super obsługa.",
                "Świetna jakość za tę cenę, na pewno zamówię jeszcze.",
            ],
            more: &["Poleciłem Was już znajomym.", "Pięć gwiazdek."],
            subject: &["Dziękuję!", "Świetna obsługa"],
        },
    ],
    battery: &[
        "Powerbank kupiony u Was SPUCHŁ i jest gorący. Leżał obok łóżka mojego dziecka. Mógł się zapalić!",
        "Bateria tak spuchła, że pękła obudowa. To bardzo niebezpieczne.",
    ],
    smoke: &[
        "Urządzenie zaczęło dymić podłączone do gniazdka i zostawiło ślad przypalenia na blacie.",
        "Poleciały iskry i dym, poparzyłem rękę przy wyciąganiu wtyczki.",
    ],
    legal: &[
        "Jeśli do piątku nie dostanę zwrotu {amount}, sprawą zajmie się mój prawnik i złożę skargę do UOKiK.",
        "Zgłosiłem już sprawę do rzecznika konsumentów, prawnik przygotowuje pozew.",
    ],
    press: &[],
};
