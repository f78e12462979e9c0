// Staff's join links: create one (its URL is shown once), see uses and expiry, revoke.
import { useCallback, useEffect, useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import type { JoinLinkView } from '../../../../src/contracts/roster.js';
import { useCourse } from '../../course-context.js';
import { formatDateTime } from '../../time.js';

export function JoinLinks({ base }: { base: string }) {
  const { timeZone } = useCourse();
  const [links, setLinks] = useState<JoinLinkView[]>([]);
  const [days, setDays] = useState(14);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call<{ links: JoinLinkView[] }>('GET', `${base}/join-links`).then(
      (r) => setLinks(r.links),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [base]);
  useEffect(load, [load]);

  async function create() {
    setError(null);
    try {
      const r = await call<{ url: string }>('POST', `${base}/join-links`, { days });
      setUrl(r.url);
      load();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section className="section" aria-labelledby="join-links-h">
      <h2 id="join-links-h">Join links</h2>
      <p className="muted">
        Anyone signed in with the link joins as a student until it expires or you revoke it.
      </p>
      <FormError message={error} />
      <div className="roster-tools">
        <label>
          Valid for (days)
          <input
            type="number"
            min={1}
            max={180}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>
        <button className="button" type="button" onClick={() => void create()}>
          Create join link
        </button>
      </div>
      {url ? (
        <p className="form-notice" role="status">
          Copy this link now (it is shown only once):{' '}
          <span className="copy-url" data-testid="join-url">
            {url}
          </span>
        </p>
      ) : null}
      {links.length > 0 ? (
        <div className="table-scroll" data-scroll-container="">
          <table className="roster">
            <caption className="visually-hidden">Join links</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Uses</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id}>
                  <td>{formatDateTime(l.createdAt, timeZone)}</td>
                  <td>{formatDateTime(l.expiresAt, timeZone)}</td>
                  <td>{l.uses}</td>
                  <td>{l.state}</td>
                  <td>
                    {l.state === 'active' ? (
                      <button
                        className="button button-secondary"
                        type="button"
                        onClick={() =>
                          void call('DELETE', `${base}/join-links/${l.id}`).then(load, (e: unknown) =>
                            setError(messageOf(e)),
                          )
                        }
                      >
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
