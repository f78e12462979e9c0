// "Add to calendar": the course's public feed URL, and a member's personal feed (make, copy once, replace, turn off).
import { useCallback, useEffect, useId, useState } from 'react';
import type { NewPersonalFeedDto, PersonalFeedStateDto } from '../../../../src/contracts/calendar.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { Loading } from '../../components/states.js';
import { formatInstant } from '../../time.js';
import './calendar.css';

const personalPath = (slug: string) => `/api/courses/${encodeURIComponent(slug)}/calendar/personal`;
const absolute = (path: string) => `${window.location.origin}${path}`;

/** `path` on this site as a full address; a server-rendered page has the path alone until the browser takes over. */
function useAbsolute(path: string): string {
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  return origin + path;
}

/**
 * A read-only URL with a Copy button; says whether the copy worked. A server-rendered address is the path alone until
 * the page is live: its button stays disabled until then (a click would do nothing).
 */
function CopyField({ label, value }: { label: string; value: string }) {
  const live = /^https?:\/\//.test(value);
  const id = useId();
  const [said, setSaid] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setSaid('Copied. Paste it into your calendar app.');
    } catch {
      setSaid('Copying is blocked here: select the address and copy it.');
    }
  }
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={copy} disabled={!live}>
          Copy
        </button>
      </div>
      <p className="muted copy-said" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}

const HOW =
  'In Google Calendar choose “Other calendars, From URL”; in Apple Calendar “New Calendar Subscription”; in Outlook “Subscribe from web”.';

/** The course's calendar for everyone: classes with readings and room, days without class, course deadlines. */
export function CourseCalendar({ slug }: { slug: string }) {
  const address = useAbsolute(`/api/courses/${encodeURIComponent(slug)}/calendar.ics`);
  return (
    <section className="card calendar-card" aria-labelledby="course-calendar-title">
      <h2 id="course-calendar-title">Add to calendar</h2>
      <p>
        Subscribe to keep every class, its readings and room, days without class and course deadlines in your
        calendar, in the course’s time zone. It updates when the schedule changes. {HOW}
      </p>
      <CopyField label="Course calendar address" value={address} />
    </section>
  );
}

/** A member's own calendar: the course's plus their group's roles and their own deadlines, at a secret address. */
export function PersonalCalendar({ slug, timeZone }: { slug: string; timeZone: string }) {
  const [state, setState] = useState<PersonalFeedStateDto | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  const load = useCallback(() => {
    setError(null);
    call<PersonalFeedStateDto>('GET', personalPath(slug)).then(setState, (e: unknown) =>
      setError(`Your calendar address could not be loaded: ${messageOf(e)}`),
    );
  }, [slug]);
  useEffect(load, [load]);

  async function act(method: 'POST' | 'DELETE') {
    setBusy(true);
    setError(null);
    try {
      if (method === 'POST') {
        const made = await call<NewPersonalFeedDto>('POST', personalPath(slug));
        setFresh(absolute(made.path));
        setState({ active: made.active, createdAt: made.createdAt });
        setSaid(state?.active ? 'A new address is made; the old one no longer works.' : '');
      } else {
        setState(await call<PersonalFeedStateDto>('DELETE', personalPath(slug)));
        setFresh(null);
        setSaid('Turned off. Calendars using the address stop updating.');
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card calendar-card" aria-labelledby="personal-calendar-title">
      <h2 id="personal-calendar-title">My calendar</h2>
      <p>
        The course calendar plus your group’s presenting, summary and reviewing days with their deadlines,
        your own deadlines (extensions included) and your project milestones. The address is private: anyone
        who has it can read your calendar, so keep it to yourself. {HOW}
      </p>
      <FormError message={error} />
      {error && !state ? (
        <p>
          <button type="button" className="button button-secondary" onClick={load}>
            Try again
          </button>
        </p>
      ) : null}
      {!state && !error ? <Loading label="Loading your calendar address" /> : null}
      {state && fresh ? (
        <>
          <CopyField label="My calendar address" value={fresh} />
          <p className="notice">
            Copy it now: it is shown only this once. Seminar keeps only a fingerprint of it.
          </p>
        </>
      ) : null}
      {state?.active && !fresh ? (
        <p>
          Your address was made {formatInstant(state.createdAt!, timeZone)}. It is shown only when made: to
          see it again, make a new one (the old one then stops working).
        </p>
      ) : null}
      {state ? (
        <p className="calendar-actions">
          <button
            type="button"
            className={state.active ? 'button button-secondary' : 'button'}
            disabled={busy}
            onClick={() => void act('POST')}
          >
            {state.active ? 'Make a new address' : 'Make my calendar address'}
          </button>
          {state.active ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void act('DELETE')}
            >
              Turn off
            </button>
          ) : null}
        </p>
      ) : null}
      <p className="muted" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
