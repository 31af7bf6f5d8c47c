//! German: buyers in Germany and Austria.

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &[
        "Hallo,",
        "Guten Tag,",
        "Moin,",
        "Hallo zusammen,",
        "Servus,",
    ],
    dear: &[
        "Sehr geehrte Damen und Herren,",
        "Hallo,",
        "Guten Tag,",
        "Liebes Acme-Home-Team,",
    ],
    bye: &[
        "Mit freundlichen Grüßen\n{name}",
        "Viele Grüße\n{name}",
        "MfG\n{name}",
        "Gruß\n{name}",
        "Danke und Gruß\n{name}",
    ],
    refs: &[
        "Bestellnummer: {order}.",
        "Meine Bestellung: {order}.",
        "(Bestellung {order})",
        "Es geht um die Bestellung {order}.",
    ],
    track: &[
        "Sendungsnummer: {tracking}.",
        "Die Sendungsverfolgung {tracking} zeigt nichts Neues.",
    ],
    phone: &[
        "Sie erreichen mich unter {phone}.",
        "Meine Handynummer: {phone}.",
    ],
    angry: &[
        "Das ist eine Frechheit.",
        "Ich erwarte umgehend eine Lösung.",
        "Sehr enttäuschend.",
        "So geht das nicht.",
        "Unfassbar.",
    ],
    polite: &[
        "Vielen Dank im Voraus.",
        "Danke!",
        "Ich freue mich auf Ihre Antwort.",
        "Danke für Ihre Hilfe.",
    ],
    again: &[
        "Ich habe Ihnen schon vor zwei Tagen geschrieben und keine Antwort bekommen.",
        "Ich melde mich jetzt zum zweiten Mal wegen dieser Sache.",
    ],
    follow: &[
        "Gibt es etwas Neues?",
        "Hallo?? Ich warte immer noch auf eine Antwort.",
        "Seit zwei Tagen keine Antwort. Bitte melden Sie sich.",
        "Ist da jemand?",
        "Nachfrage zu meiner Nachricht unten.",
    ],
    tags: &["#Kundenservice", "#Reklamation", "#Abzocke", "#nieWieder"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Meine Bestellung ist nach {days} Tagen immer noch nicht da.",
                "Wo bleibt mein Paket? Vor {days} Tagen bestellt und die Sendungsverfolgung bewegt sich seit einer Woche nicht.",
                "Seit Ewigkeiten steht da nur \"in Zustellung\". Es hätte längst ankommen sollen.",
                "In der Anzeige stand Lieferung in 7–10 Tagen. Jetzt sind es {days} Tage.",
            ],
            more: &[
                "Der voraussichtliche Liefertermin ist längst vorbei.",
                "Ich schaue jeden Tag nach, nichts passiert.",
                "Ich brauche es bis zum Wochenende.",
            ],
            subject: &[
                "Wo ist meine Bestellung?",
                "Lieferung verspätet",
                "Paket noch nicht angekommen",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "Mein Paket hängt beim Zoll fest und keiner sagt mir warum.",
                "Laut Sendungsverfolgung liegt es seit {days} Tagen beim Zoll. Welche Unterlagen fehlen?",
                "Der Zoll will eine Rechnung für meine Bestellung. Können Sie mir eine schicken?",
                "Der Paketdienst schreibt, die Sendung wird vom Zoll zurückgehalten, es fehlen Dokumente vom Absender.",
            ],
            more: &[
                "Ich kann von meiner Seite nichts machen.",
                "Bitte kümmern Sie sich darum.",
            ],
            subject: &["Paket beim Zoll", "Zoll braucht Unterlagen"],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Laut Tracking zugestellt, aber ich habe nichts bekommen.",
                "D|Gestern als zugestellt markiert. Nicht im Briefkasten, nicht bei den Nachbarn.",
                "N|Mein Paket ist verloren gegangen. Seit {days} Tagen keine Aktualisierung.",
                "D|Angeblich in {city} zugestellt, hier ist aber nichts angekommen.",
            ],
            more: &[
                "Ich habe alle Nachbarn gefragt.",
                "Bitte schicken Sie Ersatz oder erstatten Sie den Betrag.",
            ],
            subject: &[
                "Als zugestellt markiert, aber nicht erhalten",
                "Paket verloren",
            ],
        },
        // logistics.damaged
        Phr {
            core: &[
                "Der Karton kam völlig zerdrückt an und der Artikel ist kaputt.",
                "Ware beschädigt angekommen, das Glas hat einen Sprung.",
                "Das Paket war nass und aufgerissen, die Hälfte ist hinüber.",
                "Kaputt angekommen. Fotos im Anhang.",
            ],
            more: &[
                "Die Verpackung war nur eine dünne Plastiktüte.",
                "Fotos vom Karton und vom Artikel anbei.",
            ],
            subject: &["Ware beschädigt angekommen", "Transportschaden"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "Der Bote hat nicht mal geklingelt, nur eine Karte eingeworfen, ich sei nicht da. Ich WAR zu Hause.",
                "Mein Paket wurde ohne Rückfrage in eine Filiale am anderen Ende der Stadt gebracht.",
                "Laut Tracking Zustellung fehlgeschlagen, Adresse falsch. Meine Adresse stimmt!",
                "Der Fahrer war total unfreundlich und hat das Paket über den Zaun geworfen.",
            ],
            more: &[
                "Das ist schon das zweite Mal mit {carrier}.",
                "Ich war den ganzen Tag zu Hause.",
            ],
            subject: &["Zustellung fehlgeschlagen", "Problem mit dem Zusteller"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Nach 3 Tagen funktioniert es nicht mehr.",
                "E|Lässt sich überhaupt nicht einschalten. Andere Kabel und Steckdosen probiert.",
                "E|Eine Woche lief es, dann war es tot.",
                "A|Die Qualität ist unterirdisch, die Naht ist beim ersten Tragen gerissen.",
                "E|Wird extrem heiß und schaltet sich nach ein paar Minuten ab.",
                "Beim zweiten Benutzen kaputtgegangen. Billigste Qualität.",
            ],
            more: &[
                "Ich habe mich genau an die Anleitung gehalten.",
                "Video vom Fehler im Anhang.",
            ],
            subject: &["Artikel defekt", "Gerät funktioniert nicht"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Ich habe Schwarz bestellt und Rosa bekommen.",
                "A|Falsche Größe geliefert, bestellt war M, gekommen ist XS.",
                "Sieht überhaupt nicht aus wie auf den Fotos, die Farbe ist komplett anders.",
                "Das ist nicht der Artikel, den ich bestellt habe.",
            ],
            more: &[
                "Die Artikelbeschreibung ist irreführend.",
                "Foto neben dem Angebotsbild anbei.",
            ],
            subject: &[
                "Falscher Artikel geliefert",
                "Entspricht nicht der Beschreibung",
            ],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "Das ist eindeutig eine Fälschung, das Logo ist schief.",
                "Sie verkaufen gefälschte Ware, das ist kein Original.",
                "Die Seriennummer existiert beim Hersteller nicht. FAKE.",
            ],
            more: &[
                "Ich werde das Angebot melden.",
                "Der Verkauf von Fälschungen ist strafbar.",
            ],
            subject: &["Gefälschter Artikel"],
        },
        // billing.refund
        Phr {
            core: &[
                "Wo bleibt meine Erstattung? Angeblich vor {days} Tagen veranlasst.",
                "Ich habe den Artikel vor zwei Wochen zurückgeschickt und noch immer kein Geld.",
                "Ich möchte bitte den vollen Kaufpreis zurück.",
                "Bitte erstatten Sie mir {amount}, ich will keinen Ersatz.",
            ],
            more: &[
                "Laut Rücksendungsverfolgung haben Sie das Paket erhalten.",
                "Ich will einfach nur mein Geld zurück.",
            ],
            subject: &["Erstattung", "Rückerstattung noch nicht erhalten"],
        },
        // billing.duties
        Phr {
            core: &[
                "Ich musste an der Tür {amount} Einfuhrabgaben zahlen! Davon stand nirgends etwas.",
                "Der Zusteller will Zollgebühren, bevor er liefert. Im Angebot stand inklusive Zoll.",
                "Warum wurde bei der Zustellung nochmal Einfuhrumsatzsteuer verlangt? Die habe ich beim Kauf schon bezahlt.",
            ],
            more: &[
                "Das ist fast so viel wie der Artikel gekostet hat.",
                "Ich möchte diese Gebühren erstattet haben.",
            ],
            subject: &[
                "Unerwartete Zollgebühren",
                "Einfuhrumsatzsteuer doppelt bezahlt",
            ],
        },
        // billing.payment
        Phr {
            core: &[
                "Mir wurde dieselbe Bestellung zweimal abgebucht.",
                "Die Zahlung ist fehlgeschlagen, das Geld wurde trotzdem abgebucht.",
                "Meine Karte wurde mit {amount} belastet, auf der Seite stand ein niedrigerer Preis.",
            ],
            more: &[
                "Kontoauszug im Anhang.",
                "Bitte buchen Sie die doppelte Zahlung zurück.",
            ],
            subject: &["Doppelt abgebucht", "Problem mit der Zahlung"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Bitte stornieren Sie meine Bestellung, ich habe mich verklickt.",
                "Kann ich die Lieferadresse noch ändern? Ich bin gerade umgezogen.",
                "A|Bitte vor dem Versand die Größe auf L ändern.",
                "Bitte stornieren, das dauert mir zu lange.",
            ],
            more: &[
                "Es ist wohl noch nicht verschickt.",
                "Bitte kurz bestätigen.",
            ],
            subject: &["Stornierung", "Adressänderung"],
        },
        // service.complaint
        Phr {
            core: &[
                "Ich habe Ihnen 4 Nachrichten geschrieben und keine einzige Antwort bekommen. Miserabler Kundenservice.",
                "Ihr Support schickt nur Textbausteine, die nichts beantworten.",
                "Sie haben versprochen, mich gestern zurückzurufen. Niemand hat angerufen.",
                "Der schlechteste Kundenservice, den ich je erlebt habe.",
            ],
            more: &["Ich bin echt enttäuscht.", "Hier bestelle ich nie wieder."],
            subject: &["Beschwerde über den Kundenservice"],
        },
        // abuse
        Phr {
            core: &[
                "Entweder Sie erstatten heute oder ich poste überall, dass Sie Betrüger sind, und gebe in jedem Ihrer Shops 1 Stern.",
                "Volle Erstattung und ich behalte den Artikel, sonst gibt es eine Rückbuchung und eine Anzeige.",
                "Ihr seid Diebe und Vollidioten. Ich weiß, wo euer Lager ist.",
            ],
            more: &["Sie haben 24 Stunden.", "Legen Sie sich nicht mit mir an."],
            subject: &["Letzte Warnung"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Hat das Gerät einen EU-Stecker?",
                "O|Wann wird meine Bestellung verschickt?",
                "P|Liefern Sie auch nach {city}?",
                "A|Fällt die Größe normal aus? Ich trage sonst M.",
                "Kann ich eine Rechnung mit der USt-IdNr. meiner Firma bekommen?",
            ],
            more: &["Danke schon mal!", "Ich möchte vor dem Kauf sichergehen."],
            subject: &["Frage zu meiner Bestellung", "Frage zum Artikel"],
        },
        // praise
        Phr {
            core: &[
                "Bestellung ist da, super schnelle Lieferung und tolle Qualität. Danke!",
                "Bin begeistert, funktioniert einwandfrei!",
                "Danke, dass Sie mein Problem so schnell gelöst haben. Top Service!",
                "Für den Preis eine klasse Qualität, ich bestelle wieder.",
            ],
            more: &["Habe Sie schon weiterempfohlen.", "Fünf Sterne von mir."],
            subject: &["Danke!", "Toller Service"],
        },
    ],
    battery: &[
        "Die Powerbank von Ihnen ist AUFGEBLÄHT und glühend heiß. Sie lag neben dem Bett meines Kindes. Das hätte brennen können!",
        "Der Akku hat sich so aufgebläht, dass das Gehäuse aufgeplatzt ist. Lebensgefährlich.",
    ],
    smoke: &[
        "Das Gerät hat am Netz angefangen zu qualmen und einen Brandfleck auf der Arbeitsplatte hinterlassen.",
        "Es gab Funken und Rauch, ich habe mir beim Ausstecken die Hand verbrannt.",
    ],
    legal: &[
        "Wenn ich bis Freitag meine {amount} nicht zurück habe, meldet sich mein Anwalt und ich gehe zur Verbraucherzentrale.",
        "Ich habe mich bereits bei der Verbraucherzentrale beschwert, mein Anwalt bereitet eine Klage vor.",
    ],
    press: &[
        "Hallo {mention}, ich bin Journalistin und recherchiere zu überhitzenden Powerbanks aus Onlineshops. Mehrere Leser haben uns Fotos Ihres Produkts geschickt. Bekommen wir bis morgen ein Statement?",
    ],
};
