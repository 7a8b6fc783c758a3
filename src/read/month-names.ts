/**
 * Short month names as exports write them inside dates, per language: Jira writes its `dd/MMM/yy h:mm a` dates with
 * the user's language (Java's `MMM`: `18/jul/26`, `18/Jul/26`, `18/juil./26`, `18/Mär/26`, `18/июл./26`). Plain data:
 * the byte-level reader in timestamp.ts matches one of these (any case, a trailing `.` dropped). A name meaning two
 * months in two languages would be a bug: monthNameTable throws, and a test builds it.
 */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [['jan'], ['feb'], ['mar'], ['apr'], ['may'], ['jun'], ['jul'], ['aug'], ['sep', 'sept'], ['oct'], ['nov'], ['dec']],
  es: [['ene'], ['feb'], ['mar'], ['abr'], ['may'], ['jun'], ['jul'], ['ago'], ['sep', 'sept', 'set'], ['oct'], ['nov'], ['dic']],
  pt: [['jan'], ['fev'], ['mar'], ['abr'], ['mai'], ['jun'], ['jul'], ['ago'], ['set'], ['out'], ['nov'], ['dez']],
  fr: [['janv', 'jan'], ['févr', 'fév', 'fevr'], ['mars', 'mar'], ['avr'], ['mai'], ['juin'], ['juil'], ['août', 'aout'], ['sept', 'sep'], ['oct'], ['nov'], ['déc', 'dec']],
  de: [['jan', 'jän'], ['feb'], ['mär', 'mrz'], ['apr'], ['mai'], ['jun', 'juni'], ['jul', 'juli'], ['aug'], ['sep', 'sept'], ['okt'], ['nov'], ['dez']],
  it: [['gen'], ['feb'], ['mar'], ['apr'], ['mag'], ['giu'], ['lug'], ['ago'], ['set'], ['ott'], ['nov'], ['dic']],
  ru: [['янв'], ['февр', 'фев'], ['мар', 'марта'], ['апр'], ['мая', 'май'], ['июн', 'июня'], ['июл', 'июля'], ['авг'], ['сент', 'сен'], ['окт'], ['нояб', 'ноя'], ['дек']],
};

/** One spelling as bytes (UTF-8) and its month 1–12. */
export interface MonthName {
  bytes: Uint8Array;
  month: number;
}

/**
 * Every spelling as UTF-8 bytes, lower case and with a capital first letter (`mär`, `Mär`; ASCII case is folded by
 * the reader, other letters are not), bucketed by first byte for a look-up without allocating. Built once.
 */
export function monthNameTable(): readonly (readonly MonthName[])[] {
  const months = new Map<string, number>();
  for (const [language, names] of Object.entries(MONTH_ABBREVIATIONS)) {
    names.forEach((spellings, i) => {
      for (const spelling of spellings) {
        const known = months.get(spelling);
        if (known !== undefined && known !== i + 1) throw new Error(`month name "${spelling}" (${language}) is month ${i + 1} and ${known}`);
        months.set(spelling, i + 1);
      }
    });
  }
  const buckets: MonthName[][] = Array.from({ length: 256 }, () => []);
  for (const [name, month] of months) {
    for (const variant of new Set([name, name[0]!.toUpperCase() + name.slice(1)])) {
      const bytes = Buffer.from(variant, 'utf8');
      const first = bytes[0]! >= 0x41 && bytes[0]! <= 0x5a ? bytes[0]! | 0x20 : bytes[0]!;
      buckets[first]!.push({ bytes: new Uint8Array(bytes), month });
    }
  }
  return buckets;
}
