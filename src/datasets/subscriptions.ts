import { z } from 'zod';
import type { DatasetKind } from './kind.js';
import { orderRefinement, type OrderRule } from './order-rule.js';

/**
 * Subscriptions (SPEC §2 `subscriptions`): a row per subscription with its customer, start, end (empty = active) and
 * monthly revenue — `mrr`, or `amount` per `interval` (month/year) times `quantity`, normalised by the metrics.
 */
const SubscriptionFields = z.object({
  started_at: z.number(),
  ended_at: z.number().nullable(),
  mrr: z.number().min(0, 'negative amount').nullable(),
  amount: z.number().min(0, 'negative amount').nullable(),
  quantity: z.number().min(0, 'negative count').nullable(),
});

/** A subscription cannot end before it starts. */
const SUBSCRIPTION_ORDER: readonly OrderRule[] = [{ field: 'ended_at', notBefore: 'started_at', message: 'end before start' }];

export const SubscriptionRecord = SubscriptionFields.superRefine(orderRefinement(SUBSCRIPTION_ORDER));
export type SubscriptionRecord = z.infer<typeof SubscriptionRecord>;

export const SUBSCRIPTIONS: DatasetKind = {
  kind: 'subscriptions',
  rowNoun: 'subscription',
  fields: [
    { field: 'customer_id', type: 'text', required: true, aliases: ['customerid', 'customer', 'clientid', 'client', 'accountid', 'account', 'клиент', 'idклиента'] },
    { field: 'started_at', type: 'instant', required: true, aliases: ['startedat', 'start', 'startdate', 'started', 'startedon', 'subscriptionstart', 'датаначала', 'начало'] },
    { field: 'ended_at', type: 'instant', required: false, aliases: ['endedat', 'ended', 'enddate', 'endedon', 'subscriptionend', 'датаокончания', 'окончание'] },
    { field: 'mrr', type: 'money', required: false, aliases: ['mrr', 'monthlyrecurringrevenue', 'monthlyamount', 'ежемесячныйплатеж'] },
    { field: 'amount', type: 'money', required: false, aliases: ['amount', 'price', 'planamount', 'сумма', 'стоимость', 'цена'] },
    { field: 'interval', type: 'text', required: false, aliases: ['interval', 'billinginterval', 'billingperiod', 'planinterval', 'период', 'периодоплаты'] },
    { field: 'quantity', type: 'number', required: false, aliases: ['quantity', 'qty', 'seats', 'количество'] },
    { field: 'status', type: 'text', required: false, aliases: ['status', 'state', 'статус'] },
    { field: 'channel', type: 'text', required: false, aliases: ['channel', 'acquisitionchannel', 'source', 'канал', 'источник'] },
    { field: 'plan', type: 'text', required: false, aliases: ['plan', 'planname', 'product', 'tariff', 'тариф', 'план'] },
    { field: 'currency', type: 'text', required: false, aliases: ['currency', 'currencycode', 'валюта'] },
  ],
  requiredOneOf: [['mrr'], ['amount', 'interval']],
  record: SubscriptionFields,
  order: SUBSCRIPTION_ORDER,
  time: 'started_at',
};

/** Months one billing interval covers: month 1, year 12, quarter 3, week 12/52, day 12/365; unknown → NaN (no MRR). */
export function monthsPerInterval(text: string): number {
  const key = text.trim().toLowerCase();
  const every = /^(?:every\s+)?(\d+)\s*(month|week|year|day)s?$/.exec(key);
  if (every !== null) return Number(every[1]) * monthsPerInterval(every[2]!);
  if (/^(?:semiannual|semi-annual|semiannually|half-year|half-yearly|biannual)$/.test(key)) return 6;
  if (/^(?:month|monthly|mo|месяц|ежемесячно)$/.test(key)) return 1;
  if (/^(?:year|yearly|annual|annually|yr|год|ежегодно)$/.test(key)) return 12;
  if (/^(?:quarter|quarterly|квартал)$/.test(key)) return 3;
  if (/^(?:week|weekly|неделя)$/.test(key)) return 12 / 52;
  if (/^(?:day|daily|день)$/.test(key)) return 12 / 365;
  return Number.NaN;
}

