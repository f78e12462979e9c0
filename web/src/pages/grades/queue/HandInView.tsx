// The hand-in beside the rubric: a summary's Markdown rendered safely, a PDF shown inline, any other file as a download; or why there is none.
import { MarkdownPreview } from '../../../components/MarkdownPreview.js';
import { formatInstant } from '../../../time.js';
import { SummaryComments } from '../../work/comments/SummaryComments.js';
import type { QueueEntry, QueueItem } from './queue-client.js';

const OUTCOME: Record<NonNullable<QueueEntry['handIn']>['outcome'], string> = {
  'on-time': 'on time',
  late: 'late',
  'late-zero': 'late — scores zero',
};

export function HandInView({
  slug,
  item,
  entry,
  timeZone,
}: {
  slug: string;
  item: QueueItem;
  entry: QueueEntry;
  timeZone: string;
}) {
  const h = entry.handIn;
  if (!item.handIn)
    return (
      <section className="handin" aria-labelledby="handin-title">
        <h3 id="handin-title">Hand-in</h3>
        {entry.participation ? (
          <p>
            Computed from the record: <strong>{entry.participation.percent ?? '—'} %</strong>. Classes missed{' '}
            {entry.participation.attendance.missed} ({entry.participation.attendance.allowance} allowed,{' '}
            {entry.participation.attendance.penalized} counted); question days missed{' '}
            {entry.participation.questions.missed} ({entry.participation.questions.allowance} allowed,{' '}
            {entry.participation.questions.penalized} counted).
          </p>
        ) : null}
        <p className="muted">This item has nothing to hand in: grade it from the record.</p>
      </section>
    );
  if (!h)
    return (
      <section className="handin" aria-labelledby="handin-title">
        <h3 id="handin-title">Hand-in</h3>
        <p className="handin-none">
          Nothing handed in{entry.state === 'missing' ? ' — missing after its deadline' : ' yet'}.
        </p>
      </section>
    );
  const href = `/api/courses/${encodeURIComponent(slug)}/submissions/${encodeURIComponent(h.submissionId)}/download`;
  const pdf = h.file?.type === 'pdf';
  return (
    <section className="handin" aria-labelledby="handin-title">
      <h3 id="handin-title">Hand-in</h3>
      <p className="muted handin-meta">
        Handed in {formatInstant(h.submittedAt, timeZone)}, {OUTCOME[h.outcome]}
        {h.file ? ` · ${h.file.name}${h.file.pages !== null ? `, ${h.file.pages} pages` : ''}` : ''} ·{' '}
        <a href={href} download>
          Download<span className="visually-hidden"> the hand-in of {entry.name}</span>
        </a>
      </p>
      {h.text !== null && item.meetingDate && item.key.includes('@') ? (
        // A summary of a class: shown with its comments (any other text hand-in answers 404 and is shown plainly).
        <SummaryComments
          key={entry.subject}
          summary={{
            slug,
            deliverableKey: item.key.split('@')[0]!,
            date: item.meetingDate,
            owner: entry.subject,
          }}
          compact
          level={4}
          notSummary={
            <div className="handin-text">
              <MarkdownPreview source={h.text} base={4} />
            </div>
          }
        />
      ) : h.text !== null ? (
        <div className="handin-text">
          <MarkdownPreview source={h.text} base={4} />
        </div>
      ) : pdf ? (
        <iframe
          className="handin-pdf"
          src={`${href}?inline=1`}
          title={`${h.file!.name}, handed in by ${entry.name}`}
        />
      ) : (
        <p>This file type cannot be shown here: download it to read it.</p>
      )}
    </section>
  );
}
