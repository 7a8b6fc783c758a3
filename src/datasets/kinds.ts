import { FINANCE } from './finance.js';
import type { DatasetKind, KindName } from './kind.js';
import { SPEND } from './spend.js';
import { SUBSCRIPTIONS } from './subscriptions.js';
import { SURVEYS } from './surveys.js';
import { TICKETS } from './tickets.js';

/** Every data set kind, in the order ties are reported. */
export const KINDS: readonly DatasetKind[] = [TICKETS, SURVEYS, SPEND, SUBSCRIPTIONS, FINANCE];

export function kindNamed(name: KindName): DatasetKind {
  return KINDS.find((k) => k.kind === name)!;
}
