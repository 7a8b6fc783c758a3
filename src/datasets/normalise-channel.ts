/**
 * Channel names as exports write them, made one vocabulary so targets and groups scoped to a channel work across
 * exports (SPEC §2): `Mail`, `E-mail`, `Email` → email; `Chat`, `Live chat`, `Онлайн-чат` → chat; `Voice`, `Phone`,
 * `Телефония` → phone; web form, social, messaging, api; anything else kept as written, lower-cased.
 */
export function normaliseChannel(value: string): string {
  const key = value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  return CHANNELS.get(key) ?? key;
}

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  email: ['email', 'e mail', 'mail', 'e-mail', 'почта', 'электронная почта', 'емейл', 'эл. почта'],
  chat: ['chat', 'live chat', 'livechat', 'web chat', 'webchat', 'chat widget', 'онлайн чат', 'чат', 'живой чат', 'открытая линия'],
  phone: ['phone', 'voice', 'call', 'calls', 'telephone', 'phone call', 'телефон', 'телефония', 'звонок'],
  'web form': ['web form', 'webform', 'web', 'form', 'contact form', 'portal', 'web widget', 'веб форма', 'форма'],
  social: ['social', 'facebook', 'twitter', 'instagram', 'x', 'vk', 'вконтакте', 'соцсети'],
  messaging: ['messaging', 'whatsapp', 'telegram', 'viber', 'sms', 'messenger', 'imessage', 'line', 'wechat', 'мессенджер'],
  api: ['api', 'rule', 'trigger', 'automation'],
};

const CHANNELS = new Map<string, string>(Object.entries(GROUPS).flatMap(([channel, names]) => names.map((n) => [n.replace(/[\s_-]+/g, ' '), channel] as const)));
