// The syllabus as given, line by line, with each warning written under its line.
import type { ReviewView } from '../../../../src/contracts/syllabus-review.js';

export function SourcePanel({ view }: { view: ReviewView }) {
  const byLine = new Map<number, string[]>();
  for (const w of view.warnings)
    if (w.line > 0) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w.message]);
  const general = view.warnings.filter((w) => w.line <= 0);
  return (
    <section className="review-source" aria-labelledby="source-h">
      <h2 id="source-h">Source</h2>
      {general.length > 0 ? (
        <ul className="review-warnings">
          {general.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="source-lines" role="region" aria-label="Syllabus source" tabIndex={0}>
        <ol>
          {view.source.map((text, i) => {
            const warnings = byLine.get(i + 1);
            return (
              <li
                key={i}
                id={`src-${i + 1}`}
                className={warnings ? 'source-line has-warning' : 'source-line'}
              >
                <span className="source-number" aria-hidden="true">
                  {i + 1}
                </span>
                <code>{text || ' '}</code>
                {warnings?.map((message, j) => (
                  <p key={j} className="source-warning">
                    <span className="visually-hidden">Warning at line {i + 1}: </span>
                    {message}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
