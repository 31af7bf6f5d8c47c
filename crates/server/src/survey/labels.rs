//! The survey page's words in each locale the reply templates speak (`templates::LOCALES`):
//! polite throughout, formal where the language distinguishes (Sie, vous, Lei, usted,
//! Вы, keigo, 하십시오체). `{id}` stands for the ticket number, `{max}` for the comment limit.

/// Every text on the survey pages, in one language.
#[derive(Debug)]
pub(super) struct Labels {
    /// Written right to left.
    pub rtl: bool,
    pub title: &'static str,
    pub intro: &'static str,
    pub legend: &'static str,
    /// The five choices, worst first; each names its number.
    pub scale: [&'static str; 5],
    pub comment_label: &'static str,
    pub comment_hint: &'static str,
    pub submit: &'static str,
    pub thanks_title: &'static str,
    pub thanks_body: &'static str,
    pub already_title: &'static str,
    pub already_body: &'static str,
    pub your_rating: &'static str,
    pub your_comment: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub trouble_title: &'static str,
    pub trouble_body: &'static str,
    pub rating_error: &'static str,
    pub comment_error: &'static str,
}

/// The labels of `locale` (one of `templates::LOCALES`); English for any other.
pub(super) fn labels(locale: &str) -> &'static Labels {
    match locale {
        "zh" => &ZH,
        "es" => &ES,
        "de" => &DE,
        "fr" => &FR,
        "pt" => &PT,
        "it" => &IT,
        "ja" => &JA,
        "ko" => &KO,
        "ru" => &RU,
        "ar" => &AR,
        _ => &EN,
    }
}

static EN: Labels = Labels {
    rtl: false,
    title: "How did we do?",
    intro: "Thank you for contacting us. Please rate how we handled your request (ticket #{id}).",
    legend: "Your rating",
    scale: [
        "1 – Very dissatisfied",
        "2 – Dissatisfied",
        "3 – Neither satisfied nor dissatisfied",
        "4 – Satisfied",
        "5 – Very satisfied",
    ],
    comment_label: "Is there anything else you would like to tell us? (optional)",
    comment_hint: "Up to {max} characters.",
    submit: "Send",
    thanks_title: "Thank you!",
    thanks_body: "We have received your feedback. Thank you for taking the time to answer.",
    already_title: "Already answered",
    already_body: "This survey has already been answered, so your first answer stands. Thank you for your feedback.",
    your_rating: "Your rating",
    your_comment: "Your comment",
    not_found_title: "Survey not found",
    not_found_body: "This link is not valid. Please check that you copied the whole link.",
    trouble_title: "Sorry, something went wrong",
    trouble_body: "We could not handle your request just now. Please try again in a few minutes.",
    rating_error: "Rating: please choose a whole number from 1 to 5.",
    comment_error: "Comment: please keep it to {max} characters or fewer.",
};

static ZH: Labels = Labels {
    rtl: false,
    title: "您对我们的服务满意吗？",
    intro: "感谢您联系我们。请为我们对您的请求（工单 #{id}）的处理情况打分。",
    legend: "您的评分",
    scale: [
        "1 – 非常不满意",
        "2 – 不满意",
        "3 – 一般",
        "4 – 满意",
        "5 – 非常满意",
    ],
    comment_label: "您还有什么想告诉我们的吗？（选填）",
    comment_hint: "最多 {max} 个字。",
    submit: "提交",
    thanks_title: "谢谢您！",
    thanks_body: "我们已收到您的反馈，感谢您抽出宝贵的时间。",
    already_title: "您已提交过评价",
    already_body: "此问卷已经提交过，我们将保留您的第一次评价。感谢您的反馈。",
    your_rating: "您的评分",
    your_comment: "您的留言",
    not_found_title: "未找到问卷",
    not_found_body: "此链接无效，请确认您复制了完整的链接。",
    trouble_title: "抱歉，出了点问题",
    trouble_body: "我们暂时无法处理您的请求，请几分钟后再试。",
    rating_error: "评分：请选择 1 到 5 之间的整数。",
    comment_error: "留言：请不要超过 {max} 个字。",
};

static ES: Labels = Labels {
    rtl: false,
    title: "¿Qué tal le atendimos?",
    intro: "Gracias por ponerse en contacto con nosotros. Le rogamos que valore cómo gestionamos su solicitud (caso n.º {id}).",
    legend: "Su valoración",
    scale: [
        "1 – Muy mala",
        "2 – Mala",
        "3 – Regular",
        "4 – Buena",
        "5 – Excelente",
    ],
    comment_label: "¿Desea comentarnos algo más? (opcional)",
    comment_hint: "Hasta {max} caracteres.",
    submit: "Enviar",
    thanks_title: "¡Muchas gracias!",
    thanks_body: "Hemos recibido su opinión. Le agradecemos el tiempo que nos ha dedicado.",
    already_title: "Encuesta ya respondida",
    already_body: "Esta encuesta ya se respondió, así que se mantiene su primera respuesta. Gracias por su opinión.",
    your_rating: "Su valoración",
    your_comment: "Su comentario",
    not_found_title: "Encuesta no encontrada",
    not_found_body: "Este enlace no es válido. Compruebe que ha copiado el enlace completo.",
    trouble_title: "Lo sentimos, se ha producido un error",
    trouble_body: "No hemos podido procesar su solicitud en este momento. Inténtelo de nuevo dentro de unos minutos.",
    rating_error: "Valoración: elija un número entero del 1 al 5.",
    comment_error: "Comentario: no puede superar los {max} caracteres.",
};

static DE: Labels = Labels {
    rtl: false,
    title: "Wie zufrieden waren Sie mit uns?",
    intro: "Vielen Dank, dass Sie sich an uns gewandt haben. Bitte bewerten Sie, wie wir Ihr Anliegen (Vorgang Nr. {id}) bearbeitet haben.",
    legend: "Ihre Bewertung",
    scale: [
        "1 – Sehr unzufrieden",
        "2 – Unzufrieden",
        "3 – Teils, teils",
        "4 – Zufrieden",
        "5 – Sehr zufrieden",
    ],
    comment_label: "Möchten Sie uns noch etwas mitteilen? (optional)",
    comment_hint: "Höchstens {max} Zeichen.",
    submit: "Absenden",
    thanks_title: "Vielen Dank!",
    thanks_body: "Wir haben Ihre Rückmeldung erhalten und danken Ihnen, dass Sie sich die Zeit genommen haben.",
    already_title: "Bereits beantwortet",
    already_body: "Diese Umfrage wurde bereits beantwortet; es gilt Ihre erste Antwort. Vielen Dank für Ihre Rückmeldung.",
    your_rating: "Ihre Bewertung",
    your_comment: "Ihr Kommentar",
    not_found_title: "Umfrage nicht gefunden",
    not_found_body: "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie den vollständigen Link kopiert haben.",
    trouble_title: "Leider ist ein Fehler aufgetreten",
    trouble_body: "Wir konnten Ihre Anfrage gerade nicht bearbeiten. Bitte versuchen Sie es in einigen Minuten erneut.",
    rating_error: "Bewertung: Bitte wählen Sie eine ganze Zahl von 1 bis 5.",
    comment_error: "Kommentar: Bitte verwenden Sie höchstens {max} Zeichen.",
};

static FR: Labels = Labels {
    rtl: false,
    title: "Comment évaluez-vous notre service\u{a0}?",
    intro: "Merci de nous avoir contactés. Pourriez-vous évaluer la façon dont nous avons traité votre demande (dossier n°\u{a0}{id})\u{a0}?",
    legend: "Votre note",
    scale: [
        "1 – Très insatisfaisant",
        "2 – Insatisfaisant",
        "3 – Correct",
        "4 – Satisfaisant",
        "5 – Excellent",
    ],
    comment_label: "Souhaitez-vous ajouter quelque chose\u{a0}? (facultatif)",
    comment_hint: "{max}\u{a0}caractères au maximum.",
    submit: "Envoyer",
    thanks_title: "Merci beaucoup\u{a0}!",
    thanks_body: "Nous avons bien reçu votre avis. Merci d’avoir pris le temps de nous répondre.",
    already_title: "Questionnaire déjà rempli",
    already_body: "Ce questionnaire a déjà été rempli\u{a0}; votre première réponse est conservée. Merci pour votre avis.",
    your_rating: "Votre note",
    your_comment: "Votre commentaire",
    not_found_title: "Questionnaire introuvable",
    not_found_body: "Ce lien n’est pas valide. Veuillez vérifier que vous avez copié le lien en entier.",
    trouble_title: "Désolés, une erreur est survenue",
    trouble_body: "Nous n’avons pas pu traiter votre demande pour le moment. Veuillez réessayer dans quelques minutes.",
    rating_error: "Note\u{a0}: veuillez choisir un nombre entier de 1 à 5.",
    comment_error: "Commentaire\u{a0}: veuillez ne pas dépasser {max}\u{a0}caractères.",
};

static PT: Labels = Labels {
    rtl: false,
    title: "Como foi o nosso atendimento?",
    intro: "Obrigado por entrar em contato conosco. Por favor, avalie como tratamos a sua solicitação (atendimento nº {id}).",
    legend: "Sua avaliação",
    scale: [
        "1 – Muito ruim",
        "2 – Ruim",
        "3 – Regular",
        "4 – Bom",
        "5 – Excelente",
    ],
    comment_label: "Gostaria de nos dizer mais alguma coisa? (opcional)",
    comment_hint: "Até {max} caracteres.",
    submit: "Enviar",
    thanks_title: "Muito obrigado!",
    thanks_body: "Recebemos a sua avaliação. Agradecemos o tempo que dedicou a nos responder.",
    already_title: "Pesquisa já respondida",
    already_body: "Esta pesquisa já foi respondida, por isso mantemos a sua primeira resposta. Obrigado pela sua opinião.",
    your_rating: "Sua avaliação",
    your_comment: "Seu comentário",
    not_found_title: "Pesquisa não encontrada",
    not_found_body: "Este link não é válido. Verifique se copiou o link completo.",
    trouble_title: "Desculpe, ocorreu um erro",
    trouble_body: "Não foi possível processar a sua solicitação agora. Tente novamente dentro de alguns minutos.",
    rating_error: "Avaliação: escolha um número inteiro de 1 a 5.",
    comment_error: "Comentário: use no máximo {max} caracteres.",
};

static IT: Labels = Labels {
    rtl: false,
    title: "Come valuta il nostro servizio?",
    intro: "Grazie per averci contattato. La preghiamo di valutare come abbiamo gestito la Sua richiesta (pratica n. {id}).",
    legend: "La Sua valutazione",
    scale: [
        "1 – Pessimo",
        "2 – Scarso",
        "3 – Sufficiente",
        "4 – Buono",
        "5 – Ottimo",
    ],
    comment_label: "Desidera aggiungere qualcosa? (facoltativo)",
    comment_hint: "Massimo {max} caratteri.",
    submit: "Invia",
    thanks_title: "Grazie mille!",
    thanks_body: "Abbiamo ricevuto il Suo riscontro. La ringraziamo per il tempo che ci ha dedicato.",
    already_title: "Questionario già compilato",
    already_body: "Questo questionario è già stato compilato, quindi resta valida la Sua prima risposta. Grazie per il Suo riscontro.",
    your_rating: "La Sua valutazione",
    your_comment: "Il Suo commento",
    not_found_title: "Questionario non trovato",
    not_found_body: "Questo link non è valido. Verifichi di aver copiato il link completo.",
    trouble_title: "Ci scusi, si è verificato un errore",
    trouble_body: "Non è stato possibile elaborare la Sua richiesta in questo momento. La preghiamo di riprovare tra qualche minuto.",
    rating_error: "Valutazione: scelga un numero intero da 1 a 5.",
    comment_error: "Commento: non superi i {max} caratteri.",
};

static JA: Labels = Labels {
    rtl: false,
    title: "サポート満足度アンケート",
    intro: "このたびはお問い合わせいただき、誠にありがとうございました。お問い合わせ（番号 {id}）への対応について、評価をお聞かせください。",
    legend: "評価",
    scale: [
        "1 – 非常に不満",
        "2 – やや不満",
        "3 – どちらともいえない",
        "4 – おおむね満足",
        "5 – 非常に満足",
    ],
    comment_label: "ご意見・ご感想がございましたら、ご記入ください（任意）",
    comment_hint: "{max}文字以内でご記入ください。",
    submit: "送信する",
    thanks_title: "ご協力ありがとうございました",
    thanks_body: "ご回答を承りました。お忙しいところお時間をいただき、誠にありがとうございました。",
    already_title: "回答済みです",
    already_body: "このアンケートにはすでにご回答いただいておりますので、最初のご回答を有効とさせていただきます。ご協力ありがとうございました。",
    your_rating: "評価",
    your_comment: "ご意見・ご感想",
    not_found_title: "アンケートが見つかりません",
    not_found_body: "このリンクは無効です。リンクを最後まで正しくコピーされたか、ご確認ください。",
    trouble_title: "申し訳ございません。エラーが発生しました",
    trouble_body: "ただいまリクエストを処理できませんでした。恐れ入りますが、数分後にもう一度お試しください。",
    rating_error: "評価：1から5までの整数をお選びください。",
    comment_error: "ご意見・ご感想：{max}文字以内でご記入ください。",
};

static KO: Labels = Labels {
    rtl: false,
    title: "고객 만족도 설문",
    intro: "문의해 주셔서 감사합니다. 고객님의 문의(번호 {id})에 대한 저희의 처리를 평가해 주십시오.",
    legend: "평가",
    scale: [
        "1 – 매우 불만족",
        "2 – 불만족",
        "3 – 보통",
        "4 – 만족",
        "5 – 매우 만족",
    ],
    comment_label: "추가로 남기실 말씀이 있으시면 적어 주십시오. (선택 사항)",
    comment_hint: "최대 {max}자까지 입력하실 수 있습니다.",
    submit: "제출하기",
    thanks_title: "감사합니다",
    thanks_body: "소중한 의견이 접수되었습니다. 귀한 시간을 내어 주셔서 감사합니다.",
    already_title: "이미 응답하신 설문입니다",
    already_body: "이 설문에는 이미 응답하셨으므로 처음 응답하신 내용이 유지됩니다. 소중한 의견에 감사드립니다.",
    your_rating: "평가",
    your_comment: "의견",
    not_found_title: "설문을 찾을 수 없습니다",
    not_found_body: "유효하지 않은 링크입니다. 링크 전체를 복사하셨는지 확인해 주십시오.",
    trouble_title: "죄송합니다. 오류가 발생했습니다",
    trouble_body: "지금은 요청을 처리할 수 없습니다. 몇 분 후에 다시 시도해 주십시오.",
    rating_error: "평가: 1부터 5까지의 정수를 선택해 주십시오.",
    comment_error: "의견: {max}자 이내로 작성해 주십시오.",
};

static RU: Labels = Labels {
    rtl: false,
    title: "Оцените, пожалуйста, нашу работу",
    intro: "Спасибо, что обратились к нам. Пожалуйста, оцените, как мы обработали Ваш запрос (обращение № {id}).",
    legend: "Ваша оценка",
    scale: [
        "1 – Очень плохо",
        "2 – Плохо",
        "3 – Удовлетворительно",
        "4 – Хорошо",
        "5 – Отлично",
    ],
    comment_label: "Хотите что-нибудь добавить? (необязательно)",
    comment_hint: "Не более {max} символов.",
    submit: "Отправить",
    thanks_title: "Большое спасибо!",
    thanks_body: "Мы получили Ваш отзыв. Благодарим Вас за уделённое время.",
    already_title: "Ответ уже получен",
    already_body: "На этот опрос уже был дан ответ, поэтому сохраняется Ваш первый ответ. Спасибо за Ваш отзыв.",
    your_rating: "Ваша оценка",
    your_comment: "Ваш комментарий",
    not_found_title: "Опрос не найден",
    not_found_body: "Эта ссылка недействительна. Пожалуйста, проверьте, что Вы скопировали ссылку полностью.",
    trouble_title: "Извините, произошла ошибка",
    trouble_body: "Сейчас мы не можем обработать Ваш запрос. Пожалуйста, попробуйте ещё раз через несколько минут.",
    rating_error: "Оценка: пожалуйста, выберите целое число от 1 до 5.",
    comment_error: "Комментарий: пожалуйста, не более {max} символов.",
};

static AR: Labels = Labels {
    rtl: true,
    title: "ما مدى رضاك عن خدمتنا؟",
    intro: "شكرًا لتواصلك معنا. نرجو منك تقييم طريقة تعاملنا مع طلبك (طلب الدعم رقم {id}).",
    legend: "تقييمك",
    scale: [
        "1 – غير راضٍ إطلاقًا",
        "2 – غير راضٍ",
        "3 – محايد",
        "4 – راضٍ",
        "5 – راضٍ جدًا",
    ],
    comment_label: "هل تودّ إخبارنا بشيء آخر؟ (اختياري)",
    comment_hint: "{max} حرف كحد أقصى.",
    submit: "إرسال",
    thanks_title: "شكرًا جزيلًا!",
    thanks_body: "لقد تلقّينا رأيك، ونشكرك على الوقت الذي منحتنا إياه.",
    already_title: "تمت الإجابة مسبقًا",
    already_body: "سبقت الإجابة على هذا الاستبيان، لذا نحتفظ بإجابتك الأولى. شكرًا لك على رأيك.",
    your_rating: "تقييمك",
    your_comment: "تعليقك",
    not_found_title: "الاستبيان غير موجود",
    not_found_body: "هذا الرابط غير صالح. يُرجى التأكد من نسخ الرابط كاملًا.",
    trouble_title: "عذرًا، حدث خطأ ما",
    trouble_body: "تعذّر علينا معالجة طلبك الآن. يُرجى المحاولة مرة أخرى بعد بضع دقائق.",
    rating_error: "التقييم: يُرجى اختيار عدد صحيح من 1 إلى 5.",
    comment_error: "التعليق: يُرجى ألا يتجاوز {max} حرف.",
};

#[cfg(test)]
mod tests {
    use super::labels;
    use crossdesk_domain::templates::LOCALES;

    #[test]
    fn every_template_locale_has_labels_and_the_rest_fall_back_to_english() {
        for locale in LOCALES {
            let l = labels(locale);
            assert!(l.intro.contains("{id}"), "{locale}");
            assert!(l.comment_hint.contains("{max}"), "{locale}");
            assert!(l.comment_error.contains("{max}"), "{locale}");
            for (i, s) in l.scale.iter().enumerate() {
                assert!(s.starts_with(&(i + 1).to_string()), "{locale}: {s}");
            }
            assert_eq!(l.rtl, locale == "ar");
            if locale != "en" {
                assert_ne!(l.title, labels("en").title, "{locale} is translated");
            }
        }
        assert_eq!(labels("pl").title, labels("en").title);
    }
}
