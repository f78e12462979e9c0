// The talk-slot migration on both dialects: a course stored before it had its mid-semester presentation held by 'presenter'; the migration hands it to the slot groups, and undoing it gives it back.
import { beforeAll, expect, it } from 'vitest';
import { listMigrations, migrateDown, migrateToLatest } from '../../src/storage/migrate.js';
import { deliverablesOf, courseOf } from '../../src/services/work/context.js';
import { listDeliverableRows, updateDeliverableRow } from '../../src/storage/repositories/work.js';
import { describeEachDialect } from '../support/dialects.js';
import { buildSlotWorld, MIDTERM, SLUG, type SlotWorld } from '../services/talk-slots-world.js';

const NOW = new Date('2024-10-01T15:00:00Z');
const MIGRATION = '2026_11_26_0500_talk_slots';

describeEachDialect('talk-slot migration', (get) => {
  let w: SlotWorld;
  const holder = async () => {
    const row = (await listDeliverableRows(get().db, w.courseId)).find((r) => r.key === MIDTERM)!;
    return (JSON.parse(row.spec) as { holder: string }).holder;
  };

  beforeAll(async () => {
    w = await buildSlotWorld(get().db, NOW, 'mig-');
    await deliverablesOf(get().db, await courseOf(get().db, SLUG), NOW);
  });

  it("gives the mid-semester presentation back to 'presenter' when undone and to the slot groups when run again", async () => {
    expect(await holder()).toBe('slot');
    // Undo migrations down to (and including) this one, whatever landed after it, then redo them all.
    let undone: string[] = [];
    while (!undone.includes(MIGRATION)) undone = [...undone, ...(await migrateDown(get().db)).applied];
    expect(await holder()).toBe('presenter');
    const redone = await migrateToLatest(get().db);
    expect(redone.applied).toContain(MIGRATION);
    expect(await holder()).toBe('slot');
    expect((await listMigrations(get().db)).every((m) => m.executedAt !== null)).toBe(true);
  });

  it('leaves a deliverable staff changed to another holder alone', async () => {
    const row = (await listDeliverableRows(get().db, w.courseId)).find((r) => r.key === MIDTERM)!;
    await updateDeliverableRow(get().db, w.courseId, MIDTERM, {
      spec: JSON.stringify({ ...JSON.parse(row.spec), holder: 'group' }),
      closed: 0,
      updated_at: NOW.toISOString(),
    });
    let undone: string[] = [];
    while (!undone.includes(MIGRATION)) undone = [...undone, ...(await migrateDown(get().db)).applied];
    await migrateToLatest(get().db);
    expect(await holder()).toBe('group');
  });
});
