// The hand-in form of one due item: a question per reading, Markdown text (from the template), or a file; the policy tick on the first hand-in.
import { useId, useState, type FormEvent } from 'react';
import { useCourse } from '../../course-context.js';
import { detailsOf, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { workApi, type DueItem, type Receipt } from './work-client.js';

export function HandInForm({ item, policy, onDone }: { item: DueItem; policy: string | null; onDone: () => void }) {
  const course = useCourse();
  const id = useId();
  const isQuestion = item.deliverableKey === 'question';
  const [texts, setTexts] = useState<string[]>(() => (isQuestion ? item.readings.map(() => '') : ['']));
  const [file, setFile] = useState<File | null>(null);
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Receipt | null>(null);
  const [askPolicy, setAskPolicy] = useState<string | null>(policy);

  async function useTemplate() {
    const list = await workApi.deliverables(course.slug);
    const template = list.deliverables.find((d) => d.key === item.deliverableKey)?.template ?? '';
    setTexts([template.replace('<lecture title>', item.meetingTitle ?? 'Lecture')]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (askPolicy && !ack) {
      setError('Tick the box to acknowledge the academic-integrity and AI-tool policy first.');
      return;
    }
    setBusy(true);
    try {
      let last: Receipt | null = null;
      if (file) {
        last = await workApi.upload(course.slug, { deliverableKey: item.deliverableKey, meetingDate: item.meetingDate, acknowledgePolicy: ack }, file);
      } else {
        for (const [i, text] of texts.entries()) {
          if (text.trim() === '') continue;
          last = await workApi.submitText(course.slug, { deliverableKey: item.deliverableKey, meetingDate: item.meetingDate, readingIndex: isQuestion ? i : null, text, acknowledgePolicy: ack });
        }
        if (!last) throw new Error('empty');
      }
      setDone(last);
      onDone();
    } catch (e) {
      const details = detailsOf(e);
      if (details?.reason === 'policy-acknowledgement-required') setAskPolicy(String(details.policy ?? ''));
      setError(e instanceof Error && e.message === 'empty' ? 'Write something or choose a file first.' : messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="hand-in" onSubmit={submit} aria-label={`Hand in ${item.title}${item.meetingDate ? ` for ${item.meetingDate}` : ""}`}>
      {item.acceptsText
        ? texts.map((text, i) => (
            <div className="field" key={i}>
              <label htmlFor={`${id}-t${i}`}>{isQuestion ? `Your question about “${item.readings[i] ?? 'the reading'}”` : 'Write it here (Markdown)'}</label>
              <textarea id={`${id}-t${i}`} rows={isQuestion ? 3 : 12} maxLength={isQuestion ? 1000 : 50000} value={text} onChange={(e) => setTexts(texts.map((t, j) => (j === i ? e.target.value : t)))} />
            </div>
          ))
        : null}
      {item.acceptsText && !isQuestion ? (
        <p>
          <button type="button" className="button button-quiet" onClick={() => void useTemplate()}>
            Start from the template
          </button>
        </p>
      ) : null}
      {item.acceptsFiles ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>{item.acceptsText ? 'Or upload a file' : 'File'}</label>
          <input id={`${id}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      ) : null}
      {askPolicy ? (
        <div className="policy-ack">
          <p>{askPolicy}</p>
          <label>
            <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} /> I have read and follow the academic-integrity and AI-tool policy.
          </label>
        </div>
      ) : null}
      <FormError message={error} />
      {done ? (
        <p className="hand-in-ok" role="status">
          Handed in: receipt {done.sha256.slice(0, 12)}… ({done.outcome === 'on-time' ? 'on time' : done.outcome === 'late' ? 'late' : 'late, scores zero'}).
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Handing in…' : 'Hand in'}
      </button>
    </form>
  );
}
