import { z } from 'zod';
import type { DatasetKind } from './kind.js';

/** Marketing, sales and service spend (SPEC §2 `spend`): a row per day or period, amount, type, channel. */
export const SpendRecord = z.object({
  date: z.number(),
  amount: z.number().min(0, 'negative amount'),
  new_customers: z.number().min(0, 'negative count').nullable(),
});
export type SpendRecord = z.infer<typeof SpendRecord>;

export const SPEND: DatasetKind = {
  kind: 'spend',
  rowNoun: 'spend row',
  fields: [
    { field: 'date', type: 'date', required: true, aliases: ['date', 'day', 'week', 'reportingstarts', 'spenddate', 'дата', 'день'] },
    { field: 'amount', type: 'money', required: true, aliases: ['amount', 'cost', 'spend', 'spent', 'amountspent', 'sum', 'total', 'сумма', 'расход', 'расходы', 'затраты', 'стоимость'] },
    { field: 'type', type: 'text', required: false, aliases: ['type', 'spendtype', 'costtype', 'kind', 'тип', 'статья', 'статьярасходов'] },
    { field: 'channel', type: 'text', required: false, aliases: ['channel', 'campaign', 'campaignname', 'source', 'канал', 'кампания', 'источник'] },
    { field: 'currency', type: 'text', required: false, aliases: ['currency', 'currencycode', 'валюта'] },
    { field: 'new_customers', type: 'number', required: false, aliases: ['newcustomers', 'customersacquired', 'acquiredcustomers', 'newclients', 'новыеклиенты', 'новыхклиентов'] },
  ],
  record: SpendRecord,
  time: 'date',
};
