// The course-wide parts of the editor (staff): units, staff with their office hours and the staff e-mail, policies.
import { useState, type FormEvent, type ReactNode } from 'react';
import { FieldBox, FormError } from '../../auth/Field.js';
import { messageOf } from '../../auth/client.js';
import {
  editApi,
  type CourseEditView,
  type EditPolicy,
  type EditStaffMember,
  type EditUnit,
} from './edit-client.js';

interface PartProps {
  view: CourseEditView;
  onSaved: (view: CourseEditView) => void;
}

/** Saves through `action`, keeping the message of a refusal beside the form (every form of the editor). */
export function useSave(onSaved: (view: CourseEditView) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<CourseEditView>) => {
    setError(null);
    setBusy(true);
    try {
      onSaved(await action());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** Move up, move down and remove buttons of row `i` of `rows`, named for screen readers by `what`. */
function RowActions<T>({
  rows,
  i,
  what,
  onChange,
}: {
  rows: T[];
  i: number;
  what: string;
  onChange: (rows: T[]) => void;
}) {
  const swap = (j: number) => {
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <div className="edit-actions">
      <button
        type="button"
        className="button button-secondary"
        disabled={i === 0}
        onClick={() => swap(i - 1)}
      >
        Move up<span className="visually-hidden">: {what}</span>
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={i === rows.length - 1}
        onClick={() => swap(i + 1)}
      >
        Move down<span className="visually-hidden">: {what}</span>
      </button>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange(rows.filter((_, j) => j !== i))}
      >
        Remove<span className="visually-hidden">: {what}</span>
      </button>
    </div>
  );
}

function PartForm({
  id,
  title,
  error,
  busy,
  onSubmit,
  addLabel,
  onAdd,
  saveLabel,
  children,
}: {
  id: string;
  title: string;
  error: string | null;
  busy: boolean;
  onSubmit: () => void;
  addLabel: string;
  onAdd: () => void;
  saveLabel: string;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="edit-panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <FormError message={error} />
      {children}
      <div className="edit-actions">
        <button type="button" className="button button-secondary" onClick={onAdd}>
          {addLabel}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}

export function UnitsEditor({ view, onSaved }: PartProps) {
  const [units, setUnits] = useState<EditUnit[]>(view.units.map((u) => ({ ...u })));
  const { error, busy, run } = useSave(onSaved);
  const set = (i: number, title: string) => setUnits(units.map((u, j) => (j === i ? { ...u, title } : u)));
  return (
    <PartForm
      id="edit-units"
      title="Units"
      error={error}
      busy={busy}
      onSubmit={() => void run(() => editApi.units(view.slug, units))}
      addLabel="Add a unit"
      onAdd={() => setUnits([...units, { title: '' }])}
      saveLabel="Save units"
    >
      <p className="hint">A renamed unit keeps its classes; a removed one leaves them without a unit.</p>
      {units.length === 0 ? <p className="muted">No units yet.</p> : null}
      {units.map((u, i) => (
        <fieldset key={u.id ?? `new-${i}`} className="edit-reading">
          <legend className="visually-hidden">Unit {i + 1}</legend>
          <FieldBox id={`edit-unit-${i}`} label={`Unit ${i + 1} title`}>
            <input
              id={`edit-unit-${i}`}
              required
              maxLength={300}
              value={u.title}
              onChange={(e) => set(i, e.target.value)}
            />
          </FieldBox>
          <RowActions rows={units} i={i} what={`unit ${i + 1}`} onChange={setUnits} />
        </fieldset>
      ))}
    </PartForm>
  );
}

const blankStaff: EditStaffMember = {
  name: '',
  role: 'ta',
  netId: null,
  url: null,
  officeHours: null,
  officeLocation: null,
};

export function StaffEditor({ view, onSaved }: PartProps) {
  const [staff, setStaff] = useState<EditStaffMember[]>(view.staff.map((s) => ({ ...s })));
  const [email, setEmail] = useState(view.staffEmail ?? '');
  const { error, busy, run } = useSave(onSaved);
  const set = (i: number, patch: Partial<EditStaffMember>) =>
    setStaff(staff.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const text = (i: number, key: keyof Omit<EditStaffMember, 'name' | 'role'>) => ({
    value: staff[i]![key] ?? '',
    onChange: (e: { target: { value: string } }) => set(i, { [key]: e.target.value || null }),
  });
  return (
    <PartForm
      id="edit-staff"
      title="Staff and office hours"
      error={error}
      busy={busy}
      onSubmit={() => void run(() => editApi.staff(view.slug, staff, email))}
      addLabel="Add a staff member"
      onAdd={() => setStaff([...staff, { ...blankStaff }])}
      saveLabel="Save staff"
    >
      <FieldBox id="edit-staff-email" label="Staff e-mail" hint="Where students write to the whole staff">
        <input
          id="edit-staff-email"
          type="email"
          maxLength={200}
          value={email}
          aria-describedby="edit-staff-email-hint"
          onChange={(e) => setEmail(e.target.value)}
        />
      </FieldBox>
      {staff.length === 0 ? <p className="muted">No staff listed yet.</p> : null}
      {staff.map((s, i) => (
        <fieldset key={i} className="edit-reading">
          <legend className="visually-hidden">Staff member {i + 1}</legend>
          <div className="edit-row">
            <FieldBox id={`edit-staff-${i}-name`} label={`Staff member ${i + 1} name`}>
              <input
                id={`edit-staff-${i}-name`}
                required
                maxLength={200}
                value={s.name}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </FieldBox>
            <FieldBox id={`edit-staff-${i}-role`} label="Role" hint="instructor, ta, or another title">
              <input
                id={`edit-staff-${i}-role`}
                maxLength={60}
                value={s.role}
                aria-describedby={`edit-staff-${i}-role-hint`}
                onChange={(e) => set(i, { role: e.target.value })}
              />
            </FieldBox>
            <FieldBox id={`edit-staff-${i}-netid`} label="NetID">
              <input id={`edit-staff-${i}-netid`} maxLength={100} {...text(i, 'netId')} />
            </FieldBox>
          </div>
          <div className="edit-row">
            <FieldBox id={`edit-staff-${i}-hours`} label="Office hours">
              <input id={`edit-staff-${i}-hours`} maxLength={200} {...text(i, 'officeHours')} />
            </FieldBox>
            <FieldBox id={`edit-staff-${i}-where`} label="Office hours place">
              <input id={`edit-staff-${i}-where`} maxLength={200} {...text(i, 'officeLocation')} />
            </FieldBox>
            <FieldBox id={`edit-staff-${i}-url`} label="Web page (https://…)">
              <input id={`edit-staff-${i}-url`} type="url" maxLength={2000} {...text(i, 'url')} />
            </FieldBox>
          </div>
          <RowActions rows={staff} i={i} what={`staff member ${i + 1}`} onChange={setStaff} />
        </fieldset>
      ))}
    </PartForm>
  );
}

export function PoliciesEditor({ view, onSaved }: PartProps) {
  const [policies, setPolicies] = useState<EditPolicy[]>(
    view.policies.map(({ id, title, markdown }) => ({ id, title, markdown })),
  );
  const { error, busy, run } = useSave(onSaved);
  const set = (i: number, patch: Partial<EditPolicy>) =>
    setPolicies(policies.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <PartForm
      id="edit-policies"
      title="Policies"
      error={error}
      busy={busy}
      onSubmit={() => void run(() => editApi.policies(view.slug, policies))}
      addLabel="Add a policy"
      onAdd={() => setPolicies([...policies, { title: '', markdown: '' }])}
      saveLabel="Save policies"
    >
      <p className="hint">Written in Markdown; the Policies page shows it cleaned of scripts and styles.</p>
      {policies.length === 0 ? <p className="muted">No policies yet.</p> : null}
      {policies.map((p, i) => (
        <fieldset key={p.id ?? `new-${i}`} className="edit-reading">
          <legend className="visually-hidden">Policy {i + 1}</legend>
          <FieldBox id={`edit-policy-${i}-title`} label={`Policy ${i + 1} title`}>
            <input
              id={`edit-policy-${i}-title`}
              required
              maxLength={200}
              value={p.title}
              onChange={(e) => set(i, { title: e.target.value })}
            />
          </FieldBox>
          <FieldBox id={`edit-policy-${i}-text`} label={`Policy ${i + 1} text (Markdown)`}>
            <textarea
              id={`edit-policy-${i}-text`}
              rows={6}
              maxLength={50_000}
              value={p.markdown}
              onChange={(e) => set(i, { markdown: e.target.value })}
            />
          </FieldBox>
          <RowActions rows={policies} i={i} what={`policy ${i + 1}`} onChange={setPolicies} />
        </fieldset>
      ))}
    </PartForm>
  );
}
