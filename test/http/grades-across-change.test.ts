// Grades while the semester moves, on SQLite and PostgreSQL, over the fixture course: presentations graded and
// released in October; on Nov 10 two late students form a fifth group and staff re-plan, apply and publish; on
// Nov 17 a student is dropped. Past scores, states and totals stay as they were; the late students owe nothing
// from before they joined; the Canvas CSV follows the roster.
//
// Without rolesInForce and the class freeze, the re-plan handed past presentation items to other groups (their
// scores vanished from the gradebook) and the late students' past summaries read "missing" (0 in their totals).
import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { describeEachDialect } from '../support/dialects.js';
import { fixtureSemester, noonCst, type Json } from './fixture-semester.js';

describeEachDialect('grades across a moving semester', (get) => {
  const s = fixtureSemester(get);
  const { api, req, ok, ids } = s;
  const gradebook = async (): Promise<Json> => ok(await req('prof', { url: `${api}/grades` }));
  const queue = async (itemId: string): Promise<Json> =>
    ok(await req('ta', { url: `${api}/grades/items/${itemId}` }));
  const canvas = async (): Promise<string[][]> => {
    const res = await req('prof', { url: `${api}/grades/export?format=canvas` });
    expect(res.statusCode, res.body).toBe(200);
    return parse(res.body) as string[][];
  };
  /** Each student's cells of the items due before `day` (points and state), and their totals. */
  const pastOf = (book: Json, day: string) => {
    const past = new Set(
      book.items.filter((i: Json) => i.dueAt && i.dueAt.slice(0, 10) < day).map((i: Json) => i.id),
    );
    return Object.fromEntries(
      book.students.map((s: Json) => [
        s.email,
        {
          cells: Object.fromEntries(Object.entries(s.cells as Json).filter(([id]) => past.has(id))),
          final: s.final,
          categories: s.categories,
        },
      ]),
    );
  };

  let graded: Json[] = [];
  let before: Json = {};
  let canvasBefore: string[][] = [];
  it('October: the presentations held so far are graded per group and released', async () => {
    s.now = noonCst('2024-10-16');
    const book = await gradebook();
    graded = book.items.filter(
      (i: Json) => i.key.startsWith('presentation@') && i.meetingDate && i.meetingDate < '2024-10-16',
    );
    expect(graded.length).toBeGreaterThan(2);
    for (const [n, item] of graded.entries()) {
      const q = await queue(item.id);
      expect(q.ungraded).toBeGreaterThan(0);
      for (const e of q.entries) {
        const put = await req('ta', {
          method: 'PUT',
          url: `${api}/grades/items/${item.id}/scores`,
          payload: {
            subject: { kind: 'group', groupId: e.subject.slice(2) },
            points: String(80 + n),
          },
        });
        expect(put.statusCode, put.body).toBe(200);
      }
      expect((await queue(item.id)).ungraded).toBe(0);
      const released = await req('prof', {
        method: 'POST',
        url: `${api}/grades/items/${item.id}/release`,
        payload: { released: true },
      });
      expect(released.statusCode, released.body).toBe(200);
    }
  });

  let lateGroup = '';
  it('Nov 10: a fifth group of late students; re-planned, applied, published: the past grades read as before', async () => {
    s.now = noonCst('2024-11-10');
    before = pastOf(await gradebook(), '2024-11-10');
    canvasBefore = await canvas();
    const queuesBefore: Json[] = [];
    for (const i of graded) queuesBefore.push(await queue(i.id));

    lateGroup = (await s.lateGroup(['late1', 'late2'])).id;
    const plan = await ok(await req('prof', { method: 'POST', url: `${api}/assignment/plan`, payload: {} }));
    expect(plan.changes.length).toBeGreaterThan(0);
    const applied = await req('prof', {
      method: 'POST',
      url: `${api}/assignment/apply`,
      payload: { planId: plan.planId },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const published = await req('prof', {
      method: 'POST',
      url: `${api}/assignment/publish`,
      payload: { published: true },
    });
    expect(published.statusCode, published.body).toBe(200);

    const book = await gradebook();
    const after = pastOf(book, '2024-11-10');
    // Everyone who was there: the same past cells and the same totals.
    for (const email of Object.keys(before)) expect(after[email], email).toEqual(before[email]);
    // The graded items' queues: the same groups with the same scores.
    for (const [n, item] of graded.entries()) {
      const q = await queue(item.id);
      const brief = (x: Json) => x.entries.map((e: Json) => [e.subject, e.points, e.members]);
      expect(brief(q)).toEqual(brief(queuesBefore[n]!));
      expect(q.ungraded).toBe(0);
    }
    // The late students owe nothing from before they joined: no past cell counts against them.
    for (const email of ['late1@example.edu', 'late2@example.edu']) {
      const cells = Object.values(after[email].cells as Json) as Json[];
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(['before-joined', 'excused', 'not-member']).toContain(c.state);
    }
    // Their group holds presentations to come, as published, and the queue of one lists them ungraded.
    const roles = (await ok(await req('late1', { url: `${api}/my-roles` }))).roles as Json[];
    const talks = roles.filter((r) => r.role === 'presenter').map((r) => `presentation@${r.date}`);
    for (const key of talks) {
      const item = book.items.find((i: Json) => i.key === key);
      expect(item, key).toBeDefined();
      const q = await queue(item.id);
      expect(q.entries.map((e: Json) => e.subject)).toContain(`g:${lateGroup}`);
    }
  });

  it('the Canvas CSV gains the late students and keeps every earlier row as it was', async () => {
    const rows = await canvas();
    expect(rows[0]!.slice(0, 5)).toEqual(canvasBefore[0]!.slice(0, 5));
    const byLogin = (table: string[][]) => new Map(table.slice(2).map((r) => [r[3], r]));
    const was = byLogin(canvasBefore);
    const is = byLogin(rows);
    expect([...is.keys()].sort()).toEqual([...was.keys(), 'late1@example.edu', 'late2@example.edu'].sort());
    // Every column of before, by its header: same values (the item columns are keyed by id, never by position).
    for (const [login, row] of was) {
      for (const [col, header] of canvasBefore[0]!.entries()) {
        if (col < 5) continue;
        const at = rows[0]!.indexOf(header);
        expect(at, header).toBeGreaterThanOrEqual(0);
        expect(is.get(login)![at], `${login} ${header}`).toBe(row[col]);
      }
    }
    // A graded item's column: the late students are excused there (EX) or blank, never 0.
    const col = rows[0]!.findIndex((h) => h.endsWith(`(${graded[0]!.key})`));
    for (const login of ['late1@example.edu', 'late2@example.edu']) expect(is.get(login)![col]).not.toBe('0');
  });

  it('Nov 17: a dropped student leaves the gradebook and the CSV; the others read the same', async () => {
    s.now = noonCst('2024-11-17');
    const pastBefore = pastOf(await gradebook(), '2024-11-10');
    const dropped = await req('prof', { method: 'POST', url: `${api}/roster/${ids.s5}/drop` });
    expect(dropped.statusCode, dropped.body).toBe(200);
    const book = await gradebook();
    expect(book.students.map((s: Json) => s.email)).not.toContain('s5@example.edu');
    const pastAfter = pastOf(book, '2024-11-10');
    for (const email of Object.keys(pastAfter)) expect(pastAfter[email], email).toEqual(pastBefore[email]);
    const logins = (await canvas()).slice(2).map((r) => r[3]);
    expect(logins).not.toContain('s5@example.edu');
    expect(logins).toContain('s4@example.edu');
  });
});
