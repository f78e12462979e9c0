// The hand-in form of one due item: a question per reading, Markdown text (from the template, with a preview) or a file; the policy tick on the first hand-in; progress and errors by their field.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useCourse } from '../../course-context.js';
import { detailsOf, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { MarkdownPreview } from '../../components/MarkdownPreview.js';
import { meetingTopic } from '../../components/meeting-time.js';
import { formatDay } from '../../time.js';
import { TYPE_WORDS, fileProblem, typeList } from './file-check.js';
import { bytes, workApi, type DueItem, type Receipt } from './work-client.js';
import '../../auth/auth.css';

const LATE_NOW: Record<string, string> = {
  accept: 'The deadline has passed: this hand-in will be recorded as late.',
  flag: 'The deadline has passed: this hand-in will be marked late for staff.',
  zero: 'The deadline has passed: this hand-in is kept and shown, but scores zero (late work is not counted).',
};

type Mode = 'text' | 'file';

export function HandInForm({
  item,
  policy,
  policyTextId,
  template,
  members = [],
  now,
  onDone,
}: {
  item: DueItem;
  /** The policy to acknowledge on the first hand-in, or null once acknowledged. */
  policy: string | null;
  /** The id of the policy's text shown once on the page; the form then shows only the tick box. */
  policyTextId?: string;
  /** The Markdown the text starts from (the summary's template questions), or null. */
  template: string | null;
  /** The group's members' names: the template's "Group: <members>" line is filled with them. */
  members?: string[];
  now: number;
  onDone: (receipt: Receipt) => void;
}) {
  const course = useCourse();
  const id = useId();
  const isQuestion = item.deliverableKey === 'question';
  const meeting = course.meetings.find((m) => m.date === item.meetingDate);
  const lecture = item.meetingTitle ?? (meeting ? meetingTopic(meeting) : null) ?? 'Lecture';
  const memberNames = members.join(', ');
  const fromTemplate = (t: string) => {
    const text = t.replace('<lecture title>', lecture);
    return memberNames ? text.replace('<members>', memberNames) : text;
  };
  const startText = template && item.receipts.length === 0 ? fromTemplate(template) : '';
  const [texts, setTexts] = useState<string[]>(() =>
    isQuestion ? item.readings.map(() => '') : [startText],
  );
  const [mode, setMode] = useState<Mode>(item.acceptsText ? 'text' : 'file');
  const [preview, setPreview] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [askPolicy, setAskPolicy] = useState<string | null>(policy);
  // The page shows the policy once; a form only repeats it when the server asked for it here.
  const [policyAbove, setPolicyAbove] = useState(policyTextId !== undefined && policy !== null);
  // The template may arrive after the form: start from it if nothing has been written yet.
  useEffect(() => {
    if (startText) setTexts((old) => (old.length === 1 && old[0] === '' ? [startText] : old));
  }, [startText]);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const types = item.fileTypes ?? [];
  const maxBytes = item.maxBytes ?? null;
  const maxChars = item.maxTextChars ?? (isQuestion ? 1000 : 50000);
  const past = Date.parse(item.dueAt) < now;
  const lateWords = past ? LATE_NOW[item.lateRule ?? 'accept'] : null;
  const answered = new Set(item.receipts.map((r) => r.readingIndex));

  function focusFirstProblem(keys: string[]) {
    const first = keys[0];
    if (!first) return;
    requestAnimationFrame(() =>
      form.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${first}`)}`)?.focus(),
    );
  }

  function problems(): Record<string, string> {
    const found: Record<string, string> = {};
    if (mode === 'file') {
      if (!file) found.file = `Choose a ${typeList(types)} file first.`;
      else {
        const problem = fileProblem(file, types, maxBytes);
        if (problem) found.file = problem;
      }
    } else if (isQuestion) {
      if (texts.every((t) => t.trim() === '')) found.t0 = 'Write a question about at least one reading.';
      texts.forEach((t, i) => {
        if (Array.from(t.trim()).length > maxChars)
          found[`t${i}`] = `Shorten this question to ${maxChars} characters.`;
      });
    } else {
      const text = texts[0] ?? '';
      if (text.trim() === '')
        found.t0 = item.acceptsFiles
          ? 'Write your text here, or choose “Upload a file” above.'
          : 'Write your text first.';
      else if (startText && text.trim() === startText.trim())
        found.t0 = 'This is still the template: answer its questions before handing in.';
      else if (Array.from(text.trim()).length > maxChars)
        found.t0 = `The text is longer than ${maxChars} characters; shorten it.`;
    }
    if (askPolicy && !ack)
      found.ack = 'Tick this box to acknowledge the policy; it is asked once, on your first hand-in.';
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const found = problems();
    setFieldErrors(found);
    if (Object.keys(found).length > 0) {
      setPreview(false);
      focusFirstProblem(Object.keys(found));
      return;
    }
    setBusy(true);
    let last: Receipt | null = null;
    try {
      if (mode === 'file' && file) {
        setProgress(0);
        last = await workApi.uploadWithProgress(
          course.slug,
          { deliverableKey: item.deliverableKey, meetingDate: item.meetingDate, acknowledgePolicy: ack },
          file,
          setProgress,
        );
      } else {
        for (const [i, text] of texts.entries()) {
          if (text.trim() === '') continue;
          try {
            last = await workApi.submitText(course.slug, {
              deliverableKey: item.deliverableKey,
              meetingDate: item.meetingDate,
              readingIndex: isQuestion ? i : null,
              text,
              acknowledgePolicy: ack,
            });
          } catch (e) {
            // Say which question failed; the ones before it are handed in (their receipts show after the reload).
            (e as { field?: string }).field = `t${i}`;
            throw e;
          }
        }
      }
      if (last) {
        if (fileInput.current) fileInput.current.value = '';
        setFile(null);
        // Handed in: the receipt shows above; empty fields say there is nothing pending here.
        setTexts((old) => old.map(() => ''));
        onDone(last);
      }
    } catch (e) {
      const details = detailsOf(e);
      const reason = typeof details?.reason === 'string' ? details.reason : null;
      if (reason === 'policy-acknowledgement-required') {
        setAskPolicy(String(details?.policy ?? 'Read the course’s academic-integrity and AI-tool policy.'));
        setPolicyAbove(false);
        setFieldErrors({
          ack: 'Tick this box to acknowledge the policy; it is asked once, on your first hand-in.',
        });
        focusFirstProblem(['ack']);
      } else if (
        mode === 'file' &&
        (e as { status?: number }).status !== 0 &&
        ['too_large', 'file_rejected'].includes((e as { code?: string }).code ?? '')
      ) {
        setFieldErrors({
          file: `${messageOf(e)} Nothing was recorded; choose the right file and hand it in again.`,
        });
        focusFirstProblem(['file']);
      } else if ((e as { field?: string }).field && (e as { code?: string }).code === 'invalid_input') {
        const key = (e as { field: string }).field;
        setFieldErrors({ [key]: messageOf(e) });
        focusFirstProblem([key]);
      } else {
        const closed = reason === 'late-rejected' || reason === 'closed';
        const offline = (e as { status?: number }).status === 0;
        setError(
          offline
            ? `Your work did not reach the server, so nothing was handed in. Check your connection and try again${mode === 'text' ? '; what you wrote is still here' : ''}.`
            : closed
              ? `${messageOf(e)} Nothing was recorded.`
              : messageOf(e),
        );
      }
      if (last) onDone(last);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const describe = (key: string, hint?: string) =>
    [fieldErrors[key] ? `${id}-${key}-error` : null, hint ? `${id}-${key}-hint` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const fieldError = (key: string) =>
    fieldErrors[key] ? (
      <span className="field-error" id={`${id}-${key}-error`}>
        {fieldErrors[key]}
      </span>
    ) : null;
  const fileHint = `${typeList(types)}${maxBytes ? `, up to ${bytes(maxBytes)}` : ''}. The type is checked by the file’s content.`;
  const submitWords = past ? 'Hand in late' : item.receipts.length > 0 ? 'Hand in a new version' : 'Hand in';

  return (
    <form
      ref={form}
      className="hand-in"
      onSubmit={submit}
      noValidate
      aria-busy={busy}
      aria-label={`Hand in ${item.title}${item.meetingDate ? ` for ${formatDay(item.meetingDate)}` : ''}`}
    >
      {item.acceptsText && item.acceptsFiles ? (
        <fieldset className="hand-in-mode">
          <legend>How do you hand it in?</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'text'}
              onChange={() => setMode('text')}
            />{' '}
            Write in the browser
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'file'}
              onChange={() => setMode('file')}
            />{' '}
            Upload a file ({typeList(types)})
          </label>
        </fieldset>
      ) : null}

      {mode === 'text' && isQuestion
        ? texts.map((text, i) => (
            <div className="field" key={i}>
              <label htmlFor={`${id}-t${i}`}>Your question about “{item.readings[i] ?? 'the reading'}”</label>
              <textarea
                id={`${id}-t${i}`}
                rows={3}
                value={text}
                aria-invalid={fieldErrors[`t${i}`] ? true : undefined}
                aria-describedby={describe(`t${i}`, 'hint')}
                onChange={(e) => setTexts(texts.map((t, j) => (j === i ? e.target.value : t)))}
              />
              <span className="hint" id={`${id}-t${i}-hint`}>
                {answered.has(i) ? 'Already handed in; writing here hands in a new version. ' : ''}
                {Array.from(text).length} of {maxChars} characters
              </span>
              {fieldError(`t${i}`)}
            </div>
          ))
        : null}

      {mode === 'text' && !isQuestion ? (
        <div className="field">
          <div className="editor-head">
            <label htmlFor={`${id}-t0`}>Write it here (Markdown)</label>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-pressed={preview}
              onClick={() => setPreview(!preview)}
            >
              {preview ? 'Back to writing' : 'Preview'}
            </button>
          </div>
          {preview ? (
            <div className="preview-box" aria-label="Preview" role="region">
              <MarkdownPreview source={texts[0] ?? ''} />
            </div>
          ) : (
            <textarea
              id={`${id}-t0`}
              rows={14}
              value={texts[0] ?? ''}
              aria-invalid={fieldErrors.t0 ? true : undefined}
              aria-describedby={describe('t0', 'hint')}
              onChange={(e) => setTexts([e.target.value])}
            />
          )}
          <span className="hint" id={`${id}-t0-hint`}>
            {startText ? 'Starts from the template questions: write your answer under each. ' : ''}
            Markdown: # heading, - list, **bold**, *italic*. {Array.from(texts[0] ?? '').length} of {maxChars}{' '}
            characters.
          </span>
          {fieldError('t0')}
          {template && !startText ? (
            <p>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setTexts([fromTemplate(template)])}
              >
                Start again from the template
              </button>
            </p>
          ) : null}
        </div>
      ) : null}

      {mode === 'file' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>{item.acceptsText ? 'File' : `File (${typeList(types)})`}</label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept={types.flatMap((t) => TYPE_WORDS[t]?.accept ?? [`.${t}`]).join(',') || undefined}
            aria-invalid={fieldErrors.file ? true : undefined}
            aria-describedby={describe('file', 'hint')}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              const problem = chosen ? fileProblem(chosen, types, maxBytes) : null;
              setFieldErrors((old) => {
                const next = { ...old };
                if (problem) next.file = problem;
                else delete next.file;
                return next;
              });
            }}
          />
          <span className="hint" id={`${id}-file-hint`}>
            {file && !fieldErrors.file ? `Chosen: ${file.name}, ${bytes(file.size)}. ` : ''}
            {fileHint}
          </span>
          {fieldError('file')}
        </div>
      ) : null}

      {askPolicy ? (
        <fieldset className={policyAbove ? 'policy-ack policy-ack-short' : 'policy-ack'}>
          <legend>Academic integrity and AI tools (asked once)</legend>
          {policyAbove ? null : <p id={`${id}-policy`}>{askPolicy}</p>}
          <label>
            <input
              id={`${id}-ack`}
              type="checkbox"
              checked={ack}
              aria-invalid={fieldErrors.ack ? true : undefined}
              aria-describedby={[describe('ack'), policyAbove ? policyTextId : `${id}-policy`]
                .filter(Boolean)
                .join(' ')}
              onChange={(e) => {
                setAck(e.target.checked);
                if (e.target.checked) setFieldErrors((old) => ({ ...old, ack: '' }));
              }}
            />{' '}
            I have read and follow the academic-integrity and AI-tool policy
            {policyAbove ? ' (shown at the top of this page)' : ''}.
          </label>
          {fieldErrors.ack ? fieldError('ack') : null}
        </fieldset>
      ) : null}

      {lateWords ? <p className="late-note">{lateWords}</p> : null}
      <FormError message={error} />
      {progress !== null ? (
        <p className="upload-progress" role="status">
          <label htmlFor={`${id}-progress`}>{progress < 1 ? 'Uploading' : 'Checking the file'}</label>{' '}
          <progress id={`${id}-progress`} max={1} value={progress} /> {Math.round(progress * 100)} %
        </p>
      ) : null}
      <div className="hand-in-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? (mode === 'file' ? 'Uploading…' : 'Handing in…') : submitWords}
        </button>
      </div>
    </form>
  );
}
