// Bench of the staff gradebook page in Chromium: 300 students × 80 items, from navigation to a table that answers a filter.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/domain/group-formation.js';
import { loadConfig } from '../src/config.js';
import { launchBrowser } from '../test/support/browser.js';

const STUDENTS = 300;
const ITEMS = 80;
const CATEGORIES = [
  ['participation', 'Participation', '10', 20],
  ['paper-presentation', 'Paper Presentation & Discussion', '15', 20],
  ['paper-summary', 'Paper Summary', '15', 30],
  ['project-report', 'Project Report', '40', 5],
  ['project-presentations', 'Project Presentations', '20', 5],
] as const;
const STATES = [
  'scored',
  'scored',
  'scored',
  'scored',
  'scored',
  'missing',
  'excused',
  'ungraded',
  'late-zero',
];

/** The body GET /grades answers for a course of 300 students in 100 groups and 80 items (seeded). */
function syntheticBook(seed = 7) {
  const rng = mulberry32(seed);
  const items = CATEGORIES.flatMap(([key, name, , count]) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${key}-${i}`,
      key: `${key}-${i}`,
      categoryKey: key,
      title: `${name} ${i + 1}`,
      pointsPossible: '20',
      audience: 'individual',
      dueAt: null,
      released: i % 3 !== 0,
      releasedAt: null,
      source: 'staff',
    })),
  );
  if (items.length !== ITEMS) throw new Error(`expected ${ITEMS} items`);
  const groups = Array.from({ length: STUDENTS / 3 }, (_, g) => ({ id: `g${g}`, name: `Group ${g + 1}` }));
  const pct = () => (rng() * 60 + 40).toFixed(2);
  const students = Array.from({ length: STUDENTS }, (_, s) => ({
    id: `s${s}`,
    name: `Student ${s + 1}`,
    email: `student${s + 1}@example.edu`,
    group: groups[Math.floor(s / 3)]!,
    cells: Object.fromEntries(
      items.map((i) => {
        const state = STATES[Math.floor(rng() * STATES.length)]!;
        const points = state === 'scored' ? (rng() * 20).toFixed(2) : state === 'ungraded' ? null : '0.00';
        return [i.id, { points, state, overridden: false }];
      }),
    ),
    categories: Object.fromEntries(CATEGORIES.map(([key]) => [key, pct()])),
    final: pct(),
    letter: 'B',
  }));
  return {
    now: '2024-10-01T15:00:00.000Z',
    timeZone: 'America/Chicago',
    categories: CATEGORIES.map(([key, name, weight]) => ({ key, name, weight, dropLowest: 0 })),
    weightsProblem: null,
    cutoffs: [
      ['A', '93'],
      ['A-', '90'],
      ['B+', '87'],
      ['B', '83'],
      ['B-', '80'],
      ['C+', '77'],
      ['C', '73'],
      ['C-', '70'],
      ['D+', '67'],
      ['D', '63'],
      ['D-', '60'],
      ['F', '0'],
    ].map(([letter, min]) => ({ letter, min })),
    participation: {},
    regradeDays: 7,
    items,
    groups,
    students,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Milliseconds from navigation to the full table on screen (300 rows, 80 item columns), and from choosing a group
 * in the filter to its rows; the real server with the work-world course, the API answer replaced by the synthetic
 * book. Median of 3 runs. The web client must be built (`npm run build:web`).
 */
export async function benchGradebookPage(): Promise<Record<string, number>> {
  const { startSiteServer } = await import('../test/e2e/site-server.js');
  const { buildWorkWorld, SLUG } = await import('../test/http/work-helpers.js');
  const { PASSWORD } = await import('../test/http/auth-client.js');
  const server = await startSiteServer({
    withDemo: false,
    seed: ({ seminar }) => buildWorkWorld(seminar.db, new Date()),
  });
  const chrome = await launchBrowser(loadConfig());
  const body = JSON.stringify(syntheticBook());
  const path = `/courses/${SLUG}/grades`;
  try {
    const page = await (
      await chrome.browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(path)}`);
    await page.getByLabel('E-mail').fill('prof@example.edu');
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.route(`**/api/courses/${SLUG}/grades`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const loads: number[] = [];
    const filters: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      await page.goto(`${server.url}${path}`);
      await page.locator('.book-table tbody tr th').nth(20).waitFor();
      // Interactive: the main thread answers (a frame runs) once the table is there.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
      loads.push(performance.now() - start);
      const cells = await page.locator('.book-table tbody tr').first().locator('td').count();
      if (cells < ITEMS) throw new Error(`the table shows ${cells} cells a row`);
      const t = performance.now();
      await page.getByLabel('Group').selectOption({ label: 'Group 7' });
      await page.waitForFunction("document.querySelectorAll('.book-table tbody tr').length === 3");
      filters.push(performance.now() - t);
    }
    return {
      students: STUDENTS,
      items: ITEMS,
      interactiveMs: Math.round(median(loads)),
      groupFilterMs: Math.round(median(filters)),
      // The figures stretch with the machine's load (other work on its cores): read them beside it.
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    await chrome.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchGradebookPage(), null, 2) + '\n');
}
