// Similar questions cluster together: examples of near-duplicates, and properties (a partition, per paper, deterministic).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterQuestions, cosine, terms, tfidfVectors } from '../../src/domain/room-similarity.js';

describe('terms', () => {
  it('drops stop words, case, accents and plural endings', () => {
    expect(terms('Why do the Rewards models overfit? Café')).toEqual(['reward', 'model', 'overfit', 'cafe']);
  });
});

describe('clusterQuestions (examples)', () => {
  const qs = [
    { id: 'q1', paperIndex: 0, text: 'Why does the reward model overfit on long answers?' },
    { id: 'q2', paperIndex: 0, text: 'How do they stop the reward model from overfitting?' },
    { id: 'q3', paperIndex: 0, text: 'What dataset was used for evaluation?' },
    { id: 'q4', paperIndex: 1, text: 'Does the reward model overfit?' },
    { id: 'q5', paperIndex: 0, text: 'Is the evaluation dataset public?' },
  ];

  it('puts near-duplicates of one paper together and keeps other papers apart', () => {
    const clusters = clusterQuestions(qs);
    expect(clusters.map((c) => c.questionIds)).toEqual([['q1', 'q2'], ['q3', 'q5'], ['q4']]);
    expect(clusters[0]).toMatchObject({ id: 'c-q1', paperIndex: 0 });
    expect(clusters[0]!.label.split(', ')).toContain('overfit');
    expect(clusters[2]!.label).toBe('Does the reward model overfit?');
  });

  it('a question of stop words only stands alone', () => {
    const clusters = clusterQuestions([
      { id: 'a', paperIndex: 0, text: 'Why?' },
      { id: 'b', paperIndex: 0, text: 'Why not?' },
    ]);
    expect(clusters.map((c) => c.questionIds)).toEqual([['a'], ['b']]);
  });
});

const word = fc.constantFrom(
  'reward',
  'model',
  'attention',
  'data',
  'bias',
  'scale',
  'loss',
  'token',
  'why',
  'the',
);
const question = fc.record({
  paperIndex: fc.constantFrom(0, 1, null),
  text: fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
});
const questions = fc
  .array(question, { maxLength: 25 })
  .map((qs) => qs.map((q, i) => ({ ...q, id: `q${i}` })));

describe('clusterQuestions (properties)', () => {
  it('is a partition of the questions, each cluster of one paper, the same when run twice', () => {
    fc.assert(
      fc.property(questions, (qs) => {
        const clusters = clusterQuestions(qs);
        const ids = clusters.flatMap((c) => c.questionIds).sort();
        expect(ids).toEqual(qs.map((q) => q.id).sort());
        const paperOf = new Map(qs.map((q) => [q.id, q.paperIndex]));
        for (const c of clusters) for (const id of c.questionIds) expect(paperOf.get(id)).toBe(c.paperIndex);
        expect(clusterQuestions(qs)).toEqual(clusters);
      }),
    );
  });

  it('identical questions of one paper always share a cluster', () => {
    fc.assert(
      fc.property(questions, question, (qs, q) => {
        const twins = [...qs, { ...q, id: 'twin1' }, { ...q, id: 'twin2' }];
        if (terms(q.text).length === 0) return;
        const c = clusterQuestions(twins).find((x) => x.questionIds.includes('twin1'))!;
        expect(c.questionIds).toContain('twin2');
      }),
    );
  });

  it('cosine of unit vectors lies in [0, 1] and is symmetric', () => {
    fc.assert(
      fc.property(questions, (qs) => {
        const v = tfidfVectors(qs.map((q) => terms(q.text)));
        for (let i = 0; i + 1 < v.length; i++) {
          const s = cosine(v[i]!, v[i + 1]!);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1 + 1e-9);
          expect(cosine(v[i + 1]!, v[i]!)).toBeCloseTo(s, 12);
        }
      }),
    );
  });
});
