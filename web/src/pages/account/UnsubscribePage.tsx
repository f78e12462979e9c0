// The page an unsubscribe link in a mail opens: one button turns that kind of e-mail off, without signing in.
import { useState } from 'react';
import { useDocumentTitle } from '../../course-context.js';
import { Link, useParams } from '../../router.js';
import { messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { notificationsApi } from '../announcements/announcements-client.js';
import '../../auth/auth.css';

const KIND_WORDS: Record<string, string> = {
  announcements: 'announcements',
  replies: 'replies to you',
  mentions: 'mentions of you',
  discussions: 'new discussions',
  reminders: 'deadline reminders',
  digest: 'everything sent in your daily digest',
};

export default function UnsubscribePage() {
  useDocumentTitle('Unsubscribe');
  const { token = '' } = useParams();
  const kind = token.split('.')[1] ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stop = () => {
    setBusy(true);
    setError(null);
    notificationsApi.unsubscribe(token).then(
      (r) => {
        setBusy(false);
        setDone(
          r.kinds.length === 0
            ? 'Nothing was being sent by digest: no change.'
            : `Done: you will get no more e-mail about ${r.kinds.map((k) => KIND_WORDS[k] ?? k).join(', ')}.`,
        );
      },
      (e: unknown) => {
        setBusy(false);
        setError(messageOf(e));
      },
    );
  };
  return (
    <div className="wrap page">
      <h1>Unsubscribe</h1>
      <p className="lede">
        Stop e-mails about <strong>{KIND_WORDS[kind] ?? 'this kind of notice'}</strong>. You can turn them on
        again in your account’s notification settings.
      </p>
      <FormNotice message={done} />
      <FormError message={error} />
      {done ? (
        <p>
          <Link to="/account">Your notification settings</Link>
        </p>
      ) : (
        <p>
          <button type="button" className="button" onClick={stop} disabled={busy}>
            Stop these e-mails
          </button>
        </p>
      )}
    </div>
  );
}
