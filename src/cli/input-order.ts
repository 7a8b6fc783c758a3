import type { InputSpec } from '../datasets/read-dataset.js';
import type { KindName } from '../datasets/kind.js';

const KIND_OPTIONS = new Map<string, KindName>([
  ['--tickets', 'tickets'],
  ['--surveys', 'surveys'],
  ['--spend', 'spend'],
  ['--subscriptions', 'subscriptions'],
  ['--finance', 'finance'],
]);

/** Options that take no value: every other `--option` is followed by its value (unless written `--option=value`). */
const FLAGS = new Set(['--fail-on-miss', '--strict', '--quiet', '--debug', '--help', '-h']);

/**
 * The inputs in the order the command line names them — positional files and `--tickets FILE` … interleaved —
 * because order matters: of two rows with one ticket id, the first named is kept (SPEC §4), and `inputs[]` follows
 * it. Commander hands positional files and each option's values over separately; the argv walk puts them back in
 * order. `files` are the positional arguments as commander parsed them.
 */
export function inputsInCommandOrder(argv: readonly string[], files: readonly string[]): InputSpec[] {
  const inputs: InputSpec[] = [];
  const positional = [...files];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      inputs.push(...positional.map((name) => ({ name })));
      return inputs;
    }
    if (token.startsWith('--') || (token.startsWith('-') && token.length > 1)) {
      const eq = token.indexOf('=');
      const option = eq > 0 ? token.slice(0, eq) : token;
      const value = eq > 0 ? token.slice(eq + 1) : FLAGS.has(option) ? undefined : argv[++i];
      const kind = KIND_OPTIONS.get(option);
      if (kind !== undefined && value !== undefined) inputs.push({ name: value, kind });
      continue;
    }
    if (positional[0] === token) inputs.push({ name: positional.shift()! });
  }
  // Whatever commander saw that the walk did not (it should not happen): at the end, not lost.
  inputs.push(...positional.map((name) => ({ name })));
  return inputs;
}
