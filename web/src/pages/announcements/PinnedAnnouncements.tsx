// The course home's pinned announcements: the newest three whose time has come, and the way to all of them (and, for staff, to write one).
import { useCallback } from 'react';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { ErrorState, Loading } from '../../components/states.js';
import { useLoaded } from '../../components/use-loaded.js';
import { announcementsApi } from './announcements-client.js';
import { AnnouncementCard } from './AnnouncementsPage.js';
import './announcements.css';

export function PinnedAnnouncements({ slug }: { slug: string }) {
  const { data, error, reload } = useLoaded(useCallback(() => announcementsApi.list(slug), [slug]));
  if (error) return <ErrorState error={error} title="Announcements could not be loaded" onRetry={reload} />;
  if (!data) return <Loading label="Loading announcements" />;
  const shown = data.announcements.filter((a) => !a.scheduled).slice(0, 3);
  if (shown.length === 0 && !data.canWrite) return null;
  return (
    <section className="pinned-announcements" aria-labelledby="pinned-h">
      <h2 id="pinned-h">Announcements</h2>
      {shown.length === 0 ? (
        <p className="muted">Nothing announced yet.</p>
      ) : (
        <ol className="announcements">
          {shown.map((a) => (
            <li key={a.id}>
              <AnnouncementCard a={a} timeZone={data.timeZone} heading={3} />
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={coursePageUrl(slug, 'announcements')}>
          {data.canWrite ? 'Write an announcement, or see all' : 'All announcements'}
        </Link>
      </p>
    </section>
  );
}
