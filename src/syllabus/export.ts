// Course model -> Markdown in the layout of the demo syllabus; parseSyllabus reads it back to the same model.
import type { CourseModel, Meeting, Reading, StaffMember } from '../domain/course.js';
import { blocksOf } from './blocks.js';
import { clock12, dayCode, isoDate, MONTH_NAMES } from './dates.js';
import { headingText, outline } from './document.js';
import { termLabel } from './header.js';
import { formatMilestone } from './milestones.js';
import { legendInText } from './legend.js';
import { needsExplicitMark, noteItem } from './readings.js';
import { findTables } from './tables.js';
import { boldLabel, escapeCell } from './text.js';

const OBJECTIVES = /\b(learning objectives|objectives|learning outcomes|outcomes|goals)\b/i;

function escapeLinkText(s: string): string {
  return s.replace(/([[\]\\])/g, '\\$1');
}

function linkUrl(url: string): string {
  return /[\s<>]/.test(url) || (url.match(/\(/g)?.length ?? 0) !== (url.match(/\)/g)?.length ?? 0)
    ? `<${url}>`
    : url;
}

function roleLabel(role: string): string {
  if (role === 'ta') return 'TA';
  return role.replace(/\b\w/g, (c) => c.toUpperCase());
}

function staffRow(s: StaffMember): string {
  const name = s.url ? `[${escapeLinkText(s.name)}](${linkUrl(s.url)})` : s.name;
  const who = s.netId ? `${name} (${s.netId})` : name;
  const office = [s.officeLocation, s.officeHours].filter((x): x is string => Boolean(x)).join('. ');
  return `| ${escapeCell(who)} | ${escapeCell(roleLabel(s.role))} | ${escapeCell(office)} |`;
}

function logistics(course: CourseModel): string[] {
  const out: string[] = ['## Logistics'];
  const when = course.pattern
    ? `${dayCode(course.pattern.days)}: ${clock12(course.pattern.startTime)} – ${clock12(course.pattern.endTime)}`
    : null;
  const line = [course.location, when].filter(Boolean).join(', ');
  if (line) out.push(`**Lectures**: ${line}`, '');
  out.push(`**Time zone**: ${course.timeZone}`, '');
  if (course.staff.length > 0) {
    out.push(
      '| Member (NetID) | Role | Office Hours |',
      '| :--- | :--- | :--- |',
      ...course.staff.map(staffRow),
      '',
    );
  }
  if (course.forum)
    out.push(`**Forum**: [${escapeLinkText(course.forum.label)}](${linkUrl(course.forum.url)})`, '');
  if (course.staffEmail)
    out.push(`**Staff e-mail**: [${course.staffEmail}](mailto:${course.staffEmail})`, '');
  return out;
}

/** The description with the objectives list put back where the importer takes it from. */
function description(course: CourseModel): string[] {
  const list = course.objectives.map((o) => `- ${o}`);
  const text = course.description;
  if (list.length === 0) return text ? [text, ''] : [];
  const lines = text === '' ? [] : text.split('\n');
  const doc = outline(lines);
  const blocks = blocksOf(lines, 0, lines.length, doc, findTables(lines, 0, lines.length, doc.fenced));
  const marker = blocks.find(
    (b) =>
      (b.kind === 'heading' && OBJECTIVES.test(headingText(b.heading))) ||
      (b.kind === 'para' && OBJECTIVES.test(boldLabel(lines[b.start]!)?.label ?? '')),
  );
  const label = marker?.kind === 'para' ? boldLabel(lines.slice(marker.start, marker.end).join('\n')) : null;
  if (marker && label && label.rest !== '') {
    return [...lines.slice(0, marker.end), '', ...list, '', ...lines.slice(marker.end), ''];
  }
  return ['**Learning Objectives**:', '', ...list, '', ...lines, ''];
}

function readingItem(r: Reading, explicit: boolean): string {
  const title = r.url !== null ? `[${escapeLinkText(r.title)}](${linkUrl(r.url)})` : r.title;
  const mark = r.required ? 'Required' : explicit || needsExplicitMark(r) ? 'Optional' : null;
  // A note with brackets of its own cannot sit inside "( … , Required)": it follows a dash instead.
  const dashed = r.note !== null && /[()[\]]/.test(r.note) && r.url !== null;
  const inside = [dashed ? null : r.note, mark].filter(Boolean).join(', ');
  const head = dashed ? `${title} — ${r.note}` : title;
  return inside ? `${head} (${inside})` : head;
}

function meetingCell(m: Meeting, explicit: boolean): string {
  const items: string[] = [];
  if (m.title !== null) items.push(`**${m.title}**`);
  if (m.startTime && m.endTime)
    items.push(`(${clock12(m.startTime).replace(' ', '')} - ${clock12(m.endTime).replace(' ', '')})`);
  items.push(...m.readings.map((r) => readingItem(r, explicit)), ...m.notes.map(noteItem));
  return escapeCell(items.join('<br>'));
}

/** "Aug 26", or "Aug 26 2024" on every row when the term's year would not give back the same dates. */
function dateWriter(course: CourseModel): (date: string) => string {
  const short = (d: string): string => `${MONTH_NAMES[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}`;
  let ok = course.term !== null;
  let year = course.term?.year ?? 0;
  let prev = 0;
  for (const m of course.meetings) {
    if (!ok) break;
    const month = Number(m.date.slice(5, 7));
    if (prev && month < prev && prev - month >= 6) year++;
    prev = month;
    ok = isoDate(year, month, Number(m.date.slice(8, 10))) === m.date;
  }
  return ok ? short : (d) => `${short(d)} ${d.slice(0, 4)}`;
}

function schedule(course: CourseModel): string[] {
  const extras = ['Presenter', 'Summary'];
  for (const m of course.meetings)
    for (const k of Object.keys(m.extra)) if (!extras.includes(k)) extras.push(k);
  const explicit = [course.description, ...course.policies.map((p) => p.markdown)].some(
    (t) => legendInText(t) !== null,
  );
  const dateOf = dateWriter(course);
  const out = [
    '## Tentative Schedule and Reading List',
    `| Date | Readings | ${extras.map(escapeCell).join(' | ')} |`,
    `| ------- | ------- | ${extras.map(() => '---').join(' | ')} |`,
  ];
  const blank = extras.map(() => '').join(' | ');
  let next = 0;
  const unitRow = (title: string): string => `|  | **${escapeCell(title)}** | ${blank} |`;
  for (const m of course.meetings) {
    if (m.unit !== null) {
      const at = course.units.findIndex((u, k) => k >= next && u.title === m.unit);
      if (at >= 0) {
        for (; next <= at; next++) out.push(unitRow(course.units[next]!.title));
      }
    }
    const cells = extras.map((k) => escapeCell(m.extra[k] ?? ''));
    out.push(`| ${dateOf(m.date)} | ${meetingCell(m, explicit)} | ${cells.join(' | ')} |`);
  }
  for (; next < course.units.length; next++) out.push(unitRow(course.units[next]!.title));
  out.push('');
  return out;
}

export function exportSyllabus(course: CourseModel): string {
  const head = [
    course.code ? `${course.code}: ${course.title}` : course.title,
    course.term ? `(${termLabel(course.term)})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const out: string[] = [`# ${head}`, '', ...logistics(course)];
  const desc = description(course);
  if (desc.length > 0) out.push('## Course Description', ...desc);
  out.push(...schedule(course));
  if (course.components.length > 0) {
    out.push('## Tentative Grading', '| Component | Weight |', '| --- | ---: |');
    for (const c of course.components) out.push(`| ${escapeCell(c.name)} | ${c.weight}% |`);
    out.push('');
  }
  if (course.policies.length > 0) {
    out.push('## Policies', '');
    for (const p of course.policies) out.push(`### ${p.title}`, '', p.markdown, '');
  }
  if (course.milestones.length > 0) {
    out.push(
      '## Project Milestones',
      '',
      ...course.milestones.map((m) => formatMilestone(m, course.timeZone)),
      '',
    );
  }
  if (course.resources.length > 0) {
    out.push(
      '## Resources',
      '',
      ...course.resources.map((r) => `- [${escapeLinkText(r.label)}](${linkUrl(r.url)})`),
      '',
    );
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
