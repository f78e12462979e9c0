import { readFileSync } from 'node:fs';
import { parseSyllabus } from '/work/main/src/syllabus/index.ts';
const f = process.argv[2] ?? '/work/shared/fixtures/cs598-genai-f24.md';
const r = parseSyllabus(readFileSync(f, 'utf8'), { timeZone: 'America/Chicago' });
if (!r.ok) {
  console.log(r.error);
  process.exit(0);
}
const c = r.course;
const brief = process.argv[3] === 'full';
console.log(
  JSON.stringify(
    {
      ...c,
      meetings: brief
        ? c.meetings
        : c.meetings.map(
            (m) =>
              `${m.date} ${m.kind} ${m.needsPresenters ? 'P' : '-'} [${m.unit}] ${m.title} r=${m.readings.length}/${m.readings.filter((x) => x.required).length} notes=${JSON.stringify(m.notes)} t=${m.startTime}-${m.endTime} x=${JSON.stringify(m.extra)}`,
          ),
      policies: c.policies.map(
        (p) => `${p.slug} | ${p.title} | ${p.markdown.slice(0, 60).replace(/\n/g, '⏎')}…${p.markdown.length}`,
      ),
    },
    null,
    1,
  ),
);
console.log(r.warnings);
