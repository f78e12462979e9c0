// The course's audit log for its instructors: who did what, when, from where.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import type { AuditBody } from '../../../../src/contracts/roster.js';
import { AuditTable } from '../../components/AuditTable.js';
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
        <AuditTable log={log} caption="Staff and security actions, newest first" />
      )}
    </>
  );
}
