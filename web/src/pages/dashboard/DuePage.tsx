// "What is due" for a student: what to do next, then every question, slides, summary and project deadline with countdowns, late items, misses left, receipts.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Html } from '../../components/Html.js';
import { plural } from '../../../../src/contracts/words.js';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Link, useLocation } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { ErrorState, Loading } from '../../components/states.js';
import { noteServerTime, useServerNow } from '../../components/server-now.js';
import { messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { ApiError } from '../../api.js';
import { countdownTo, formatInstant, zoneAbbreviation, zoneName } from '../../time.js';
import {
  STATE_WORDS,
  workApi,
  type DueItem,
  type Receipt,
  type StudentDashboard,
} from '../work/work-client.js';
import { HandInForm } from '../work/HandInForm.js';
import { ReceiptCard } from '../work/ReceiptCard.js';
import { summaryCommentsUrl } from '../work/comments/comments-client.js';
import { CheckIn } from './CheckIn.js';
import { PeerFeedbackDue } from '../peer/PeerFeedbackDue.js';
import { TodaysRoom } from '../room/RoomLink.js';
import { PersonalCalendar } from '../calendar/CalendarFeeds.js';
import {
  NextDeadlines,
  isLateOrMissed,
  isReturned,
  itemAnchor,
  itemName,
  stillTaken,
} from './NextDeadlines.js';
import '../work/work.css';
import { SignInLink } from '../../auth/SignInLink.js';
import '../../auth/auth.css';

/** Forms of work due within this many days are open on the page; later ones sit behind "Hand in early". */
const OPEN_FORMS_WITHIN_MS = 7 * 24 * 3_600_000;

export default function DuePage() {
  const course = useCourse();
  useDocumentTitle('What is due', [course.code, course.title].filter(Boolean).join(' '));
  const { hash } = useLocation();
  const [data, setData] = useState<StudentDashboard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [templates, setTemplates] = useState<Record<string, string>>({});
  const [fresh, setFresh] = useState<Receipt | null>(null);
  const load = useCallback(
    () =>
      workApi.dashboard(course.slug).then(
        (d) => {
          noteServerTime(d.now);
          setData(d);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', messageOf(e))),
      ),
    [course.slug],
  );
  const canSee = course.abilities.viewOwnGrades;
  useEffect(() => {
    if (!canSee) return;
    void load();
    // The template questions the summary starts from; the page works without them.
    workApi.deliverables(course.slug).then(
      (list) =>
        setTemplates(
          Object.fromEntries(list.deliverables.filter((d) => d.template).map((d) => [d.key, d.template!])),
        ),
      () => undefined,
    );
  }, [load, canSee, course.slug]);

  // The page renders after its data arrives, too late for the browser's own jump to #anchor; a folded item unfolds.
  const ready = data !== null;
  useEffect(() => {
    if (!hash || !ready) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    for (let fold = target?.closest('details'); fold; fold = fold.parentElement?.closest('details'))
      fold.open = true;
    target?.scrollIntoView();
  }, [hash, ready]);

  if (!canSee) {
    return (
      <div className="state state-empty">
        <h1>What is due</h1>
        <p>Students see their questions, their group’s work and their receipts here.</p>
        <p>
          {course.abilities.viewAllSubmissions ? (
            <Link to={coursePageUrl(course.slug, 'work')}>
              See everyone’s hand-ins on the staff Hand-ins page
            </Link>
          ) : (
            <SignInLink>Sign in with a student account of this course</SignInLink>
          )}
        </p>
      </div>
    );
  }
  if (!data) {
    return error ? (
      <ErrorState error={error} title="What is due could not be loaded" onRetry={() => void load()} />
    ) : (
      <>
        <h1>What is due</h1>
        <Loading label="Loading your deadlines and receipts" />
      </>
    );
  }
  const zone = course.timeZone;
  // To do is everything the student can act on: returned work and overdue work still taken first, then what is open.
  const actionable = (i: DueItem) => isReturned(i) || stillTaken(i);
  const open = [
    ...data.items.filter(actionable),
    ...data.items.filter((i) => i.state === 'open' && !actionable(i)),
  ];
  // Shown in full: what needs action and what is due within a week; later work is folded under its count.
  const at = Date.parse(data.now);
  const soon = (i: DueItem) => actionable(i) || Date.parse(i.dueAt) - at <= OPEN_FORMS_WITHIN_MS;
  const openNow = open.filter(soon);
  const openLater = open.filter((i) => !soon(i));
  const late = data.items.filter((i) => isLateOrMissed(i) && !actionable(i));
  const done = data.items.filter((i) => i.state === 'done' && !actionable(i)).reverse();
  // What was just handed in stays in view with its receipt; the rest of the history is folded.
  const justIn = (i: DueItem) => fresh !== null && i.receipts.some((r) => r.id === fresh.id);
  const doneShown = done.filter(justIn);
  const doneFolded = done.filter((i) => !justIn(i));
  // Work due before the student joined (or while not enrolled, or before joining the group): never a miss.
  const notTheirs = data.items.filter((i) => i.state === 'before-joined' || i.state === 'not-member');
  const onDone = (receipt: Receipt) => {
    setFresh(receipt);
    void load();
  };
  const card = (item: DueItem) => (
    <DueCard
      item={item}
      data={data}
      template={templates[item.deliverableKey] ?? null}
      fresh={fresh}
      onDone={onDone}
    />
  );
  return (
    <>
      <h1>What is due</h1>
      <p className="lede">
        {data.group ? (
          `You are in ${data.group.name}.`
        ) : (
          <>
            You are not in a group yet: group work (slides, summaries, the project) appears once you{' '}
            <Link to={coursePageUrl(course.slug, 'groups')}>join a group</Link>.
          </>
        )}{' '}
        Times are {zoneName(zone)} ({zoneAbbreviation(data.now, zone)}), the course’s time zone.
      </p>
      {error ? <FormError message={`The list could not be refreshed: ${error.message}`} /> : null}
      <CheckIn />
      <TodaysRoom course={course} />
      <NextDeadlines data={data} onDuePage />
      <PeerFeedbackDue slug={course.slug} />
      {data.policyAcknowledged ? null : (
        <section className="card policy-card" aria-labelledby="policy-title">
          <h2 id="policy-title">Before your first hand-in</h2>
          <div id="policy-text">
            <Html html={data.policyHtml} />
          </div>
          <p className="muted">
            Your first hand-in asks you to tick that you have read and follow this policy; it is asked once.
          </p>
        </section>
      )}
      <section aria-labelledby="due-open-title" id="due-open">
        <h2 id="due-open-title">To do ({open.length})</h2>
        {open.length === 0 ? <p>Nothing is open right now.</p> : null}
        {openNow.length > 0 ? <ItemList items={openNow} render={card} /> : null}
        {openLater.length > 0 ? (
          <details className="due-fold" id="due-later">
            <summary>
              Due later: {plural(openLater.length, 'more item')}, the next due{' '}
              {formatInstant(openLater[0]!.dueAt, zone)}
            </summary>
            <ItemList items={openLater} render={card} />
          </details>
        ) : null}
      </section>
      {late.length > 0 ? (
        <section aria-labelledby="due-late-title" id="due-late">
          <h2 id="due-late-title">Late or missed ({late.length})</h2>
          <details className="due-fold">
            <summary>Show {late.length === 1 ? 'the item' : `the ${late.length} items`}</summary>
            <ItemList items={late} render={card} />
          </details>
        </section>
      ) : null}
      {notTheirs.length > 0 ? (
        <section aria-labelledby="due-before-title" id="due-before">
          <h2 id="due-before-title">Before you joined ({notTheirs.length})</h2>
          <p className="muted">
            These were due before you joined the course or your group (or while you were not enrolled): they
            are not yours, never count as missed and cost none of your allowances.
          </p>
          <details>
            <summary>Show the {notTheirs.length === 1 ? 'item' : `${notTheirs.length} items`}</summary>
            <ul className="before-joined-list">
              {notTheirs.map((item) => (
                <li key={itemAnchor(item)} id={itemAnchor(item)}>
                  <span className={`state-tag state-${item.state}`}>{STATE_WORDS[item.state]}</span>{' '}
                  {itemName(item)} · due <time dateTime={item.dueAt}>{formatInstant(item.dueAt, zone)}</time>
                </li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}
      <section aria-labelledby="due-done-title" id="due-done">
        <h2 id="due-done-title">Handed in ({done.length})</h2>
        {done.length === 0 ? (
          <p>No hand-ins yet. Your receipts will be listed here, newest first.</p>
        ) : (
          <>
            {doneShown.length > 0 ? <ItemList items={doneShown} render={card} /> : null}
            {doneFolded.length > 0 ? (
              <details className="due-fold">
                <summary>
                  Show {doneShown.length > 0 ? 'the other' : 'your'} {plural(doneFolded.length, 'hand-in')}{' '}
                  with {doneFolded.length === 1 ? 'its receipt' : 'their receipts'}, newest first
                </summary>
                <ItemList items={doneFolded} render={card} />
              </details>
            ) : null}
          </>
        )}
      </section>
      <PersonalCalendar slug={course.slug} timeZone={zone} />
    </>
  );
}

function ItemList({ items, render }: { items: DueItem[]; render: (item: DueItem) => ReactNode }) {
  return (
    <ul className="due-list">
      {items.map((item) => (
        <li key={itemAnchor(item)} id={itemAnchor(item)} className={`due-item due-${item.state}`}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}

const LATE_RULE_WORDS: Record<string, string> = {
  accept: 'Late hand-ins are taken.',
  flag: 'Late hand-ins are taken and marked late for staff.',
  zero: 'Late hand-ins are kept but score zero.',
  reject: 'Not taken after the deadline.',
};

const BLOCKER_WORDS: Record<string, string> = {
  'late-rejected': 'Closed: the deadline has passed and late hand-ins are not taken.',
  closed: 'Closed by staff: hand-ins are no longer taken.',
  'not-in-group': 'This is group work: join a group to hand it in.',
  'not-holder': 'Your group does not hold this role for that class.',
  'not-enrolled': 'Only enrolled students hand in work.',
};

const REVIEW_WORDS: Record<string, string> = {
  approved: 'Approved',
  returned: 'Returned',
  comment: 'Comment',
};

/** Versions replaced by a newer one, with what staff said about each (a returned proposal's comments stay readable). */
function EarlierVersions({ item }: { item: DueItem }) {
  const zone = useCourse().timeZone;
  const history = item.history ?? [];
  const newest = new Set<string>();
  const seen = new Set<number | null>();
  for (const v of history) {
    if (!seen.has(v.readingIndex)) newest.add(v.id);
    seen.add(v.readingIndex);
  }
  const earlier = history.filter((v) => !newest.has(v.id));
  if (earlier.length === 0) return null;
  const withComments = earlier.filter((v) => v.reviews.length > 0).length;
  return (
    <details className="due-history" open={withComments > 0}>
      <summary>
        Earlier versions ({earlier.length}){withComments > 0 ? ' and staff’s comments on them' : ''}
      </summary>
      <ol aria-label={`Earlier versions of ${itemName(item)}`}>
        {earlier.map((v) => (
          <li key={v.id}>
            <strong>Version {v.version}</strong>
            {v.readingIndex !== null && item.readings[v.readingIndex]
              ? ` (about “${item.readings[v.readingIndex]}”)`
              : ''}
            , handed in <time dateTime={v.submittedAt}>{formatInstant(v.submittedAt, zone)}</time>
            {v.late ? ', late' : ''}
            {v.counted ? ' — this version counts' : ''}
            {v.reviews.map((r, i) => (
              <div key={i} className={`review review-${r.decision}`}>
                <p>
                  <strong>{REVIEW_WORDS[r.decision] ?? 'Comment'}</strong>{' '}
                  <span className="muted">({formatInstant(r.at, zone)})</span>
                </p>
                {r.body ? <p className="review-body">{r.body}</p> : null}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </details>
  );
}

function DueCard({
  item,
  data,
  template,
  fresh,
  onDone,
}: {
  item: DueItem;
  data: StudentDashboard;
  template: string | null;
  fresh: Receipt | null;
  onDone: (receipt: Receipt) => void;
}) {
  const course = useCourse();
  const now = useServerNow();
  const zone = course.timeZone;
  const id = itemAnchor(item);
  const c = countdownTo(item.dueAt, now);
  const returned = item.review?.decision === 'returned';
  const blocked =
    item.blocker ??
    (item.state !== 'open' && !item.lateAccepted && Date.parse(item.dueAt) < now ? 'late-rejected' : null);
  const canHandIn = !blocked;
  // The form is open for what needs doing soon, late work still taken, and returned work; otherwise one click away.
  const formOpen =
    canHandIn &&
    (returned ||
      stillTaken(item) ||
      (item.state === 'open' && Date.parse(item.dueAt) - now <= OPEN_FORMS_WITHIN_MS));
  const freshHere = fresh !== null && item.receipts.some((r) => r.id === fresh.id);
  const form = (
    <HandInForm
      item={item}
      policy={data.policyAcknowledged ? null : data.policy}
      policyTextId="policy-text"
      template={template}
      members={data.group?.members ?? []}
      now={now}
      onDone={onDone}
    />
  );
  return (
    <article aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {itemName(item)}
        {item.meetingTitle ? <span className="due-topic">: {item.meetingTitle}</span> : null}
      </h3>
      <p className="due-when">
        {returned ? (
          <span className="state-tag state-returned">Returned</span>
        ) : item.decision === 'waiting' ? (
          <span className="state-tag state-waiting">Waiting for staff’s decision</span>
        ) : stillTaken(item) ? (
          <span className="state-tag state-late">Overdue — still taken</span>
        ) : (
          <span className={`state-tag state-${item.state}`}>{STATE_WORDS[item.state]}</span>
        )}
        <span>
          Due <time dateTime={item.dueAt}>{formatInstant(item.dueAt, zone)}</time>{' '}
          {item.state === 'open' || stillTaken(item) || returned ? (
            <strong className={`countdown urgency-${c.urgency}`}>({c.words})</strong>
          ) : (
            <span className="muted">({c.words})</span>
          )}
          {item.needed > 1 ? ` · ${item.handedIn} of ${item.needed} handed in` : ''}
        </span>
      </p>
      {item.extended && item.regularDueAt ? (
        <p className="extension-note">
          Extension granted: due {formatInstant(item.dueAt, zone)} instead of{' '}
          {formatInstant(item.regularDueAt, zone)}.
        </p>
      ) : null}
      {item.lateRule || (item.notes && item.notes.length > 0) ? (
        <p className="muted due-rules">
          {item.lateRule && !item.notes?.some((n) => /\blate\b/i.test(n))
            ? LATE_RULE_WORDS[item.lateRule]
            : ''}
          {item.notes?.map((n) => ` ${n}`)}
        </p>
      ) : null}
      {item.review ? (
        <div className={`review review-${item.review.decision}`}>
          <p>
            <strong>
              {item.review.decision === 'approved'
                ? 'Approved by staff'
                : returned
                  ? 'Returned by staff — change this and hand it in again'
                  : 'Staff comment'}
            </strong>{' '}
            <span className="muted">({formatInstant(item.review.at, zone)})</span>
          </p>
          {item.review.body ? <p className="review-body">{item.review.body}</p> : null}
          {returned && item.resubmitBy ? (
            <p className="resubmit-by">
              <strong>
                Resubmit by <time dateTime={item.resubmitBy}>{formatInstant(item.resubmitBy, zone)}</time>
              </strong>{' '}
              — a new version handed in until then is on time.
            </p>
          ) : null}
        </div>
      ) : null}
      <EarlierVersions item={item} />
      {item.kind === 'summary' && item.meetingDate && item.receipts.length > 0 ? (
        <p className="due-comments-link">
          <Link to={summaryCommentsUrl(course.slug, item.deliverableKey, item.meetingDate)}>
            Read the summary with staff’s and your group’s comments
          </Link>
        </p>
      ) : null}
      {item.receipts.map((r) => (
        <ReceiptCard
          key={r.id}
          receipt={r}
          zone={zone}
          downloadUrl={workApi.downloadUrl(course.slug, r.id)}
          heading={`${itemName(item)}${r.readingIndex !== null && item.readings[r.readingIndex] ? `, question about “${item.readings[r.readingIndex]}”` : ''}`}
          fresh={freshHere && r.id === fresh.id}
        />
      ))}
      {blocked ? (
        <p className="closed-note">{BLOCKER_WORDS[blocked] ?? 'Hand-ins are not taken now.'}</p>
      ) : formOpen ? (
        form
      ) : (
        <details className="hand-in-later">
          <summary>
            {item.receipts.length > 0
              ? 'Hand in a new version'
              : item.state === 'open'
                ? 'Hand in early'
                : 'Hand in'}
          </summary>
          {item.state === 'done' && Date.parse(item.dueAt) < now ? (
            <p className="late-note">
              The deadline has passed: the version you handed in on time still counts unless staff choose
              otherwise.
            </p>
          ) : null}
          {form}
        </details>
      )}
    </article>
  );
}
