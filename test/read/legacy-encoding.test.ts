import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/read/encoding.js';
import { detectLegacyEncoding } from '../../src/read/legacy-encoding.js';

const bytes = (text: string, encoding: string) => iconv.encode(text, encoding);

describe('one-byte encodings of files that are not UTF-8', () => {
  it('Russian text is Windows-1251 (whole words of high bytes)', () => {
    const head = bytes('№;Канал;Дата создания;Сотрудник\r\n101;Онлайн-чат;02.11.2026 10:00:00;Иванова Анна\r\n', 'windows-1251');
    expect(detectEncoding(head)).toEqual({ encoding: 'windows-1251', bomLength: 0 });
  });

  // SurveyMonkey's older downloads: English and French answers with curly quotes and accents.
  const western = 'RespondentID,How satisfied were you?,Comment\r\n101,Very satisfied,"I don’t mind – it’s “fine”"\r\n102,Très satisfait,Café crème, déjà vu…\r\n';

  it('Western text in Windows-1252 is Windows-1252', () => {
    expect(detectEncoding(bytes(western, 'windows-1252'))).toEqual({ encoding: 'windows-1252', bomLength: 0 });
  });

  it('the same text in Mac Roman is Mac Roman (0xD5 is ’ there, Õ in Windows-1252)', () => {
    expect(detectEncoding(bytes(western, 'macintosh'))).toEqual({ encoding: 'macintosh', bomLength: 0 });
  });

  it('one apostrophe or one accent is enough to tell them apart', () => {
    expect(detectLegacyEncoding(bytes('Comment\nI don’t know\n', 'macintosh'))).toBe('macintosh');
    expect(detectLegacyEncoding(bytes('Comment\nI don’t know\n', 'windows-1252'))).toBe('windows-1252');
    expect(detectLegacyEncoding(bytes('Comment\ncafé\n', 'macintosh'))).toBe('macintosh');
    expect(detectLegacyEncoding(bytes('Comment\ncafé\n', 'windows-1252'))).toBe('windows-1252');
  });

  it('valid UTF-8 stays UTF-8', () => {
    expect(detectEncoding(Buffer.from(western, 'utf8')).encoding).toBe('utf-8');
  });
});
