// The staff gradebook: students × items with category and final columns, filters by group and by item or category, weights and cutoffs, distribution plots, downloads.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api.js';
import { SignInLink } from '../../../auth/SignInLink.js';
import { Empty, ErrorState, Loading } from '../../../components/states.js';
import { useCourse, useDocumentTitle } from '../../../course-context.js';
import { CutoffsEditor, WeightsEditor } from './BookSettings.js';
import { Distributions } from './Distributions.js';
import { ItemsSection } from './ItemEditor.js';
import { GradeTable, type Column } from './GradeTable.js';
import { gradebookApi, type BookCutoff, type Gradebook } from './gradebook-client.js';
import '../../../auth/auth.css';
import './gradebook.css';
import { asApiError } from '../../../components/use-loaded.js';

export default function GradebookPage() {
  const course = useCourse();
  useDocumentTitle('Gradebook', [course.code, course.title].filter(Boolean).join(' '));
  const [data, setData] = useState<Gradebook | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const allowed = Boolean(course.abilities.viewAllGrades);
  const load = useCallback(() => {
    setError(null);
    gradebookApi.load(course.slug).then(setData, (e: unknown) => setError(asApiError(e)));
  }, [course.slug]);
  useEffect(() => {
    if (allowed) load();
  }, [allowed, load]);
  if (!allowed)
    return (
      <Empty>
        <h1>Gradebook</h1>
        <p>
          The gradebook is for the course staff. <SignInLink>Sign in</SignInLink> as staff to open it.
        </p>
      </Empty>
    );
  if (error) return <ErrorState error={error} title="The gradebook could not be loaded" onRetry={load} />;
  if (!data) return <Loading label="Loading the gradebook" />;
  return (
    <Book
      slug={course.slug}
      data={data}
      canEdit={Boolean(course.abilities.manageCourse)}
      canExport={Boolean(course.abilities.exportGrades)}
      canGrade={Boolean(course.abilities.grade)}
      onChanged={load}
    />
  );
}

const ALL = '';
const NO_GROUP = '-none';

function Book({
  slug,
  data,
  canEdit,
  canExport,
  canGrade,
  onChanged,
}: {
  slug: string;
  data: Gradebook;
  canEdit: boolean;
  canExport: boolean;
  canGrade: boolean;
  onChanged: () => void;
}) {
  const [group, setGroup] = useState(ALL);
  const [shown, setShown] = useState(ALL);
  const [draftCutoffs, setDraftCutoffs] = useState<BookCutoff[] | null>(null);

  const students = useMemo(
    () =>
      group === ALL
        ? data.students
        : data.students.filter((s) => (group === NO_GROUP ? s.group === null : s.group?.id === group)),
    [data.students, group],
  );
  const columns = useMemo(() => {
    const cols: Column[] = [];
    for (const category of data.categories) {
      const items = data.items.filter(
        (i) =>
          i.categoryKey === category.key &&
          (shown === ALL || shown === `cat:${category.key}` || shown === `item:${i.id}`),
      );
      const whole = shown === ALL || shown === `cat:${category.key}`;
      if (items.length === 0 && !whole) continue;
      cols.push(...items.map((item) => ({ kind: 'item' as const, item })));
      cols.push({ kind: 'category', category });
    }
    return cols;
  }, [data.categories, data.items, shown]);

  const released = data.items.filter((i) => i.released).length;
  return (
    <>
      <h1>Gradebook</h1>
      <p className="lede">
        {data.students.length} students, {data.items.length} items ({released} released to students,{' '}
        {data.items.length - released} not yet). Each category counts its items’ points over the points
        possible; the final percent weighs the categories.
      </p>
      {data.weightsProblem ? (
        <p className="book-problem" role="alert">
          {data.weightsProblem} Final percents re-weigh the categories until this is fixed.
        </p>
      ) : null}
      {canExport ? (
        <p className="book-downloads">
          <a className="button button-secondary" href={gradebookApi.exportUrl(slug, 'canvas')} download>
            Download for Canvas (CSV)
          </a>
          <a className="button button-secondary" href={gradebookApi.exportUrl(slug, 'csv')} download>
            Download plain CSV
          </a>
        </p>
      ) : null}
      {data.students.length === 0 || data.items.length === 0 ? (
        <Empty>
          <p>
            {data.students.length === 0
              ? 'No students are enrolled yet: the gradebook fills in as they join.'
              : 'The course has no grade items yet: they come from its deliverables and roles, or staff add them.'}
          </p>
        </Empty>
      ) : (
        <section aria-labelledby="book-table-title">
          <h2 id="book-table-title">Scores</h2>
          <div className="book-filters">
            <label htmlFor="book-group">Group</label>
            <select id="book-group" value={group} onChange={(e) => setGroup(e.currentTarget.value)}>
              <option value={ALL}>All groups</option>
              {data.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
              <option value={NO_GROUP}>No group</option>
            </select>
            <label htmlFor="book-columns">Columns</label>
            <select id="book-columns" value={shown} onChange={(e) => setShown(e.currentTarget.value)}>
              <option value={ALL}>All items</option>
              {data.categories.map((c) => (
                <optgroup key={c.key} label={c.name}>
                  <option value={`cat:${c.key}`}>All of {c.name}</option>
                  {data.items
                    .filter((i) => i.categoryKey === c.key)
                    .map((i) => (
                      <option key={i.id} value={`item:${i.id}`}>
                        {i.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <p className="muted book-legend">
            Showing {students.length} of {data.students.length} students. Points per item; “0 late” and “0
            missing” count as zero; “excused” and “before joined” are left out of the category; “to grade” is
            handed in without points; * marks a member’s own score overriding the group’s. Columns not
            released to students are shaded and say so.
          </p>
          {students.length === 0 ? (
            <p>No student is in this group.</p>
          ) : (
            <GradeTable students={students} columns={columns} />
          )}
        </section>
      )}
      {data.students.length > 0 ? (
        <Distributions
          students={students}
          categories={data.categories}
          cutoffs={draftCutoffs ?? data.cutoffs}
        />
      ) : null}
      {canGrade ? (
        <ItemsSection
          slug={slug}
          categories={data.categories}
          items={data.items}
          timeZone={data.timeZone}
          onSaved={onChanged}
        />
      ) : null}
      <div className="book-settings">
        <WeightsEditor slug={slug} categories={data.categories} canEdit={canEdit} onSaved={onChanged} />
        <CutoffsEditor
          slug={slug}
          cutoffs={data.cutoffs}
          canEdit={canEdit}
          onDraft={setDraftCutoffs}
          onSaved={onChanged}
        />
      </div>
    </>
  );
}
