// Groups, rankings and the role assignment over HTTP on both dialects: the happy path, bad input as clear 4xx, stale plans refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { buildCourse, buildMeeting } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson } from './auth-client.js';

const NOW = new Date('2024-08-20T12:00:00Z');
const SLUG = 'cs598-genai-f24';

describeEachDialect('groups and assignment API', (get) => {
  let app: FastifyInstance;
  const people: Record<string, string> = {};
  let lectures: string[] = [];
  let noClass = '';

  beforeAll(async () => {
    const { config, db } = get();
    const base = buildCourse();
    // Three lectures need presenters: Aug 28, Sep 4 and Sep 9.
    await saveCourse(
      db,
      SLUG,
      buildCourse({
        meetings: [...base.meetings, buildMeeting({ date: '2024-09-09', unit: 'Pre-Training' })],
      }),
      NOW.toISOString(),
    );
    const course = (await findCourseRef(db, SLUG))!;
    for (const name of ['s1', 's2', 's3', 's4', 's5', 's6'])
      people[name] = (
        await makePerson(db, NOW, `${name}@example.edu`, {
          courseId: course.id,
          role: 'student',
          name: name.toUpperCase(),
        })
      ).id;
    people.prof = (
      await makePerson(db, NOW, 'prof@example.edu', { courseId: course.id, role: 'instructor' })
    ).id;
    const stored = (await loadCourse(db, SLUG))!;
    lectures = stored.meetings.filter((m) => m.needsPresenters).map((m) => m.id);
    noClass = stored.meetings.find((m) => m.kind === 'no_class')!.id;
    app = await buildApp({ config, db, clock: () => NOW });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function as(who: string | null, method: string, path: string, payload?: unknown) {
    const headers: Record<string, string> = {};
    if (who) {
      const session = await createSession(get().db, people[who]!, NOW, { ip: null, userAgent: 'http-test' });
      headers.cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
      headers['x-csrf-token'] = session.csrfToken;
    }
    const res = await app.inject({
      method: method as never,
      url: `/api/courses/${SLUG}${path}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
    return res;
  }

  it('runs groups → rankings → formation → plan → apply → publish, then students and visitors see the roles', async () => {
    const made = await as('s1', 'POST', '/groups', { name: 'Alpha' });
    expect(made.statusCode).toBe(200);
    const inv = await as('s1', 'POST', '/groups/mine/invitations', { userId: people.s2 });
    expect(inv.statusCode).toBe(200);
    const { invitationId } = inv.json() as { invitationId: string };
    expect((await as('s2', 'POST', `/invitations/${invitationId}/accept`)).statusCode).toBe(200);
    expect(
      (await as('s2', 'PUT', '/groups/mine/preferences', { meetingIds: [lectures[2], lectures[0]] }))
        .statusCode,
    ).toBe(200);
    const ranking = (await as('s1', 'GET', '/groups/mine/preferences')).json() as {
      ranking: string[];
      history: { by: string }[];
    };
    expect(ranking.ranking).toEqual([lectures[2], lectures[0]]);
    expect(ranking.history[0]!.by).toBe('S2');

    const plan = (await as('prof', 'POST', '/groups/formation/plan', { seed: 5 })).json() as {
      planId: string;
      newGroups: { members: unknown[] }[];
    };
    expect(plan.newGroups.map((g) => g.members.length)).toEqual([2, 2]);
    expect((await as('prof', 'POST', '/groups/formation/apply', { planId: plan.planId })).statusCode).toBe(
      200,
    );
    const groups = (await as('s3', 'GET', '/groups')).json() as {
      groups: unknown[];
      ungrouped: unknown[];
      myGroupId: string | null;
    };
    expect(groups.groups).toHaveLength(3);
    expect(groups.ungrouped).toEqual([]);
    expect(groups.myGroupId).not.toBeNull();

    const matrix = (await as('prof', 'GET', '/preferences')).json() as {
      groups: { name: string; ranks: Record<string, number> }[];
    };
    expect(matrix.groups.find((g) => g.name === 'Alpha')!.ranks).toEqual({
      [lectures[2]!]: 1,
      [lectures[0]!]: 2,
    });

    const rolePlan = await as('prof', 'POST', '/assignment/plan', {});
    expect(rolePlan.statusCode, rolePlan.body).toBe(200);
    const preview = rolePlan.json() as {
      planId: string;
      status: string;
      diff: { added: unknown[] };
      groups: {
        groupName: string;
        presenting: { rank: number | null }[];
        planRank: number | null;
        firstComeRank: number | null;
      }[];
    };
    expect(preview.status).toBe('optimal');
    expect(preview.diff.added).toHaveLength(9);
    expect(preview.groups.find((g) => g.groupName === 'Alpha')!.presenting[0]!.rank).toBe(1);
    expect(preview.groups.find((g) => g.groupName === 'Alpha')!.planRank).toBe(1);
    expect(preview.groups.every((g) => typeof g.firstComeRank === 'number' && g.firstComeRank >= 1)).toBe(
      true,
    );
    expect((await as('prof', 'POST', '/assignment/apply', { planId: preview.planId })).statusCode).toBe(200);

    expect(((await as('s1', 'GET', '/my-roles')).json() as { roles: unknown[] }).roles).toEqual([]);
    expect(((await as(null, 'GET', '/assignment')).json() as { panels: unknown[] }).panels).toEqual([]);
    expect((await as('prof', 'POST', '/assignment/publish', { published: true })).statusCode).toBe(200);

    const mine = (await as('s1', 'GET', '/my-roles')).json() as {
      groupName: string;
      roles: { role: string; meetingId: string; due: { what: string; at: string } }[];
    };
    expect(mine.groupName).toBe('Alpha');
    expect(mine.roles.map((r) => r.role).sort()).toEqual(['presenter', 'reviewer', 'summarizer']);
    const presenting = mine.roles.find((r) => r.role === 'presenter')!;
    expect(presenting.meetingId).toBe(lectures[2]);
    // Sep 9, 9:30 CDT class: slides due Sep 8, 9:30 CDT = 14:30 UTC.
    expect(presenting.due).toEqual({ what: 'Slides due', at: '2024-09-08T14:30:00.000Z' });
    const panels = (await as(null, 'GET', '/assignment')).json() as {
      panels: { presenters: { name: string; members: unknown }[] }[];
    };
    expect(panels.panels).toHaveLength(3);
    expect(panels.panels[2]!.presenters).toEqual([expect.objectContaining({ name: 'Alpha', members: null })]);
  });

  it('answers bad rankings with 400 and says why, keeping the old ranking', async () => {
    for (const meetingIds of [['no-such-meeting'], [noClass], [lectures[0], lectures[0]]]) {
      const res = await as('s1', 'PUT', '/groups/mine/preferences', { meetingIds });
      expect(res.statusCode).toBe(400);
      expect((res.json() as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect(
      ((await as('s1', 'GET', '/groups/mine/preferences')).json() as { ranking: string[] }).ranking,
    ).toEqual([lectures[2], lectures[0]]);
  });

  it('refuses a second group for a student and an invitation to a student already in one (409)', async () => {
    expect((await as('s1', 'POST', '/groups', {})).statusCode).toBe(409);
    const res = await as('s1', 'POST', '/groups/mine/invitations', { userId: people.s3 });
    expect(res.statusCode).toBe(409);
    expect((await as('s1', 'POST', '/groups/mine/invitations', { userId: people.prof })).statusCode).toBe(
      400,
    );
  });

  it('refuses to apply a plan made before a group changed its ranking (409 stale-plan), roles untouched', async () => {
    const before = (await as('prof', 'GET', '/assignment/staff')).json() as { roles: unknown[] };
    const { planId } = (await as('prof', 'POST', '/assignment/plan', {})).json() as { planId: string };
    await as('s1', 'PUT', '/groups/mine/preferences', { meetingIds: [lectures[1]] });
    const res = await as('prof', 'POST', '/assignment/apply', { planId });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { details: { reason: string } } }).error.details.reason).toBe(
      'stale-plan',
    );
    expect(((await as('prof', 'GET', '/assignment/staff')).json() as { roles: unknown[] }).roles).toEqual(
      before.roles,
    );
  });

  it('asks to confirm a hand edit that breaks a rule, then saves it locked and shows the violation', async () => {
    const view = (await as('prof', 'GET', '/assignment/staff')).json() as {
      roles: { meetingId: string; groupId: string; role: string }[];
    };
    const presenter = view.roles.find((r) => r.role === 'presenter')!;
    const body = { meetingId: presenter.meetingId, groupId: presenter.groupId, role: 'reviewer' };
    const refused = await as('prof', 'PUT', '/assignment/roles', body);
    expect(refused.statusCode).toBe(409);
    expect(
      (refused.json() as { error: { details: { violations: unknown[] } } }).error.details.violations.length,
    ).toBeGreaterThan(0);
    expect((await as('prof', 'PUT', '/assignment/roles', { ...body, confirm: true })).statusCode).toBe(200);
    const after = (await as('prof', 'GET', '/assignment/staff')).json() as {
      roles: { meetingId: string; groupId: string; role: string; locked: boolean }[];
      violations: unknown[];
    };
    expect(after.roles).toContainEqual({ ...body, locked: true });
    expect(after.violations.length).toBeGreaterThan(0);
    // Put it back as it was.
    expect(
      (await as('prof', 'PUT', '/assignment/roles', { ...body, role: 'presenter', confirm: true }))
        .statusCode,
    ).toBe(200);
  });

  it('names the cause when the input cannot be solved (409, no 500): every group unavailable on one lecture', async () => {
    const view = (await as('prof', 'GET', '/assignment/staff')).json() as { groups: { id: string }[] };
    for (const g of view.groups)
      await as('prof', 'POST', '/assignment/exclusions', {
        groupId: g.id,
        meetingId: lectures[1],
        excluded: true,
      });
    const res = await as('prof', 'POST', '/assignment/plan', {});
    expect(res.statusCode).toBe(409);
    const error = (res.json() as { error: { message: string; details: { messages: string[] } } }).error;
    expect(error.details.messages.length).toBeGreaterThan(0);
    expect(error.message).toMatch(/Sep 4/);
  });
});
