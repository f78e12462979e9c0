// Staff's switches for the course's automatic deadline reminders (each kind on or off; the times shown in words).
import { useCallback, useState, type FormEvent } from 'react';
import { ErrorState, Loading } from '../../components/states.js';
import { useLoaded } from '../../components/use-loaded.js';
import { messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { zoneName } from '../../time.js';
import {
  announcementsApi,
  type ReminderKind,
  type ReminderOccasion,
  type ReminderSettingsView,
} from './announcements-client.js';

function when(o: ReminderOccasion, anchor: 'class' | 'deadline', timeZone: string): string {
  const of = anchor === 'class' ? 'the class' : 'the deadline';
  if (o.dayBeforeAt !== undefined) return `at ${o.dayBeforeAt} (${zoneName(timeZone)}) the day before ${of}`;
  const h = o.hoursBefore ?? 0;
  const amount = h % 24 === 0 && h >= 72 ? `${h / 24} days` : `${h} h`;
  return `${amount} before ${of}`;
}

export function RemindersForm({ slug }: { slug: string }) {
  const { data, error, reload } = useLoaded(useCallback(() => announcementsApi.reminders(slug), [slug]));
  if (error)
    return <ErrorState error={error} title="Reminder settings could not be loaded" onRetry={reload} />;
  if (!data) return <Loading label="Loading reminder settings" />;
  return <Form key={data.now} slug={slug} data={data} />;
}

function Form({ slug, data }: { slug: string; data: ReminderSettingsView }) {
  const [on, setOn] = useState<Record<string, boolean>>(
    Object.fromEntries(data.kinds.map((k) => [k.kind, k.on])),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setError(null);
    const body = Object.fromEntries(data.kinds.map((k) => [k.kind, { on: on[k.kind] ?? k.on }])) as Record<
      ReminderKind,
      { on: boolean }
    >;
    announcementsApi.saveReminders(slug, body).then(
      (r) => {
        const count = r.kinds.filter((k) => k.on).length;
        setNotice(
          count === 0 ? 'No deadline reminders are sent.' : `${count} kinds of deadline reminders are sent.`,
        );
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <form className="announcement-form" onSubmit={submit} aria-labelledby="reminders-h">
      <h2 id="reminders-h">Deadline reminders</h2>
      <p>
        Sent by e-mail to the students who have not handed in yet (and owe the work: nothing from before they
        joined), as each person’s notification settings say.
      </p>
      {data.kinds.map((k) => (
        <div className="reminder-kind" key={k.kind}>
          <input
            id={`reminder-${k.kind}`}
            type="checkbox"
            checked={on[k.kind] ?? k.on}
            onChange={(e) => setOn({ ...on, [k.kind]: e.target.checked })}
          />
          <label htmlFor={`reminder-${k.kind}`}>
            {k.label}
            <span className="muted">
              {' '}
              · {k.occasions.map((o) => when(o, k.anchor, data.timeZone)).join(' and ') || 'no times set'}
            </span>
          </label>
        </div>
      ))}
      <FormError message={error} />
      <FormNotice message={notice} />
      <button className="button" type="submit">
        Save reminders
      </button>
    </form>
  );
}
