// Course home: for a signed-in student what to do next first; then the next class, logistics, staff and office hours, description and learning objectives.
import type { CourseDetail } from '../api.js';
import { useCourse, useDocumentTitle } from '../course-context.js';
import { Html } from '../components/Html.js';
import { SafeLink } from '../components/SafeLink.js';
import { NextClassCard } from '../components/NextClass.js';
import { patternLabel } from '../components/meeting-time.js';
import { zoneName } from '../time.js';

type MemberParts = typeof import('./CourseHomeMember.js');
let memberParts: MemberParts | null = null;
let memberLoad: Promise<MemberParts> | null = null;

function loadMemberParts(): Promise<MemberParts> {
  return (memberLoad ??= import('./CourseHomeMember.js').then((module) => (memberParts = module)));
}

function isMember(course: CourseDetail): boolean {
  return course.abilities.viewPrivate === true || course.abilities.viewOwnGrades === true;
}

/**
 * @public (called through the routes table's PageModule)
 * Loads the code of what `course`'s viewer sees beyond a visitor's home (all of it for `null`: the server renders
 * for every viewer), so that the page renders at once; a visitor's home needs none.
 */
export async function loadParts(course: CourseDetail | null): Promise<void> {
  if (!course || isMember(course)) await loadMemberParts();
}

/** The member parts' code, or a suspension until it is in (a page reached by a link, not preloaded). */
function memberCode(): MemberParts {
  if (!memberParts) throw loadMemberParts();
  return memberParts;
}

export default function CourseHomePage() {
  const course = useCourse();
  useDocumentTitle([course.code, course.title].filter(Boolean).join(' '));
  const hasLogistics = course.location || course.pattern || course.forum || course.staffEmail;
  const member = isMember(course) ? memberCode() : null;
  return (
    <div className="home">
      {member && course.abilities.viewPrivate ? <member.PinnedAnnouncements slug={course.slug} /> : null}
      {member && course.abilities.viewOwnGrades ? (
        <>
          <member.CheckIn />
          <member.NextDeadlinesLoader />
        </>
      ) : null}
      <NextClassCard course={course} />

      {hasLogistics ? (
        <section aria-labelledby="logistics">
          <h2 id="logistics">Logistics</h2>
          <dl className="facts">
            {course.pattern ? (
              <div>
                <dt>Class meets</dt>
                <dd>
                  {patternLabel(course.pattern)} <span className="muted">({zoneName(course.timeZone)})</span>
                </dd>
              </div>
            ) : null}
            {course.location ? (
              <div>
                <dt>Room</dt>
                <dd>{course.location}</dd>
              </div>
            ) : null}
            {course.forum ? (
              <div>
                <dt>Forum</dt>
                <dd>
                  <SafeLink href={course.forum.url}>{course.forum.label}</SafeLink>
                </dd>
              </div>
            ) : null}
            {course.staffEmail ? (
              <div>
                <dt>Staff e-mail</dt>
                <dd>
                  <a href={`mailto:${course.staffEmail}`}>{course.staffEmail}</a>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {course.staff.length > 0 ? (
        <section aria-labelledby="staff">
          <h2 id="staff">Staff and office hours</h2>
          <ul className="staff">
            {course.staff.map((s) => (
              <li key={s.name} className="card">
                <h3>{s.url ? <SafeLink href={s.url}>{s.name}</SafeLink> : s.name}</h3>
                <p className="staff-role">
                  {roleLabel(s.role)}
                  {s.netId ? <span className="muted"> · NetID {s.netId}</span> : null}
                </p>
                <p>
                  <span className="label">Office hours:</span> {s.officeHours ?? 'to be announced'}
                  {s.officeLocation ? (
                    <>
                      <br />
                      <span className="label">Where:</span> {s.officeLocation}
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {course.descriptionHtml ? (
        <section aria-labelledby="about">
          <h2 id="about">About the course</h2>
          <Html html={course.descriptionHtml} />
        </section>
      ) : null}

      {course.objectives.length > 0 ? (
        <section aria-labelledby="objectives">
          <h2 id="objectives">Learning objectives</h2>
          <p>At the end of the course you will be able to:</p>
          <ul className="objectives">
            {course.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function roleLabel(role: string): string {
  if (role.toLowerCase() === 'ta') return 'Teaching assistant';
  return role.charAt(0).toUpperCase() + role.slice(1);
}
