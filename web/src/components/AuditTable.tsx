// The audit log as people read it: when (in the course's zone), what as a sentence with names, and from where.
import type { AuditBody } from '../../../src/contracts/roster.js';
import { formatDateTime } from '../time.js';

export function AuditTable({ log, caption }: { log: AuditBody; caption: string }) {
  return (
    <div className="table-scroll" data-scroll-container="" tabIndex={0} role="region" aria-label={caption}>
      <table className="audit">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((e) => (
            <tr key={e.id}>
              <td className="audit-when">
                <time dateTime={e.at}>{formatDateTime(e.at, e.timeZone)}</time>
              </td>
              <td>{e.sentence}</td>
              <td className="muted">{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
