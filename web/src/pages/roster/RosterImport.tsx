// Roster CSV import: choose a file, see what each row would do (and every problem), then apply all of it or nothing.
import { useState } from 'react';
import { call, detailsOf, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import type { RosterPlanView } from '../../../../src/contracts/roster.js';

const ACTION_LABEL: Record<string, string> = {
  invite: 'New account, invited by e-mail',
  enroll: 'Enrolled (has an account)',
  restore: 'Restored (was dropped)',
  'change-role': 'Role changed',
  unchanged: 'Already enrolled, unchanged',
};

export function RosterImport({ base, onApplied }: { base: string; onApplied: () => void }) {
  // The bytes previewed are the bytes applied, even if the file on disk changes in between.
  const [bytes, setBytes] = useState<ArrayBuffer | null>(null);
  const [plan, setPlan] = useState<RosterPlanView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function preview(chosen: File) {
    setError(null);
    setNotice(null);
    setPlan(null);
    try {
      const data = await chosen.arrayBuffer();
      setBytes(data);
      setPlan(
        await call<RosterPlanView>('POST', `${base}/roster/import/preview`, undefined, {
          body: data,
          type: 'text/csv',
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function apply() {
    if (!bytes || !plan) return;
    setError(null);
    try {
      const r = await call<{ invited: number }>(
        'POST',
        `${base}/roster/import/apply?fingerprint=${plan.fingerprint}`,
        undefined,
        { body: bytes, type: 'text/csv' },
      );
      setNotice(
        `Roster imported. ${r.invited} new ${r.invited === 1 ? 'person was' : 'people were'} e-mailed an invitation.`,
      );
      setPlan(null);
      setBytes(null);
      onApplied();
    } catch (e) {
      const problems = detailsOf(e)?.problems;
      setError(Array.isArray(problems) ? `${messageOf(e)}` : messageOf(e));
    }
  }

  return (
    <section className="section" aria-labelledby="import-h">
      <h2 id="import-h">Import a roster</h2>
      <p className="muted">
        A CSV file with the columns <code>email</code>, <code>name</code>, and optionally <code>netid</code>{' '}
        and <code>role</code> (student, ta or instructor). You will see what each row does before anything
        changes.
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />
      <p className="field">
        <label htmlFor="roster-file">Roster file (.csv)</label>
        <input
          id="roster-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            // Cleared so that choosing the same (fixed) file again previews it again.
            e.target.value = '';
            if (chosen) void preview(chosen);
          }}
        />
      </p>
      {plan ? (
        <div data-testid="import-preview">
          <h3>Preview</h3>
          <p>
            {plan.problems.length > 0
              ? `${plan.problems.length} problem(s): fix the file and choose it again. Nothing will be imported while any row is wrong.`
              : plan.applicable
                ? 'Every row is fine. Apply to make these changes.'
                : 'Everyone in this file is already on the roster.'}
          </p>
          <div className="table-scroll" data-scroll-container="">
            <table className="plan">
              <caption className="visually-hidden">What each row of the file does</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {plan.problems.map((p, i) => (
                  <tr key={`p${i}`} className="plan-problem">
                    <td>{p.line}</td>
                    <td colSpan={4}>
                      {p.field ? <strong>{p.field}: </strong> : null}
                      {p.message}
                    </td>
                  </tr>
                ))}
                {plan.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.email}</td>
                    <td>{r.name}</td>
                    <td>{r.role}</td>
                    <td>
                      {ACTION_LABEL[r.action]}
                      {r.previousRole && r.action === 'change-role' ? ` (was ${r.previousRole})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button className="button" type="button" disabled={!plan.applicable} onClick={() => void apply()}>
              Apply import
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
