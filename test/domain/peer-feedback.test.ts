// Peer feedback rules: the window from a class's start to the end of the next day in the course's zone, who may rate, medians, and the blend into the talk's score.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmp, ratio, toDecimal, type Ratio } from '../../src/domain/exact.js';
import {
  blendPeerPoints,
  isPeerWindowOpen,
  median,
  peerRatingBlocker,
  peerScoresProblem,
  peerSummary,
  peerWeightProblem,
  peerWindow,
} from '../../src/domain/peer-feedback.js';

const CHICAGO = 'America/Chicago';
// Wed Aug 28, 2024, 9:30 CDT.
const WINDOW = peerWindow('2024-08-28T14:30:00.000Z', '2024-08-28', CHICAGO);
const base = { studentLed: true, presenter: false, obligation: 'owed' as const, window: WINDOW };
const dec = (r: Ratio | null) => (r === null ? null : toDecimal(r));

describe('the peer feedback window', () => {
  it('opens when the class starts and closes at the end of the next day in the course zone', () => {
    expect(WINDOW).toEqual({
      opensAt: '2024-08-28T14:30:00.000Z',
      closesAt: '2024-08-30T04:59:59.999Z',
    });
  });

  it('is closed one second before the class, open at its start, open at 23:59:59 the next day, closed a second later', () => {
    expect(isPeerWindowOpen(WINDOW, '2024-08-28T14:29:59.000Z')).toBe(false);
    expect(isPeerWindowOpen(WINDOW, '2024-08-28T14:30:00.000Z')).toBe(true);
    expect(isPeerWindowOpen(WINDOW, '2024-08-30T04:59:59.000Z')).toBe(true);
    expect(isPeerWindowOpen(WINDOW, '2024-08-30T05:00:00.000Z')).toBe(false);
  });

  it('ends at local midnight across a fall-back change (Sat Nov 2 class: open until Sun Nov 3, 23:59:59 CST)', () => {
    const w = peerWindow('2024-11-02T14:30:00.000Z', '2024-11-02', CHICAGO);
    expect(w.closesAt).toBe('2024-11-04T05:59:59.999Z');
  });

  it('crosses a month and a year end', () => {
    expect(peerWindow('2024-12-31T15:30:00.000Z', '2024-12-31', CHICAGO).closesAt).toBe(
      '2025-01-02T05:59:59.999Z',
    );
  });
});

describe('who may rate a class', () => {
  it('lets an enrolled classmate rate while the window is open', () => {
    expect(peerRatingBlocker({ ...base, now: '2024-08-29T20:00:00.000Z' })).toBeNull();
  });

  it('says why not: before the class, after the next day, a presenter, joined after the class, no student-led class', () => {
    expect(peerRatingBlocker({ ...base, now: '2024-08-28T14:00:00.000Z' })).toBe('not-yet-open');
    expect(peerRatingBlocker({ ...base, now: '2024-08-30T05:00:00.000Z' })).toBe('closed');
    expect(peerRatingBlocker({ ...base, presenter: true, now: '2024-08-29T00:00:00.000Z' })).toBe(
      'presenter',
    );
    expect(peerRatingBlocker({ ...base, obligation: 'before-joined', now: '2024-08-29T00:00:00.000Z' })).toBe(
      'joined-after',
    );
    expect(peerRatingBlocker({ ...base, obligation: 'not-member', now: '2024-08-29T00:00:00.000Z' })).toBe(
      'not-enrolled',
    );
    expect(
      peerRatingBlocker({ ...base, studentLed: false, window: null, now: '2024-08-29T00:00:00.000Z' }),
    ).toBe('not-student-led');
  });
});

describe('a rating', () => {
  const full = { content: 4, clarity: 5, timing: 3, questions: 4 };
  it('needs every criterion as a whole number from 1 to 5', () => {
    expect(peerScoresProblem(full)).toBeNull();
    expect(peerScoresProblem({ ...full, timing: 0 })).toBe('Timing: give a whole number from 1 to 5.');
    expect(peerScoresProblem({ ...full, timing: 4.5 })).toBe('Timing: give a whole number from 1 to 5.');
    expect(peerScoresProblem({ content: 4, clarity: 5, timing: 3 })).toBe(
      'Answering questions: give a score from 1 to 5.',
    );
    expect(peerScoresProblem({ ...full, panel: 5 })).toBe('The rubric has no criterion "panel".');
  });
});

describe('medians', () => {
  it('takes the middle score, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(dec(median([4]))).toBe('4');
    expect(dec(median([5, 1, 3]))).toBe('3');
    expect(dec(median([5, 4, 2, 1]))).toBe('3');
    expect(dec(median([4, 5]))).toBe('4.5');
  });

  it('summarises a class: medians per criterion and the peer score as a fraction of full marks', () => {
    const s = peerSummary([
      { content: 5, clarity: 4, timing: 2, questions: 4 },
      { content: 4, clarity: 4, timing: 3, questions: 5 },
      { content: 3, clarity: 2, timing: 3, questions: 5 },
    ]);
    expect(s.count).toBe(3);
    expect(Object.fromEntries(Object.entries(s.medians).map(([k, v]) => [k, dec(v)]))).toEqual({
      content: '4',
      clarity: '4',
      timing: '3',
      questions: '5',
    });
    // (4 + 4 + 3 + 5) / 20 = 0.8
    expect(dec(s.fraction)).toBe('0.8');
    expect(peerSummary([]).fraction).toBeNull();
  });

  it('lies between the lowest and highest score whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const m = median(xs)!;
        expect(cmp(m, ratio(Math.min(...xs)))).toBeGreaterThanOrEqual(0);
        expect(cmp(m, ratio(Math.max(...xs)))).toBeLessThanOrEqual(0);
        expect(cmp(median([...xs].reverse())!, m)).toBe(0);
      }),
    );
  });
});

describe('the peer median in the presentation score', () => {
  const P = ratio(100);
  it('weighs staff points and the peer score by the chosen percent', () => {
    // 87 × 0.8 + 100 × 0.8 × 0.2 = 69.6 + 16 = 85.6
    expect(dec(blendPeerPoints(ratio(87), ratio(4, 5), ratio(20), P))).toBe('85.6');
  });

  it('leaves staff points alone at weight 0 or without ratings; at 100 % the peers alone decide', () => {
    expect(dec(blendPeerPoints(ratio(87), ratio(4, 5), ratio(0), P))).toBe('87');
    expect(dec(blendPeerPoints(ratio(87), null, ratio(50), P))).toBe('87');
    expect(dec(blendPeerPoints(null, ratio(4, 5), ratio(100), P))).toBe('80');
    expect(blendPeerPoints(null, ratio(4, 5), ratio(30), P)).toBeNull();
  });

  it('refuses a weight outside 0–100 %', () => {
    expect(peerWeightProblem(ratio(101))).toBe('The peer weight must lie between 0 and 100 %.');
    expect(peerWeightProblem(ratio(-1))).not.toBeNull();
    expect(peerWeightProblem(ratio(0))).toBeNull();
    expect(peerWeightProblem(ratio(100))).toBeNull();
  });

  const arb = fc.record({
    staff: fc.integer({ min: 0, max: 400 }),
    peer: fc.integer({ min: 4, max: 20 }),
    weight: fc.integer({ min: 0, max: 100 }),
    bump: fc.integer({ min: 1, max: 40 }),
  });

  it('lies between the staff points and the peer points, and never falls when either rises', () => {
    fc.assert(
      fc.property(arb, ({ staff, peer, weight, bump }) => {
        const s = ratio(staff, 4);
        const f = ratio(peer, 20);
        const w = ratio(weight);
        const got = blendPeerPoints(s, f, w, P)!;
        const peerPoints = ratio(peer * 5);
        const lo = cmp(s, peerPoints) < 0 ? s : peerPoints;
        const hi = cmp(s, peerPoints) < 0 ? peerPoints : s;
        expect(cmp(got, lo)).toBeGreaterThanOrEqual(0);
        expect(cmp(got, hi)).toBeLessThanOrEqual(0);
        expect(cmp(blendPeerPoints(ratio(staff + bump, 4), f, w, P)!, got)).toBeGreaterThanOrEqual(0);
        expect(cmp(blendPeerPoints(s, ratio(Math.min(20, peer + 1), 20), w, P)!, got)).toBeGreaterThanOrEqual(
          0,
        );
      }),
    );
  });
});
