/**
 * A header as a person reads it: survey tools put the question text in the header, Typeform with its HTML or
 * Markdown emphasis (`How likely are you to recommend <strong>Acme</strong>?`, `**Acme**`). Tags and emphasis
 * markers go, entities are decoded, spaces collapse. Underscores inside names (`responded_at`) stay.
 */
export function plainHeader(header: string): string {
  if (!/[<&*_~`]/.test(header)) return header.trim();
  return header
    .replace(/<[^<>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/(^|[\s(])(\*\*|__|\*|_|~~|`)(?=\S)(.*?\S)\2(?=$|[\s).,:;!?])/g, '$1$3')
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
