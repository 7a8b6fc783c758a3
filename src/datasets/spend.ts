import { z } from 'zod';
import type { DatasetKind } from './kind.js';
import { orderRefinement, type OrderRule } from './order-rule.js';

/**
 * Marketing, sales and service spend (SPEC §2 `spend`): a row per day or per period — `date` … `date_end` (Meta's
 * Reporting starts … Reporting ends, both days included) — amount, type, channel.
 */
const SpendFields = z.object({
  date: z.number(),
  date_end: z.number().nullable(),
  amount: z.number().min(0, 'negative amount'),
  new_customers: z.number().min(0, 'negative count').nullable(),
});

/** A period cannot end before it starts. */
const SPEND_ORDER: readonly OrderRule[] = [{ field: 'date_end', notBefore: 'date', message: 'period ends before it starts' }];

export const SpendRecord = SpendFields.superRefine(orderRefinement(SPEND_ORDER));
export type SpendRecord = z.infer<typeof SpendRecord>;

export const SPEND: DatasetKind = {
  kind: 'spend',
  rowNoun: 'spend row',
  fields: [
    { field: 'date', type: 'date', required: true, aliases: ['date', 'day', 'week', 'reportingstarts', 'spenddate', 'дата', 'день'] },
    { field: 'date_end', type: 'date', required: false, aliases: ['dateend', 'reportingends', 'periodend', 'enddate', 'to', 'датаокончания', 'по'] },
    { field: 'amount', type: 'money', required: true, aliases: ['amount', 'cost', 'spend', 'spent', 'amountspent', 'sum', 'total', 'сумма', 'суммаруб', 'расходыруб', 'расход', 'расходы', 'затраты', 'стоимость'] },
    { field: 'type', type: 'text', required: false, aliases: ['type', 'spendtype', 'costtype', 'kind', 'тип', 'статья', 'статьярасходов'] },
    { field: 'channel', type: 'text', required: false, aliases: ['channel', 'campaign', 'campaignname', 'source', 'канал', 'кампания', 'источник'] },
    { field: 'currency', type: 'text', required: false, aliases: ['currency', 'currencycode', 'валюта'] },
    { field: 'new_customers', type: 'number', required: false, aliases: ['newcustomers', 'customersacquired', 'acquiredcustomers', 'newclients', 'новыеклиенты', 'новыхклиентов'] },
  ],
  record: SpendFields,
  order: SPEND_ORDER,
  time: 'date',
};

/** What a spend row pays for (its `type`): marketing is the default. */
export type SpendType = 'marketing' | 'sales' | 'service';

/** A `type` cell as a spend type; null for words that are none of them. */
export function spendType(text: string): SpendType | null {
  const key = text.trim().toLowerCase();
  if (key === '' || /^(?:marketing|ads?|advertising|paid|маркетинг|реклама)$/.test(key)) return 'marketing';
  if (/^(?:sales?|продажи)$/.test(key)) return 'sales';
  if (/^(?:service|support|customer service|сервис|поддержка|обслуживание)$/.test(key)) return 'service';
  return null;
}

