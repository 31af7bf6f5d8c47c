//! Portuguese: mostly Brazilian buyers (sizes PP/P/M/G), some in Portugal.

use super::{Lexicon, Phr};

pub(super) static LEX: Lexicon = Lexicon {
    hello: &["Olá,", "Oi,", "Boa tarde,", "Bom dia,", "Oi, tudo bem?"],
    dear: &["Prezados,", "Olá,", "Bom dia,", "Olá equipe Acme Home,"],
    bye: &[
        "Obrigado,\n{name}",
        "Atenciosamente,\n{name}",
        "Abraços,\n{name}",
        "{name}",
        "Aguardo retorno.\n{name}",
    ],
    refs: &[
        "Número do pedido: {order}.",
        "Meu pedido é o {order}.",
        "(pedido {order})",
    ],
    track: &[
        "Código de rastreio: {tracking}.",
        "O rastreio {tracking} não atualiza.",
    ],
    phone: &["Meu WhatsApp é {phone}.", "Podem me ligar no {phone}."],
    angry: &[
        "Isso é um absurdo.",
        "Quero uma solução urgente.",
        "Muito decepcionado.",
        "Que vergonha.",
        "Sério isso?",
    ],
    polite: &[
        "Desde já agradeço.",
        "Obrigada!",
        "Aguardo retorno.",
        "Valeu pela ajuda.",
    ],
    again: &[
        "Já mandei mensagem faz dois dias e ninguém respondeu.",
        "É a segunda vez que entro em contato sobre isso.",
    ],
    follow: &[
        "Alguma novidade?",
        "Oi?? Ainda estou esperando resposta.",
        "Já faz dois dias sem resposta.",
        "Tem alguém aí?",
        "E aí, alguma atualização?",
    ],
    tags: &["#golpe", "#reclameaqui", "#atendimento", "#decepção"],
    cats: [
        // logistics.delay
        Phr {
            core: &[
                "Meu pedido ainda não chegou e já faz {days} dias.",
                "Cadê minha encomenda?? Comprei há {days} dias e o rastreio não muda faz uma semana.",
                "O rastreio está \"em trânsito\" há séculos. Já era pra ter chegado.",
                "O anúncio dizia entrega em 7 a 10 dias, já são {days}.",
            ],
            more: &[
                "A data prevista de entrega já passou.",
                "Olho o rastreio todo dia e nada.",
                "Preciso disso até o fim de semana.",
            ],
            subject: &["Cadê meu pedido?", "Pedido não chegou", "Atraso na entrega"],
        },
        // logistics.customs
        Phr {
            core: &[
                "Minha encomenda está presa na alfândega e ninguém me diz o motivo.",
                "O rastreio diz aguardando fiscalização aduaneira há {days} dias. Que documentos precisam?",
                "A Receita está pedindo a nota fiscal do pedido. Podem me mandar?",
                "A transportadora diz que a encomenda está retida na alfândega aguardando documentos do remetente.",
            ],
            more: &[
                "Eu não posso fazer nada do meu lado.",
                "Por favor entrem em contato com a transportadora.",
            ],
            subject: &[
                "Encomenda retida na alfândega",
                "Documentos para a alfândega",
            ],
        },
        // logistics.lost
        Phr {
            core: &[
                "D|O rastreio diz entregue mas eu não recebi nada.",
                "D|Marcado como entregue ontem. Não está na caixa de correio nem com os vizinhos.",
                "N|Acho que minha encomenda se perdeu, sem atualização há {days} dias.",
                "D|Diz que foi entregue em {city}, mas aqui não chegou nada.",
            ],
            more: &[
                "Já perguntei pra todos os vizinhos.",
                "Quero reenvio ou reembolso.",
            ],
            subject: &["Consta entregue mas não recebi", "Encomenda extraviada"],
        },
        // logistics.damaged
        Phr {
            core: &[
                "A caixa chegou toda amassada e o produto quebrado.",
                "O produto chegou danificado, o vidro está trincado.",
                "O pacote chegou molhado e rasgado, metade estragou.",
                "Chegou quebrado. Seguem fotos.",
            ],
            more: &[
                "A embalagem era só um saquinho plástico.",
                "Fotos da caixa e do produto em anexo.",
            ],
            subject: &["Produto chegou danificado", "Produto quebrado"],
        },
        // logistics.last_mile
        Phr {
            core: &[
                "O entregador nem tocou a campainha, deixou um aviso dizendo que não tinha ninguém. Eu ESTAVA em casa.",
                "Deixaram minha encomenda numa agência longe pra caramba sem avisar.",
                "O rastreio diz endereço incorreto. Meu endereço está certo!",
                "O entregador foi super grosso e jogou o pacote por cima do portão.",
            ],
            more: &[
                "É a segunda vez com {carrier}.",
                "Fiquei o dia todo em casa esperando.",
            ],
            subject: &["Tentativa de entrega falhou", "Problema com o entregador"],
        },
        // product.defective
        Phr {
            core: &[
                "E|Parou de funcionar depois de 3 dias.",
                "E|Não liga de jeito nenhum. Testei outros cabos e tomadas.",
                "E|Funcionou uma semana e morreu.",
                "A|Qualidade péssima, a costura abriu na primeira vez que usei.",
                "E|Esquenta muito e desliga sozinho.",
                "Quebrou na segunda vez que usei. Qualidade horrível.",
            ],
            more: &["Segui o manual direitinho.", "Vídeo do problema em anexo."],
            subject: &["Produto com defeito", "Não funciona"],
        },
        // product.not_as_described
        Phr {
            core: &[
                "Pedi o preto e veio o rosa.",
                "A|Tamanho errado, pedi M e veio PP.",
                "Não tem nada a ver com as fotos, a cor é totalmente diferente.",
                "Isso não é o que eu comprei, produto errado.",
            ],
            more: &[
                "O anúncio é enganoso.",
                "Foto ao lado da imagem do anúncio em anexo.",
            ],
            subject: &["Produto errado", "Diferente do anúncio"],
        },
        // product.counterfeit_claim
        Phr {
            core: &[
                "Isso é falsificado, dá pra ver de longe. O logo está torto.",
                "Vocês vendem produto pirata, isso não é original.",
                "O número de série não existe no site do fabricante. FALSO.",
            ],
            more: &["Vou denunciar o anúncio.", "Vender falsificação é crime."],
            subject: &["Produto falsificado"],
        },
        // billing.refund
        Phr {
            core: &[
                "Cadê meu reembolso? Disseram que foi feito há {days} dias.",
                "Devolvi o produto há duas semanas e nada de reembolso.",
                "Quero o reembolso total, por favor.",
                "Me devolvam os {amount}, não quero outro.",
            ],
            more: &[
                "O rastreio da devolução mostra que vocês receberam.",
                "Só quero meu dinheiro de volta.",
            ],
            subject: &["Pedido de reembolso", "Reembolso não recebido"],
        },
        // billing.duties
        Phr {
            core: &[
                "Tive que pagar {amount} de imposto de importação pra retirar! Ninguém avisou.",
                "Os Correios querem que eu pague a taxa antes de entregar. O anúncio dizia taxas inclusas.",
                "Por que cobraram imposto de novo na entrega? Já paguei no checkout.",
            ],
            more: &[
                "É quase o preço do produto.",
                "Quero o reembolso dessa taxa.",
            ],
            subject: &[
                "Taxa de importação inesperada",
                "Imposto cobrado duas vezes",
            ],
        },
        // billing.payment
        Phr {
            core: &[
                "Fui cobrado duas vezes pelo mesmo pedido.",
                "O pagamento deu erro mas o dinheiro saiu da minha conta.",
                "Cobraram {amount} no meu cartão e o preço no site era menor.",
            ],
            more: &[
                "Extrato do banco em anexo.",
                "Por favor estornem a cobrança duplicada.",
            ],
            subject: &["Cobrança duplicada", "Problema no pagamento"],
        },
        // order.change_cancel
        Phr {
            core: &[
                "Por favor cancelem meu pedido, comprei sem querer.",
                "Posso mudar o endereço de entrega? Acabei de me mudar.",
                "A|Preciso trocar o tamanho para G antes do envio.",
                "Cancela aí, tá demorando demais.",
            ],
            more: &[
                "Acho que ainda não foi enviado.",
                "Me confirmem, por favor.",
            ],
            subject: &["Cancelar pedido", "Alterar endereço"],
        },
        // service.complaint
        Phr {
            core: &[
                "Mandei 4 mensagens e nenhuma resposta. Atendimento péssimo.",
                "O suporte de vocês só manda resposta pronta que não resolve nada.",
                "Prometeram me ligar ontem e ninguém ligou.",
                "Pior atendimento que já vi.",
            ],
            more: &["Tô muito decepcionada.", "Nunca mais compro aqui."],
            subject: &["Reclamação do atendimento"],
        },
        // abuse
        Phr {
            core: &[
                "Ou vocês me reembolsam hoje ou eu posto em todo lugar que vocês são golpistas e dou 1 estrela em todas as lojas.",
                "Reembolso total e eu fico com o produto, senão abro contestação no cartão e denuncio vocês.",
                "Vocês são uns ladrões. Sei onde fica o depósito de vocês.",
            ],
            more: &["Vocês têm 24 horas.", "Não me testem."],
            subject: &["Último aviso"],
        },
        // inquiry
        Phr {
            core: &[
                "M|O aparelho vem com plugue brasileiro?",
                "O|Quando meu pedido vai ser enviado?",
                "P|Vocês entregam em {city}?",
                "A|O tamanho é normal? Costumo usar M.",
                "Vocês emitem nota fiscal com CNPJ?",
            ],
            more: &["Desde já, obrigado!", "Quero ter certeza antes de comprar."],
            subject: &["Dúvida sobre meu pedido", "Dúvida sobre o produto"],
        },
        // praise
        Phr {
            core: &[
                "Chegou certinho, entrega super rápida e ótima qualidade. Obrigado!",
                "Amei! Funciona perfeitamente.",
                "Obrigada por resolverem meu problema tão rápido, atendimento nota dez.",
                "Qualidade incrível pelo preço, vou comprar de novo.",
            ],
            more: &["Já indiquei pros amigos.", "Cinco estrelas."],
            subject: &["Obrigado!", "Ótimo atendimento"],
        },
    ],
    battery: &[
        "O carregador portátil que comprei de vocês ESTUFOU e está fervendo. Estava do lado da cama do meu filho. Podia ter pegado fogo!",
        "A bateria estufou tanto que a carcaça rachou. Isso é perigosíssimo.",
    ],
    smoke: &[
        "Começou a sair fumaça enquanto estava na tomada e deixou uma marca de queimado na bancada.",
        "Saiu faísca e fumaça, queimei a mão tirando da tomada.",
    ],
    legal: &[
        "Se até sexta eu não receber o reembolso de {amount}, meu advogado vai entrar em contato e vou abrir reclamação no Procon.",
        "Já registrei reclamação no Procon e no Reclame Aqui, e meu advogado está preparando a ação.",
    ],
    press: &[],
};
