import type { NotADataSet } from './preset.js';

/**
 * Bitrix24 CRM deals CSV export (CRM → Deals → Export to CSV). Layout from the product's `crm.deal.list` csv template
 * and lang files: every field quoted, each followed by `;` (so every line ends with `;`: an empty last column, dropped
 * by the reader), LF line ends, the site charset (Windows-1251 on old box installs, no BOM); `Валюта` holds the
 * currency's name (`Рубль`, `Доллар США`, `Евро`: datasets/currency.ts), `Сумма` a plain `150000.00`, dates in the
 * portal's format (`02.11.2026 10:15:00`). Captions ru/en: `ID`, `Название сделки`/`Deal Name`, `Стадия сделки`/
 * `Stage`, `Сумма`/`Income`, `Валюта`/`Currency`, `Компания`/`Company`, `Контакт`/`Contact`, `Ответственный`/
 * `Responsible`, `Дата создания`/`Created`, `Дата начала`/`Start date`, `Предполагаемая дата закрытия`/`Assumed close
 * date`, `Сделка закрыта`/`Closed`, `Источник`/`Source`, `Тип`/`Type`.
 *
 * Which data set does it feed? None, as a finance user reads it: a deal's amount is what the customer pays (revenue),
 * not marketing or sales spend, so read as spend it would inflate CAC; and a one-off deal has no monthly recurring
 * amount, so read as subscriptions it would make MRR, churn and LTV up. Read as tickets (its `ID` and `Дата создания`
 * fit the generic aliases) it would report sales as support volume. So it is refused with what to do instead.
 */
export const bitrix24Deals: NotADataSet = {
  name: 'bitrix24-deals',
  description: 'Bitrix24 CRM deals CSV export',
  evidence: [
    'Название сделки', 'Стадия сделки', 'Сделка закрыта', 'Предполагаемая дата закрытия', 'Группа стадий', 'Повторная сделка',
    'Deal Name', 'Assumed close date', 'Deal status', 'Repeat deal',
  ],
  reason:
    'is a Bitrix24 CRM deals export: deals are sales — their amount is revenue, not marketing or sales spend, and a one-off deal is no monthly subscription — so it feeds none of the data sets (read as tickets it would count deals as support requests)',
  hint:
    'for CAC, count the won deals per month as new_customers in a finance sheet (month, new_customers …) beside your spend; to read recurring deals as subscriptions anyway, pass --subscriptions FILE --map customer_id=Компания --map started_at="Дата начала" --map mrr=Сумма',
};
