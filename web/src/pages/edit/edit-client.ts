// The web client's calls to the course editor API (staff) and the shapes they answer.
import { call } from '../../auth/client.js';
import type {
  ClassAttachments,
  CourseEditView,
  MeetingFieldsBody,
  PoliciesBody,
  ReadingsBody,
  StaffBody,
  UnitsBody,
} from '../../../../src/contracts/course-edit.js';

export type { ClassAttachments, CourseEditView };
export type EditMeeting = CourseEditView['meetings'][number];
export type EditReading = ReadingsBody['readings'][number];
export type EditUnit = UnitsBody['units'][number];
export type EditStaffMember = StaffBody['staff'][number];
export type EditPolicy = PoliciesBody['policies'][number];

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}/edit`;
const cls = (slug: string, id: string) => `${base(slug)}/classes/${encodeURIComponent(id)}`;

export const editApi = {
  view: (slug: string) => call<CourseEditView>('GET', base(slug)),
  addClass: (slug: string, body: MeetingFieldsBody) =>
    call<CourseEditView>('POST', `${base(slug)}/classes`, body),
  changeClass: (slug: string, id: string, body: MeetingFieldsBody) =>
    call<CourseEditView>('PATCH', cls(slug, id), body),
  attached: (slug: string, id: string) => call<ClassAttachments>('GET', `${cls(slug, id)}/attached`),
  cancel: (slug: string, id: string) =>
    call<CourseEditView>('POST', `${cls(slug, id)}/cancel`, { confirm: true }),
  readings: (slug: string, id: string, readings: EditReading[]) =>
    call<CourseEditView>('PUT', `${cls(slug, id)}/readings`, { readings }),
  units: (slug: string, units: EditUnit[]) => call<CourseEditView>('PUT', `${base(slug)}/units`, { units }),
  staff: (slug: string, staff: EditStaffMember[], staffEmail: string) =>
    call<CourseEditView>('PUT', `${base(slug)}/staff`, { staff, staffEmail }),
  policies: (slug: string, policies: EditPolicy[]) =>
    call<CourseEditView>('PUT', `${base(slug)}/policies`, { policies }),
};
