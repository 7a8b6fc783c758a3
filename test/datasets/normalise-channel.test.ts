import { describe, expect, it } from 'vitest';
import { CANONICAL_CHANNELS, normaliseChannel } from '../../src/datasets/normalise-channel.js';

/** Each vendor's channel values as its export writes them → the canonical channel (SPEC §2, issue #15). */
const BY_VENDOR: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'Zendesk Via': [
    ['Web', 'web form'], ['Web form', 'web form'], ['Email', 'email'], ['Mail', 'email'], ['Chat', 'chat'], ['Api', 'api'],
    ['Web service', 'api'], ['Mobile SDK', 'web form'], ['Twitter', 'social'], ['Facebook', 'social'], ['WhatsApp', 'messaging'],
    ['Voice', 'phone'], ['Phone call (inbound)', 'phone'], ['Phone call (outbound)', 'phone'], ['SMS', 'sms'],
    // Not channels: a follow-up of a closed ticket, Zendesk's sample ticket: kept as written, lower-cased.
    ['Closed ticket', 'closed ticket'], ['Sample ticket', 'sample ticket'],
  ],
  'Freshdesk Source': [
    ['Email', 'email'], ['Portal', 'web form'], ['Phone', 'phone'], ['Chat', 'chat'], ['Forum', 'web form'], ['Twitter', 'social'],
    ['Facebook', 'social'], ['Feedback Widget', 'web form'], ['Outbound Email', 'email'], ['Ecommerce', 'ecommerce'],
    ['WhatsApp', 'messaging'], ['Mobihelp', 'web form'],
  ],
  'Intercom Channel': [
    ['Chat', 'chat'], ['Messenger', 'chat'], ['Email', 'email'], ['Phone', 'phone'], ['SMS', 'sms'], ['WhatsApp', 'messaging'],
    ['Facebook', 'social'], ['Instagram', 'social'], ['Twitter', 'social'], ['Conversation', 'conversation'],
  ],
  'Zammad Create Channel': [
    ['email', 'email'], ['phone', 'phone'], ['web', 'web form'], ['chat', 'chat'], ['twitter', 'social'], ['facebook', 'social'],
    ['telegram', 'messaging'], ['sms', 'sms'],
    // The article types Zammad seeds (db/seeds/ticket_article_types.rb), as a ticket's first article names its channel.
    ['twitter status', 'social'], ['twitter direct-message', 'social'], ['facebook feed post', 'social'], ['facebook feed comment', 'social'],
    ['facebook direct-message', 'social'], ['telegram personal-message', 'messaging'], ['whatsapp message', 'messaging'], ['fax', 'fax'], ['note', 'note'],
  ],
  'Bitrix24 Open Lines (ru / en connector names)': [
    ['Онлайн-чат', 'chat'], ['Live chat', 'chat'], ['Telegram', 'messaging'], ['Viber', 'messaging'], ['WhatsApp', 'messaging'],
    ['Edna.ru WhatsApp', 'messaging'], ['WeChat', 'messaging'], ['Apple Messages for Business', 'messaging'], ['ВКонтакте', 'social'],
    ['VK', 'social'], ['Одноклассники', 'social'], ['Odnoklassniki', 'social'], ['Facebook: Сообщения', 'social'],
    ['Facebook: Комментарии', 'social'], ['Facebook: Comments', 'social'], ['Instagram Direct', 'social'],
    ['Instagram для бизнеса', 'social'], ['Instagram Business', 'social'], ['Яндекс чат', 'chat'], ['Yandex Chat', 'chat'],
    // A marketplace's messages and Bitrix24's own network: no channel of the set, kept.
    ['Avito', 'avito'], ['OLX', 'olx'], ['Битрикс24.Network', 'битрикс24.network'], ['Открытая линия', 'открытая линия'],
  ],
  LiveAgent: [
    ['Email', 'email'], ['Chat', 'chat'], ['Call', 'phone'], ['Facebook', 'social'], ['Twitter', 'social'], ['Contact form', 'web form'],
    ['Instagram', 'social'], ['WhatsApp', 'messaging'], ['Viber', 'messaging'],
  ],
  Gorgias: [
    ['email', 'email'], ['chat', 'chat'], ['phone', 'phone'], ['sms', 'sms'], ['facebook-messenger', 'social'], ['facebook-mention', 'social'],
    ['instagram-comment', 'social'], ['instagram-direct-message', 'social'], ['twitter-direct-message', 'social'], ['whatsapp', 'messaging'],
    ['contact_form', 'web form'], ['help-center', 'web form'], ['api', 'api'], ['internal-note', 'internal note'],
  ],
  'hand-kept sheets in other languages': [['Telefon', 'phone'], ['Teléfono', 'phone'], ['Correo', 'email'], ['Telefone', 'phone']],
  'SPEC §2 and hand-kept sheets': [
    ['E-mail', 'email'], ['e_mail', 'email'], ['  EMAIL ', 'email'], ['Телефония', 'phone'], ['Звонок', 'phone'], ['Почта', 'email'],
    ['Живой чат', 'chat'], ['Телефон', 'phone'], ['Веб-форма', 'web form'],
  ],
};

describe('normaliseChannel: one vocabulary across exports', () => {
  for (const [vendor, pairs] of Object.entries(BY_VENDOR)) {
    it(vendor, () => {
      expect(pairs.map(([written]) => normaliseChannel(written))).toEqual(pairs.map(([, channel]) => channel));
    });
  }

  it('the canonical set is small and every canonical name maps to itself', () => {
    expect(CANONICAL_CHANNELS).toEqual(['email', 'chat', 'phone', 'web form', 'social', 'messaging', 'sms', 'api']);
    for (const channel of CANONICAL_CHANNELS) expect(normaliseChannel(channel)).toBe(channel);
  });

  it('an unknown value is kept as written, trimmed and lower-cased; dashes and underscores read as spaces', () => {
    expect(normaliseChannel(' Partner Portal X ')).toBe('partner portal x');
    expect(normaliseChannel('Walk_in')).toBe('walk in');
  });
});
