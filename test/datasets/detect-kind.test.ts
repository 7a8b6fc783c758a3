import { describe, expect, it } from 'vitest';
import { chooseKind } from '../../src/datasets/detect-kind.js';
import { KINDS } from '../../src/datasets/kinds.js';
import { SURVEYS } from '../../src/datasets/surveys.js';
import { PRESETS } from '../../src/presets/index.js';

const kindOf = (headers: string[]) => chooseKind('f.csv', headers, KINDS, PRESETS, {}).kind.kind;

describe('the kind of a file, from its headers', () => {
  it('recognises each kind by its usual spellings, English and Russian', () => {
    expect(kindOf(['Id', 'Created at', 'Solved at', 'Satisfaction Score', 'Status'])).toBe('tickets');
    expect(kindOf(['№', 'Канал', 'Дата создания', 'Сотрудник'])).toBe('tickets');
    expect(kindOf(['Submitted at', 'Survey type', 'Score', 'Ticket ID'])).toBe('surveys');
    expect(kindOf(['Дата', 'Сумма', 'Канал'])).toBe('spend');
    expect(kindOf(['Customer ID', 'Start (UTC)', 'Ended At (UTC)', 'Amount', 'Interval', 'Quantity'])).toBe('subscriptions');
    expect(kindOf(['Month', 'Marketing spend', 'New customers', 'Revenue', 'Active customers', 'Churned customers'])).toBe('finance');
  });

  it('a ticket export with a rating column is tickets, not surveys (more of its columns are recognised)', () => {
    // surveys would also be complete here (Created at → responded_at, Satisfaction Score → csat)
    expect(kindOf(['Id', 'Created at', 'Satisfaction Score', 'Assignee', 'Via'])).toBe('tickets');
  });

  it('a tie is no clear match: exit 2 naming the candidates and the options that settle it', () => {
    let error: (Error & { code?: string }) | undefined;
    try {
      chooseKind('f.csv', ['date', 'amount', 'month', 'revenue'], KINDS, PRESETS, {});
    } catch (e) {
      error = e as Error & { code?: string };
    }
    expect(error?.code).toBe('AMBIGUOUS_KIND');
    expect(error?.message).toBe('f.csv: could be spend or finance data (its headers fit each equally); name its kind: --spend f.csv or --finance f.csv');
  });

  it('a given kind is taken as given: its missing fields named together', () => {
    expect(() => chooseKind('f.csv', ['Month', 'Revenue'], [SURVEYS], PRESETS, {})).toThrow(
      'f.csv: has no column for the required fields responded_at, survey+score or csat or nps or ces; headers found: "Month", "Revenue"',
    );
  });
});
