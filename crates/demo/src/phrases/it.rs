//! Italian: buyers in Italy.

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &["Buongiorno,", "Ciao,", "Salve,", "Buonasera,"],
    dear: &[
        "Gentili signori,",
        "Buongiorno,",
        "Salve,",
        "Gentile team Acme Home,",
    ],
    bye: &[
        "Cordiali saluti,\n{name}",
        "Grazie,\n{name}",
        "Saluti,\n{name}",
        "{name}",
        "Distinti saluti\n{name}",
    ],
    refs: &[
        "Numero d'ordine: {order}.",
        "Il mio ordine è {order}.",
        "(ordine {order})",
    ],
    track: &[
        "Numero di tracking: {tracking}.",
        "Il tracking {tracking} non si aggiorna.",
    ],
    phone: &["Potete chiamarmi al {phone}.", "Il mio numero è {phone}."],
    angry: &[
        "È inaccettabile.",
        "Voglio una soluzione subito.",
        "Molto deluso.",
        "Una vergogna.",
        "Ma stiamo scherzando?",
    ],
    polite: &[
        "Grazie in anticipo.",
        "Grazie mille.",
        "Attendo vostre notizie.",
        "Grazie per l'aiuto.",
    ],
    again: &[
        "Vi ho già scritto due giorni fa e nessuno mi ha risposto.",
        "È la seconda volta che vi contatto per questo.",
    ],
    follow: &[
        "Novità?",
        "Pronto?? Sto ancora aspettando una risposta.",
        "Sono passati due giorni senza risposta.",
        "C'è qualcuno?",
        "Sollecito il mio messaggio qui sotto.",
    ],
    tags: &["#truffa", "#assistenzaclienti", "#vergogna", "#reclamo"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Il mio ordine non è ancora arrivato e sono passati {days} giorni.",
                "Dov'è il mio pacco?? Ordinato {days} giorni fa e il tracking è fermo da una settimana.",
                "Il tracking dice \"in transito\" da una vita. Doveva già essere qui.",
                "Nell'annuncio c'era scritto consegna in 7-10 giorni, siamo a {days}.",
            ],
            more: &[
                "La data di consegna prevista è passata da un pezzo.",
                "Controllo il tracking ogni giorno, niente.",
                "Mi serve entro il fine settimana.",
            ],
            subject: &[
                "Dov'è il mio ordine?",
                "Ordine non ricevuto",
                "Ritardo nella consegna",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "Il mio pacco è bloccato in dogana e nessuno mi dice perché.",
                "Il tracking dice in dogana da {days} giorni. Quali documenti servono?",
                "La dogana mi chiede la fattura dell'ordine. Me la potete mandare?",
                "Il corriere dice che la spedizione è ferma in dogana in attesa di documenti del mittente.",
            ],
            more: &[
                "Io non posso fare niente.",
                "Per favore contattate il corriere.",
            ],
            subject: &["Pacco bloccato in dogana", "Documenti per la dogana"],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Il tracking dice consegnato ma io non ho ricevuto niente.",
                "D|Segnato come consegnato ieri. Non è nella cassetta né dai vicini.",
                "N|Il mio pacco si è perso, nessun aggiornamento da {days} giorni.",
                "D|Risulta consegnato a {city} ma qui non è arrivato nulla.",
            ],
            more: &[
                "Ho chiesto a tutti i vicini.",
                "Voglio una nuova spedizione o il rimborso.",
            ],
            subject: &["Risulta consegnato ma non ricevuto", "Pacco smarrito"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "La scatola è arrivata completamente schiacciata e il prodotto è rotto.",
                "Articolo arrivato danneggiato, il vetro è crepato.",
                "Il pacco è arrivato bagnato e strappato, metà roba rovinata.",
                "Arrivato rotto. Allego foto.",
            ],
            more: &[
                "L'imballaggio era un sacchetto di plastica sottilissimo.",
                "In allegato le foto della scatola e del prodotto.",
            ],
            subject: &["Articolo arrivato danneggiato", "Prodotto rotto"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "Il corriere non ha nemmeno suonato, ha lasciato un avviso dicendo che non c'ero. C'ERO eccome.",
                "Hanno lasciato il pacco in un punto di ritiro lontanissimo senza chiedere.",
                "Il tracking dice indirizzo errato. Il mio indirizzo è giusto!",
                "Il corriere è stato maleducatissimo e ha lanciato il pacco oltre il cancello.",
            ],
            more: &[
                "È la seconda volta con {carrier}.",
                "Sono stato a casa tutto il giorno.",
            ],
            subject: &["Consegna non riuscita", "Problema con il corriere"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Ha smesso di funzionare dopo 3 giorni.",
                "E|Non si accende proprio. Ho provato altri cavi e prese.",
                "E|Ha funzionato una settimana e poi è morto.",
                "A|Qualità pessima, la cucitura si è strappata la prima volta che l'ho messo.",
                "E|Si scalda tantissimo e si spegne da solo.",
                "Si è rotto al secondo utilizzo. Qualità scadente.",
            ],
            more: &[
                "Ho seguito le istruzioni alla lettera.",
                "Allego video del problema.",
            ],
            subject: &["Prodotto difettoso", "Non funziona"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Ho ordinato il nero e mi è arrivato il rosa.",
                "A|Taglia sbagliata, ho ordinato una M e mi è arrivata una XS.",
                "Non assomiglia per niente alle foto, il colore è completamente diverso.",
                "Non è quello che ho ordinato, articolo sbagliato.",
            ],
            more: &[
                "L'annuncio è ingannevole.",
                "Allego foto accanto a quella dell'annuncio.",
            ],
            subject: &["Articolo sbagliato", "Non conforme alla descrizione"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "È palesemente falso, il logo è storto.",
                "Vendete prodotti contraffatti, questo non è originale.",
                "Il numero di serie non esiste sul sito del produttore. FALSO.",
            ],
            more: &["Segnalerò l'annuncio.", "Vendere contraffazioni è reato."],
            subject: &["Prodotto contraffatto"],
        },
        // billing.refund
        Phr {
            core: &[
                "Dov'è il mio rimborso? Mi avete detto che era stato fatto {days} giorni fa.",
                "Ho reso l'articolo due settimane fa e ancora niente rimborso.",
                "Voglio il rimborso completo, per favore.",
                "Rimborsatemi i {amount}, non voglio la sostituzione.",
            ],
            more: &[
                "Il tracking del reso dice che l'avete ricevuto.",
                "Rivoglio solo i miei soldi.",
            ],
            subject: &["Richiesta di rimborso", "Rimborso non ricevuto"],
        },
        // billing.duties
        Phr {
            core: &[
                "Ho dovuto pagare {amount} di dazi alla consegna! Nessuno mi aveva avvisato.",
                "Il corriere vuole che paghi le spese doganali prima di consegnare. L'annuncio diceva tasse incluse.",
                "Perché mi hanno fatto pagare di nuovo l'IVA alla consegna? L'avevo già pagata all'acquisto.",
            ],
            more: &[
                "È quasi quanto è costato l'articolo.",
                "Voglio il rimborso di queste spese.",
            ],
            subject: &["Dazi doganali imprevisti", "IVA pagata due volte"],
        },
        // billing.payment
        Phr {
            core: &[
                "Mi avete addebitato due volte lo stesso ordine.",
                "Il pagamento non è andato a buon fine ma i soldi sono stati prelevati lo stesso.",
                "Sulla carta mi hanno addebitato {amount} ma sul sito il prezzo era più basso.",
            ],
            more: &[
                "Allego l'estratto conto.",
                "Stornate l'addebito doppio, per favore.",
            ],
            subject: &["Doppio addebito", "Problema con il pagamento"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Per favore annullate il mio ordine, ho sbagliato.",
                "Posso cambiare l'indirizzo di spedizione? Mi sono appena trasferito.",
                "A|Devo cambiare la taglia in L prima della spedizione.",
                "Annullate, ci sta mettendo troppo.",
            ],
            more: &[
                "Credo che non sia ancora partito.",
                "Confermatemi per favore.",
            ],
            subject: &["Annullamento ordine", "Cambio indirizzo"],
        },
        // service.complaint
        Phr {
            core: &[
                "Vi ho mandato 4 messaggi e zero risposte. Assistenza clienti pessima.",
                "Il vostro supporto manda solo risposte preconfezionate che non risolvono nulla.",
                "Avevate promesso di richiamarmi ieri. Non ha chiamato nessuno.",
                "Il peggior servizio clienti che abbia mai visto.",
            ],
            more: &["Sono davvero delusa.", "Non comprerò mai più da voi."],
            subject: &["Reclamo sull'assistenza clienti"],
        },
        // abuse
        Phr {
            core: &[
                "O mi rimborsate oggi o scrivo ovunque che siete dei truffatori e vi metto 1 stella in tutti i negozi.",
                "Rimborso totale e mi tengo l'articolo, altrimenti apro una contestazione con la banca e vi denuncio.",
                "Siete dei ladri e degli incapaci. So dov'è il vostro magazzino.",
            ],
            more: &["Avete 24 ore.", "Non sfidatemi."],
            subject: &["Ultimo avviso"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Il dispositivo ha la spina europea?",
                "O|Quando verrà spedito il mio ordine?",
                "P|Spedite anche a {city}?",
                "A|La taglia veste regolare? Di solito porto la M.",
                "Posso avere la fattura con la partita IVA della mia azienda?",
            ],
            more: &[
                "Grazie in anticipo!",
                "Voglio essere sicuro prima di ordinare.",
            ],
            subject: &["Domanda sul mio ordine", "Domanda sul prodotto"],
        },
        // praise
        Phr {
            core: &[
                "Ordine arrivato, spedizione velocissima e ottima qualità. Grazie!",
                "Lo adoro, funziona alla perfezione!",
                "Grazie per aver risolto il mio problema così in fretta, servizio top.",
                "Qualità ottima per il prezzo, ricomprerò.",
            ],
            more: &["Vi ho già consigliato agli amici.", "Cinque stelle."],
            subject: &["Grazie!", "Servizio eccellente"],
        },
    ],
    battery: &[
        "Il power bank comprato da voi si è GONFIATO ed è bollente. Era vicino al letto di mio figlio. Poteva prendere fuoco!",
        "La batteria si è gonfiata così tanto che la scocca si è spaccata. È pericolosissimo.",
    ],
    smoke: &[
        "Ha iniziato a fare fumo mentre era attaccato alla presa e ha lasciato una bruciatura sul piano.",
        "Sono uscite scintille e fumo, mi sono bruciato la mano staccando la spina.",
    ],
    legal: &[
        "Se entro venerdì non ricevo il rimborso di {amount}, vi contatterà il mio avvocato e farò segnalazione all'Antitrust.",
        "Ho già fatto reclamo a un'associazione di consumatori e il mio avvocato sta preparando una diffida.",
    ],
    press: &[],
};
