import { describe, expect, it } from 'vitest';
import { csat, csatSatisfied } from '../../src/metrics/csat.js';
import { answerScale, readAnswers, readSettledAnswers, readSettledSlices } from '../../src/survey/answers.js';
import { slicing } from '../../src/stats/slicing.js';

/** A score column from the answers as written, row by row ('' = empty), as the data set keeps it (codes). */
function column(answers: string[]) {
  const values = [''];
  const codes = answers.map((a) => {
    if (a === '') return 0;
    let code = values.indexOf(a);
    if (code < 0) code = values.push(a) - 1;
    return code;
  });
  return { codes, values };
}

describe('survey answers read onto a scale', () => {
  it('reads numbers on the default scale without an assumption: 5, 4, 4,5 (decimal comma), 3/5', () => {
    const read = readAnswers(column(['5', '4', '', '4,5', '3/5']), 'csat');
    expect(Array.from(read.scores)).toEqual([5, 4, Number.NaN, 4.5, 3]);
    expect(read.scale).toEqual({ min: 1, max: 5, higherIsBetter: true });
    expect(read.assumed).toBeNull();
    expect(read.offScale).toEqual([]);
  });

  it('counts Zendesk Good/Bad beside 1–5 numbers as binary ratings: they reach csat_satisfied only', () => {
    const read = readAnswers(column(['Good', 'Bad', 'Good', '5', '2']), 'csat');
    expect(read.binary).toEqual({ satisfied: 2, responses: 3 });
    expect(Array.from(read.scores)).toEqual([Number.NaN, Number.NaN, Number.NaN, 5, 2]);
    // csat: (5 + 2)/2 = 3.5; satisfied: 2 binary + one 5 of 5 answers = 3/5 = 0.6
    expect(csat(read).value).toBe(3.5);
    expect(csatSatisfied(read).value).toBe(0.6);
  });

  it('detects a 1–7 scale from its values and says so; a given scale rejects what lies off it', () => {
    const read = readAnswers(column(['7', '6', '2']), 'csat');
    expect(read.scale).toEqual({ min: 1, max: 7, higherIsBetter: true });
    expect(read.assumed).toMatch(/off the default 1–5: read as a 1–7 scale \(give it with --scale csat=MIN-MAX\)/);
    const given = readAnswers(column(['7', '6', '2']), 'csat', { min: 1, max: 5, higherIsBetter: true });
    expect(given.offScale).toEqual([0, 1]);
    expect(Array.from(given.scores)).toEqual([Number.NaN, Number.NaN, 2]);
  });

  it('reads a labelled 5-level scale (very satisfied … very dissatisfied) as 1–5, neutral at 3', () => {
    const read = readAnswers(column(['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied']), 'csat');
    expect(Array.from(read.scores)).toEqual([5, 4, 3, 2, 1]);
    expect(read.assumed).toMatch(/labels of 5 levels/);
  });

  it('reads Freshdesk-style 7 levels (extremely satisfied … extremely dissatisfied) as 1–7', () => {
    const read = readAnswers(column(['Extremely satisfied', 'Slightly dissatisfied', 'Neutral', 'Extremely dissatisfied']), 'csat');
    expect(read.scale.max).toBe(7);
    expect(Array.from(read.scores)).toEqual([7, 3, 4, 1]);
  });

  it('takes satisfied/unsatisfied alone and thumbs as binary', () => {
    const read = readAnswers(column(['Satisfied', 'Unsatisfied', '👍', '👎', 'Satisfied']), 'csat');
    expect(read.binary).toEqual({ satisfied: 3, responses: 5 });
    expect(read.offScale).toEqual([]);
  });

  it('rejects binary ratings on NPS, which needs 0–10, and numbers off every usual scale', () => {
    expect(readAnswers(column(['Good', '9']), 'nps').offScale).toEqual([0]);
    expect(readAnswers(column(['42', '3']), 'csat').offScale).toEqual([0]);
  });
});

describe('a long-form score column shared by several surveys', () => {
  it('decides each survey\'s scale from its own answers only, not from the values other surveys wrote', () => {
    // values: '', '5', '10', '2'; CSAT rows hold 5 and 2, NPS rows (code 2 = '10') are not CSAT's
    const read = readAnswers({ codes: [1, 0, 3, 0], values: ['', '5', '10', '2'] }, 'csat');
    expect(read.scale).toEqual({ min: 1, max: 5, higherIsBetter: true });
    expect(read.assumed).toBeNull();
  });
});

describe('labels of named ordinal scales, and numbers with their label', () => {
  it("SurveyMonkey's 5-point satisfaction scale (not at all … extremely satisfied) is 1–5, not a 7-level bipolar one", () => {
    const answers = ['Extremely satisfied', 'Very satisfied', 'Somewhat satisfied', 'Not so satisfied', 'Not at all satisfied', 'Extremely satisfied', 'Very satisfied'];
    const read = readAnswers(column(answers), 'csat');
    // 5, 4, 3, 2, 1, 5, 4: mean 24/7; top 2 of 5 (4–5): 4 of 7
    expect(Array.from(read.scores)).toEqual([5, 4, 3, 2, 1, 5, 4]);
    expect(read.scale).toEqual({ min: 1, max: 5, higherIsBetter: true });
    expect(read.assumed).toBe("csat answers are labels of SurveyMonkey's satisfaction scale: read as 1–5, higher is better (give another with --scale csat=MIN-MAX)");
    expect(csat(read).value).toBeCloseTo(24 / 7, 12);
    expect(csatSatisfied(read).details).toMatchObject({ satisfied: 4, responses: 7 });
  });

  it('CES ease labels: very easy = 1 (lower is better); agreement labels: a 1–7 CES 2.0 scale, higher is better', () => {
    const ease = readAnswers(column(['Very easy', 'Easy', 'Neither easy nor difficult', 'Very difficult']), 'ces');
    expect(Array.from(ease.scores)).toEqual([1, 2, 3, 5]);
    expect(ease.scale).toEqual({ min: 1, max: 5, higherIsBetter: false });
    const agree = readAnswers(column(['Strongly agree', 'Somewhat agree', 'Disagree']), 'ces');
    expect(Array.from(agree.scores)).toEqual([7, 5, 2]);
    expect(agree.scale).toEqual({ min: 1, max: 7, higherIsBetter: true });
  });

  it('five faces are a 1–5 CSAT scale', () => {
    expect(Array.from(readAnswers(column(['😡', '🙁', '😐', '🙂', '😍']), 'csat').scores)).toEqual([1, 2, 3, 4, 5]);
  });

  it('NPS answers written with their label (SurveyMonkey, Typeform): 10 - Extremely likely → 10', () => {
    const read = readAnswers(column(['10 - Extremely likely', '0 - Not at all likely', '7']), 'nps');
    expect(Array.from(read.scores)).toEqual([10, 0, 7]);
    expect(read.assumed).toBeNull();
  });

  it("Zendesk's Good with Comment / Bad with Comment are binary ratings", () => {
    const read = readAnswers(column(['Good with Comment', 'Bad with Comment', 'Good']), 'csat');
    expect(read.binary).toEqual({ satisfied: 2, responses: 3 });
  });
});

describe("SurveyMonkey's unipolar wording keeps its scale whatever the answers", () => {
  it('very / somewhat / extremely satisfied alone are read on 1–5, as with a Not so satisfied among them', () => {
    const read = readAnswers(column(['Very satisfied', 'Very satisfied', 'Somewhat satisfied', 'Extremely satisfied']), 'csat');
    expect(Array.from(read.scores)).toEqual([4, 4, 3, 5]);
    expect(read.scale.max).toBe(5);
  });
});

describe('answers of a part of the rows (a group, a week) read on the scale settled over the whole', () => {
  // Whole: very satisfied reaches 2 levels → a 1–5 scale, on which Satisfied is 4 and Dissatisfied 2.
  const whole = column(['Very satisfied', 'Satisfied', 'Dissatisfied', 'Satisfied', '', 'Good']);
  const settled = answerScale(whole, 'csat');

  it('reads Satisfied as the 4 it is in the whole, not as a binary rating as a week without Very satisfied alone would', () => {
    // Rows 1–3 alone: Satisfied / Dissatisfied only — by themselves they would be binary.
    const part = { codes: whole.codes.slice(1, 4), values: whole.values };
    expect(readAnswers(part, 'csat', settled.scale).binary.responses).toBe(3);
    const read = readSettledAnswers(part, settled);
    expect(Array.from(read.scores)).toEqual([4, 2, 4]);
    expect(read.binary.responses).toBe(0);
  });

  it('every slice from one counting pass equals the slice read alone (scores grouped by answer, same counts and mean)', () => {
    // Slices: rows 0, 3 → 0; rows 1, 2, 5 → 1; row 4 (empty) → 1; none → -1.
    const slots = Int32Array.of(0, 1, 1, 0, 1, -1);
    const [first, second] = readSettledSlices(whole, settled, slicing(slots, 2));
    // Slice 0: Very satisfied (5), Satisfied (4). Slice 1: Satisfied (4), Dissatisfied (2), empty; row 5 is in none.
    expect(Array.from(first!.scores).sort()).toEqual([4, 5]);
    expect(Array.from(second!.scores).sort()).toEqual([2, 4]);
    expect(csat(second!).value).toBe(3);
    expect(csatSatisfied(first!)).toEqual(csatSatisfied(readSettledAnswers({ codes: [whole.codes[0]!, whole.codes[3]!], values: whole.values }, settled)));
    // Good (row 5) is in no slice: no binary rating counted anywhere.
    expect(first!.binary.responses + second!.binary.responses).toBe(0);
  });
});
