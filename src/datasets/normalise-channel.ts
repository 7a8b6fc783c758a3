/**
 * Channel names as exports write them, made one vocabulary so targets and groups scoped to a channel work across
 * exports (SPEC §2). The canonical set:
 *
 * | channel    | what it is                                                    | e.g.                                                       |
 * |------------|---------------------------------------------------------------|------------------------------------------------------------|
 * | `email`    | e-mail, in or out                                             | Zendesk `Email`/`Mail`, Freshdesk `Outbound Email`         |
 * | `chat`     | live chat on a site or in an app (a widget, a messenger box)  | `Chat`, `Live chat`, `Онлайн-чат`, Intercom `Messenger`    |
 * | `phone`    | calls and voicemail                                           | `Voice`, `Phone call (inbound)`, LiveAgent `Call`          |
 * | `web form` | a form, portal or in-app request form: asynchronous, no chat  | Zendesk `Web`, Freshdesk `Portal`/`Feedback Widget`        |
 * | `social`   | social networks' messages and comments                        | Facebook, Instagram, Twitter/X, ВКонтакте/VK, Одноклассники |
 * | `messaging`| messenger apps                                                | WhatsApp, Telegram, Viber, WeChat, Apple Messages          |
 * | `sms`      | text messages                                                 | `SMS`                                                      |
 * | `api`      | created by a program, an integration or a rule                | `Api`, `Web service`, `Rule`                               |
 *
 * Anything else is kept as written, trimmed and lower-cased (`closed ticket`, `avito`, `ecommerce`): a value that is
 * not a channel (Zendesk's `Closed ticket` follow-ups, `Sample ticket`) is not made one. Values are normalised once
 * per distinct value (text codes), never per row.
 */
export function normaliseChannel(value: string): string {
  const key = channelKey(value);
  return CHANNELS.get(key) ?? key;
}

/** Lower case, `_`/`-`/runs of spaces as one space — `E-mail`, `e_mail`, `E mail` alike. */
function channelKey(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * The spellings per channel, by export (the lists are the vendors' channel values; which were confirmed from vendor
 * material is said in the README's channel table):
 * - Zendesk `Via`: Web, Web form, Email, Mail, Chat, Api, Web service, Mobile SDK, Twitter, Facebook,
 *   WhatsApp, Voice, Phone call (inbound/outbound), Voicemail, SMS (Closed ticket, Sample ticket, Mobile: kept, not channels we can name).
 * - Freshdesk `Source`: Email, Portal, Phone, Chat, Forum, Twitter, Facebook, Feedback Widget, Outbound Email,
 *   Ecommerce (kept), WhatsApp, Mobihelp.
 * - Intercom `Channel`: Chat, Messenger, Email, Phone, SMS, WhatsApp, Facebook, Instagram, Twitter (Conversation kept).
 * - Zammad `Create Channel` (its article types, db/seeds/ticket_article_types.rb): email, sms, chat, phone, web,
 *   twitter status, twitter direct-message, facebook feed post/comment, facebook direct-message,
 *   telegram personal-message, whatsapp message (fax, note: kept).
 * - Bitrix24 Open Lines (imconnector connector names, ru/en): Онлайн-чат/Live chat, Telegram, Viber, WhatsApp,
 *   Edna.ru WhatsApp, WeChat, Apple Messages for Business, ВКонтакте/VK, Одноклассники/Odnoklassniki,
 *   Facebook: Сообщения/Facebook, Facebook: Комментарии/Facebook: Comments, Instagram Direct,
 *   Instagram для бизнеса/Instagram Business, Яндекс чат/Yandex Chat (Avito, OLX, Битрикс24.Network: kept).
 * - LiveAgent: Email, Chat, Call, Facebook, Twitter, Contact form, Instagram, WhatsApp, Viber.
 * - Gorgias `channel`: email, chat, phone, sms, facebook, facebook-messenger, facebook-mention, instagram-comment,
 *   instagram-direct-message, twitter, twitter-direct-message, whatsapp, contact_form, help-center, api.
 * - Hand-kept sheets in other languages: Telefon (de), Teléfono, Correo (es), Telefone (pt).
 */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  email: ['email', 'e-mail', 'e mail', 'mail', 'outbound email', 'inbound email', 'correo', 'correo electrónico', 'почта', 'электронная почта', 'эл. почта', 'емейл', 'e-mail (почта)'],
  chat: [
    'chat', 'live chat', 'livechat', 'web chat', 'webchat', 'chat widget', 'messenger', 'intercom messenger', 'in-app chat', 'native messaging',
    'онлайн-чат', 'онлайн чат', 'чат', 'живой чат', 'чат на сайте', 'яндекс чат', 'yandex chat',
  ],
  phone: [
    'phone', 'voice', 'call', 'calls', 'telephone', 'telephony', 'phone call', 'phone call (inbound)', 'phone call (outbound)', 'voicemail',
    'inbound call', 'outbound call', 'phone switch', 'телефон', 'телефония', 'звонок', 'звонки', 'telefon', 'anruf', 'teléfono', 'telefone',
  ],
  'web form': [
    'web form', 'webform', 'web', 'form', 'contact form', 'portal', 'web widget', 'feedback widget', 'widget', 'help center', 'forum',
    'mobile sdk', 'mobihelp', 'веб-форма', 'веб форма', 'форма', 'форма на сайте', 'crm-форма',
  ],
  social: [
    'social', 'facebook', 'facebook: сообщения', 'facebook: комментарии', 'facebook: comments', 'facebook messenger', 'facebook post',
    'facebook feed post', 'facebook feed comment', 'facebook direct message', 'twitter status', 'twitter direct message',
    'twitter', 'x', 'x (twitter)', 'instagram', 'instagram direct', 'instagram для бизнеса', 'instagram business', 'vk', 'вконтакте',
    'одноклассники', 'odnoklassniki', 'соцсети',
    // Gorgias `channel` values (developers.gorgias.com: facebook-mention, instagram-direct-message …)
    'facebook mention', 'facebook recommendations', 'instagram comment', 'instagram ad comment', 'instagram mention',
    'instagram direct message', 'twitter mention',
  ],
  messaging: [
    'messaging', 'whatsapp', 'edna.ru whatsapp', 'whatsapp business', 'telegram', 'viber', 'wechat', 'line', 'imessage', 'apple messages for business',
    'skype', 'мессенджер', 'telegram personal message', 'whatsapp message',
  ],
  sms: ['sms', 'text message', 'смс'],
  api: ['api', 'web service', 'rule', 'trigger', 'automation', 'integration'],
};

const CHANNELS = new Map<string, string>(Object.entries(GROUPS).flatMap(([channel, names]) => names.map((n) => [channelKey(n), channel] as const)));

/** The canonical channels (for `support-metrics metrics`, tests and the README). */
export const CANONICAL_CHANNELS: readonly string[] = Object.keys(GROUPS);
