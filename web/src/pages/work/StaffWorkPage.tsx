// Staff view of hand-ins: status by class and by deliverable, deliverable settings, extensions, and one student's or group's versions.
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty } from '../../components/states.js';
import { Link, useSearchParams } from '../../router.js';
import { DeliverableSettings } from './staff/DeliverableSettings.js';
import { ExtensionsPanel } from './staff/ExtensionsPanel.js';
import { OwnerDetail } from './staff/OwnerDetail.js';
import { StatusView } from './staff/StatusView.js';
import { workUrl, type StaffView } from './staff/urls.js';
import '../../auth/auth.css';
import './work.css';
import './staff/staff.css';

const TABS: Array<{ view: StaffView; label: string }> = [
  { view: 'status', label: 'Status' },
  { view: 'settings', label: 'Deliverable settings' },
  { view: 'extensions', label: 'Extensions' },
];

export default function StaffWorkPage() {
  const course = useCourse();
  const params = useSearchParams();
  const requested = params.get('view');
  const key = params.get('key');
  const owner = params.get('owner');
  const date = params.get('date');
  const view: StaffView =
    requested === 'settings' || requested === 'extensions'
      ? requested
      : requested === 'owner' && key && owner
        ? 'owner'
        : 'status';
  const label = view === 'owner' ? 'Hand-ins of one owner' : TABS.find((t) => t.view === view)!.label;
  useDocumentTitle(
    view === 'status' ? 'Hand-ins' : `${label} · Hand-ins`,
    [course.code, course.title].filter(Boolean).join(' '),
  );

  if (!course.abilities.viewAllSubmissions) {
    return (
      <Empty>
        <h1>Hand-ins</h1>
        <p>Only the course staff see everyone’s hand-ins.</p>
      </Empty>
    );
  }
  return (
    <>
      <h1>Hand-ins</h1>
      <nav aria-label="Hand-ins views" className="view-tabs">
        <ul>
          {TABS.map((t) => (
            <li key={t.view}>
              <Link
                to={workUrl(course.slug, { view: t.view === 'status' ? null : t.view })}
                aria-current={
                  view === t.view || (view === 'owner' && t.view === 'status') ? 'page' : undefined
                }
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'settings' ? (
        <DeliverableSettings />
      ) : view === 'extensions' ? (
        <ExtensionsPanel />
      ) : view === 'owner' ? (
        <OwnerDetail deliverableKey={key!} owner={owner!} meetingDate={date} />
      ) : (
        <StatusView />
      )}
    </>
  );
}
