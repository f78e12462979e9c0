// Resources: guides and templates the syllabus links (GPU access, poster and summary templates).
import { useCourse, useDocumentTitle } from '../course-context.js';
import { Empty } from '../components/states.js';
import { SafeLink } from '../components/SafeLink.js';

export default function ResourcesPage() {
  const course = useCourse();
  useDocumentTitle('Resources', [course.code, course.title].filter(Boolean).join(' '));
  return (
    <>
      <h1>Resources</h1>
      {course.resources.length === 0 ? (
        <Empty>
          <p>The syllabus links no guides or templates.</p>
        </Empty>
      ) : (
        <>
          <p className="lede">Guides and templates linked from the syllabus.</p>
          <ul className="resources">
            {course.resources.map((r) => (
              <li key={r.url} className="card">
                {isPublished(r.url) ? (
                  <>
                    <SafeLink href={r.url}>{r.label}</SafeLink>
                    <span className="muted resource-url">{displayUrl(r.url)}</span>
                  </>
                ) : (
                  <>
                    <span className="resource-label">{r.label}</span>
                    <span className="muted resource-url">
                      A file next to the syllabus (<code>{r.url}</code>), not published on this site: ask the
                      staff for it.
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {course.forum || course.staffEmail ? (
        <section aria-labelledby="contact">
          <h2 id="contact">Getting help</h2>
          <ul>
            {course.forum ? (
              <li>
                Questions and discussion: <SafeLink href={course.forum.url}>{course.forum.label}</SafeLink>
              </li>
            ) : null}
            {course.staffEmail ? (
              <li>
                Staff e-mail: <a href={`mailto:${course.staffEmail}`}>{course.staffEmail}</a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/**
 * Whether a link leads somewhere on the web. Syllabi written for a Git repository link files
 * relative to the README ("Summaries/Template.md"), which do not exist on this site.
 */
function isPublished(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

/** "arxiv.org/abs/…" — where a link leads, without the scheme. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
