// The "Nov 10 fifth group" replay on SQLite and PostgreSQL: four groups with published roles over the fixture
// semester; on Nov 10 a fifth group forms and staff re-plan, apply and publish. The past stays as it was.
//
// Without the class freeze this fails: the solver saw every class as a variable, so the even loads over the
// term gave the new group presenting and summary seats in classes that had already taken place (Nov 4, 6…),
// the hand-ins grid then showed those past summaries as "Not due" for the group that wrote them and "Missing"
// for the new group, and the preview's changes named started classes.
import { expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { ROLES_CHANGED_MAIL } from '../../src/services/assignment/mail.js';
import { listCourseMembers, listGroups } from '../../src/storage/repositories/groups.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { describeEachDialect } from '../support/dialects.js';
import { fixtureSemester, noonCst, SLUG, type Json } from './fixture-semester.js';

describeEachDialect('re-planning when a fifth group forms on Nov 10 keeps the past', (get) => {
  const s = fixtureSemester(get);
  const { api, req, ok, ids } = s;
  const staff = async (): Promise<Json> => ok(await req('prof', { url: `${api}/assignment/staff` }));
  const grid = async (key: string): Promise<Json> =>
    ok(await req('ta', { url: `${api}/deliverables/${key}/status` }));
  /** Each group's cells of the grid for the classes before `day`, by class date. */
  const gridBefore = (g: Json, day: string) =>
    Object.fromEntries(
      g.rows.map((r: Json) => [
        r.name,
        Object.fromEntries(
          r.cells
            .map((c: Json, i: number) => [g.occasions[i].key, c.state])
            .filter(([key]: [string]) => key < day),
        ),
      ]),
    );
  /** The roles in force as "date role group-name" lines. */
  const roleLines = (view: Json) => {
    const date = new Map(view.meetings.map((m: Json) => [m.id, m.date]));
    const name = new Map(view.groups.map((g: Json) => [g.id, g.name]));
    return view.roles.map((r: Json) => `${date.get(r.meetingId)} ${r.role} ${name.get(r.groupId)}`).sort();
  };
  const myRoles = async (name: string): Promise<Json> => ok(await req(name, { url: `${api}/my-roles` }));
  const dashboard = async (name: string): Promise<Json> => ok(await req(name, { url: `${api}/dashboard` }));
  /** A student's role work on the dashboard (slides, summaries) as "key date" lines. */
  const roleWork = (d: Json): string[] =>
    d.items
      .filter((i: Json) => i.deliverableKey === 'slides' || i.deliverableKey === 'summary')
      .map((i: Json) => `${i.deliverableKey} ${i.meetingDate}`);
  const hand = async (name: string, deliverableKey: string, meetingDate: string, text: string) => {
    const { config, db } = get();
    const deps = {
      db,
      files: new BlobStore(config.filesDir),
      mailer: null,
      clock: () => s.now,
      publicUrl: '',
    };
    const work = await loadWorkCourse(deps, SLUG, { userId: ids[name]!, isAdmin: false });
    await submitWork(deps, work, {
      deliverableKey,
      meetingDate,
      readingIndex: deliverableKey === 'question' ? 0 : null,
      text,
      file: null,
      acknowledgePolicy: true,
      now: s.now,
    });
  };

  let before: Json = {};
  let summaryBefore: Json = {};
  let slidesBefore: Json = {};
  let frozenDates: string[] = [];
  const groupOf = async (date: string, role: string): Promise<string> => {
    const view = await staff();
    const m = view.meetings.find((x: Json) => x.date === date);
    return view.roles.find((r: Json) => r.meetingId === m.id && r.role === role).groupId;
  };
  const memberOf = async (groupId: string) =>
    (await listCourseMembers(get().db, s.courseId)).find((m) => m.group_id === groupId)!.user_id;
  const nameOfUser = (userId: string) => Object.keys(ids).find((k) => ids[k] === userId)!;

  it('until Nov 10: summaries of past classes are handed in (or not), a question is in for Nov 13', async () => {
    // The Nov 4 summary group hands in on time; the Oct 30 one never does.
    s.now = noonCst('2024-11-05');
    await hand(
      nameOfUser(await memberOf(await groupOf('2024-11-04', 'summarizer'))),
      'summary',
      '2024-11-04',
      '# Summary\n\nKey points.',
    );
    // On Nov 9 a student asks a question for Nov 13: that class now holds a hand-in.
    s.now = noonCst('2024-11-09');
    await hand('s0', 'question', '2024-11-13', 'Does this model fit an OS?');
    s.now = noonCst('2024-11-10');
    before = await staff();
    summaryBefore = gridBefore(await grid('summary'), '2024-11-10');
    slidesBefore = gridBefore(await grid('slides'), '2024-11-10');
    expect(
      Object.values(summaryBefore).some((cells) => Object.values(cells as Json).includes('missing')),
    ).toBe(true);
    expect(
      Object.values(summaryBefore).some((cells) =>
        Object.values(cells as Json).some((s) => s !== 'missing' && s !== 'not-due'),
      ),
    ).toBe(true);
  });

  let lateGroup = '';
  let lateName = '';
  let plan: Json = {};
  it('Nov 10: a fifth group forms; the re-plan changes no class that started, is past its slides deadline or holds a hand-in', async () => {
    // Past the group deadline, staff put two late students in a new group.
    ({ id: lateGroup, name: lateName } = await s.lateGroup(['late1', 'late2']));

    const res = await req('prof', { method: 'POST', url: `${api}/assignment/plan`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    // Started (Nov 6 and before), slides deadline passed (Nov 11, 24 h before 9:30 on Nov 11), hand-in (Nov 13).
    const meetingDates = before.meetings.map((m: Json) => m.date);
    frozenDates = meetingDates.filter((d: string) => d <= '2024-11-13');
    expect(plan.frozenClasses).toBe(frozenDates.length);
    expect(plan.changes.length).toBeGreaterThan(0);
    for (const c of plan.changes)
      expect(c.meetingDate > '2024-11-13', `${c.meetingDate} ${c.role}`).toBe(true);
    expect(
      plan.changes.filter((c: Json) => c.to === lateName).every((c: Json) => c.reason === 'new-group'),
    ).toBe(true);
  });

  it('applying keeps every frozen role and mails nobody; publishing mails only the changed groups', async () => {
    const applied = await req('prof', {
      method: 'POST',
      url: `${api}/assignment/apply`,
      payload: { planId: plan.planId },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const after = await staff();
    const frozen = (lines: string[]) => lines.filter((l) => frozenDates.includes(l.slice(0, 10)));
    expect(frozen(roleLines(after))).toEqual(frozen(roleLines(before)));
    expect((await listMailJobs(get().db)).filter((j) => j.kind === ROLES_CHANGED_MAIL)).toEqual([]);
    // The applied plan breaks no rule of the classes still to come (the past's loads are not held against it).
    expect(after.violations).toEqual([]);
    // The new group holds roles, all in classes after Nov 13.
    const late = after.roles.filter((r: Json) => r.groupId === lateGroup);
    expect(late.length).toBeGreaterThan(0);
    const dateOf = new Map(after.meetings.map((m: Json) => [m.id, m.date]));
    for (const r of late) expect((dateOf.get(r.meetingId) as string) > '2024-11-13').toBe(true);

    // Applied is not published: students are held to the published roles until staff publish again.
    expect((await myRoles('late1')).roles).toEqual([]);
    expect(roleWork(await dashboard('late1'))).toEqual([]);
    const taken = plan.changes.find((c: Json) => c.from && c.from !== lateName && c.to === lateName);
    if (taken) {
      const loser = (await listGroups(get().db, s.courseId)).find((g) => g.name === taken.from)!.id;
      const who = nameOfUser(await memberOf(loser));
      expect((await myRoles(who)).roles.map((r: Json) => `${r.date} ${r.role}`)).toContain(
        `${taken.meetingDate} ${taken.role}`,
      );
    }

    const changedGroups = new Set(plan.changes.flatMap((c: Json) => [c.from, c.to]).filter(Boolean));
    expect([...after.publishWouldMail].sort()).toEqual([...changedGroups].sort());
    const published = await req('prof', {
      method: 'POST',
      url: `${api}/assignment/publish`,
      payload: { published: true },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ groupsMailed: changedGroups.size });
    expect((await staff()).publishWouldMail).toEqual([]);
    // Published: the new group's roles reach its members.
    const lateRoles = (await myRoles('late1')).roles as Json[];
    expect(lateRoles.length).toBe(late.length);
    const owed = lateRoles
      .filter((r) => r.role !== 'reviewer')
      .map((r) => `${r.role === 'presenter' ? 'slides' : 'summary'} ${r.date}`);
    expect(roleWork(await dashboard('late1')).sort()).toEqual(owed.sort());
  });

  it('a role edited after publishing reaches students only when staff publish again', async () => {
    const view = await staff();
    const last = view.meetings
      .map((m: Json) => m.date)
      .sort()
      .at(-1) as string;
    const meeting = view.meetings.find((m: Json) => m.date === last);
    const mine = (await myRoles('late1')).roles.filter(
      (r: Json) => r.date === last && r.role === 'presenter',
    );
    expect(mine).toEqual([]);
    // Staff give the late group a presentation in the last class too (confirming past the rule it breaks).
    const edited = await req('prof', {
      method: 'PUT',
      url: `${api}/assignment/roles`,
      payload: { meetingId: meeting.id, groupId: lateGroup, role: 'presenter', confirm: true },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await staff()).publishWouldMail).toContain(lateName);
    // Not yet published: not on the late group's page, and its slides for that class are refused.
    expect((await myRoles('late1')).roles.some((r: Json) => r.date === last && r.role === 'presenter')).toBe(
      false,
    );
    expect(roleWork(await dashboard('late1'))).not.toContain(`slides ${last}`);
    await expect(hand('late1', 'slides', last, '# Slides')).rejects.toThrow();
    const published = await req('prof', {
      method: 'POST',
      url: `${api}/assignment/publish`,
      payload: { published: true },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect((await myRoles('late1')).roles.some((r: Json) => r.date === last && r.role === 'presenter')).toBe(
      true,
    );
    expect(roleWork(await dashboard('late1'))).toContain(`slides ${last}`);
  });

  it('the hand-ins grids of the classes before Nov 10 read exactly as before', async () => {
    expect(gridBefore(await grid('summary'), '2024-11-10')).toMatchObject(summaryBefore);
    expect(gridBefore(await grid('slides'), '2024-11-10')).toMatchObject(slidesBefore);
    // The new group owed nothing before it formed: none of its past cells is missing.
    const late = gridBefore(await grid('summary'), '2024-11-10')[lateName] ?? {};
    expect(Object.values(late).filter((s) => s === 'missing')).toEqual([]);
  });
});
