import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasets } from '../../src/datasets/read-dataset.js';
import { buildReport } from '../../src/report/build.js';
import { fieldsNeeded } from '../../src/report/registry.js';
import { Zone } from '../../src/read/zone.js';

const folder = mkdtempSync(join(tmpdir(), 'sm-finance-'));
let n = 0;
const write = (kind: 'spend' | 'subscriptions', text: string) => {
  const name = join(folder, `${kind}-${n++}.csv`);
  writeFileSync(name, text);
  return { name, kind };
};

describe('finance sums to the cent, whatever the order of the rows (found by the row-order property, issue #16)', () => {
  it('service spend 2132.65 + 3494.79 + 3122.41 over 2 customer-months is 4374.93 in every order', async () => {
    // The shrunk counterexample. In doubles 2132.65 + 3122.41 + 3494.79 is 8749.849999999999 and the other orders
    // 8749.85: ÷ 2 the reason said 4374.92 or 4374.93 by the rows' order. Rounded to the cent first: 8749.85 / 2 = 4374.925 → 4374.93.
    const subscriptions = write('subscriptions', 'customer_id,started_at,ended_at,mrr,currency\ncus_1,2026-01-01,2026-02-02,1.00,USD\ncus_1,2026-02-05,2026-03-01,1.00,USD\n');
    const reasons = new Set<string>();
    for (const order of [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]) {
      const amounts = ['2132.65', '3494.79', '3122.41'];
      const spend = write('spend', `date,type,amount,currency\n${order.map((i) => `2026-01-01,service,${amounts[i]},USD`).join('\n')}\n`);
      const read = await readDatasets([spend, subscriptions], { zone: new Zone('UTC'), zoneGiven: true, fields: fieldsNeeded() });
      const report = buildReport(read, { since: null, until: null, timezone: 'UTC', benchmark: 'saas' });
      const ltv = report.metrics.ltv!;
      expect(ltv.value).toBeNull();
      reasons.add((ltv.details as { reason: string }).reason);
      expect((ltv.details as { serviceCostPerCustomerMonth: number }).serviceCostPerCustomerMonth).toBe(8749.85 / 2);
    }
    expect([...reasons]).toEqual(['the service cost per customer-month (4374.93) is not below ARPA (1): no margin to live on']);
  });
});
