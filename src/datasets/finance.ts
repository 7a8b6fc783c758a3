import { z } from 'zod';
import type { DatasetKind } from './kind.js';

const count = z.number().min(0, 'negative count').nullable();
const money = z.number().min(0, 'negative amount').nullable();

/** The monthly summary sheet finance teams keep instead of per-customer rows (SPEC §2 `finance`). */
export const FinanceRecord = z.object({
  month: z.number(),
  marketing_spend: money,
  sales_spend: money,
  new_customers: count,
  revenue: money,
  active_customers: count,
  churned_customers: count,
  service_cost: money,
});
export type FinanceRecord = z.infer<typeof FinanceRecord>;

export const FINANCE: DatasetKind = {
  kind: 'finance',
  rowNoun: 'month',
  fields: [
    { field: 'month', type: 'month', required: true, aliases: ['month', 'period', 'monthstart', 'месяц', 'период'] },
    { field: 'marketing_spend', type: 'money', required: false, aliases: ['marketingspend', 'marketing', 'marketingcost', 'marketingcosts', 'расходынамаркетинг', 'маркетинг'] },
    { field: 'sales_spend', type: 'money', required: false, aliases: ['salesspend', 'sales', 'salescost', 'salescosts', 'расходынапродажи', 'продажи'] },
    { field: 'new_customers', type: 'number', required: false, aliases: ['newcustomers', 'customersacquired', 'newclients', 'новыеклиенты'] },
    { field: 'revenue', type: 'money', required: false, aliases: ['revenue', 'mrr', 'income', 'выручка', 'доход'] },
    { field: 'active_customers', type: 'number', required: false, aliases: ['activecustomers', 'customers', 'customersatstart', 'activeclients', 'активныеклиенты', 'клиенты'] },
    { field: 'churned_customers', type: 'number', required: false, aliases: ['churnedcustomers', 'churned', 'lostcustomers', 'ушедшиеклиенты', 'отток'] },
    { field: 'service_cost', type: 'money', required: false, aliases: ['servicecost', 'servicecosts', 'supportcost', 'supportcosts', 'расходынаподдержку', 'поддержка'] },
  ],
  requiredOneOf: [['marketing_spend'], ['sales_spend'], ['new_customers'], ['revenue'], ['active_customers'], ['churned_customers'], ['service_cost']],
  record: FinanceRecord,
  // One row per month: a month given twice would count its customers twice.
  key: 'month',
  keyLabel: 'month',
  time: 'month',
};
