// "What is due": the classmates' presentations a student may rate right now, each with when its feedback closes.
import { useEffect, useState } from 'react';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay, instantOf } from '../../time.js';
import { peerApi, type PeerList } from './peer-client.js';
import { peerWindowWords } from './window-words.js';
import './peer.css';

type StudentList = Extract<PeerList, { view: 'student' }>;

export function PeerFeedbackDue({ slug }: { slug: string }) {
  const [list, setList] = useState<StudentList | null>(null);
  useEffect(() => {
    peerApi.list(slug).then(
      (l) => setList(l.view === 'student' ? l : null),
      () => setList(null),
    );
  }, [slug]);
  const open = list?.classes.filter((c) => c.blocker === null) ?? [];
  if (!list || open.length === 0) return null;
  const now = instantOf(list.now);
  return (
    <section aria-labelledby="due-peer-title" id="due-peer">
      <h2 id="due-peer-title">Rate your classmates’ presentations ({open.length})</h2>
      <ul className="peer-classes">
        {open.map((c) => (
          <li key={c.date}>
            <Link to={`${coursePageUrl(slug, 'feedback')}?date=${encodeURIComponent(c.date)}`}>
              {c.rated ? 'Change your rating of' : 'Rate'} the presentation of {formatDay(c.date)}
              {c.title ? `: ${c.title}` : ''}
            </Link>{' '}
            <span className="muted">· {peerWindowWords(c, now, list.timeZone)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
