// The demo seed on the demo course: its twelve students in four groups, two groups on each mid-semester presentation day, published; a second run changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { seedTalkSlots } from '../../src/services/demo/seed-slots.js';
import { myTalkSlots, staffSlotBoards } from '../../src/services/slots/view-slots.js';
import { makeWorld, SLUG, type World } from './groups-fixture.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld(12, '2024-10-01T15:00:00Z');
  await seedGroups(w.deps, SLUG, 2024);
}, 120_000);
afterAll(() => w.close());

it('puts the 4 demo groups on Oct 21 and Oct 23, two a day, publishes them, and changes nothing when run again', async () => {
  expect(await seedTalkSlots(w.deps, SLUG)).toEqual({ placed: 4, published: true });
  const board = (await staffSlotBoards(w.deps, await w.as(w.instructor))).boards[0]!;
  expect(board.days.map((d) => [d.date, d.talks.length])).toEqual([
    ['2024-10-21', 2],
    ['2024-10-23', 2],
  ]);
  expect(board.problems).toEqual([]);
  expect(board.publishedAt).not.toBeNull();

  const mine = await myTalkSlots(w.deps, await w.as(w.students[0]!), w.students[0]!);
  expect(mine.talks[0]!.talk?.sentence).toMatch(
    /^Your group presents on (Mon Oct 21|Wed Oct 23), (1st|2nd) of 2\.$/,
  );

  expect(await seedTalkSlots(w.deps, SLUG)).toEqual({ placed: 0, published: true });
  expect((await staffSlotBoards(w.deps, await w.as(w.instructor))).boards[0]).toEqual(board);
});
