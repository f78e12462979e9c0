// A student's own grades: released scores with rubric and comment, category and current totals, what is still to come, a what-if, and regrade requests.
import { useCallback } from 'react';
import { useCourse, useDocumentTitle } from '../../../course-context.js';
import { useServerNow } from '../../../components/server-now.js';
import { Empty, ErrorState, Loading } from '../../../components/states.js';

import { SignInLink } from '../../../auth/SignInLink.js';
import { Link } from '../../../router.js';
import { coursePageUrl } from '../../../routes.js';
import { gradesApi } from './grades-client.js';
import type { MyGrades } from './grade-types.js';
import { countsSoFar, trimPoints } from './grade-words.js';
import { GradeItemCard } from './GradeItemCard.js';
import { WhatIf } from './WhatIf.js';
import '../../../auth/auth.css';
import './my-grades.css';
import { useLoaded } from '../../../components/use-loaded.js';

export default function MyGradesPage() {
  const course = useCourse();
  useDocumentTitle('My grades', [course.code, course.title].filter(Boolean).join(' '));
  if (!course.abilities.viewOwnGrades) {
    return (
      <Empty>
        <h1>My grades</h1>
        {course.abilities.grade ? (
          <p>
            Only students have grades here. Students’ questions about their scores are on{' '}
            <Link to={coursePageUrl(course.slug, 'grades/regrades')}>Regrade requests</Link>.
          </p>
        ) : (
          <p>
            <SignInLink>Sign in</SignInLink> as a student of the course to see your grades.
          </p>
        )}
      </Empty>
    );
  }
  return <Grades slug={course.slug} />;
}

function Grades({ slug }: { slug: string }) {
  const now = useServerNow();
  const { data, error, reload: load } = useLoaded(useCallback(() => gradesApi.mine(slug), [slug]));
  if (error) return <ErrorState error={error} title="Your grades could not be loaded" onRetry={load} />;
  if (!data) return <Loading label="Loading your grades" />;
  return (
    <>
      <h1>My grades</h1>
      <CourseGrade data={data} />
      {data.items.length === 0 ? (
        <Empty>
          <p>No graded work yet: items appear here once the course’s deliverables and roles are set.</p>
        </Empty>
      ) : (
        <>
          <WhatIf slug={slug} data={data} />
          {data.categoryList.map((c) => {
            const items = data.items.filter((i) => i.categoryKey === c.key);
            const total = data.categories[c.key];
            return (
              <section key={c.key} className="grade-category" aria-labelledby={`cat-${c.key}`}>
                <h2 id={`cat-${c.key}`}>
                  {c.name} <span className="muted">({trimPoints(c.weight)} %)</span>
                </h2>
                <p>
                  {total === null
                    ? 'Nothing in this category counts yet.'
                    : `Your ${c.name} total so far: ${total} %.`}
                  {c.dropLowest > 0
                    ? ` The lowest ${c.dropLowest === 1 ? 'score is' : `${c.dropLowest} scores are`} dropped.`
                    : ''}
                </p>
                {items.length === 0 ? (
                  <p className="muted">No items in this category for you.</p>
                ) : (
                  <ul className="grade-items">
                    {items.map((item) => (
                      <li key={item.id}>
                        <GradeItemCard
                          slug={slug}
                          item={item}
                          category={c.name}
                          regrades={data.regrades.filter((r) => r.itemId === item.id)}
                          timeZone={data.timeZone}
                          now={now}
                          onChanged={load}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

function CourseGrade({ data }: { data: MyGrades }) {
  return (
    <section className="course-grade card" aria-labelledby="course-grade-title">
      <h2 id="course-grade-title">Your course grade so far</h2>
      {data.final === null ? (
        <p className="course-grade-figure">No grade yet</p>
      ) : (
        <p className="course-grade-figure">
          {data.final} % <span className="course-grade-letter">{data.letter}</span>
        </p>
      )}
      <p>{countsSoFar(data)}</p>
      {data.categoryList.length > 0 ? (
        <table className="grade-totals">
          <caption className="visually-hidden">Your total in each category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Your total
              </th>
            </tr>
          </thead>
          <tbody>
            {data.categoryList.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                <td className="num">{trimPoints(c.weight)} %</td>
                <td className="num">
                  {data.categories[c.key] === null ? (
                    <span className="muted">Not yet</span>
                  ) : (
                    `${data.categories[c.key]} %`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
