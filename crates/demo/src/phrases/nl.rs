//! Dutch: buyers in the Netherlands (and Flanders).

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &["Hallo,", "Hoi,", "Goedemiddag,", "Goedemorgen,", "Beste,"],
    dear: &["Geachte heer/mevrouw,", "Beste Acme Home,", "Hallo,"],
    bye: &[
        "Met vriendelijke groet,\n{name}",
        "Groetjes,\n{name}",
        "Mvg,\n{name}",
        "{name}",
    ],
    refs: &[
        "Ordernummer: {order}.",
        "Mijn bestelling is {order}.",
        "(bestelling {order})",
    ],
    track: &[
        "Track & trace: {tracking}.",
        "De track & trace {tracking} wordt niet bijgewerkt.",
    ],
    phone: &["Mijn nummer is {phone}.", "Bel me gerust op {phone}."],
    angry: &[
        "Dit is onacceptabel.",
        "Ik verwacht vandaag een oplossing.",
        "Erg teleurgesteld.",
        "Schandalig.",
        "Echt niet normaal.",
    ],
    polite: &[
        "Alvast bedankt.",
        "Dank je wel!",
        "Ik hoor graag van jullie.",
        "Bedankt voor de hulp.",
    ],
    again: &[
        "Ik heb jullie twee dagen geleden al gemaild en geen antwoord gekregen.",
        "Dit is al de tweede keer dat ik hierover contact opneem.",
    ],
    follow: &[
        "Al nieuws?",
        "Hallo?? Ik wacht nog steeds op antwoord.",
        "Al twee dagen geen reactie.",
        "Is daar iemand?",
        "Even een herinnering aan mijn bericht hieronder.",
    ],
    tags: &["#klantenservice", "#oplichting", "#pakketje"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Mijn bestelling is na {days} dagen nog steeds niet binnen.",
                "Waar blijft mijn pakket?? {days} dagen geleden besteld en de track & trace staat al een week stil.",
                "Er staat al eeuwen \"onderweg\". Het had er allang moeten zijn.",
                "In de advertentie stond levering in 7-10 dagen, het zijn er nu {days}.",
            ],
            more: &[
                "De verwachte leverdatum is allang verstreken.",
                "Ik check elke dag de track & trace, niks.",
                "Ik heb het nodig voor het weekend.",
            ],
            subject: &[
                "Waar is mijn bestelling?",
                "Bestelling niet ontvangen",
                "Vertraging levering",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "Mijn pakket zit vast bij de douane en niemand vertelt me waarom.",
                "Volgens de track & trace ligt het al {days} dagen bij de douane. Welke documenten zijn nodig?",
                "De douane vraagt om een factuur van mijn bestelling. Kunnen jullie die sturen?",
                "De vervoerder zegt dat de zending bij de douane wacht op documenten van de afzender.",
            ],
            more: &[
                "Ik kan er zelf niks aan doen.",
                "Neem alsjeblieft contact op met de vervoerder.",
            ],
            subject: &["Pakket vast bij de douane", "Documenten voor de douane"],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Volgens de track & trace bezorgd, maar ik heb niks ontvangen.",
                "D|Gisteren als bezorgd gemarkeerd. Niet in de brievenbus, niet bij de buren.",
                "N|Mijn pakket is kwijt, al {days} dagen geen update.",
                "D|Er staat bezorgd in {city}, maar hier is niks aangekomen.",
            ],
            more: &[
                "Ik heb alle buren gevraagd.",
                "Graag opnieuw versturen of geld terug.",
            ],
            subject: &["Bezorgd maar niet ontvangen", "Pakket kwijt"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "De doos kwam helemaal geplet aan en het product is kapot.",
                "Artikel beschadigd aangekomen, het glas is gebarsten.",
                "Pakket kwam nat en opengescheurd aan, de helft is verpest.",
                "Kapot aangekomen. Foto's in de bijlage.",
            ],
            more: &[
                "De verpakking was een dun plastic zakje.",
                "Foto's van de doos en het product bijgevoegd.",
            ],
            subject: &["Artikel beschadigd ontvangen", "Beschadigd pakket"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "De bezorger heeft niet eens aangebeld, alleen een briefje dat ik niet thuis was. Ik WAS thuis.",
                "Mijn pakket is zonder te vragen naar een afhaalpunt ver weg gebracht.",
                "Track & trace zegt adres onjuist. Mijn adres klopt gewoon!",
                "De bezorger was super onbeschoft en gooide het pakket over het hek.",
            ],
            more: &[
                "Dit is al de tweede keer met {carrier}.",
                "Ik ben de hele dag thuis geweest.",
            ],
            subject: &["Bezorging mislukt", "Probleem met de bezorger"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Na 3 dagen werkt het al niet meer.",
                "E|Gaat helemaal niet aan. Andere kabels en stopcontacten geprobeerd.",
                "E|Een week gewerkt en toen was het dood.",
                "A|Slechte kwaliteit, de naad scheurde de eerste keer dat ik het droeg.",
                "E|Wordt heel heet en slaat na een paar minuten af.",
                "De tweede keer gebruiken en het was al kapot. Waardeloze kwaliteit.",
            ],
            more: &[
                "Ik heb de handleiding precies gevolgd.",
                "Video van het probleem in de bijlage.",
            ],
            subject: &["Product defect", "Werkt niet"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Ik had zwart besteld en kreeg roze.",
                "A|Verkeerde maat, M besteld en XS gekregen.",
                "Lijkt totaal niet op de foto's, de kleur is compleet anders.",
                "Dit is niet wat ik besteld heb, verkeerd artikel.",
            ],
            more: &[
                "De beschrijving is misleidend.",
                "Foto naast de advertentiefoto bijgevoegd.",
            ],
            subject: &["Verkeerd artikel ontvangen", "Niet zoals beschreven"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "Dit is overduidelijk nep, het logo staat scheef.",
                "Jullie verkopen namaak, dit is geen origineel.",
                "Het serienummer bestaat niet op de site van de fabrikant. NEP.",
            ],
            more: &[
                "Ik ga de advertentie melden.",
                "Namaak verkopen is illegaal.",
            ],
            subject: &["Namaakproduct"],
        },
        // billing.refund
        Phr {
            core: &[
                "Waar blijft mijn terugbetaling? Volgens jullie {days} dagen geleden verwerkt.",
                "Ik heb het artikel twee weken geleden teruggestuurd en nog steeds geen geld.",
                "Ik wil graag mijn volledige aankoopbedrag terug.",
                "Stort de {amount} terug, ik wil geen vervanging.",
            ],
            more: &[
                "Volgens de retour track & trace hebben jullie het ontvangen.",
                "Ik wil gewoon mijn geld terug.",
            ],
            subject: &["Verzoek terugbetaling", "Terugbetaling niet ontvangen"],
        },
        // billing.duties
        Phr {
            core: &[
                "Ik moest {amount} invoerrechten betalen aan de deur! Niemand had dat gezegd.",
                "De bezorger wil dat ik douanekosten betaal voordat hij levert. In de advertentie stond inclusief invoerrechten.",
                "Waarom moest ik bij bezorging nog een keer btw betalen? Die had ik al bij het afrekenen betaald.",
            ],
            more: &[
                "Dat is bijna wat het product kostte.",
                "Ik wil die kosten terug.",
            ],
            subject: &["Onverwachte invoerrechten", "Dubbel btw betaald"],
        },
        // billing.payment
        Phr {
            core: &[
                "Ik ben twee keer afgeschreven voor dezelfde bestelling.",
                "De betaling mislukte maar het geld is wel van mijn rekening gegaan.",
                "Er is {amount} van mijn kaart afgeschreven, terwijl de prijs op de site lager was.",
            ],
            more: &[
                "Bankafschrift in de bijlage.",
                "Graag de dubbele afschrijving terugboeken.",
            ],
            subject: &["Dubbel afgeschreven", "Probleem met betaling"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Graag mijn bestelling annuleren, per ongeluk besteld.",
                "Kan ik het bezorgadres nog wijzigen? Ik ben net verhuisd.",
                "A|Kunnen jullie de maat naar L veranderen voor verzending?",
                "Annuleer maar, het duurt veel te lang.",
            ],
            more: &[
                "Volgens mij is het nog niet verstuurd.",
                "Graag een bevestiging.",
            ],
            subject: &["Bestelling annuleren", "Adres wijzigen"],
        },
        // service.complaint
        Phr {
            core: &[
                "Ik heb jullie 4 berichten gestuurd en nul reactie. Waardeloze klantenservice.",
                "Jullie support stuurt alleen standaardantwoorden die nergens op slaan.",
                "Jullie zouden me gisteren terugbellen. Niemand gebeld.",
                "De slechtste klantenservice die ik ooit heb meegemaakt.",
            ],
            more: &["Ik ben echt teleurgesteld.", "Ik bestel hier nooit meer."],
            subject: &["Klacht over klantenservice"],
        },
        // abuse
        Phr {
            core: &[
                "Of jullie betalen vandaag terug, of ik zet overal online dat jullie oplichters zijn en geef elke winkel van jullie 1 ster.",
                "Volledig geld terug en ik hou het product, anders doe ik een terugboeking en doe ik aangifte.",
                "Stelletje dieven en idioten. Ik weet waar jullie magazijn is.",
            ],
            more: &["Jullie hebben 24 uur.", "Test me niet."],
            subject: &["Laatste waarschuwing"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Heeft het apparaat een Europese stekker?",
                "O|Wanneer wordt mijn bestelling verzonden?",
                "P|Bezorgen jullie ook in {city}?",
                "A|Valt de maat normaal? Ik heb meestal M.",
                "Kan ik een factuur krijgen met het btw-nummer van mijn bedrijf?",
            ],
            more: &[
                "Alvast bedankt!",
                "Ik wil het zeker weten voordat ik bestel.",
            ],
            subject: &["Vraag over mijn bestelling", "Vraag over een product"],
        },
        // praise
        Phr {
            core: &[
                "Bestelling binnen, supersnelle levering en top kwaliteit. Bedankt!",
                "Ik ben er helemaal blij mee, werkt perfect!",
                "Bedankt dat jullie mijn probleem zo snel hebben opgelost, topservice.",
                "Geweldige kwaliteit voor die prijs, ik bestel zeker weer.",
            ],
            more: &["Ik heb jullie al aangeraden bij vrienden.", "Vijf sterren."],
            subject: &["Bedankt!", "Topservice"],
        },
    ],
    battery: &[
        "De powerbank die ik bij jullie kocht is OPGEZWOLLEN en gloeiend heet. Hij lag naast het bed van mijn kind. Dit had brand kunnen geven!",
        "De accu is zo opgezwollen dat de behuizing is gebarsten. Levensgevaarlijk.",
    ],
    smoke: &[
        "Het apparaat begon te roken in het stopcontact en liet een brandplek achter op het aanrecht.",
        "Er kwamen vonken en rook uit, ik heb mijn hand verbrand bij het uittrekken van de stekker.",
    ],
    legal: &[
        "Als ik vrijdag mijn {amount} niet terug heb, neemt mijn advocaat contact op en dien ik een klacht in bij de ACM.",
        "Ik heb al een melding gedaan bij ConsuWijzer en mijn advocaat bereidt een procedure voor.",
    ],
    press: &[],
};
