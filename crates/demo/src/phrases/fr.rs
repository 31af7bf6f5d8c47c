//! French: buyers in France (and Belgium, Switzerland, Quebec).

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &["Bonjour,", "Bonsoir,", "Salut,", "Bonjour à vous,"],
    dear: &[
        "Madame, Monsieur,",
        "Bonjour,",
        "Bonjour l'équipe Acme Home,",
    ],
    bye: &[
        "Cordialement,\n{name}",
        "Bien à vous,\n{name}",
        "Merci d'avance,\n{name}",
        "{name}",
        "Bonne journée,\n{name}",
    ],
    refs: &[
        "Numéro de commande : {order}.",
        "Ma commande : {order}.",
        "(commande {order})",
        "Il s'agit de la commande {order}.",
    ],
    track: &[
        "Numéro de suivi : {tracking}.",
        "Le suivi {tracking} ne bouge plus.",
    ],
    phone: &[
        "Vous pouvez me joindre au {phone}.",
        "Mon numéro : {phone}.",
    ],
    angry: &[
        "C'est inadmissible.",
        "J'attends une solution rapidement.",
        "Très déçu.",
        "C'est une honte.",
        "Franchement ?!",
    ],
    polite: &[
        "Merci d'avance.",
        "Merci beaucoup.",
        "Dans l'attente de votre réponse.",
        "Merci pour votre aide.",
    ],
    again: &[
        "Je vous ai déjà écrit il y a deux jours, aucune réponse.",
        "C'est la deuxième fois que je vous contacte pour ça.",
    ],
    follow: &[
        "Des nouvelles ?",
        "Allô ?? J'attends toujours une réponse.",
        "Ça fait deux jours sans réponse.",
        "Il y a quelqu'un ?",
        "Je relance ma demande ci-dessous.",
    ],
    tags: &["#arnaque", "#SAV", "#serviceclient", "#colis"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Ma commande n'est toujours pas arrivée, ça fait {days} jours.",
                "Où est mon colis ?? Commandé il y a {days} jours et le suivi ne bouge plus depuis une semaine.",
                "Le suivi indique \"en cours d'acheminement\" depuis des lustres. Il devrait être là depuis longtemps.",
                "L'annonce disait livraison en 7 à 10 jours, on en est à {days}.",
            ],
            more: &[
                "La date de livraison estimée est dépassée.",
                "Je vérifie le suivi tous les jours, rien.",
                "J'en ai besoin pour ce week-end.",
            ],
            subject: &[
                "Où est ma commande ?",
                "Colis non reçu",
                "Retard de livraison",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "Mon colis est bloqué en douane et personne ne m'explique pourquoi.",
                "Le suivi indique retenu en douane depuis {days} jours. Quels documents faut-il ?",
                "La douane me demande une facture pour ma commande. Pouvez-vous me l'envoyer ?",
                "Le transporteur dit que le colis attend des documents de l'expéditeur à la douane. C'est vous.",
            ],
            more: &[
                "Je ne peux rien faire de mon côté.",
                "Merci de contacter le transporteur.",
            ],
            subject: &["Colis bloqué en douane", "Documents pour la douane"],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|Le suivi dit livré mais je n'ai rien reçu.",
                "D|Marqué comme livré hier. Rien dans la boîte aux lettres, rien chez les voisins.",
                "N|Mon colis est perdu, aucune mise à jour depuis {days} jours.",
                "D|Soi-disant livré à {city}, mais rien ici.",
            ],
            more: &[
                "J'ai demandé à tous mes voisins.",
                "Je veux un renvoi ou un remboursement.",
            ],
            subject: &["Colis indiqué livré mais non reçu", "Colis perdu"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "Le carton est arrivé complètement écrasé et l'article est cassé.",
                "Article reçu endommagé, la vitre est fissurée.",
                "Le colis est arrivé trempé et déchiré, la moitié est fichue.",
                "Reçu cassé. Photos en pièce jointe.",
            ],
            more: &[
                "L'emballage, c'était un sachet plastique tout fin.",
                "Photos du carton et de l'article jointes.",
            ],
            subject: &["Article reçu endommagé", "Colis abîmé"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "Le livreur n'a même pas sonné, juste un avis de passage disant que j'étais absent. J'ÉTAIS chez moi.",
                "Mon colis a été déposé dans un point relais à l'autre bout de la ville sans me demander.",
                "Le suivi dit adresse incorrecte. Mon adresse est correcte !",
                "Le livreur a été super désagréable et a jeté le colis par-dessus le portail.",
            ],
            more: &[
                "C'est la deuxième fois avec {carrier}.",
                "J'étais chez moi toute la journée.",
            ],
            subject: &["Échec de livraison", "Problème avec le livreur"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Il ne marche plus au bout de 3 jours.",
                "E|Il ne s'allume pas du tout. J'ai essayé d'autres câbles et prises.",
                "E|Ça a marché une semaine puis plus rien.",
                "A|Qualité lamentable, la couture a lâché dès le premier port.",
                "E|Ça chauffe énormément et ça se coupe au bout de quelques minutes.",
                "Cassé à la deuxième utilisation. Qualité médiocre.",
            ],
            more: &[
                "J'ai suivi la notice à la lettre.",
                "Vidéo du problème jointe.",
            ],
            subject: &["Produit défectueux", "Appareil en panne"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "J'ai commandé le noir et j'ai reçu le rose.",
                "A|Mauvaise taille, j'ai commandé du M et reçu du XS.",
                "Rien à voir avec les photos, la couleur est complètement différente.",
                "Ce n'est pas l'article que j'ai commandé.",
            ],
            more: &[
                "L'annonce est trompeuse.",
                "Photo à côté de celle de l'annonce jointe.",
            ],
            subject: &["Mauvais article reçu", "Non conforme à la description"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "C'est clairement une contrefaçon, le logo est de travers.",
                "Vous vendez de la contrefaçon, ce n'est pas l'original.",
                "Le numéro de série n'existe pas sur le site du fabricant. FAUX.",
            ],
            more: &[
                "Je vais signaler l'annonce.",
                "Vendre de la contrefaçon est illégal.",
            ],
            subject: &["Article contrefait"],
        },
        // billing.refund
        Phr {
            core: &[
                "Où est mon remboursement ? Vous m'avez dit qu'il était fait il y a {days} jours.",
                "J'ai renvoyé l'article il y a deux semaines et toujours pas de remboursement.",
                "Je souhaite un remboursement intégral.",
                "Remboursez-moi les {amount}, je ne veux pas de remplacement.",
            ],
            more: &[
                "Le suivi du retour montre que vous l'avez reçu.",
                "Je veux juste récupérer mon argent.",
            ],
            subject: &["Demande de remboursement", "Remboursement non reçu"],
        },
        // billing.duties
        Phr {
            core: &[
                "J'ai dû payer {amount} de taxes à la livraison ! Personne ne m'avait prévenu.",
                "Le transporteur veut que je paie des frais de douane avant de livrer. L'annonce disait droits inclus.",
                "Pourquoi m'a-t-on facturé la TVA une deuxième fois à la livraison ? Je l'ai déjà payée à la commande.",
            ],
            more: &[
                "C'est presque le prix de l'article.",
                "Je veux être remboursé de ces frais.",
            ],
            subject: &["Frais de douane imprévus", "TVA payée deux fois"],
        },
        // billing.payment
        Phr {
            core: &[
                "J'ai été débité deux fois pour la même commande.",
                "Le paiement a échoué mais l'argent a quand même été prélevé.",
                "Ma carte a été débitée de {amount} alors que le prix affiché était plus bas.",
            ],
            more: &[
                "Relevé bancaire en pièce jointe.",
                "Merci d'annuler le double prélèvement.",
            ],
            subject: &["Double prélèvement", "Problème de paiement"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Merci d'annuler ma commande, je me suis trompé.",
                "Est-ce que je peux changer l'adresse de livraison ? Je viens de déménager.",
                "A|Pouvez-vous passer la taille en L avant l'expédition ?",
                "Annulez, c'est beaucoup trop long.",
            ],
            more: &[
                "Je pense qu'elle n'est pas encore partie.",
                "Merci de confirmer.",
            ],
            subject: &["Annulation de commande", "Changement d'adresse"],
        },
        // service.complaint
        Phr {
            core: &[
                "Je vous ai envoyé 4 messages et zéro réponse. Service client lamentable.",
                "Votre SAV n'envoie que des réponses toutes faites qui ne répondent à rien.",
                "Vous aviez promis de me rappeler hier. Personne n'a appelé.",
                "Le pire service client que j'aie jamais vu.",
            ],
            more: &[
                "Je suis vraiment déçue.",
                "Plus jamais je ne commande chez vous.",
            ],
            subject: &["Réclamation service client"],
        },
        // abuse
        Phr {
            core: &[
                "Remboursez-moi aujourd'hui ou je poste partout que vous êtes des arnaqueurs et je mets 1 étoile sur toutes vos boutiques.",
                "Remboursement total et je garde l'article, sinon j'ouvre un litige avec ma banque et je porte plainte.",
                "Bande de voleurs et d'incapables. Je sais où est votre entrepôt.",
            ],
            more: &["Vous avez 24 heures.", "Ne me cherchez pas."],
            subject: &["Dernier avertissement"],
        },
        // inquiry
        Phr {
            core: &[
                "M|Est-ce que l'appareil a une prise européenne ?",
                "O|Quand ma commande sera-t-elle expédiée ?",
                "P|Vous livrez à {city} ?",
                "A|La taille est-elle normale ? Je fais du M d'habitude.",
                "Puis-je avoir une facture avec le numéro de TVA de mon entreprise ?",
            ],
            more: &[
                "Merci d'avance !",
                "Je préfère vérifier avant de commander.",
            ],
            subject: &["Question sur ma commande", "Question sur un produit"],
        },
        // praise
        Phr {
            core: &[
                "Commande reçue, livraison super rapide et très bonne qualité. Merci !",
                "J'adore, ça marche parfaitement !",
                "Merci d'avoir réglé mon problème si vite, service au top.",
                "Super qualité pour le prix, je recommanderai.",
            ],
            more: &["Je vous ai déjà recommandé à mes amis.", "Cinq étoiles."],
            subject: &["Merci !", "Super service"],
        },
    ],
    battery: &[
        "La batterie externe achetée chez vous a GONFLÉ et elle est brûlante. Elle était à côté du lit de mon fils. Ça aurait pu prendre feu !",
        "La batterie a tellement gonflé que le boîtier s'est fendu. C'est dangereux.",
    ],
    smoke: &[
        "L'appareil s'est mis à fumer branché sur la prise et a laissé une trace de brûlure sur le plan de travail.",
        "Il y a eu des étincelles et de la fumée, je me suis brûlé la main en le débranchant.",
    ],
    legal: &[
        "Si je n'ai pas mon remboursement de {amount} d'ici vendredi, mon avocat vous contactera et je saisis la DGCCRF.",
        "J'ai déjà signalé votre boutique à la DGCCRF et mon avocat prépare une mise en demeure.",
    ],
    press: &[
        "Bonjour {mention}, je suis journaliste et je prépare un sujet sur les batteries externes qui surchauffent. Plusieurs lecteurs nous ont envoyé des photos de votre produit. Pouvez-vous réagir avant demain ?",
    ],
};
