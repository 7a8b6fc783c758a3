import { describe, expect, it } from 'vitest';
import { showControls } from '../../src/render/visible-controls.js';

describe('showControls', () => {
  it('shows controls, bidi marks, noncharacters and lone surrogates as \\uXXXX; keeps pairs (emoji) and ordinary text', () => {
    expect(showControls('a\u001b[31mb\u202Efdp.exe', 'show')).toBe('a\\u001B[31mb\\u202Efdp.exe');
    expect(showControls('x\uFFFEy\uFFFF', 'show')).toBe('x\\uFFFEy\\uFFFF');
    expect(showControls('lone \uD800 high, lone \uDC00 low, pair 😀 kept', 'show')).toBe('lone \\uD800 high, lone \\uDC00 low, pair 😀 kept');
    expect(showControls('end \uD83D', 'show')).toBe('end \\uD83D');
    expect(showControls('Иванова Анна, 漢字', 'show')).toBe('Иванова Анна, 漢字');
  });

  it("'keep' leaves tab, LF and CR for formats that quote them; 'show' shows them", () => {
    expect(showControls('a\tb\nc\rd\u0001', 'keep')).toBe('a\tb\nc\rd\\u0001');
    expect(showControls('a\tb\nc\rd', 'show')).toBe('a\\u0009b\\u000Ac\\u000Dd');
  });
});
