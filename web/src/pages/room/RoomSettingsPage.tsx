// Staff set how the course's class rooms run: the timer's length (or the syllabus's) and whether classmates see
// who asked a question. A change of anonymity takes effect at once in open rooms (they reload).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RoomSettings } from '../../../../src/contracts/room.js';
import { call, messageOf } from '../../auth/client.js';
import { FieldBox, FormError, FormNotice } from '../../auth/Field.js';
import { ErrorState, Empty, Loading } from '../../components/states.js';
import { asApiError } from '../../components/use-loaded.js';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { ApiError } from '../../api.js';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import '../../auth/auth.css';
import './room.css';

const settingsUrl = (slug: string) => `/api/courses/${encodeURIComponent(slug)}/room-settings`;

interface Draft {
  ownLength: boolean;
  minutes: string;
  anonymous: boolean;
}

const draftOf = (s: RoomSettings): Draft => ({
  ownLength: s.timerMinutes !== null,
  minutes: String(s.timerMinutes ?? s.defaultMinutes),
  anonymous: s.anonymousQuestions,
});

export default function RoomSettingsPage() {
  const course = useCourse();
  useDocumentTitle('Class room settings', [course.code, course.title].filter(Boolean).join(' '));
  const [settings, setSettings] = useState<RoomSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = course.abilities.manageCourse === true;
  const load = useCallback(() => {
    setError(null);
    call<RoomSettings>('GET', settingsUrl(course.slug)).then(
      (s) => {
        setSettings(s);
        setDraft(draftOf(s));
      },
      (e: unknown) => setError(asApiError(e)),
    );
  }, [course.slug]);
  useEffect(() => {
    if (allowed) load();
  }, [allowed, load]);

  if (!allowed)
    return (
      <Empty>
        <h1>Class room settings</h1>
        <p>Only the course staff change how the class rooms run.</p>
      </Empty>
    );
  if (error) return <ErrorState error={error} onRetry={load} title="The room settings did not load" />;
  if (!settings || !draft) return <Loading label="Loading the room settings" />;

  const minutes = Number(draft.minutes);
  const minutesError =
    draft.ownLength && !(Number.isInteger(minutes) && minutes >= 1 && minutes <= 240)
      ? 'Give a whole number of minutes from 1 to 240.'
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFormError(null);
    if (minutesError) return setFormError(minutesError);
    setBusy(true);
    call<RoomSettings>('PUT', settingsUrl(course.slug), {
      timerMinutes: draft.ownLength ? minutes : null,
      anonymousQuestions: draft.anonymous,
    })
      .then(
        (s) => {
          setSettings(s);
          setDraft(draftOf(s));
          setNotice(
            'Saved. Open rooms follow the new settings now; a running timer keeps its length until reset.',
          );
        },
        (err: unknown) => setFormError(messageOf(err)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="room-settings">
      <h1>Class room settings</h1>
      <p className="lede">
        How every class room of this course runs. Staff open a class’s room from the{' '}
        <Link to={coursePageUrl(course.slug, 'schedule')}>schedule</Link>.
      </p>
      <form onSubmit={submit} aria-labelledby="room-settings-timer" noValidate>
        <FormError message={formError} />
        <fieldset className="room-settings-group">
          <legend id="room-settings-timer">The presentation timer</legend>
          <label className="room-settings-choice">
            <input
              type="radio"
              name="timer-length"
              checked={!draft.ownLength}
              onChange={() => setDraft({ ...draft, ownLength: false })}
            />
            The syllabus’s length: {settings.defaultMinutes} minutes
          </label>
          <label className="room-settings-choice">
            <input
              type="radio"
              name="timer-length"
              checked={draft.ownLength}
              onChange={() => setDraft({ ...draft, ownLength: true })}
            />
            A length of our own
          </label>
          {draft.ownLength ? (
            <FieldBox
              id="room-timer-minutes"
              label="Minutes per presentation"
              error={minutesError}
              hint="From 1 to 240. A class’s timer takes it at its next reset."
            >
              <input
                id="room-timer-minutes"
                type="number"
                inputMode="numeric"
                min={1}
                max={240}
                step={1}
                value={draft.minutes}
                aria-invalid={minutesError ? true : undefined}
                aria-describedby={minutesError ? 'room-timer-minutes-error' : 'room-timer-minutes-hint'}
                onChange={(e) => setDraft({ ...draft, minutes: e.target.value })}
              />
            </FieldBox>
          ) : null}
        </fieldset>
        <fieldset className="room-settings-group">
          <legend>Questions</legend>
          <label className="room-settings-choice">
            <input
              type="checkbox"
              checked={draft.anonymous}
              onChange={(e) => setDraft({ ...draft, anonymous: e.target.checked })}
            />
            Hide who asked a question from classmates (staff always see the names)
          </label>
        </fieldset>
        <FormNotice message={notice} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save the room settings'}
        </button>
      </form>
    </div>
  );
}
