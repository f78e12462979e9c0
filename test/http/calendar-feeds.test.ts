// Calendar feeds over the fixture semester on SQLite and PostgreSQL, read back with ical.js through the feed's own
// VTIMEZONE: the Nov 4 class (the day after daylight-saving time ends in Chicago) and the Dec 19 18:00 deadline
// against instants worked out by hand; then the feeds follow an extension, a re-plan and its publish, a class
// moved to another day, and a student who joins late.
import { expect, it } from 'vitest';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { listCourseMembers } from '../../src/storage/repositories/groups.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson } from './auth-client.js';
import { onDay, parseFeed, type FeedEvent } from './calendar-parse.js';
import { fixtureSemester, noonCst, SLUG, SYLLABUS, type Json } from './fixture-semester.js';

// By hand: classes are Mon/Wed 09:30–10:45 in Chicago. CDT (UTC−5) until Sun Nov 3 02:00, CST (UTC−6) after.
const OCT_30_START = '2024-10-30T14:30:00.000Z';
const NOV_4_START = '2024-11-04T15:30:00.000Z';
const NOV_4_END = '2024-11-04T16:45:00.000Z';
// Slides 24 elapsed hours before the Nov 4 class (Sun Nov 3 09:30 CST); a summary 24 h after it ends.
const NOV_4_SLIDES = '2024-11-03T15:30:00.000Z';
const NOV_4_SUMMARY = '2024-11-05T16:45:00.000Z';
// "on or before 6:00PM ... on December 19": 18:00 CST = 00:00 UTC on Dec 20.
const DEC_19_1800 = '2024-12-20T00:00:00.000Z';
/** The fixture with its Nov 13 class on Thursday Nov 14 instead. */
const MOVED = SYLLABUS.replace('| Nov 13  |', '| Nov 14  |');

describeEachDialect('calendar feeds follow the course', (get) => {
  const s = fixtureSemester(get);
  const { api, req, ok, ids } = s;
  const feeds: Record<string, string> = {};
  const publicFeed = async (): Promise<FeedEvent[]> => {
    const res = await s.app.inject({ url: `${api}/calendar.ics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return parseFeed(res.body).events;
  };
  /** The member's personal feed (made on first use), read without any cookie: the URL is the key. */
  const personal = async (name: string): Promise<FeedEvent[]> => {
    feeds[name] ??= (await ok(await req(name, { method: 'POST', url: `${api}/calendar/personal` }))).path;
    const res = await s.app.inject({ url: feeds[name] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return parseFeed(res.body).events;
  };
  const staffView = async (): Promise<Json> => ok(await req('prof', { url: `${api}/assignment/staff` }));
  const meetingId = async (date: string): Promise<string> =>
    (await staffView()).meetings.find((m: Json) => m.date === date).id;
  const holder = async (date: string, role: string): Promise<string> => {
    const view = await staffView();
    const m = view.meetings.find((x: Json) => x.date === date);
    return view.roles.find((r: Json) => r.meetingId === m.id && r.role === role).groupId;
  };
  const memberOf = async (groupId: string): Promise<string> => {
    const userId = (await listCourseMembers(get().db, s.courseId)).find(
      (m) => m.group_id === groupId,
    )!.user_id;
    return Object.keys(ids).find((k) => ids[k] === userId)!;
  };
  const due = (events: FeedEvent[], key: string, mId?: string) =>
    events.filter((e) => e.uid.startsWith(`due-${key}-${mId ?? ''}`));

  it('the course feed holds every class in Chicago time, days without class, and course deadlines', async () => {
    const events = await publicFeed();
    const course = await ok(await s.app.inject({ url: api }));
    const dates: string[] = course.meetings.map((m: Json) => m.date);
    const classes = events.filter((e) => e.uid.startsWith('class-'));
    expect(classes.map((e) => e.local.slice(0, 10)).sort()).toEqual([...dates].sort());
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const [nov4] = onDay(events, '2024-11-04');
    expect(nov4).toMatchObject({ start: NOV_4_START, end: NOV_4_END, tzid: 'America/Chicago' });
    expect(nov4!.local).toBe('2024-11-04T09:30:00');
    expect(nov4!.location).toBe('0216 Siebel Center for Computer Science');
    expect(nov4!.description).toContain('OMS-DPM');
    expect(nov4!.description).toContain('https://arxiv.org/abs/2306.08860');
    expect(onDay(events, '2024-10-30')[0]!.start).toBe(OCT_30_START);

    const report = events.find((e) => e.summary.includes('Final report due'))!;
    expect(report).toMatchObject({ start: DEC_19_1800, end: null, local: '2024-12-19T18:00:00' });
    const noClass = onDay(events, '2024-12-02')[0]!;
    expect(noClass.allDay).toBe(true);
    expect(noClass.summary).toMatch(/No Class/i);
    // Role work is nobody's business on the public feed.
    expect(events.filter((e) => /^due-(slides|summary|question)-/.test(e.uid))).toEqual([]);
    expect(events.filter((e) => e.summary.includes('your group'))).toEqual([]);
  });

  it("a presenter's personal feed adds their group's roles with the deadlines worked out by hand", async () => {
    const nov4 = await meetingId('2024-11-04');
    const presenter = await memberOf(await holder('2024-11-04', 'presenter'));
    const mine = await personal(presenter);
    const cls = onDay(mine, '2024-11-04').find((e) => e.uid.startsWith('class-'))!;
    expect(cls).toMatchObject({ start: NOV_4_START, end: NOV_4_END });
    expect(cls.summary).toContain('(your group: presenting)');
    expect(due(mine, 'slides', nov4).map((e) => [e.start, e.local])).toEqual([
      [NOV_4_SLIDES, '2024-11-03T09:30:00'],
    ]);
    expect(mine.find((e) => e.summary.includes('Final report due'))!.start).toBe(DEC_19_1800);
    expect(due(mine, 'question', nov4)).toHaveLength(1);
    // Only the group's own role work: as many slide deadlines as presenter roles in force.
    const view = await staffView();
    const groupId = await holder('2024-11-04', 'presenter');
    const presenting = view.roles.filter((r: Json) => r.groupId === groupId && r.role === 'presenter');
    expect(due(mine, 'slides')).toHaveLength(presenting.length);

    const summarizer = await memberOf(await holder('2024-11-04', 'summarizer'));
    const theirs = await personal(summarizer);
    expect(due(theirs, 'summary', nov4).map((e) => e.start)).toEqual([NOV_4_SUMMARY]);
    expect(due(theirs, 'slides', nov4)).toEqual([]);
  });

  it('an extension moves only its holder’s deadline', async () => {
    const groupId = await holder('2024-11-04', 'presenter');
    const other = await memberOf(await holder('2024-11-04', 'summarizer'));
    const res = await req('prof', {
      method: 'POST',
      url: `${api}/deliverables/final-report/extensions`,
      payload: { target: { kind: 'group', groupId }, dueAt: '2024-12-21T18:00:00-06:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = (await personal(await memberOf(groupId))).find((e) =>
      e.uid.startsWith('due-final-report-'),
    )!;
    expect(report.start).toBe('2024-12-22T00:00:00.000Z');
    expect(report.summary).toContain('(extended)');
    if (groupId !== (await holder('2024-11-04', 'summarizer')))
      expect((await personal(other)).find((e) => e.uid.startsWith('due-final-report-'))!.start).toBe(
        DEC_19_1800,
      );
    expect((await publicFeed()).find((e) => e.uid.startsWith('due-final-report-'))!.start).toBe(DEC_19_1800);
  });

  it('a role taken away reaches the feed only when staff publish', async () => {
    s.now = noonCst('2024-11-10');
    const view = await staffView();
    const future = view.roles.find(
      (r: Json) =>
        r.role === 'presenter' && view.meetings.find((m: Json) => m.id === r.meetingId).date > '2024-11-12',
    );
    const student = await memberOf(future.groupId);
    expect(due(await personal(student), 'slides', future.meetingId)).toHaveLength(1);
    const other = view.groups.find((g: Json) => g.id !== future.groupId).id;
    for (const edit of [
      { meetingId: future.meetingId, groupId: future.groupId, role: null },
      { meetingId: future.meetingId, groupId: other, role: 'presenter' },
    ]) {
      const res = await req('prof', {
        method: 'PUT',
        url: `${api}/assignment/roles`,
        payload: { ...edit, confirm: true },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Edited, not published: students are held to the published roles.
    expect(due(await personal(student), 'slides', future.meetingId)).toHaveLength(1);
    const pub = await req('prof', {
      method: 'POST',
      url: `${api}/assignment/publish`,
      payload: { published: true },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(due(await personal(student), 'slides', future.meetingId)).toEqual([]);
    const taker = await memberOf(other);
    expect(due(await personal(taker), 'slides', future.meetingId)).toHaveLength(1);
  });

  it('a student who joins late owes nothing from before, and takes on their group’s roles from the day they join', async () => {
    const { db } = get();
    ids.late = (
      await makePerson(db, s.now, 'late@example.edu', { courseId: s.courseId, role: 'student', name: 'Late' })
    ).id;
    const nov4 = await meetingId('2024-11-04');
    const nov18 = (await staffView()).meetings.find((m: Json) => m.date > '2024-11-14').id;
    let mine = await personal('late');
    expect(due(mine, 'question', nov4)).toEqual([]);
    expect(due(mine, 'question', nov18)).toHaveLength(1);
    expect(due(mine, 'slides')).toEqual([]);
    const groupId = await holder('2024-11-04', 'presenter');
    // Room in the group (three at most): one member leaves it, the newcomer takes the seat.
    for (const [userId, target] of [
      [ids[await memberOf(groupId)]!, null],
      [ids.late, groupId],
    ] as const) {
      const res = await req('prof', {
        method: 'POST',
        url: `${api}/groups/move`,
        payload: { userId, target },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    mine = await personal('late');
    const view = await staffView();
    const dateOf = (id: string) => view.meetings.find((m: Json) => m.id === id).date as string;
    const upcoming = view.roles.filter(
      (r: Json) => r.groupId === groupId && r.role === 'presenter' && dateOf(r.meetingId) > '2024-11-11',
    );
    // Their group's Nov 4 slides were before they came; the ones after are theirs.
    expect(due(mine, 'slides', nov4)).toEqual([]);
    expect(
      due(mine, 'slides')
        .map((e) => e.uid.split('-')[2])
        .sort(),
    ).toEqual(upcoming.map((r: Json) => r.meetingId).sort());
  });
  it('a class moved to another day by a re-import moves in both feeds; its roles go with the old class', async () => {
    const nov13 = await meetingId('2024-11-13');
    const presenter = await memberOf(await holder('2024-11-13', 'presenter'));
    expect(due(await personal(presenter), 'slides', nov13)).toHaveLength(1);
    await importSyllabus(
      { db: get().db, clock: () => s.now },
      { source: MOVED, slug: SLUG, timeZone: 'America/Chicago' },
    );
    const events = await publicFeed();
    expect(onDay(events, '2024-11-13')).toEqual([]);
    expect(onDay(events, '2024-11-14').map((e) => [e.start, e.end])).toEqual([
      ['2024-11-14T15:30:00.000Z', '2024-11-14T16:45:00.000Z'],
    ]);
    const mine = await personal(presenter);
    expect(onDay(mine, '2024-11-14').filter((e) => e.uid.startsWith('class-'))).toHaveLength(1);
    expect(due(mine, 'slides', nov13)).toEqual([]);
  });

  it('a whole schedule shifted a week keeps every UID, and 09:30 stays 09:30 across the change of offset', async () => {
    const oct28 = await meetingId('2024-10-28');
    const presenter = await memberOf(await holder('2024-10-28', 'presenter'));
    const before = (await personal(presenter)).find((e) => e.uid.startsWith(`class-${oct28}`))!;
    expect(before.start).toBe('2024-10-28T14:30:00.000Z');
    expect(due(await personal(presenter), 'slides', oct28).map((e) => e.start)).toEqual([
      '2024-10-27T14:30:00.000Z',
    ]);
    await importSyllabus(
      { db: get().db, clock: () => s.now },
      { source: MOVED, slug: SLUG, timeZone: 'America/Chicago', shiftTo: '2024-09-02' },
    );
    const uids = (await publicFeed()).filter((e) => e.uid.startsWith('class-'));
    expect(uids.find((e) => e.uid === before.uid)).toMatchObject({
      start: NOV_4_START,
      local: '2024-11-04T09:30:00',
    });
    const mine = await personal(presenter);
    expect(mine.find((e) => e.uid === before.uid)!.start).toBe(NOV_4_START);
    // Now the day after the change: 24 elapsed hours before 09:30 CST is 09:30 CST on Sunday.
    expect(due(mine, 'slides', oct28).map((e) => e.start)).toEqual([NOV_4_SLIDES]);
  });
});
