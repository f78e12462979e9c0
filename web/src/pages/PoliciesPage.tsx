// Policies: each section of the syllabus's policies, with an in-page table of contents.
import { useEffect } from 'react';
import { useLocation } from '../router.js';
import { useCourse, useDocumentTitle } from '../course-context.js';
import { Html } from '../components/Html.js';
import { Empty } from '../components/states.js';

export default function PoliciesPage() {
  const course = useCourse();
  useDocumentTitle('Policies', [course.code, course.title].filter(Boolean).join(' '));
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  return (
    <>
      <h1>Policies</h1>
      {course.policies.length === 0 ? (
        <Empty>
          <p>No policies are published yet.</p>
        </Empty>
      ) : (
        <>
          <nav className="toc" aria-labelledby="toc-title">
            <h2 id="toc-title" className="toc-title">
              On this page
            </h2>
            <ul>
              {course.policies.map((p) => (
                <li key={p.slug}>
                  <a href={`#policy-${p.slug}`}>{p.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {course.policies.map((p) => (
            <section
              key={p.slug}
              id={`policy-${p.slug}`}
              aria-labelledby={`policy-${p.slug}-title`}
              className="policy"
            >
              <h2 id={`policy-${p.slug}-title`}>{p.title}</h2>
              <Html html={p.html} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
