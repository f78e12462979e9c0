// Staff see every group's rank of every lecture needing presenters (groups × meetings).
import { useEffect, useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay } from '../../time.js';
import type { PreferenceMatrixBody } from '../../../../src/contracts/groups.js';

export function PreferenceMatrix({ base }: { base: string }) {
  const [data, setData] = useState<PreferenceMatrixBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call<PreferenceMatrixBody>('GET', `${base}/preferences`).then(setData, (e: unknown) =>
      setError(messageOf(e)),
    );
  }, [base]);
  return (
    <section className="section" aria-labelledby="matrix">
      <h2 id="matrix">Rankings</h2>
      <FormError message={error} />
      {data ? (
        data.groups.length === 0 ? (
          <p>No groups yet.</p>
        ) : (
          <div className="matrix-wrap" tabIndex={0} role="region" aria-label="Rankings of each group">
            <table className="data-table matrix">
              <caption className="visually-hidden">
                Rank each group gave each lecture (blank: not ranked)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  {data.meetings.map((m) => (
                    <th scope="col" key={m.id}>
                      {formatDay(m.date).replace(/^\w+, /, '')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.groups.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.name}</th>
                    {data.meetings.map((m) => (
                      <td key={m.id}>{g.ranks[m.id] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
