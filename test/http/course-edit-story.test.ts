// Editing the course in the browser over a semester, on SQLite and PostgreSQL: a class moved after its roles were
// published and a hand-in came in keeps both (same meeting row); its readings cannot be reordered under the handed-in
// question (409), only retitled or added to; moving onto a taken day is refused; cancelling first
// lists what the class holds, then releases the roles and keeps the hand-ins; `seminar export` writes the edited
// course, which imports again into a fresh course as the same course; a re-import of the old syllabus names the
// browser edits it replaced.
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { toCourseModel } from '../../src/domain/stored-course.js';
import { BlobStore } from '../../src/files/blob-store.js';
import { exportCourse } from '../../src/services/export-course.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { listRoleRows } from '../../src/storage/repositories/roles.js';
import { work } from '../../src/storage/repositories/work-tables.js';
import { describeEachDialect } from '../support/dialects.js';
import { fixtureSemester, SLUG, SYLLABUS, type Json } from './fixture-semester.js';

const nextDay = (date: string) => DateTime.fromISO(date).plus({ days: 1 }).toISODate()!;

describeEachDialect('editing the course in the browser keeps what hangs on a class', (get) => {
  const s = fixtureSemester(get);
  const { api, req, ok, ids } = s;
  const edit = async (name: string, method: string, path: string, payload?: unknown) =>
    req(name, { method: method as 'GET', url: `${api}/edit${path}`, ...(payload ? { payload } : {}) });
  const submissionsOn = async (date: string) =>
    work(get().db)
      .selectFrom('submissions')
      .select(['id', 'deliverable_key'])
      .where('course_id', '=', s.courseId)
      .where('meeting_date', '=', date)
      .execute();

  let meetingId = '';
  let from = '';
  let to = '';

  it('moves a class with published roles and a hand-in: the same row on the new day, roles and hand-in along', async () => {
    const staff = await ok(await req('prof', { url: `${api}/assignment/staff` }));
    const roleOf = (id: string) => staff.roles.filter((r: Json) => r.meetingId === id);
    const meeting = staff.meetings.find((m: Json) => roleOf(m.id).length > 0);
    meetingId = meeting.id;
    from = meeting.date;
    to = nextDay(from);
    const rolesBefore = roleOf(meetingId)
      .map((r: Json) => `${r.role} ${r.groupId}`)
      .sort();

    // A student's question for that class is in.
    const { config, db } = get();
    const deps = {
      db,
      files: new BlobStore(config.filesDir),
      mailer: null,
      clock: () => s.now,
      publicUrl: '',
    };
    const student = await loadWorkCourse(deps, SLUG, { userId: ids.s0!, isAdmin: false });
    await submitWork(deps, student, {
      deliverableKey: 'question',
      meetingDate: from,
      readingIndex: 0,
      text: 'Why does it scale?',
      file: null,
      acknowledgePolicy: true,
      now: s.now,
    });
    expect(await submissionsOn(from)).toHaveLength(1);
    const publicBefore = await ok(await req('s1', { url: api }));
    expect(publicBefore.meetings.some((m: Json) => m.date === to)).toBe(false);

    const view = await ok(
      await edit('ta', 'PATCH', `/classes/${meetingId}`, {
        date: to,
        startTime: '14:00',
        endTime: '15:15',
        title: meeting.title,
        unit: null,
      }),
    );
    const moved = view.meetings.find((m: Json) => m.id === meetingId);
    expect(moved).toMatchObject({ date: to, startTime: '14:00', endTime: '15:15' });
    expect(view.zoneLabel).toMatch(/^America\/Chicago \(C[DS]T\)$/);
    expect(view.done).toMatch(/^moved the class .* to .*, 14:00–15:15$/);

    // The hand-in moved with its class; the roles are the same rows of the same meeting.
    expect(await submissionsOn(from)).toHaveLength(0);
    expect(await submissionsOn(to)).toHaveLength(1);
    const after = await ok(await req('prof', { url: `${api}/assignment/staff` }));
    expect(
      after.roles
        .filter((r: Json) => r.meetingId === meetingId)
        .map((r: Json) => `${r.role} ${r.groupId}`)
        .sort(),
    ).toEqual(rolesBefore);
    expect(after.meetings.find((m: Json) => m.id === meetingId).date).toBe(to);

    // The cached public course shows the new day at once (the version moved on), in the course's zone.
    const publicAfter = await ok(await req('s1', { url: api }));
    const shown = publicAfter.meetings.find((m: Json) => m.id === meetingId);
    expect(shown.date).toBe(to);
    expect(DateTime.fromISO(shown.startsAt, { zone: 'America/Chicago' }).toFormat('HH:mm')).toBe('14:00');

    // Audited, with a sentence.
    const audit = await ok(await req('prof', { url: `${api}/audit` }));
    expect(JSON.stringify(audit)).toContain('edited the course: moved the class');
  });

  it('refuses to reorder readings a question was handed in on (409, with the reading named), allows editing its title', async () => {
    const view = await ok(await edit('prof', 'GET', ''));
    const readings = view.meetings
      .find((m: Json) => m.id === meetingId)
      .readings.map((r: Json) => ({
        id: r.id,
        title: r.title,
        url: r.url,
        required: r.required,
        note: r.note,
      }));
    const first = readings.find((r: Json) => r.required);
    const inFront = await edit('prof', 'PUT', `/classes/${meetingId}/readings`, {
      readings: [{ title: 'A new first paper', url: null, required: true, note: null }, ...readings],
    });
    expect(inFront.statusCode).toBe(409);
    expect(inFront.json().error.message).toContain(`required reading 1 (“${first.title}”)`);
    const removed = await edit('prof', 'PUT', `/classes/${meetingId}/readings`, {
      readings: readings.filter((r: Json) => r.id !== first.id),
    });
    expect(removed.statusCode).toBe(409);
    const unchanged = (await ok(await edit('prof', 'GET', ''))).meetings.find(
      (m: Json) => m.id === meetingId,
    );
    expect(unchanged.readings.map((r: Json) => r.id)).toEqual(readings.map((r: Json) => r.id));

    const retitled = readings.map((r: Json) =>
      r.id === first.id ? { ...r, title: `${r.title} (2nd ed.)` } : r,
    );
    const saved = await ok(
      await edit('prof', 'PUT', `/classes/${meetingId}/readings`, {
        readings: [...retitled, { title: 'An added paper', url: null, required: true, note: null }],
      }),
    );
    const after = saved.meetings.find((m: Json) => m.id === meetingId);
    expect(after.readings[readings.indexOf(first)].title).toBe(`${first.title} (2nd ed.)`);
    expect(await submissionsOn(to)).toHaveLength(1);
  });

  it('refuses to move a class onto a day that has one, with a message, and changes nothing', async () => {
    const view = await ok(await edit('prof', 'GET', ''));
    const other = view.meetings.find((m: Json) => m.id !== meetingId && m.kind === 'lecture');
    const res = await edit('prof', 'PATCH', `/classes/${meetingId}`, {
      date: other.date,
      startTime: null,
      endTime: null,
      title: null,
      unit: null,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/already has a class/);
    expect(
      (await ok(await edit('prof', 'GET', ''))).meetings.find((m: Json) => m.id === meetingId).date,
    ).toBe(to);
  });

  it('lists what a class holds before cancelling it, and cancels only when confirmed', async () => {
    const attached = await ok(await edit('prof', 'GET', `/classes/${meetingId}/attached`));
    expect(attached.roles.length).toBeGreaterThan(0);
    expect(attached.roles.every((r: Json) => r.published)).toBe(true);
    expect(attached.handIns).toEqual([{ deliverable: expect.any(String), count: 1 }]);
    expect(attached.deadlines.length).toBeGreaterThan(0);
    expect(attached.deadlines[0].due).toMatch(/C[DS]T$/);
    expect(attached.consequences.join(' ')).toMatch(/released.*publish/);

    const unconfirmed = await edit('prof', 'POST', `/classes/${meetingId}/cancel`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(
      (await ok(await edit('prof', 'GET', ''))).meetings.find((m: Json) => m.id === meetingId).kind,
    ).toBe('lecture');

    const done = await ok(await edit('prof', 'POST', `/classes/${meetingId}/cancel`, { confirm: true }));
    expect(done.meetings.find((m: Json) => m.id === meetingId)).toMatchObject({
      kind: 'no_class',
      title: 'Cancelled',
    });
    expect(done.cancelled.roles.length).toBe(attached.roles.length);
    expect((await listRoleRows(get().db, s.courseId)).filter((r) => r.meeting_id === meetingId)).toEqual([]);
    expect(await submissionsOn(to)).toHaveLength(1);
    const again = await edit('prof', 'POST', `/classes/${meetingId}/cancel`, { confirm: true });
    expect(again.statusCode).toBe(400);
  });

  it('edits readings (safe links only), units, staff and policies', async () => {
    const view = await ok(await edit('prof', 'GET', ''));
    const lecture = view.meetings.find((m: Json) => m.kind === 'lecture' && m.readings.length >= 2);
    const [first, second] = lecture.readings;
    const unsafe = await edit('prof', 'PUT', `/classes/${lecture.id}/readings`, {
      readings: [{ title: 'Bad', url: 'javascript:alert(1)', required: true }],
    });
    expect(unsafe.statusCode).toBe(400);
    expect(unsafe.json().error.message).toMatch(/not a web address/);
    const readings = await ok(
      await edit('prof', 'PUT', `/classes/${lecture.id}/readings`, {
        readings: [
          { ...second, required: false },
          {
            id: first.id,
            title: 'Renamed paper',
            url: 'https://example.org/p.pdf',
            required: true,
            note: null,
          },
          { title: 'A new paper', url: 'https://example.org/new', required: false, note: null },
        ],
      }),
    );
    const now = readings.meetings.find((m: Json) => m.id === lecture.id).readings;
    expect(now.map((r: Json) => r.title)).toEqual([second.title, 'Renamed paper', 'A new paper']);
    expect(now[1].id).toBe(first.id);

    const units = await ok(
      await edit('prof', 'PUT', '/units', {
        units: [{ id: view.units[0].id, title: 'Basics, renamed' }, ...view.units.slice(1)],
      }),
    );
    expect(units.units.map((u: Json) => u.title)).toEqual([
      'Basics, renamed',
      ...view.units.slice(1).map((u: Json) => u.title),
    ]);
    expect(units.meetings.some((m: Json) => m.unit === 'Basics, renamed')).toBe(true);

    const staff = await ok(
      await edit('prof', 'PUT', '/staff', {
        staff: [
          ...view.staff,
          {
            name: 'New TA',
            role: 'TA',
            netId: 'newta',
            officeHours: 'F 10:00 AM – 11:00 AM',
            officeLocation: 'Room 1',
          },
        ],
        staffEmail: 'staff@example.edu',
      }),
    );
    expect(staff.staff.at(-1)).toMatchObject({
      name: 'New TA',
      role: 'ta',
      officeHours: 'F 10:00 AM – 11:00 AM',
    });

    const policies = await ok(
      await edit('prof', 'PUT', '/policies', {
        policies: [...view.policies, { title: 'Laptops', markdown: 'Closed in class. <script>x()</script>' }],
      }),
    );
    expect(policies.policies.at(-1)).toMatchObject({ slug: 'laptops', title: 'Laptops' });
    const shown = await ok(await req('s1', { url: api }));
    const html = shown.policies.find((p: Json) => p.slug === 'laptops').html;
    expect(html).toContain('Closed in class.');
    expect(html).not.toContain('<script');
    expect(shown.staff.some((p: Json) => p.name === 'New TA')).toBe(true);
  });

  it('exports the edited course, which imports again into a fresh course as the same course', async () => {
    const { db } = get();
    const deps = { db, clock: () => s.now };
    const markdown = await exportCourse(deps, SLUG);
    expect(markdown).toContain('Renamed paper');
    expect(markdown).toContain('Laptops');
    const copy = await importSyllabus(deps, {
      source: markdown,
      slug: 'edited-copy',
      timeZone: 'America/Chicago',
    });
    const edited = toCourseModel((await loadCourse(db, SLUG))!);
    const round = toCourseModel(copy.stored);
    expect(round.meetings.map((m) => [m.date, m.kind, m.title, m.startTime, m.endTime, m.unit])).toEqual(
      edited.meetings.map((m) => [m.date, m.kind, m.title, m.startTime, m.endTime, m.unit]),
    );
    expect(round.meetings.map((m) => m.readings)).toEqual(edited.meetings.map((m) => m.readings));
    expect(round.units).toEqual(edited.units);
    expect(round.staff).toEqual(edited.staff);
    expect(round.staffEmail).toBe('staff@example.edu');
    expect(round.policies.map((p) => [p.slug, p.title])).toEqual(
      edited.policies.map((p) => [p.slug, p.title]),
    );
  });

  it('a re-import of the old syllabus names the browser edits it replaced, once', async () => {
    const deps = { db: get().db, clock: () => s.now };
    const first = await importSyllabus(deps, { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' });
    const replaced = first.warnings.filter((w) => w.message.startsWith('This import replaced an edit'));
    expect(replaced.map((w) => w.message).join('\n')).toMatch(
      /moved the class[\s\S]*set the readings[\s\S]*cancelled the class[\s\S]*set the policies/,
    );
    expect(replaced).toHaveLength(7);
    const second = await importSyllabus(deps, { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' });
    expect(second.warnings.filter((w) => w.message.startsWith('This import replaced an edit'))).toEqual([]);
    expect((await ok(await edit('prof', 'GET', ''))).edits).toEqual([]);
  });

  it('refuses students and visitors', async () => {
    expect((await edit('s0', 'GET', '')).statusCode).toBe(403);
    expect((await edit('s0', 'PUT', '/units', { units: [] })).statusCode).toBe(403);
    const anon = await s.app.inject({ method: 'GET', url: `${api}/edit` });
    expect(anon.statusCode).toBe(401);
  });
});
