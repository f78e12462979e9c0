// Grading: the weighted components of the final grade, as a table with a bar per weight.
import { useCourse, useDocumentTitle } from '../course-context.js';
import { Empty } from '../components/states.js';

export default function GradingPage() {
  const course = useCourse();
  useDocumentTitle('Grading', [course.code, course.title].filter(Boolean).join(' '));
  const total = course.components.reduce((sum, c) => sum + c.weight, 0);
  // Bars are drawn to the largest weight so they stay readable on a phone; lengths stay proportional.
  const largest = Math.max(1, ...course.components.map((c) => c.weight));
  return (
    <>
      <h1>Grading</h1>
      {course.components.length === 0 ? (
        <Empty>
          <p>The grading components are not published yet.</p>
        </Empty>
      ) : (
        <>
          <p className="lede">Your final grade is made of these parts.</p>
          <table className="grading">
            <caption className="visually-hidden">Grade components and their weights</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" className="num">
                  Weight
                </th>
                <th scope="col" className="bar-col">
                  <span className="visually-hidden">Share of the grade</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {course.components.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{c.weight}%</td>
                  <td className="bar-col" aria-hidden="true">
                    <span className="bar" style={{ width: `${Math.max(0, (c.weight / largest) * 100)}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{total}%</td>
                <td className="bar-col" />
              </tr>
            </tfoot>
          </table>
          {total !== 100 ? (
            <p className="notice">
              The weights add up to {total}%, not 100%: ask the staff which figure applies.
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
