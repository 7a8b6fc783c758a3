import { describe, expect, it } from 'vitest';
import { plainHeader } from '../../src/read/plain-header.js';
import { mergeSecondHeaderRow } from '../../src/read/second-header.js';

describe('question headers of survey tools', () => {
  it('drops HTML tags and Markdown emphasis, decodes entities, keeps underscores inside names', () => {
    expect(plainHeader('How likely are you to recommend <strong>Acme</strong>?')).toBe('How likely are you to recommend Acme?');
    expect(plainHeader('How easy was it to <em>solve</em> your issue with **Acme &amp; Co**?')).toBe('How easy was it to solve your issue with Acme & Co?');
    expect(plainHeader('Rate _our_ support')).toBe('Rate our support');
    expect(plainHeader(' responded_at ')).toBe('responded_at');
    expect(plainHeader('first_response_minutes')).toBe('first_response_minutes');
  });

  it("SurveyMonkey's second row: Response under a question, options under a question that spans columns", () => {
    const header = ['Respondent ID', 'End Date', 'How satisfied were you?', 'Which channels?', '', '', 'Comments'];
    const second = ['', '', 'Response', 'Email', 'Chat', 'Phone', 'Open-Ended Response'];
    expect(mergeSecondHeaderRow(header, second)).toEqual(['Respondent ID', 'End Date', 'How satisfied were you?', 'Which channels? - Email', 'Which channels? - Chat', 'Which channels? - Phone', 'Comments']);
  });

  it('a data row under the header is not a second header row', () => {
    const header = ['Respondent ID', 'End Date', 'How satisfied were you?'];
    expect(mergeSecondHeaderRow(header, ['11401', '11/02/2026', 'Response'])).toBeNull(); // the first cell is filled
    expect(mergeSecondHeaderRow(header, ['', '11/02/2026', 'Very satisfied'])).toBeNull(); // no "Response"
    expect(mergeSecondHeaderRow(header, undefined)).toBeNull();
  });
});
