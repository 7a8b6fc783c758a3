/**
 * SurveyMonkey's second header row (issue #11): the first row names the questions, the row under it says `Response`
 * or `Open-Ended Response` — or an answer option, when a question spans several columns and its name stands only
 * above the first of them. The respondent columns (`Respondent ID`, `Start Date` …) are blank in that row.
 *
 * Returns one header per column — the question, with the option after ` - ` when the second row names one — or null
 * when `next` is not such a row (then it is data, read as usual).
 */
export function mergeSecondHeaderRow(header: readonly string[], next: readonly string[] | undefined): string[] | null {
  if (next === undefined || (next[0] ?? '').trim() !== '') return null;
  if (!next.some((cell) => RESPONSE.test(cell.trim()))) return null;
  const merged: string[] = [];
  let question = '';
  const width = Math.max(header.length, next.length);
  for (let column = 0; column < width; column++) {
    const own = (header[column] ?? '').trim();
    // A blank name continues the question to its left (its other options); a named column starts a new one.
    if (own !== '') question = own;
    const sub = (next[column] ?? '').trim();
    const name = own !== '' ? own : sub === '' ? '' : question;
    merged.push(sub === '' || RESPONSE.test(sub) || name === '' ? name || sub : `${name} - ${sub}`);
  }
  return merged;
}

const RESPONSE = /^(?:open-ended )?response$/i;
