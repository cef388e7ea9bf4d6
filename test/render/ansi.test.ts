import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { styles, type Styles } from '../../src/render/ansi.js';

const chalk = new Chalk({ level: 1 });
const NAMES = ['bold', 'dim', 'red', 'green', 'yellow'] as const;

// Text as the renderers style it: words, line breaks (\n and \r\n) and text already styled.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom('\n', '\r\n', ' ', '$1,234', '99.97 %', '—'),
  fc.constantFrom(...NAMES).chain((n) => fc.string().map((s) => chalk[n](s))),
);
const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

describe('terminal styles without chalk', () => {
  it('are chalk’s bytes at level 1, alone and nested', () => {
    const ours = styles(true);
    fc.assert(
      fc.property(text, fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), (t, outer, inner) => {
        expect(ours[outer](t)).toBe(chalk[outer](t));
        expect(ours[outer](ours[inner](t))).toBe(chalk[outer](chalk[inner](t)));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave the text as it is without colour, as chalk at level 0 does', () => {
    const none: Styles = styles(false);
    const level0 = new Chalk({ level: 0 });
    fc.assert(
      fc.property(text, fc.constantFrom(...NAMES), (t, name) => {
        expect(none[name](t)).toBe(level0[name](t));
      }),
    );
  });

  it('close and reopen around every line break', () => {
    expect(styles(true).bold('a\nb\r\nc')).toBe('\u001B[1ma\u001B[22m\n\u001B[1mb\u001B[22m\r\n\u001B[1mc\u001B[22m');
  });
});
