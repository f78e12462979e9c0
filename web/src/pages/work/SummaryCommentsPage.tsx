// Where a summary's group (and staff) read the summary with its comments: ?key=summary&date=YYYY-MM-DD, and &owner=g:<group> for staff.
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { Empty } from '../../components/states.js';
import { Link, useLocation } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay } from '../../time.js';
import { SummaryComments } from './comments/SummaryComments.js';

export default function SummaryCommentsPage() {
  const course = useCourse();
  useDocumentTitle('Summary and comments', [course.code, course.title].filter(Boolean).join(' '));
  const params = new URLSearchParams(useLocation().search);
  const key = params.get('key') ?? 'summary';
  const date = params.get('date');
  const owner = params.get('owner') ?? undefined;
  if (!course.abilities.viewPrivate)
    return (
      <Empty>
        <h1>Summary and comments</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of the course to read your group’s summary.
        </p>
      </Empty>
    );
  if (!date)
    return (
      <Empty>
        <h1>Summary and comments</h1>
        <p>
          Open a summary from <Link to={coursePageUrl(course.slug, 'due')}>What is due</Link> (students) or
          the grading queue (staff).
        </p>
      </Empty>
    );
  return (
    <>
      <h1>Summary for {formatDay(date)}, with comments</h1>
      <p className="lede">
        Select a passage and press “Comment on selection” to comment on it. Staff and the summary’s group see
        these comments; classmates do not.
      </p>
      <SummaryComments summary={{ slug: course.slug, deliverableKey: key, date, owner }} level={2} />
    </>
  );
}
