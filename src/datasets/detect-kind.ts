import { InputError } from '../errors.js';
import type { Preset } from '../presets/index.js';
import type { DatasetKind } from './kind.js';
import { listHeaders, mapHeaders, requireMapping, suggestionHint, type MappingAttempt, type MappingOptions } from './mapping.js';

/** The option that names a file's kind on the command line (`--tickets FILE` …). */
export const KIND_OPTION: Record<string, string> = {
  tickets: '--tickets',
  surveys: '--surveys',
  spend: '--spend',
  subscriptions: '--subscriptions',
  finance: '--finance',
};

/**
 * Decides a file's kind from its header row and maps it: every candidate kind is mapped; the kinds whose required
 * fields are all present compete on how many columns they recognise (a preset's match counts double), and the best
 * wins when no other ties it. With one candidate (the kind was given), its mapping or its missing-column error.
 * No clear winner: an InputError naming the candidates, what each lacks, and the option that settles it.
 */
export function chooseKind(file: string, headers: readonly string[], candidates: readonly DatasetKind[], presets: readonly Preset[], options: MappingOptions): MappingAttempt {
  const attempts = candidates.map((kind) => mapHeaders(file, headers, kind, presets, options));
  if (attempts.length === 1) {
    requireMapping(file, headers, attempts[0]!);
    return attempts[0]!;
  }
  const score = (a: MappingAttempt) => a.columns.size + (a.preset === null ? 0 : a.columns.size);
  const complete = attempts.filter((a) => a.missing.length === 0).sort((a, b) => score(b) - score(a));
  if (complete.length === 1) return complete[0]!;
  if (complete.length > 1 && score(complete[0]!) > score(complete[1]!)) {
    const [chosen, runnerUp] = [complete[0]!, complete[1]!];
    // A near miss is a guess the headers did not prove: said, with the option that settles it.
    if (score(chosen) - score(runnerUp) <= 1) {
      chosen.notes.push(`read as ${chosen.kind.kind} (${chosen.columns.size} columns recognised); it could also be ${runnerUp.kind.kind} (${runnerUp.columns.size}): pass ${KIND_OPTION[runnerUp.kind.kind]} ${file} if it is`);
    }
    return chosen;
  }
  if (complete.length > 1) {
    const tied = complete.filter((a) => score(a) === score(complete[0]!));
    throw new InputError({
      code: 'AMBIGUOUS_KIND',
      file,
      reason: `could be ${tied.map((a) => a.kind.kind).join(' or ')} data (its headers fit each equally)`,
      hint: `name its kind: ${tied.map((a) => `${KIND_OPTION[a.kind.kind]} ${file}`).join(' or ')}`,
    });
  }
  // Nothing complete: when one kind clearly recognises most (its required fields first), its missing columns are the
  // useful message.
  const closeness = (a: MappingAttempt) => a.kind.fields.filter((f) => f.required && a.columns.has(f.field)).length * 1000 + a.columns.size;
  const byCloseness = [...attempts].sort((a, b) => closeness(b) - closeness(a));
  const best = byCloseness[0]!;
  if (closeness(best) >= 1000 && closeness(best) > closeness(byCloseness[1]!)) {
    requireMapping(file, headers, best);
  }
  const lacking = attempts.map((a) => `${a.kind.kind} needs ${a.missing.join(', ')}${a.missing.length > 0 && a.columns.size > 0 ? ` (${suggestionHint(headers, a)})` : ''}`);
  throw new InputError({
    code: 'UNKNOWN_KIND',
    file,
    reason: `does not look like any data set I know: ${lacking.join('; ')}; headers found: ${listHeaders(headers)}`,
    hint: `name its kind and the columns, e.g. ${KIND_OPTION[best.kind.kind]} ${file} --map FIELD=HEADER`,
  });
}
