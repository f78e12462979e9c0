// The course's audit log for its instructors: who did what, when, from where.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import type { AuditBody } from '../../../../src/contracts/roster.js';
import '../../auth/auth.css';

export default function AuditPage() {
  const course = useCourse();
  useDocumentTitle('Audit log', [course.code, course.title].filter(Boolean).join(' '));
  const [log, setLog] = useState<AuditBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!course.abilities.viewAuditLog) return;
    call<AuditBody>('GET', `/api/courses/${encodeURIComponent(course.slug)}/audit?limit=200`).then(
      setLog,
      (e: unknown) => setError(messageOf(e)),
    );
  }, [course.slug, course.abilities.viewAuditLog]);

  if (!course.abilities.viewAuditLog)
    return (
      <Empty>
        <h1>Audit log</h1>
        <p>Only the course instructors can read the audit log.</p>
      </Empty>
    );
  return (
    <>
      <h1>Audit log</h1>
      <FormError message={error} />
      {!log ? (
        <Loading label="Loading the audit log" />
      ) : log.entries.length === 0 ? (
        <Empty>
          <p>Nothing recorded yet.</p>
        </Empty>
      ) : (
        <table className="audit">
          <caption className="visually-hidden">Staff and security actions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.actor ?? '—'}</td>
                <td>
                  {e.action}
                  {e.details ? <span className="muted"> {JSON.stringify(e.details)}</span> : null}
                </td>
                <td>{e.target ?? ''}</td>
                <td>{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
