// Re-anchoring a comment's quote in a new version: found where it still is, outdated when gone, stable when done twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorQuote,
  normalizeWhitespace,
  placeQuote,
  selectorAt,
  selectorProblem,
} from '../../src/domain/quote-anchor.js';

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

describe('anchorQuote (examples)', () => {
  it('finds the quote where the context says when it occurs twice', () => {
    const text = 'The model is fast. Later we see the model is fast on long inputs only.';
    const second = text.lastIndexOf('the model is fast');
    const sel = selectorAt(text, { start: second, end: second + 'the model is fast'.length });
    expect(anchorQuote(sel, text)).toEqual({ start: second, end: second + 17 });
    // The first occurrence is picked when its own context is given.
    const first = selectorAt(text, { start: 0, end: 17 });
    expect(anchorQuote(first, text)).toEqual({ start: 0, end: 17 });
  });

  it('tolerates whitespace changed inside and around the quote', () => {
    const sel = { exact: 'attention is\nall you need', prefix: 'We show that ', suffix: '. Then' };
    const text = 'Intro.\n\nWe show that   attention  is all\tyou   need. Then more.';
    const found = anchorQuote(sel, text)!;
    expect(text.slice(found.start, found.end)).toBe('attention  is all\tyou   need');
  });

  it('marks a removed quote outdated, and refuses an empty one', () => {
    expect(placeQuote({ exact: 'gone', prefix: '', suffix: '' }, 'nothing here')).toEqual({
      state: 'outdated',
    });
    expect(anchorQuote({ exact: '  \n ', prefix: '', suffix: '' }, '  \n ')).toBeNull();
    expect(selectorProblem({ exact: ' ', prefix: '', suffix: '' })).toMatch(/Select a passage/);
    expect(selectorProblem({ exact: 'x'.repeat(2001), prefix: '', suffix: '' })).toMatch(/shorter/);
    expect(selectorProblem({ exact: 'ok', prefix: '', suffix: '' })).toBeNull();
  });

  it('maps normalized positions back to the original text', () => {
    const n = normalizeWhitespace('a  b\n\nc');
    expect(n.text).toBe('a b c');
    expect(n.map).toEqual([0, 1, 3, 4, 6, 7]);
  });
});

describe('anchorQuote (properties)', () => {
  it('finds a quote still present at the same passage after text is added before and after it', () => {
    fc.assert(
      fc.property(
        words(0, 12),
        words(1, 6),
        words(0, 12),
        words(0, 8),
        words(0, 8),
        (pre, quote, post, add1, add2) => {
          const v1 = [pre, quote, post].filter(Boolean).join(' ');
          const start = pre ? pre.length + 1 : 0;
          const sel = selectorAt(v1, { start, end: start + quote.length });
          const v2 = [add1, '#', v1, add2].filter(Boolean).join(' ');
          const found = anchorQuote(sel, v2);
          expect(found).not.toBeNull();
          expect(v2.slice(found!.start, found!.end)).toBe(quote);
          // The place v1 moved to, unless an earlier copy has the very same words around it (indistinguishable).
          const shifted = v2.indexOf(v1) + start;
          if (found!.start !== shifted)
            expect(v2.slice(found!.start - sel.prefix.length, found!.end + sel.suffix.length)).toBe(
              sel.prefix + quote + sel.suffix,
            );
          expect(found!.start).toBeLessThanOrEqual(shifted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prefers the copy that stands as a word, as selected, over the same letters inside a longer word', () => {
    // Found by the property above: "a" selected as a word in "a x", then "ax #" added before it.
    const sel = selectorAt('a x', { start: 0, end: 1 });
    expect(anchorQuote(sel, 'ax # a x')).toEqual({ start: 5, end: 6 });
    // And the other way round: selected inside a word, found inside a word.
    const inner = selectorAt('xa b', { start: 1, end: 2 });
    expect(anchorQuote(inner, 'a b xa b')).toEqual({ start: 5, end: 6 });
  });

  it('finds exactly the selected occurrence when the same quote appears several times with distinct context', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 5 }), word, fc.nat(), (labels, quote, pick) => {
        const unique = [...new Set(labels)].filter((l) => !l.includes(quote) && !quote.includes(l));
        fc.pre(unique.length >= 2);
        const text = unique.map((l) => `${l}X ${quote} Y${l}`).join(' | ');
        const i = pick % unique.length;
        const at = text.indexOf(`${unique[i]}X ${quote}`) + unique[i]!.length + 2;
        const sel = selectorAt(text, { start: at, end: at + quote.length });
        expect(anchorQuote(sel, text)).toEqual({ start: at, end: at + quote.length });
      }),
      { numRuns: 300 },
    );
  });

  it('marks a quote outdated once no copy of it is left in the new version', () => {
    fc.assert(
      fc.property(words(1, 10), fc.stringMatching(/^[0-9]{3,8}$/), words(1, 10), (pre, quote, post) => {
        const v1 = `${pre} ${quote} ${post}`;
        const sel = selectorAt(v1, { start: pre.length + 1, end: pre.length + 1 + quote.length });
        const v2 = `${pre} ${post}`; // the passage removed (words carry no digits)
        expect(placeQuote(sel, v2)).toEqual({ state: 'outdated' });
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent: placing the re-anchored selector again finds the same passage and the same selector', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 120 }),
        (text, a, b, other) => {
          fc.pre(text.trim().length > 0);
          const s = a % text.length;
          const e = s + 1 + (b % (text.length - s));
          fc.pre(text.slice(s, e).trim() !== '');
          const version = other + text + other;
          const once = placeQuote(selectorAt(text, { start: s, end: e }), version);
          expect(once.state).toBe('anchored');
          if (once.state !== 'anchored') return;
          const twice = placeQuote(once.selector, version);
          expect(twice).toEqual(once);
        },
      ),
      { numRuns: 500 },
    );
  });
});
