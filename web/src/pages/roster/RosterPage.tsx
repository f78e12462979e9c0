// The course roster for staff: search, role change, drop/restore, join links, and CSV import with preview.
import { useCallback, useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf, useSession } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import type { RosterBody } from '../../../../src/contracts/roster.js';
import { JoinLinks } from './JoinLinks.js';
import { CanvasRoster } from './CanvasRoster.js';
import { RosterImport } from './RosterImport.js';
import { StartDate } from './StartDate.js';
import { zoneAbbreviation, zoneName } from '../../time.js';
import '../../auth/auth.css';

const ROLES = [
  ['student', 'Student'],
  ['ta', 'TA'],
  ['instructor', 'Instructor'],
] as const;

export default function RosterPage() {
  const course = useCourse();
  const session = useSession();
  useDocumentTitle('Roster', [course.code, course.title].filter(Boolean).join(' '));
  const base = `/api/courses/${encodeURIComponent(course.slug)}`;
  const [search, setSearch] = useState('');
  const [showDropped, setShowDropped] = useState(false);
  const [roster, setRoster] = useState<RosterBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    const q = new URLSearchParams({ ...(search ? { search } : {}), includeDropped: String(showDropped) });
    call<RosterBody>('GET', `${base}/roster?${q}`).then(setRoster, (e: unknown) => setError(messageOf(e)));
  }, [base, search, showDropped]);
  useEffect(load, [load]);

  if (!course.abilities.viewRoster) {
    return (
      <Empty>
        <h1>Roster</h1>
        <p>Only the course staff can see the roster.</p>
      </Empty>
    );
  }

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      load();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const abilities = roster?.abilities ?? course.abilities;
  // Nobody changes or drops their own enrollment here (the server refuses it too).
  const myId = session.state === 'ready' ? session.session.user?.id : undefined;
  const zone = roster?.timeZone ?? course.timeZone;
  const zoneLabel = `${zoneName(zone)} (${zoneAbbreviation(new Date().toISOString(), zone)})`;
  return (
    <>
      <h1>Roster</h1>
      <FormNotice message={notice} />
      <FormError message={error} />
      <div className="roster-tools">
        <label>
          Search
          <input
            type="search"
            value={search}
            maxLength={200}
            placeholder="Name, e-mail or NetID"
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="inline">
          <span>
            <input type="checkbox" checked={showDropped} onChange={(e) => setShowDropped(e.target.checked)} />{' '}
            Show dropped
          </span>
        </label>
      </div>
      {!roster ? (
        <Loading label="Loading the roster" />
      ) : roster.people.length === 0 ? (
        <Empty>
          <p>
            {search
              ? 'Nobody matches this search.'
              : 'Nobody is enrolled yet: create a join link or import a roster below.'}
          </p>
        </Empty>
      ) : (
        <>
          <p id="start-date-help" className="hint">
            Work due from: a student owes only what falls due from this date on (00:00, {zoneLabel}); earlier
            work shows as “before you joined” and costs no allowance.
          </p>
          <div className="table-scroll" data-scroll-container="">
            <table className="roster">
              <caption className="visually-hidden">People of the course</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">NetID</th>
                  <th scope="col">Role</th>
                  <th scope="col">Work due from ({zoneAbbreviation(new Date().toISOString(), zone)})</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roster.people.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row">{p.name}</th>
                    <td>{p.email}</td>
                    <td>{p.netId ?? ''}</td>
                    <td>
                      {abilities.changeRoles && !p.droppedAt && p.userId !== myId ? (
                        <select
                          aria-label={`Role of ${p.name}`}
                          value={p.role}
                          onChange={(e) =>
                            void act(async () => {
                              await call('PATCH', `${base}/roster/${p.userId}`, { role: e.target.value });
                              return `${p.name} is now ${e.target.value === 'ta' ? 'a TA' : `an ${e.target.value}`.replace('an student', 'a student')}.`;
                            })
                          }
                        >
                          {ROLES.map(([value, label]) => (
                            <option key={value} value={value}>
                              {label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        ROLES.find(([v]) => v === p.role)?.[1]
                      )}
                      {p.droppedAt ? ' (dropped)' : ''}
                    </td>
                    <td>
                      {p.role === 'student' ? (
                        <StartDate
                          key={`${p.userId}-${p.startsOn ?? ''}`}
                          base={base}
                          person={p}
                          zoneLabel={zoneLabel}
                          editable={abilities.manageRoster === true}
                          onSaved={(message) => {
                            setError(null);
                            setNotice(message);
                            load();
                          }}
                          onError={(e) => {
                            setNotice(null);
                            setError(messageOf(e));
                          }}
                        />
                      ) : null}
                    </td>
                    <td>
                      {abilities.manageRoster && p.userId !== myId ? (
                        p.droppedAt ? (
                          <button
                            className="button button-secondary"
                            type="button"
                            onClick={() =>
                              void act(async () => {
                                await call('POST', `${base}/roster/${p.userId}/restore`);
                                return `${p.name} is back on the roster.`;
                              })
                            }
                          >
                            Restore
                          </button>
                        ) : (
                          <button
                            className="button button-secondary"
                            type="button"
                            onClick={() => {
                              if (
                                !window.confirm(
                                  `Drop ${p.name}? Their work stays, but they lose access to the course.`,
                                )
                              )
                                return;
                              void act(async () => {
                                await call('POST', `${base}/roster/${p.userId}/drop`);
                                return `${p.name} was dropped. Their work is kept.`;
                              });
                            }}
                          >
                            Drop
                          </button>
                        )
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {abilities.manageRoster ? <JoinLinks base={base} /> : null}
      {abilities.manageRoster ? <RosterImport base={base} onApplied={load} /> : null}
      {abilities.manageRoster ? <CanvasRoster base={base} /> : null}
    </>
  );
}
