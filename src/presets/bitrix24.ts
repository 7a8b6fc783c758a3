import type { Preset } from './preset.js';

const BINARY_RATING = { '5': 'like', '1': 'dislike', '0': '' };

/**
 * Bitrix24 Open Lines statistics, "Экспорт в Excel" (SPEC §2): captions in the portal's language (ru or en),
 * dates in the portal's format (ru `DD.MM.YYYY HH:MI:SS`, en `MM/DD/YYYY H:MI:SS am/pm`) and the portal's time zone
 * (pass --tz, e.g. Europe/Moscow). Re-saved by Russian Excel it is a Windows-1251 `;` CSV.
 * `Ожидание ответа оператора` is the first response in whole seconds without bot time; `0` means unanswered.
 * `Дата закрытия` is preferred to `Дата закрытия оператором` (the first present wins; the default export has only
 * the latter). Captions confirmed in imopenlines' lang files (`install/components/bitrix/imopenlines.statistics.detail/
 * lang/{ru,en}/class.php`) and its excel template, which writes the raw values: dates in the portal's culture format,
 * the waiting time in seconds (`0` when the agent never answered), the rating 5/1/0, `Да`/`Нет` (`Yes`/`No`) for spam.
 */
export const bitrix24: Preset = {
  name: 'bitrix24',
  kind: 'tickets',
  description: 'Bitrix24 Open Lines statistics export (ru/en captions)',
  columns: [
    ['№', 'id'],
    ['#', 'id'],
    ['Дата создания', 'created_at'],
    ['Created on', 'created_at'],
    ['Дата ответа оператора', 'first_response_at'],
    ['Agent replied on', 'first_response_at'],
    ['Ожидание ответа оператора', 'first_response_minutes'],
    ['Waiting for agent to respond', 'first_response_minutes'],
    ['Дата закрытия', 'resolved_at'],
    ['Closed on', 'resolved_at'],
    ['Дата закрытия оператором', 'resolved_at'],
    ['Agent closed on', 'resolved_at'],
    ['Сотрудник', 'agent'],
    ['Employee', 'agent'],
    ['Канал', 'channel'],
    ['Channel', 'channel'],
    ['Клиент', 'customer_id'],
    ['Client', 'customer_id'],
    ['Статус', 'status'],
    ['Status', 'status'],
    ['Оценка клиента', 'csat'],
    ['Rated by clients', 'csat'],
  ],
  evidence: [
    'Дата ответа оператора', 'Agent replied on', 'Ожидание ответа оператора', 'Waiting for agent to respond', 'Дата закрытия оператором',
    'Agent closed on', 'Оценка клиента', 'Rated by clients', 'Спам', 'Спам / Принудительное завершение', 'Spam / Force stop', 'Сотрудник',
  ],
  // 2018-era files caption the channel `Источник`/`Source` (imopenlines' OL_STATS_HEADER_SOURCE_TEXT) beside the page
  // URL, also captioned `Источник`/`Source` (OL_STATS_HEADER_EXTRA_URL): the channel is the one whose values are not URLs.
  columnsByValue: [{ headers: ['Источник', 'Источник_1', 'Source', 'Source_1'], field: 'channel', notOf: 'urls' }],
  // `Тип`/`Type` is the conversation's direction (Входящий/Исходящий, Inbound/Outbound), not a ticket category.
  ignoreColumns: ['Тип', 'Type'],
  units: { 'Ожидание ответа оператора': 'seconds', 'Waiting for agent to respond': 'seconds' },
  zeroMeansNone: ['Ожидание ответа оператора', 'Waiting for agent to respond'],
  // A client's rating is binary: 5 = like, 1 = dislike, 0 = not rated (SPEC §2) — not a 1–5 score.
  answerLabels: { 'Оценка клиента': BINARY_RATING, 'Rated by clients': BINARY_RATING },
  skipRows: [
    { header: 'Спам', values: ['да'], reason: 'spam' },
    { header: 'Spam', values: ['yes', 'да'], reason: 'spam' },
    // Newer portals caption the same column (OL_STATS_HEADER_SPAM) "Спам / Принудительное завершение" / "Spam / Force
    // stop": a chat marked spam or force-closed, which is no support request either.
    { header: 'Спам / Принудительное завершение', values: ['да'], reason: 'spam' },
    { header: 'Spam / Force stop', values: ['yes', 'да'], reason: 'spam' },
  ],
};
