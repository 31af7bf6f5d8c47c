//! Spanish: buyers in Spain, Mexico and Spanish speakers in the US.

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &[
        "Hola,",
        "Buenas,",
        "Buenos días,",
        "Hola buenas,",
        "Buenas tardes,",
    ],
    dear: &[
        "Estimados señores:",
        "Hola,",
        "Buenos días,",
        "Estimado equipo de Acme Home:",
    ],
    bye: &[
        "Gracias,\n{name}",
        "Un saludo,\n{name}",
        "Saludos cordiales,\n{name}",
        "{name}",
        "Atentamente,\n{name}",
    ],
    refs: &[
        "Número de pedido: {order}.",
        "Mi pedido es el {order}.",
        "(pedido {order})",
        "Es sobre el pedido {order}.",
    ],
    track: &[
        "Número de seguimiento: {tracking}.",
        "El seguimiento {tracking} no se actualiza.",
    ],
    phone: &["Mi teléfono es {phone}.", "Me podéis llamar al {phone}."],
    angry: &[
        "Esto es inaceptable.",
        "Quiero una solución ya.",
        "Estoy muy decepcionado.",
        "Vaya vergüenza.",
        "¿Me estáis tomando el pelo?",
    ],
    polite: &[
        "Gracias de antemano.",
        "Muchas gracias.",
        "Quedo a la espera de su respuesta.",
        "Un saludo.",
    ],
    again: &[
        "Ya os escribí hace dos días y nadie me ha contestado.",
        "Es la segunda vez que os escribo por esto.",
    ],
    follow: &[
        "¿Alguna novedad?",
        "Hola?? Sigo esperando respuesta.",
        "Ya van dos días sin respuesta.",
        "¿Hay alguien ahí?",
        "Sigo sin noticias.",
    ],
    tags: &[
        "#estafa",
        "#atencionalcliente",
        "#pésimoservicio",
        "#reclamación",
    ],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Mi pedido todavía no ha llegado y ya van {days} días.",
                "¿Dónde está mi paquete? Lo pedí hace {days} días y el seguimiento no se mueve desde hace una semana.",
                "El seguimiento lleva siglos diciendo \"en tránsito\". Ya debería haber llegado.",
                "Hace {days} días que compré y nada. En el anuncio ponía entrega en 7-10 días.",
            ],
            more: &[
                "La fecha estimada de entrega ya pasó.",
                "Miro el seguimiento todos los días y nada.",
                "Lo necesito para el fin de semana.",
            ],
            subject: &[
                "¿Dónde está mi pedido?",
                "Pedido no recibido",
                "Retraso en la entrega",
            ],
        },
        // logistics.customs
        Phr {
            core: &[
                "Mi paquete está retenido en aduanas y nadie me dice por qué.",
                "El seguimiento dice que está en aduana desde hace {days} días. ¿Qué documentos hacen falta?",
                "Aduanas me pide la factura del pedido. ¿Me la podéis enviar?",
                "El transportista dice que el envío está retenido en aduana a la espera de documentación del remitente.",
            ],
            more: &[
                "Yo no puedo hacer nada desde aquí.",
                "Por favor contactad con la empresa de transporte.",
            ],
            subject: &["Paquete retenido en aduanas", "Documentación para aduana"],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|El seguimiento dice entregado pero yo no he recibido nada.",
                "D|Marcado como entregado ayer. No está en el buzón ni lo tienen los vecinos.",
                "N|Creo que mi paquete se ha perdido, no hay actualizaciones desde hace {days} días.",
                "D|Dice entregado en {city} pero aquí no ha llegado nada.",
            ],
            more: &[
                "Ya pregunté a todos los vecinos.",
                "Quiero un reenvío o el reembolso.",
            ],
            subject: &["Entregado pero no recibido", "Paquete perdido"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "La caja llegó totalmente aplastada y el producto está roto.",
                "El artículo llegó dañado, el cristal está rajado.",
                "El paquete llegó mojado y abierto, la mitad está estropeado.",
                "Ha llegado roto. Adjunto fotos.",
            ],
            more: &[
                "El embalaje era una bolsa de plástico finísima.",
                "Adjunto fotos de la caja y del producto.",
            ],
            subject: &["Producto llegó dañado", "Artículo roto"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "El repartidor ni llamó al timbre, dejó un aviso diciendo que no había nadie. ¡Estaba en casa!",
                "Dejaron mi paquete en un punto de recogida lejísimos sin preguntar.",
                "El seguimiento dice dirección incorrecta. ¡Mi dirección está bien!",
                "El repartidor fue muy borde y tiró el paquete por encima de la valla.",
            ],
            more: &[
                "Es la segunda vez que pasa con {carrier}.",
                "Estuve todo el día en casa.",
            ],
            subject: &["Entrega fallida", "Problema con el repartidor"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Dejó de funcionar a los 3 días.",
                "E|No enciende. He probado otros cables y enchufes.",
                "E|Funcionó una semana y se murió.",
                "A|La calidad es malísima, la costura se rompió la primera vez que me lo puse.",
                "E|Se calienta muchísimo y se apaga solo.",
                "Se rompió la segunda vez que lo usé. Calidad pésima.",
            ],
            more: &[
                "He seguido las instrucciones al pie de la letra.",
                "Adjunto vídeo del problema.",
            ],
            subject: &["Producto defectuoso", "No funciona"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Pedí el negro y me llegó el rosa.",
                "A|Talla equivocada, pedí una M y me mandaron una XS.",
                "No se parece en nada a las fotos, el color es totalmente distinto.",
                "Esto no es lo que pedí, producto equivocado.",
            ],
            more: &[
                "El anuncio es engañoso.",
                "Adjunto foto junto a la del anuncio.",
            ],
            subject: &["Producto equivocado", "No coincide con la descripción"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "Esto es falso, se nota a leguas. El logo está torcido.",
                "Vendéis productos falsificados, esto no es original.",
                "El número de serie no existe en la web del fabricante. FALSO.",
            ],
            more: &[
                "Voy a denunciar el anuncio.",
                "Vender falsificaciones es ilegal.",
            ],
            subject: &["Producto falsificado"],
        },
        // billing.refund
        Phr {
            core: &[
                "¿Dónde está mi reembolso? Me dijisteis que estaba hecho hace {days} días.",
                "Devolví el artículo hace dos semanas y sigo sin reembolso.",
                "Quiero el reembolso completo, por favor.",
                "Devolvedme los {amount}, no quiero otro.",
            ],
            more: &[
                "El seguimiento de la devolución dice que lo recibisteis.",
                "Solo quiero mi dinero.",
            ],
            subject: &["Solicitud de reembolso", "Reembolso no recibido"],
        },
        // billing.duties
        Phr {
            core: &[
                "¡He tenido que pagar {amount} de aranceles en la puerta! Nadie me avisó.",
                "El transportista quiere que pague gastos de aduana antes de entregar. El anuncio decía impuestos incluidos.",
                "¿Por qué me han cobrado el IVA otra vez en la entrega? Ya lo pagué al comprar.",
            ],
            more: &[
                "Es casi lo que costó el producto.",
                "Quiero que me devolváis esos gastos.",
            ],
            subject: &["Cobro de aranceles inesperado", "IVA cobrado dos veces"],
        },
        // billing.payment
        Phr {
            core: &[
                "Me habéis cobrado dos veces el mismo pedido.",
                "El pago dio error pero el dinero salió de mi cuenta igualmente.",
                "Me cobraron {amount} en la tarjeta y el precio en la web era menor.",
            ],
            more: &[
                "Adjunto extracto del banco.",
                "Anulad el cargo duplicado, por favor.",
            ],
            subject: &["Cobro duplicado", "Problema con el pago"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Por favor cancelad mi pedido, me equivoqué.",
                "¿Puedo cambiar la dirección de envío? Me acabo de mudar.",
                "A|Necesito cambiar la talla a L antes de que lo enviéis.",
                "Cancelad el pedido, está tardando demasiado.",
            ],
            more: &["Creo que todavía no ha salido.", "Confirmadme, por favor."],
            subject: &["Cancelar pedido", "Cambio de dirección"],
        },
        // service.complaint
        Phr {
            core: &[
                "Os he mandado 4 mensajes y ni una respuesta. Atención al cliente pésima.",
                "Vuestro soporte solo manda respuestas automáticas que no resuelven nada.",
                "Me prometisteis llamarme ayer y nadie llamó.",
                "El peor servicio al cliente que he visto.",
            ],
            more: &["Estoy muy decepcionada.", "No vuelvo a comprar aquí."],
            subject: &["Queja sobre atención al cliente"],
        },
        // abuse
        Phr {
            core: &[
                "O me devolvéis el dinero hoy o publico en todas partes que sois unos estafadores y os pongo una estrella en todas las tiendas.",
                "Reembolso completo y me quedo el producto, o abro una disputa con el banco y os denuncio.",
                "Sois unos ladrones. Sé dónde está vuestro almacén.",
            ],
            more: &["Tenéis 24 horas.", "No me pongáis a prueba."],
            subject: &["Último aviso"],
        },
        // inquiry
        Phr {
            core: &[
                "M|¿El producto viene con enchufe europeo?",
                "O|¿Cuándo se envía mi pedido?",
                "P|¿Hacéis envíos a {city}?",
                "A|¿La talla es normal? Normalmente uso una M.",
                "¿Me podéis hacer factura con el CIF de mi empresa?",
            ],
            more: &[
                "Gracias de antemano.",
                "Quiero asegurarme antes de comprar.",
            ],
            subject: &["Consulta sobre mi pedido", "Pregunta sobre el producto"],
        },
        // praise
        Phr {
            core: &[
                "Me ha llegado el pedido, envío rapidísimo y muy buena calidad. ¡Gracias!",
                "¡Me encanta! Funciona perfecto.",
                "Gracias por resolverlo tan rápido, un servicio de diez.",
                "Calidad increíble por ese precio, repetiré.",
            ],
            more: &["Ya os he recomendado a mis amigos.", "Cinco estrellas."],
            subject: &["¡Gracias!", "Muy buen servicio"],
        },
    ],
    battery: &[
        "La batería externa que os compré está HINCHADA y ardiendo. Estaba al lado de la cama de mi hijo. ¡Podría haber provocado un incendio!",
        "La batería se ha hinchado tanto que ha reventado la carcasa. Es peligrosísimo.",
    ],
    smoke: &[
        "Empezó a salir humo mientras estaba enchufado y ha dejado una quemadura en la encimera.",
        "Saltaron chispas y salió humo. Me quemé la mano al desenchufarlo.",
    ],
    legal: &[
        "Si el viernes no tengo el reembolso de {amount}, mi abogado se pondrá en contacto con vosotros y pondré una reclamación en Consumo.",
        "Ya he puesto una hoja de reclamaciones y mi abogado está preparando la demanda.",
    ],
    press: &[
        "Hola {mention}, soy periodista y estoy preparando un reportaje sobre baterías externas que se sobrecalientan. Varios lectores nos han enviado fotos de vuestro producto. ¿Podéis darnos una declaración antes de mañana?",
    ],
};
