// The integrity and AI-tool policy on "What is due" renders as Markdown, sanitized by the one renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { studentDashboard } from '../../src/services/dashboard/student.js';
import { loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { buildCourse } from '../support/course-factory.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

describe('the integrity policy on What is due', () => {
  let t: TestDatabase & { drop(): Promise<void> };
  let world: WorkWorld;
  let deps: WorkDeps;
  const now = new Date('2024-08-27T12:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const course = buildCourse({
      policies: [
        {
          slug: 'integrity',
          title: 'Integrity',
          markdown:
            'Academic integrity: **cite** every source and read [the code](https://example.edu/code).\n\n<script>alert(1)</script>',
        },
      ],
    });
    world = await buildWorkWorld(t.db, now, course);
    deps = {
      db: t.db,
      files: new BlobStore(t.config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: '',
    };
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('gives the policy as HTML with its emphasis and link, and without the script', async () => {
    const work = await loadWorkCourse(deps, SLUG, { userId: world.ids.ada, isAdmin: false });
    const view = await studentDashboard(deps, work, now);
    expect(view.policy).toContain('**cite**');
    expect(view.policyHtml).toContain('<strong>cite</strong>');
    expect(view.policyHtml).toContain('href="https://example.edu/code"');
    expect(view.policyHtml).not.toContain('<script');
    expect(view.policyHtml).not.toContain('**');
  });
});
