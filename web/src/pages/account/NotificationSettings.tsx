// My notification settings: per kind, e-mail at once, in a daily digest at an hour I choose, or not at all.
import { useCallback, useState, type FormEvent } from 'react';
import { ErrorState, Loading } from '../../components/states.js';
import { useLoaded } from '../../components/use-loaded.js';
import { messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import {
  notificationsApi,
  type DeliveryMode,
  type NotificationKind,
  type NotificationSettings as Settings,
} from '../announcements/announcements-client.js';
import '../announcements/announcements.css';

const KINDS: Array<{ kind: NotificationKind; label: string }> = [
  { kind: 'announcements', label: 'Announcements' },
  { kind: 'replies', label: 'Replies to me' },
  { kind: 'mentions', label: 'Mentions' },
  { kind: 'discussions', label: 'New discussions' },
  { kind: 'reminders', label: 'Deadline reminders' },
];

const MODES: Array<{ mode: DeliveryMode; label: string }> = [
  { mode: 'instant', label: 'E-mail at once' },
  { mode: 'digest', label: 'Daily digest' },
  { mode: 'off', label: 'Off' },
];

function zones(current: string): string[] {
  const all =
    (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ??
    [];
  return [...new Set(['UTC', current, ...all])];
}

export function NotificationSettings() {
  const { data, error, reload } = useLoaded(useCallback(() => notificationsApi.get(), []));
  if (error)
    return <ErrorState error={error} title="Notification settings could not be loaded" onRetry={reload} />;
  if (!data) return <Loading label="Loading notification settings" />;
  return <Form data={data} />;
}

function Form({ data }: { data: Settings }) {
  const [modes, setModes] = useState(data.settings.modes);
  const [hour, setHour] = useState(data.settings.digestHour);
  const [zone, setZone] = useState(data.settings.digestZone);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setError(null);
    notificationsApi.save({ modes, digestHour: hour, digestZone: zone }).then(
      () => setNotice('Your notification settings are saved.'),
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <section className="section" aria-labelledby="notifications-h">
      <h2 id="notifications-h">Notifications</h2>
      <form className="auth-form notification-form" onSubmit={submit}>
        {KINDS.map(({ kind, label }) => (
          <fieldset key={kind} className="notification-kind">
            <legend>{label}</legend>
            {MODES.map(({ mode, label: modeLabel }) => (
              <label key={mode}>
                <input
                  type="radio"
                  name={`notify-${kind}`}
                  value={mode}
                  checked={modes[kind] === mode}
                  onChange={() => setModes({ ...modes, [kind]: mode })}
                />{' '}
                {modeLabel}
              </label>
            ))}
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor="digest-hour">Daily digest at (hour)</label>
          <select id="digest-hour" value={hour} onChange={(e) => setHour(Number(e.target.value))}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="digest-zone">In the time zone</label>
          <select id="digest-zone" value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones(zone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <FormError message={error} />
        <FormNotice message={notice} />
        <button className="button" type="submit">
          Save notification settings
        </button>
      </form>
    </section>
  );
}
