// Canvas roster: upload a Canvas gradebook or roster export, see who matched (and how), which rows did not and why, what would change; then confirm.
import { useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import type { CanvasPlanView } from '../../../../src/contracts/roster.js';

const FIELD_LABEL: Record<string, string> = {
  canvasId: 'Canvas ID',
  sisUserId: 'SIS User ID',
  sisLoginId: 'SIS Login ID',
};

export function CanvasRoster({ base }: { base: string }) {
  // The bytes previewed are the bytes confirmed.
  const [bytes, setBytes] = useState<ArrayBuffer | null>(null);
  const [plan, setPlan] = useState<CanvasPlanView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function preview(chosen: File) {
    setError(null);
    setNotice(null);
    setPlan(null);
    setBusy(true);
    try {
      const data = await chosen.arrayBuffer();
      setBytes(data);
      setPlan(
        await call<CanvasPlanView>('POST', `${base}/roster/canvas/preview`, undefined, {
          body: data,
          type: 'text/csv',
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!bytes || !plan) return;
    setError(null);
    setBusy(true);
    try {
      const r = await call<{ updated: number }>(
        'POST',
        `${base}/roster/canvas/confirm?fingerprint=${plan.fingerprint}`,
        undefined,
        { body: bytes, type: 'text/csv' },
      );
      setNotice(
        `Canvas ids stored for ${r.updated} ${r.updated === 1 ? 'student' : 'students'}; the Canvas gradebook download now carries them.`,
      );
      setPlan(null);
      setBytes(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="canvas-h">
      <h2 id="canvas-h">Canvas roster</h2>
      <p className="muted">
        Upload a Canvas gradebook export (or a roster export) as CSV. Students are matched by SIS Login ID or
        e-mail; you see who matched, which rows did not and why, and what would change before anything does.
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />
      <p className="field">
        <label htmlFor="canvas-file">Canvas export (.csv)</label>
        <input
          id="canvas-file"
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            e.target.value = '';
            if (chosen) void preview(chosen);
          }}
        />
      </p>
      {busy && !plan ? <p aria-live="polite">Reading the file…</p> : null}
      {plan ? (
        <div data-testid="canvas-preview">
          <h3>Preview</h3>
          <p>
            {plan.counts.matched} matched, {plan.counts.changed} to update, {plan.counts.unmatched} unmatched
            {plan.counts.notInFile > 0
              ? `, ${plan.counts.notInFile} students of this course not in the file`
              : ''}
            .{' '}
            {plan.applicable
              ? 'Confirm to store the Canvas ids of the matched students; unmatched rows change nothing.'
              : 'Nothing would change.'}
          </p>
          <div
            className="table-scroll"
            data-scroll-container=""
            tabIndex={0}
            role="region"
            aria-label="Canvas preview (scrolls sideways)"
          >
            <table className="plan">
              <caption className="visually-hidden">What each row of the Canvas file does</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {plan.unmatched.map((u) => (
                  <tr key={`u${u.line}`} className="plan-problem">
                    <td>{u.line}</td>
                    <td>{u.name || u.sisLoginId || u.email}</td>
                    <td>Not matched: {u.why}</td>
                  </tr>
                ))}
                {plan.matched.map((m) => (
                  <tr key={`m${m.line}`}>
                    <td>{m.line}</td>
                    <td>
                      {m.name} <span className="muted">({m.email})</span>
                    </td>
                    <td>
                      Matched by {m.matchedBy === 'email' ? 'e-mail' : 'SIS Login ID'}
                      {m.changes.length === 0
                        ? '; unchanged'
                        : `; ${m.changes.map((c) => `${FIELD_LABEL[c.field]} from ${c.from ?? '(none)'} to ${c.to}`).join(', ')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.notInFile.length > 0 ? (
            <p className="muted">Not in the file: {plan.notInFile.map((p) => p.name).join(', ')}.</p>
          ) : null}
          <p>
            <button
              className="button"
              type="button"
              disabled={!plan.applicable || busy}
              onClick={() => void confirm()}
            >
              Confirm Canvas ids
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
