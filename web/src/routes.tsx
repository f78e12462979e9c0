// The routes table of the site: one entry per page, lazily loaded so each page ships only its own code.
import { createElement, lazy, type ComponentType } from 'react';
import type { CourseDetail } from './api.js';

type PageModule = {
  default: ComponentType;
  /** Loads the code of the parts the page shows this course's viewer (null: every viewer's), for a render at once. */
  loadParts?: (course: CourseDetail | null) => Promise<void>;
};

export interface PageRoute {
  /** Downloads the page's code (also used to start it early, while data loads). */
  load: () => Promise<PageModule>;
  page: ComponentType;
}

export interface SitePageRoute extends PageRoute {
  /** Path pattern for matchPath: "/", "/login", "/account/:tab". */
  pattern: string;
}

export interface CoursePageRoute extends PageRoute {
  /** Path below /courses/:slug ('' for the course home). */
  path: string;
  /** Label in the course navigation. */
  label: string;
  /** Shown (in the navigation) only to viewers with this ability in course.abilities; to everyone when absent. */
  ability?: string;
  /** Reached from other pages (a class on the schedule, What is due), not from the navigation. */
  unlisted?: boolean;
  /** Listed with the course's reference pages (under the Course menu for members) though it needs an ability. */
  withCourse?: boolean;
}

/** A page whose code loads on first use; once loaded (or preloaded, to hydrate a server-rendered page) it renders at once. */
function lazyPage(load: () => Promise<PageModule>): PageRoute {
  let ready: ComponentType | null = null;
  const keep = () =>
    load().then((module) => {
      ready = module.default;
      return module;
    });
  const Lazy = lazy(keep);
  return { load: keep, page: () => createElement(ready ?? Lazy) };
}

/** Pages outside any course. Later pages (sign-in, account) add an entry here. */
export const sitePages: SitePageRoute[] = [
  { pattern: '/', ...lazyPage(() => import('./pages/CoursesPage.js')) },
  { pattern: '/sign-in', ...lazyPage(() => import('./pages/auth/SignInPage.js')) },
  { pattern: '/forgot-password', ...lazyPage(() => import('./pages/auth/ForgotPasswordPage.js')) },
  { pattern: '/reset-password', ...lazyPage(() => import('./pages/auth/SetPasswordPage.js')) },
  { pattern: '/invitation', ...lazyPage(() => import('./pages/auth/InvitationPage.js')) },
  { pattern: '/setup', ...lazyPage(() => import('./pages/auth/SetupPage.js')) },
  { pattern: '/join', ...lazyPage(() => import('./pages/auth/JoinPage.js')) },
  { pattern: '/join/confirm', ...lazyPage(() => import('./pages/auth/JoinConfirmPage.js')) },
  { pattern: '/account', ...lazyPage(() => import('./pages/account/AccountPage.js')) },
  { pattern: '/admin', ...lazyPage(() => import('./pages/admin/AdminPage.js')) },
  { pattern: '/admin/new-course', ...lazyPage(() => import('./pages/admin/NewCoursePage.js')) },
  { pattern: '/unsubscribe/:token', ...lazyPage(() => import('./pages/account/UnsubscribePage.js')) },
];

/**
 * Pages of one course, in navigation order. Pages added later (groups, submissions) append an
 * entry here; CourseNav and the router both read this table.
 */
export const coursePages: CoursePageRoute[] = [
  { path: '', label: 'Home', ...lazyPage(() => import('./pages/CourseHomePage.js')) },
  {
    path: 'today',
    label: 'Today',
    ability: 'viewAllSubmissions',
    ...lazyPage(() => import('./pages/today/TodayPage.js')),
  },
  { path: 'schedule', label: 'Schedule', ...lazyPage(() => import('./pages/SchedulePage.js')) },
  { path: 'grading', label: 'Grading', ...lazyPage(() => import('./pages/GradingPage.js')) },
  { path: 'policies', label: 'Policies', ...lazyPage(() => import('./pages/PoliciesPage.js')) },
  { path: 'project', label: 'Project', ...lazyPage(() => import('./pages/ProjectPage.js')) },
  { path: 'resources', label: 'Resources', ...lazyPage(() => import('./pages/ResourcesPage.js')) },
  {
    path: 'edit',
    label: 'Edit course',
    ability: 'manageCourse',
    ...lazyPage(() => import('./pages/edit/EditCoursePage.js')),
  },
  {
    path: 'roster',
    label: 'Roster',
    ability: 'viewRoster',
    ...lazyPage(() => import('./pages/roster/RosterPage.js')),
  },
  {
    path: 'syllabus',
    label: 'Syllabus import',
    ability: 'importSyllabus',
    ...lazyPage(() => import('./pages/syllabus/SyllabusImportPage.js')),
  },
  {
    path: 'audit',
    label: 'Audit log',
    ability: 'viewAuditLog',
    ...lazyPage(() => import('./pages/roster/AuditPage.js')),
  },
  {
    path: 'groups',
    label: 'Groups',
    ability: 'viewPrivate',
    ...lazyPage(() => import('./pages/groups/GroupsPage.js')),
  },
  {
    path: 'ranking',
    label: 'Ranking',
    ability: 'manageOwnGroup',
    ...lazyPage(() => import('./pages/groups/RankingPage.js')),
  },
  {
    path: 'my-roles',
    label: 'My roles',
    ability: 'manageOwnGroup',
    ...lazyPage(() => import('./pages/my-roles/MyRolesPage.js')),
  },
  {
    path: 'assignment',
    label: 'Assignment',
    ability: 'runAssignment',
    ...lazyPage(() => import('./pages/assignment/AssignmentPage.js')),
  },
  {
    path: 'due',
    label: 'What is due',
    ability: 'viewOwnGrades',
    ...lazyPage(() => import('./pages/dashboard/DuePage.js')),
  },
  {
    path: 'grades/mine',
    label: 'My grades',
    ability: 'viewOwnGrades',
    ...lazyPage(() => import('./pages/grades/mine/MyGradesPage.js')),
  },
  {
    path: 'grades/regrades',
    label: 'Regrade requests',
    ability: 'grade',
    ...lazyPage(() => import('./pages/grades/regrades/RegradesPage.js')),
  },
  {
    path: 'feedback',
    label: 'Peer feedback',
    ability: 'viewPrivate',
    unlisted: true,
    ...lazyPage(() => import('./pages/peer/PeerFeedbackPage.js')),
  },
  {
    path: 'discussions',
    label: 'Discussions',
    ability: 'viewPrivate',
    withCourse: true,
    ...lazyPage(() => import('./pages/discussions/DiscussionsPage.js')),
  },
  {
    path: 'summary',
    label: 'Summary and comments',
    ability: 'viewPrivate',
    unlisted: true,
    ...lazyPage(() => import('./pages/work/SummaryCommentsPage.js')),
  },
  {
    path: 'announcements',
    label: 'Announcements',
    ability: 'viewPrivate',
    unlisted: true,
    ...lazyPage(() => import('./pages/announcements/AnnouncementsPage.js')),
  },
  {
    path: 'room',
    label: 'Class room',
    ability: 'viewPrivate',
    unlisted: true,
    ...lazyPage(() => import('./pages/room/RoomPage.js')),
  },
  {
    path: 'room/settings',
    label: 'Class room settings',
    ability: 'manageCourse',
    unlisted: true,
    ...lazyPage(() => import('./pages/room/RoomSettingsPage.js')),
  },
  {
    path: 'room/projector',
    label: 'Projector',
    ability: 'viewPrivate',
    unlisted: true,
    ...lazyPage(() => import('./pages/room/ProjectorPage.js')),
  },
  {
    path: 'questions',
    label: 'Questions',
    ability: 'viewPrivate',
    ...lazyPage(() => import('./pages/questions/QuestionsPage.js')),
  },
  {
    path: 'work',
    label: 'Hand-ins',
    ability: 'viewAllSubmissions',
    ...lazyPage(() => import('./pages/work/StaffWorkPage.js')),
  },
  {
    path: 'grades',
    label: 'Gradebook',
    ability: 'viewAllGrades',
    ...lazyPage(() => import('./pages/grades/book/GradebookPage.js')),
  },
  {
    path: 'grades/queue',
    label: 'Grading queue',
    ability: 'grade',
    ...lazyPage(() => import('./pages/grades/queue/GradingQueuePage.js')),
  },
  {
    path: 'attendance',
    label: 'Attendance',
    ability: 'recordAttendance',
    ...lazyPage(() => import('./pages/attendance/RollPage.js')),
  },
];

/** "/courses/cs598/schedule" for a page of a course. */
export function coursePageUrl(slug: string, path: string): string {
  return `/courses/${encodeURIComponent(slug)}${path ? '/' + path : ''}`;
}
