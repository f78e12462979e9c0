// The gradebook's item editors: add an item of the staff's own (a participation adjustment), and edit an item's points
// possible and rubric (its criteria must add up to the points possible, the form says what is off); staff items can go.
import { useEffect, useState, type FormEvent } from 'react';
import { add, cmp, parseDecimal, sub, toDecimal, ZERO } from '../../../../../src/domain/exact.js';
import { messageOf } from '../../../auth/client.js';
import { Field, FieldBox, FormError, FormNotice, fieldAria } from '../../../auth/Field.js';
import { fromZonedInput, zoneLabel } from '../../../time.js';
import { gradebookApi, type BookCategory, type BookItem, type Criterion } from './gradebook-client.js';

type FieldName = 'categoryKey' | 'title' | 'pointsPossible' | 'dueAt';

/** Which field a server message speaks of, so it is shown beside that field. */
function fieldOf(message: string): FieldName | null {
  if (/points|number/i.test(message)) return 'pointsPossible';
  if (/categor/i.test(message)) return 'categoryKey';
  if (/title/i.test(message)) return 'title';
  if (/due|date|time/i.test(message)) return 'dueAt';
  return null;
}

/** What is off with a typed rubric against the points possible, in words, or null when it adds up. */
export function rubricSumProblem(rows: Criterion[], pointsPossible: string): string | null {
  const possible = parseDecimal(pointsPossible.trim());
  if (possible === null || cmp(possible, ZERO) <= 0) return 'Give the points possible, such as 10 or 2.5.';
  let total = ZERO;
  for (const [i, r] of rows.entries()) {
    if (!r.title.trim()) return `Criterion ${i + 1}: give it a title.`;
    const p = parseDecimal(r.points.trim());
    if (p === null || cmp(p, ZERO) < 0) return `${r.title.trim()}: give its points, such as 5 or 2.5.`;
    total = add(total, p);
  }
  if (rows.length === 0) return null;
  const off = cmp(total, possible);
  if (off === 0) return null;
  const diff = toDecimal(off < 0 ? sub(possible, total) : sub(total, possible));
  return `The criteria add up to ${toDecimal(total)} points: ${diff} ${off < 0 ? 'short of' : 'over'} the ${toDecimal(possible)} points possible.`;
}

export function AddItemForm({
  slug,
  categories,
  timeZone,
  onSaved,
}: {
  slug: string;
  categories: BookCategory[];
  timeZone: string;
  onSaved: () => void;
}) {
  const [categoryKey, setCategoryKey] = useState(categories[0]?.key ?? '');
  const [title, setTitle] = useState('');
  const [pointsPossible, setPointsPossible] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setError(null);
    setNotice(null);
    const dueAt = due ? fromZonedInput(due, timeZone) : null;
    if (due && !dueAt) {
      setErrors({ dueAt: 'Give a date and time, or leave it empty.' });
      return;
    }
    setBusy(true);
    gradebookApi
      .addItem(slug, { categoryKey, title: title.trim(), pointsPossible: pointsPossible.trim(), dueAt })
      .then(
        () => {
          setBusy(false);
          setNotice(`${title.trim()} added: it is a column of the gradebook now.`);
          setTitle('');
          setPointsPossible('');
          setDue('');
          onSaved();
        },
        (err: unknown) => {
          setBusy(false);
          const message = messageOf(err);
          const field = fieldOf(message);
          if (field) setErrors({ [field]: message });
          else setError(message);
        },
      );
  };
  return (
    <form className="card book-form" onSubmit={submit} aria-labelledby="add-item-title" noValidate>
      <h3 id="add-item-title">Add an item</h3>
      <p className="muted">
        An item of your own (a participation adjustment, an extra quiz) for every student.
      </p>
      <div className="book-fields">
        <FieldBox id="item-category" label="Category" error={errors.categoryKey}>
          <select
            id="item-category"
            value={categoryKey}
            onChange={(e) => setCategoryKey(e.currentTarget.value)}
            {...fieldAria('item-category', errors.categoryKey)}
          >
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </FieldBox>
        <Field
          id="item-title"
          label="Title"
          value={title}
          error={errors.title}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
        <Field
          id="item-points"
          label="Points possible"
          inputMode="decimal"
          value={pointsPossible}
          error={errors.pointsPossible}
          onInput={(e) => setPointsPossible((e.target as HTMLInputElement).value)}
        />
        <Field
          id="item-due"
          type="datetime-local"
          label={`Due, optional (${zoneLabel(timeZone)})`}
          value={due}
          error={errors.dueAt}
          onInput={(e) => setDue((e.target as HTMLInputElement).value)}
        />
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
      <button className="button" type="submit" disabled={busy}>
        Add the item
      </button>
    </form>
  );
}

const keyOf = (title: string, taken: Set<string>) => {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'criterion';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
};

export function EditItemForm({
  slug,
  items,
  onSaved,
}: {
  slug: string;
  items: BookItem[];
  onSaved: () => void;
}) {
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const item = items.find((i) => i.id === itemId) ?? items[0];
  const [pointsPossible, setPointsPossible] = useState('');
  const [rows, setRows] = useState<Criterion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPointsPossible(item?.pointsPossible ?? '');
    setRows(item?.rubric ?? []);
    setError(null);
  }, [item]);
  if (!item) return null;
  const problem = rubricSumProblem(rows, pointsPossible);
  const change = (i: number, patch: Partial<Criterion>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const done = (message: string) => {
    setBusy(false);
    setNotice(message);
    onSaved();
  };
  const failed = (err: unknown) => {
    setBusy(false);
    setError(messageOf(err));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    if (problem) {
      setError(`Not saved. ${problem}`);
      return;
    }
    const taken = new Set<string>();
    const rubric = rows.map((r) => ({
      key: r.key || keyOf(r.title, taken),
      title: r.title.trim(),
      description: r.description.trim(),
      points: r.points.trim(),
    }));
    setBusy(true);
    gradebookApi
      .editItem(slug, item.id, {
        pointsPossible: pointsPossible.trim(),
        rubric: rubric.length ? rubric : null,
      })
      .then(() => done(`${item.title} saved.`), failed);
  };
  const remove = () => {
    setError(null);
    setNotice(null);
    setBusy(true);
    gradebookApi.removeItem(slug, item.id).then(() => done(`${item.title} removed.`), failed);
  };
  return (
    <form className="card book-form" onSubmit={submit} aria-labelledby="edit-item-title" noValidate>
      <h3 id="edit-item-title">Edit an item</h3>
      <div className="book-fields">
        <FieldBox id="edit-item" label="Item">
          <select id="edit-item" value={item.id} onChange={(e) => setItemId(e.currentTarget.value)}>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </FieldBox>
        <Field
          id="edit-points"
          label="Points possible"
          inputMode="decimal"
          value={pointsPossible}
          aria-describedby="rubric-sum"
          onInput={(e) => setPointsPossible((e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset className="rubric-rows">
        <legend>Rubric</legend>
        {rows.length === 0 ? <p className="muted">No rubric: the item is scored as a whole.</p> : null}
        {rows.map((r, i) => (
          <div className="rubric-row" key={i}>
            <Field
              id={`criterion-${i}-title`}
              label={`Criterion ${i + 1} title`}
              value={r.title}
              onInput={(e) => change(i, { title: (e.target as HTMLInputElement).value })}
            />
            <Field
              id={`criterion-${i}-description`}
              label={`Criterion ${i + 1} description`}
              value={r.description}
              onInput={(e) => change(i, { description: (e.target as HTMLInputElement).value })}
            />
            <Field
              id={`criterion-${i}-points`}
              label={`Criterion ${i + 1} points`}
              inputMode="decimal"
              value={r.points}
              onInput={(e) => change(i, { points: (e.target as HTMLInputElement).value })}
            />
            <button
              className="button button-secondary"
              type="button"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              Remove criterion {i + 1}
            </button>
          </div>
        ))}
        <button
          className="button button-secondary"
          type="button"
          onClick={() => setRows((rs) => [...rs, { key: '', title: '', description: '', points: '' }])}
        >
          Add a criterion
        </button>
      </fieldset>
      <p id="rubric-sum" className={problem ? 'book-problem' : 'muted'} role="status">
        {problem ?? (rows.length ? 'The criteria add up to the points possible.' : '')}
      </p>
      <FormError message={error} />
      <FormNotice message={notice} />
      <div className="book-actions">
        <button className="button" type="submit" disabled={busy}>
          Save the item
        </button>
        <button className="button button-secondary" type="button" disabled={busy} onClick={remove}>
          Remove the item
        </button>
      </div>
      <p className="muted">Only items staff added can be removed; the others come from the deliverables.</p>
    </form>
  );
}

export function ItemsSection({
  slug,
  categories,
  items,
  timeZone,
  onSaved,
}: {
  slug: string;
  categories: BookCategory[];
  items: BookItem[];
  timeZone: string;
  onSaved: () => void;
}) {
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Items</h2>
      <div className="book-settings">
        <AddItemForm slug={slug} categories={categories} timeZone={timeZone} onSaved={onSaved} />
        {items.length ? <EditItemForm slug={slug} items={items} onSaved={onSaved} /> : null}
      </div>
    </section>
  );
}
