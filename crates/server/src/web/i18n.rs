//! The workspace's two interface languages: English and Simplified Chinese, chosen per agent.

use std::collections::HashMap;
use std::sync::OnceLock;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language of an agent's `locale` (`en` or `zh`); English otherwise.
    pub fn of(locale: &str) -> Self {
        if locale.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The value of `<html lang>`.
    pub fn html(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The text for `key`; the key itself when no text exists (a test keeps both tables whole).
    pub fn t(self, key: &str) -> &str {
        match texts().get(key) {
            Some((en, zh)) => match self {
                Lang::En => en,
                Lang::Zh => zh,
            },
            None => key,
        }
    }

    /// The label of a wire value in a family (`status`, `urgency`, `category`, `channel`…):
    /// `status.open` → "Open" / "处理中"; the value itself when it has none.
    pub fn label<'a>(self, family: &str, value: &'a str) -> &'a str {
        let key = format!("{family}.{value}");
        match texts().get(key.as_str()) {
            Some((en, zh)) => match self {
                Lang::En => en,
                Lang::Zh => zh,
            },
            None => value,
        }
    }
}

fn texts() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static MAP: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    MAP.get_or_init(|| TEXTS.iter().map(|&(k, en, zh)| (k, (en, zh))).collect())
}

/// Key, English, Chinese.
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "app.tagline",
        "Complaint and dispute command center",
        "跨境电商客诉与纠纷指挥中心",
    ),
    ("nav.inbox", "Inbox", "收件箱"),
    ("nav.monitor", "Social monitor", "舆情监控"),
    ("nav.admin", "Admin", "管理"),
    ("nav.logout", "Sign out", "退出登录"),
    ("nav.shortcuts", "Shortcuts", "快捷键"),
    ("login.title", "Sign in", "登录"),
    ("login.email", "E-mail", "邮箱"),
    ("login.password", "Password", "密码"),
    ("login.submit", "Sign in", "登录"),
    (
        "login.failed",
        "Wrong e-mail or password.",
        "邮箱或密码错误。",
    ),
    ("filter.store", "Store", "店铺"),
    ("filter.channel", "Channel", "渠道"),
    ("filter.category", "Category", "类别"),
    ("filter.urgency", "Urgency", "紧急度"),
    ("filter.language", "Language", "语言"),
    ("filter.status", "Status", "状态"),
    ("filter.assignee", "Assignee", "负责人"),
    ("filter.sla", "SLA", "SLA"),
    (
        "filter.search",
        "Search tickets, customers, order numbers…",
        "搜索工单、客户、订单号…",
    ),
    ("filter.apply", "Apply", "筛选"),
    ("filter.any", "All", "全部"),
    ("filter.open", "Open (not resolved)", "未解决"),
    ("filter.everything", "Every status", "所有状态"),
    ("filter.me", "Mine", "我的"),
    ("filter.pool", "Unassigned (pool)", "待领取（公共池）"),
    ("filter.clear", "Clear filters", "清除筛选"),
    ("sla.breached", "Breached", "已超时"),
    ("sla.at_risk", "Due within 1 h", "1 小时内到期"),
    ("sla.on_track", "On track", "正常"),
    ("sla.none", "No clock", "无时钟"),
    ("inbox.title", "Inbox", "收件箱"),
    ("inbox.count", "tickets", "个工单"),
    ("inbox.more", "more than", "超过"),
    (
        "inbox.empty",
        "No tickets match these filters.",
        "没有符合筛选条件的工单。",
    ),
    ("inbox.next", "Older tickets →", "更早的工单 →"),
    ("inbox.first", "← Newest", "← 最新"),
    ("col.ticket", "#", "编号"),
    ("col.subject", "Subject", "主题"),
    ("col.customer", "Customer", "客户"),
    ("col.store", "Store", "店铺"),
    ("col.labels", "Labels", "标签"),
    ("col.sla", "SLA", "SLA"),
    ("col.assignee", "Assignee", "负责人"),
    ("col.updated", "Last message", "最新消息"),
    ("bulk.selected", "selected", "已选"),
    ("bulk.claim", "Claim", "认领"),
    ("bulk.resolve", "Mark resolved", "标记为已解决"),
    ("bulk.assign", "Assign", "分配"),
    ("bulk.assign_to", "Assign to…", "分配给…"),
    ("bulk.done", "Done", "完成"),
    ("views.title", "Saved views", "已保存视图"),
    ("views.name", "Name this view", "视图名称"),
    ("views.save", "Save view", "保存视图"),
    ("views.none", "No saved views yet.", "还没有保存的视图。"),
    ("views.delete", "Delete view", "删除视图"),
    ("live.connecting", "connecting…", "连接中…"),
    ("live.open", "live", "实时"),
    ("live.closed", "offline, retrying", "离线，重试中"),
    ("pool.claim", "Claim", "认领"),
    ("pool.unassigned", "pool", "公共池"),
    ("keys.title", "Keyboard shortcuts", "快捷键"),
    ("keys.move", "next / previous ticket", "下一个 / 上一个工单"),
    ("keys.open", "open the ticket", "打开工单"),
    ("keys.check", "select for bulk actions", "选中（批量操作）"),
    ("keys.claim", "claim from the pool", "从公共池认领"),
    ("keys.search", "search", "搜索"),
    ("keys.help", "this help", "显示帮助"),
    ("keys.reply", "write a reply (ticket)", "撰写回复（工单页）"),
    (
        "keys.back",
        "back to the inbox (ticket)",
        "返回收件箱（工单页）",
    ),
    ("ticket.back", "← Inbox", "← 收件箱"),
    ("ticket.timeline", "Conversation", "对话"),
    ("ticket.in", "Customer", "客户"),
    ("ticket.out", "Us", "我方"),
    ("ticket.public", "public", "公开"),
    ("ticket.private", "private", "私信"),
    ("ticket.note", "internal note", "内部备注"),
    ("ticket.system", "system", "系统"),
    ("ticket.customer", "customer", "客户"),
    ("ticket.integration", "integration", "集成"),
    ("ticket.agent", "agent", "客服"),
    ("ticket.original", "Original", "原文"),
    ("ticket.translate", "Translate", "翻译"),
    (
        "ticket.no_translator",
        "No translator is configured; texts are shown as written.",
        "未配置翻译服务，消息按原文显示。",
    ),
    ("ticket.confidence", "confidence", "置信度"),
    ("ticket.pii", "contains personal data", "含个人信息"),
    ("ticket.assignee", "Assignee", "负责人"),
    ("ticket.team", "Team", "团队"),
    ("ticket.claim", "Claim", "认领"),
    ("ticket.set_open", "Working on it", "处理中"),
    ("ticket.set_waiting", "Wait for customer", "等待客户"),
    ("ticket.set_resolved", "Resolved", "已解决"),
    ("labels.title", "Triage labels", "分诊标签"),
    ("labels.save", "Correct labels", "更正标签"),
    (
        "labels.saved",
        "Saved. The correction is kept for retraining.",
        "已保存，更正将用于模型再训练。",
    ),
    (
        "labels.hint",
        "Wrong? Correct it — corrections train the next model.",
        "分错了？请更正——更正会用于训练下一版模型。",
    ),
    ("reply.title", "Reply", "回复"),
    ("reply.template", "Template", "模板"),
    ("reply.free", "Free text", "自由输入"),
    ("reply.visibility", "Send as", "发送方式"),
    ("reply.private", "Private message", "私信"),
    ("reply.public", "Public reply", "公开回复"),
    ("reply.note", "Internal note", "内部备注"),
    ("reply.text", "Message", "内容"),
    ("reply.preview", "Preview", "预览"),
    ("reply.send", "Send", "发送"),
    (
        "reply.sent",
        "Sent. It is in the outbox.",
        "已发送，已进入发件队列。",
    ),
    (
        "reply.buyer_language",
        "in the buyer's language",
        "使用买家语言",
    ),
    (
        "reply.pii_hint",
        "Public replies never carry order or tracking numbers, addresses, e-mails, phones or amounts.",
        "公开回复不得包含订单号、运单号、地址、邮箱、电话或金额。",
    ),
    ("reply.then", "Then set status", "随后将状态设为"),
    ("reply.then_keep", "keep", "不变"),
    (
        "tpl.public_ack",
        "Public acknowledgement",
        "公开致歉并引导私信",
    ),
    (
        "tpl.info_request",
        "Ask for order / photos",
        "索取订单号/照片",
    ),
    ("tpl.delay_update", "Delay update", "延误进展"),
    ("tpl.resolution_offer", "Resolution offer", "解决方案"),
    ("tpl.closing_note", "Closing note", "结案致谢"),
    ("tpl.out_of_hours", "Out of hours", "非工作时间自动回复"),
    ("customer.title", "Customer", "客户"),
    ("customer.identities", "Identities", "身份"),
    ("customer.since", "Customer since", "首次联系"),
    ("customer.ltv", "Lifetime value", "累计消费"),
    ("customer.orders", "Orders", "订单"),
    ("customer.tickets", "Tickets", "工单"),
    ("customer.risk", "Risk", "风险"),
    ("risk.low", "low", "低"),
    ("risk.medium", "medium", "中"),
    ("risk.high", "high", "高"),
    ("risk.why", "claims in 90 days", "90 天内索赔次数"),
    ("order.title", "Order", "订单"),
    ("order.none", "No order linked.", "未关联订单。"),
    ("order.items", "Items", "商品"),
    ("order.total", "Total", "金额"),
    ("order.incoterm", "Incoterm", "贸易条款"),
    ("order.destination", "Ships to", "目的地"),
    ("order.placed", "Placed", "下单时间"),
    ("order.shipments", "Shipments", "包裹"),
    ("order.promised", "Promised by", "承诺送达"),
    (
        "order.no_scans",
        "No tracking events yet.",
        "暂无物流轨迹。",
    ),
    ("sla.title", "SLA clock", "SLA 时钟"),
    ("sla.first_response", "First response", "首次响应"),
    ("sla.solution", "Solution", "解决方案"),
    ("sla.hard", "Marketplace limit", "平台时限"),
    ("sla.responded", "answered", "已响应"),
    (
        "sla.paused",
        "paused (waiting on the customer)",
        "已暂停（等待客户）",
    ),
    ("sla.escalated", "Escalated", "已升级"),
    ("events.title", "Events", "事件"),
    ("actions.title", "Resolution", "解决方案"),
    (
        "actions.later",
        "Resolution options, refunds and reships appear here when their connectors are set up.",
        "解决方案、退款与补发将在接入相应连接器后显示在这里。",
    ),
    ("monitor.title", "Social monitor", "舆情监控"),
    ("monitor.terms", "Watched names", "监控词"),
    ("monitor.feed", "Matching public posts", "匹配的公开帖子"),
    (
        "monitor.empty",
        "No public post mentions a watched name yet.",
        "暂无提及监控词的公开帖子。",
    ),
    ("monitor.open_ticket", "Open ticket", "打开工单"),
    ("monitor.followers", "followers", "粉丝"),
    ("monitor.term", "Name", "名称"),
    ("monitor.kind", "Kind", "类型"),
    ("monitor.exact", "exact only", "仅精确匹配"),
    ("monitor.save", "Save names", "保存监控词"),
    ("monitor.add", "Add a name", "添加"),
    (
        "monitor.admin_only",
        "Only admins change the watched names.",
        "仅管理员可修改监控词。",
    ),
    (
        "monitor.aliases",
        "Other spellings, comma separated",
        "其他写法，用逗号分隔",
    ),
    ("kind.brand", "our brand", "自有品牌"),
    ("kind.product", "our product", "自有产品"),
    ("kind.competitor", "competitor", "竞品"),
    ("event.created", "Ticket opened", "创建工单"),
    ("event.message_added", "Message added", "新消息"),
    ("event.assigned", "Assigned", "已分配"),
    ("event.claimed", "Claimed from the pool", "从公共池认领"),
    ("event.pooled", "Put in the pool", "进入公共池"),
    ("event.paged", "On-call lead paged", "已呼叫值班组长"),
    ("event.escalated", "Escalated", "已升级"),
    ("event.status_changed", "Status changed", "状态变更"),
    ("event.replied", "Replied", "已回复"),
    ("event.note_added", "Internal note", "内部备注"),
    ("event.first_response", "First response", "首次响应"),
    ("event.auto_replied", "Automatic reply", "自动回复"),
    ("event.sla_warning", "SLA warning", "SLA 预警"),
    ("event.sla_breached", "SLA breached", "SLA 超时"),
    ("event.labels_corrected", "Labels corrected", "标签已更正"),
    ("event.survey_sent", "Survey sent", "已发送满意度调查"),
    ("event.survey_answered", "Survey answered", "客户已填写调查"),
    ("admin.title", "Admin", "管理"),
    ("admin.stores", "Stores", "店铺"),
    ("admin.groups", "Store groups", "店铺组"),
    ("admin.teams", "Teams and business hours", "团队与工作时间"),
    ("admin.agents", "Agents and skills", "客服与技能"),
    ("admin.policies", "SLA policies", "SLA 策略"),
    ("admin.templates", "Templates", "模板"),
    ("admin.name", "Name", "名称"),
    ("admin.key", "Key", "标识"),
    ("admin.platform", "Platform", "平台"),
    ("admin.region", "Region", "区域"),
    ("admin.currency", "Currency", "币种"),
    ("admin.timezone", "Time zone", "时区"),
    ("admin.group", "Group", "组"),
    ("admin.carriers", "Carriers", "承运商"),
    ("admin.members", "Stores", "包含店铺"),
    ("admin.hours", "Hours", "工作时间"),
    ("admin.holidays", "Holidays", "节假日"),
    ("admin.auto_reply", "Auto-reply", "自动回复"),
    ("admin.role", "Role", "角色"),
    ("admin.team", "Team", "团队"),
    ("admin.languages", "Languages", "语言"),
    ("admin.categories", "Categories", "类别"),
    ("admin.scope", "Stores in scope", "可见店铺"),
    ("admin.all_stores", "all stores", "全部店铺"),
    ("admin.max_open", "Cap", "上限"),
    ("admin.on_call", "On call", "值班"),
    ("admin.locale", "UI language", "界面语言"),
    ("admin.active", "Active", "启用"),
    ("admin.edit", "Edit", "编辑"),
    ("admin.save", "Save", "保存"),
    ("admin.saved", "Saved.", "已保存。"),
    (
        "admin.new_agent",
        "Add or update an agent",
        "添加或修改客服",
    ),
    (
        "admin.password",
        "Password (leave empty to keep)",
        "密码（留空则不变）",
    ),
    ("admin.scope_col", "Scope", "范围"),
    ("admin.channel_class", "Channels", "渠道类别"),
    ("admin.targets", "Targets", "时限"),
    (
        "admin.default_policy",
        "Built-in defaults apply where no policy matches.",
        "未匹配策略时使用内置默认时限。",
    ),
    ("admin.template_kind", "Template", "模板"),
    ("admin.template_lang", "Language", "语言"),
    ("admin.template_text", "Text", "内容"),
    (
        "admin.stores_hint",
        "Stores, store groups, orders and shipments come from `crossdesk import` and the store connectors.",
        "店铺、店铺组、订单与物流数据来自 `crossdesk import` 和店铺连接器。",
    ),
    (
        "admin.templates_hint",
        "The standard replies in every buyer language; a reply fills one in the buyer's language.",
        "各买家语言的标准回复；回复时按买家语言自动选用。",
    ),
    (
        "admin.admins_only",
        "Only admins see this page.",
        "仅管理员可访问此页面。",
    ),
    ("status.new", "New", "新建"),
    ("status.open", "Open", "处理中"),
    ("status.waiting_customer", "Waiting on customer", "等待客户"),
    (
        "status.solution_proposed",
        "Solution proposed",
        "已提供方案",
    ),
    ("status.resolved", "Resolved", "已解决"),
    ("status.closed", "Closed", "已关闭"),
    ("urgency.inquiry", "Inquiry", "咨询"),
    ("urgency.complaint", "Complaint", "投诉"),
    ("urgency.crisis", "Crisis", "危机"),
    ("channel.twitter", "X", "X（推特）"),
    ("channel.email", "E-mail", "邮件"),
    ("channel.amazon", "Amazon", "亚马逊"),
    ("channel.ebay", "eBay", "eBay"),
    ("channel.aliexpress", "AliExpress", "速卖通"),
    ("channel.shopify_chat", "Shopify chat", "Shopify 聊天"),
    ("channel.webchat", "Web chat", "网页聊天"),
    ("channel.whatsapp", "WhatsApp", "WhatsApp"),
    ("channel.other", "Other", "其他"),
    ("category.logistics.delay", "Delay", "物流延误"),
    ("category.logistics.customs", "Customs", "清关"),
    ("category.logistics.lost", "Lost parcel", "包裹丢失"),
    ("category.logistics.damaged", "Damaged", "运输破损"),
    ("category.logistics.last_mile", "Last mile", "末端派送"),
    ("category.product.defective", "Defective", "产品故障"),
    (
        "category.product.not_as_described",
        "Not as described",
        "与描述不符",
    ),
    (
        "category.product.counterfeit_claim",
        "Counterfeit claim",
        "质疑假货",
    ),
    ("category.billing.refund", "Refund", "退款"),
    ("category.billing.duties", "Duties / VAT", "关税/增值税"),
    ("category.billing.payment", "Payment", "支付问题"),
    (
        "category.order.change_cancel",
        "Change / cancel",
        "改单/取消",
    ),
    (
        "category.service.complaint",
        "Service complaint",
        "服务投诉",
    ),
    ("category.abuse", "Abuse", "辱骂/滥用"),
    ("category.inquiry", "Inquiry", "咨询"),
    ("category.praise", "Praise", "好评"),
    ("category.other", "Other", "其他"),
    ("lang.en", "English", "英语"),
    ("lang.zh", "Chinese", "中文"),
    ("lang.es", "Spanish", "西班牙语"),
    ("lang.de", "German", "德语"),
    ("lang.fr", "French", "法语"),
    ("lang.pt", "Portuguese", "葡萄牙语"),
    ("lang.it", "Italian", "意大利语"),
    ("lang.ja", "Japanese", "日语"),
    ("lang.ko", "Korean", "韩语"),
    ("lang.ru", "Russian", "俄语"),
    ("lang.ar", "Arabic", "阿拉伯语"),
    ("lang.nl", "Dutch", "荷兰语"),
    ("lang.pl", "Polish", "波兰语"),
    ("lang.tr", "Turkish", "土耳其语"),
    ("lang.sv", "Swedish", "瑞典语"),
    ("lang.und", "Unknown", "未知"),
    ("role.agent", "Agent", "客服"),
    ("role.lead", "Lead", "组长"),
    ("role.specialist", "Regional specialist", "区域专员"),
    ("role.admin", "Admin", "管理员"),
    ("error.title", "Something went wrong", "出错了"),
    (
        "error.not_found",
        "No such ticket, or it belongs to a store you do not see.",
        "工单不存在，或属于您无权查看的店铺。",
    ),
    ("time.ago", "ago", "前"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crossdesk_domain::model::{Category, Channel, TicketStatus, Urgency};

    #[test]
    fn keys_are_unique_and_both_languages_are_written() {
        let mut seen = std::collections::HashSet::new();
        for (k, en, zh) in TEXTS {
            assert!(seen.insert(k), "duplicate key {k}");
            assert!(!en.is_empty() && !zh.is_empty(), "{k} has an empty text");
        }
    }

    #[test]
    fn every_wire_value_has_a_label() {
        let families: Vec<(&str, Vec<&str>)> = vec![
            (
                "status",
                TicketStatus::ALL.iter().map(|s| s.as_str()).collect(),
            ),
            ("urgency", Urgency::ALL.iter().map(|s| s.as_str()).collect()),
            (
                "category",
                Category::ALL.iter().map(|s| s.as_str()).collect(),
            ),
            ("channel", Channel::ALL.iter().map(|s| s.as_str()).collect()),
        ];
        for (family, values) in families {
            for v in values {
                let key = format!("{family}.{v}");
                assert!(texts().contains_key(key.as_str()), "no label for {key}");
            }
        }
        assert_eq!(Lang::Zh.label("status", "open"), "处理中");
        assert_eq!(Lang::En.label("status", "unknown-value"), "unknown-value");
    }
}
