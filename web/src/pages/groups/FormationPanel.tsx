// Staff tools on the groups page: group sizes and deadline, and auto-formation as plan → preview → apply.
import { useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { formatInstant, fromZonedInput, toZonedInput, zoneLabel } from '../../time.js';
import type { GroupsBody } from '../../../../src/contracts/groups.js';
import type { z } from 'zod';
import type { formationPreviewSchema } from '../../../../src/contracts/groups.js';

type Preview = z.infer<typeof formationPreviewSchema>;

export function FormationPanel({
  base,
  settings,
  timeZone,
  onChanged,
}: {
  base: string;
  settings: GroupsBody['settings'];
  timeZone: string;
  onChanged: () => void;
}) {
  const [seed, setSeed] = useState(1);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(toZonedInput(settings.groupDeadline, timeZone));
  const [min, setMin] = useState(settings.groupMin);
  const [max, setMax] = useState(settings.groupMax);

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section className="section" aria-labelledby="staff-tools">
      <h2 id="staff-tools">Staff: settings and auto-formation</h2>
      <FormNotice message={notice} />
      <FormError message={error} />
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const groupDeadline = deadline ? fromZonedInput(deadline, timeZone) : null;
            if (deadline && !groupDeadline) throw new Error('Give the group deadline as a date and a time.');
            await call('PATCH', `${base}/assignment/settings`, {
              groupMin: min,
              groupMax: max,
              groupDeadline,
            });
            return 'Settings saved.';
          });
        }}
      >
        <label>
          Smallest group
          <input
            type="number"
            min={1}
            max={20}
            value={min}
            onChange={(e) => setMin(Number(e.target.value))}
          />
        </label>
        <label>
          Largest group
          <input
            type="number"
            min={1}
            max={20}
            value={max}
            onChange={(e) => setMax(Number(e.target.value))}
          />
        </label>
        <label>
          Group deadline, {zoneLabel(timeZone, settings.groupDeadline ?? undefined)}
          <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
        <button className="button button-secondary" type="submit">
          Save settings
        </button>
      </form>
      <p className="muted">
        {settings.groupDeadline
          ? `Deadline now: ${formatInstant(settings.groupDeadline, timeZone)} (${settings.deadlineSource === 'staff' ? 'set by staff' : 'from the syllabus'}).`
          : 'No deadline set.'}
      </p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          setNotice(null);
          call<Preview>('POST', `${base}/groups/formation/plan`, { seed }).then(setPreview, (err: unknown) =>
            setError(messageOf(err)),
          );
        }}
      >
        <label>
          Seed
          <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
        <button className="button" type="submit">
          Plan groups for the rest
        </button>
      </form>
      {preview ? (
        <div aria-live="polite">
          <h3>
            Preview (seed {preview.seed}): {preview.placed} student{preview.placed === 1 ? '' : 's'} placed
          </h3>
          {preview.notes.length > 0 ? (
            <ul>
              {preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <ul className="panel-list">
            {preview.newGroups.map((g) => (
              <li key={g.name}>
                New <strong>{g.name}</strong>: {g.members.map((m) => m.name).join(', ')}
              </li>
            ))}
            {preview.joins.map((j) => (
              <li key={j.groupId}>
                Join <strong>{j.groupName}</strong>: {j.members.map((m) => m.name).join(', ')}
              </li>
            ))}
          </ul>
          {preview.placed > 0 ? (
            <button
              className="button"
              type="button"
              onClick={() =>
                void act(async () => {
                  const r = await call<{ created: number; joined: number }>(
                    'POST',
                    `${base}/groups/formation/apply`,
                    { planId: preview.planId },
                  );
                  setPreview(null);
                  return `Applied: ${r.created} new group${r.created === 1 ? '' : 's'}, ${r.joined} joined existing ones.`;
                })
              }
            >
              Apply these groups
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
