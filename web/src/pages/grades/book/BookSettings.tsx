// The gradebook's two editors: category weights (they must add up to 100 %, the form says what is off) and the letter cutoffs.
import { useEffect, useState, type FormEvent } from 'react';
import { cmp, parseDecimal } from '../../../../../src/domain/exact.js';
import { weightsProblem } from '../../../../../src/domain/grading.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { gradebookApi, type BookCategory, type BookCutoff } from './gradebook-client.js';

/** What is wrong with typed weights, in words, or null when they are numbers adding up to 100 %. */
export function typedWeightsProblem(
  categories: BookCategory[],
  weights: Record<string, string>,
): string | null {
  const parsed = [];
  for (const c of categories) {
    const w = parseDecimal((weights[c.key] ?? '').trim());
    if (w === null || w.n < 0n) return `${c.name}: give a weight such as 15 or 17.5.`;
    parsed.push({ weight: w });
  }
  return weightsProblem(parsed);
}

export function WeightsEditor({
  slug,
  categories,
  canEdit,
  onSaved,
}: {
  slug: string;
  categories: BookCategory[];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const initial = () => Object.fromEntries(categories.map((c) => [c.key, c.weight]));
  const [weights, setWeights] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setWeights(Object.fromEntries(categories.map((c) => [c.key, c.weight]))), [categories]);
  const problem = typedWeightsProblem(categories, weights);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    if (problem) {
      setError(`Not saved. ${problem}`);
      return;
    }
    setBusy(true);
    try {
      for (const c of categories) {
        const weight = weights[c.key]!.trim();
        if (cmp(parseDecimal(weight)!, parseDecimal(c.weight)!) !== 0)
          await gradebookApi.category(slug, c.key, { weight });
      }
      setNotice('Weights saved: they add up to 100 %.');
      onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card book-form" onSubmit={submit} aria-labelledby="weights-title">
      <h2 id="weights-title">Category weights</h2>
      <div className="book-fields">
        {categories.map((c) => (
          <div className="field" key={c.key}>
            <label htmlFor={`weight-${c.key}`}>{c.name} (%)</label>
            <input
              id={`weight-${c.key}`}
              inputMode="decimal"
              value={weights[c.key] ?? ''}
              disabled={!canEdit}
              aria-describedby="weights-sum"
              onInput={(e) => setWeights((w) => ({ ...w, [c.key]: (e.target as HTMLInputElement).value }))}
            />
          </div>
        ))}
      </div>
      <p id="weights-sum" className={problem ? 'book-problem' : 'muted'} role="status">
        {problem ?? 'The weights add up to 100 %.'}
      </p>
      <FormError message={error} />
      <FormNotice message={notice} />
      {canEdit ? (
        <button className="button" type="submit" disabled={busy}>
          Save weights
        </button>
      ) : (
        <p className="muted">Instructors edit the weights.</p>
      )}
    </form>
  );
}

export function CutoffsEditor({
  slug,
  cutoffs,
  canEdit,
  onDraft,
  onSaved,
}: {
  slug: string;
  cutoffs: BookCutoff[];
  canEdit: boolean;
  /** The cutoffs as typed, for the chart to show before they are saved (only when every minimum is a number). */
  onDraft: (cutoffs: BookCutoff[] | null) => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<BookCutoff[]>(cutoffs);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(cutoffs), [cutoffs]);
  const change = (i: number, min: string) => {
    const next = draft.map((c, j) => (j === i ? { ...c, min } : c));
    setDraft(next);
    onDraft(next.every((c) => parseDecimal(c.min.trim()) !== null) ? next : null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    setBusy(true);
    gradebookApi
      .cutoffs(
        slug,
        draft.map((c) => ({ letter: c.letter, min: c.min.trim() })),
      )
      .then(
        () => {
          setBusy(false);
          setNotice('Cutoffs saved: letters are given by them now.');
          onDraft(null);
          onSaved();
        },
        (err: unknown) => {
          setBusy(false);
          setError(messageOf(err));
        },
      );
  };
  return (
    <form className="card book-form" onSubmit={submit} aria-labelledby="cutoffs-title">
      <h2 id="cutoffs-title">Letter cutoffs</h2>
      <p className="muted">
        The lowest final percent that earns each letter; below the last one, the last letter.
      </p>
      <div className="book-fields book-cutoffs">
        {draft.map((c, i) => (
          <div className="field" key={c.letter}>
            <label htmlFor={`cutoff-${i}`}>{c.letter} from (%)</label>
            <input
              id={`cutoff-${i}`}
              inputMode="decimal"
              value={c.min}
              disabled={!canEdit || i === draft.length - 1}
              onInput={(e) => change(i, (e.target as HTMLInputElement).value)}
            />
          </div>
        ))}
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
      {canEdit ? (
        <button className="button" type="submit" disabled={busy}>
          Save cutoffs
        </button>
      ) : (
        <p className="muted">Instructors edit the cutoffs.</p>
      )}
    </form>
  );
}
