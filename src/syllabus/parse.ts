// Markdown syllabus -> course model. Pure and total: it never throws; what it cannot place becomes a warning.
import { IANAZone } from 'luxon';
import type { CourseModel, Link, Milestone, PolicySection, Term } from '../domain/course.js';
import { blocksOf, listItems } from './blocks.js';
import { outline, headingText, type Section } from './document.js';
import { findTerm, readHeader } from './header.js';
import { decodeInput } from './input.js';
import { htmlTables, listSchedules, splitDayColumns } from './shaped-tables.js';
import { readLogistics, forumOf, emailOf, type Logistics } from './logistics.js';
import { deriveMilestones, readExplicitMilestone } from './milestones.js';
import { findLegend } from './legend.js';
import { resolveMeetings } from './resolve.js';
import { documentYears } from './year.js';
import { findStart, placeWeeks } from './weeks.js';
import { refusalMessage } from './refusal.js';
import { readComponents } from './grading.js';
import { stripFrontMatter } from './front-matter.js';
import { policySentences } from './policy-sentences.js';
import { definitionSchedules } from './definition-lists.js';
import {
  isDeadlineTable,
  isTeamTable,
  mergeMilestones,
  readDeadlineTable,
  sectionTitleAt,
} from './deadline-tables.js';
import { zoneOfDocument } from './zone.js';
import { findResources, groupSizeOf } from './resources.js';
import { readSchedule, scheduleColumns } from './schedule.js';
import {
  classify,
  isWeightTable,
  readDescription,
  readPolicies,
  nestHeadings,
  uniqueSlugs,
  warnUnplaced,
  type PolicyText,
  type SectionKind,
} from './sections.js';
import { isStaffTable, readStaffTable } from './staff.js';
import { findTables, type Table } from './tables.js';
import { findLinks, plain, tidyMarkdown } from './text.js';
import type { ParseOptions, ParseResult, SyllabusWarning } from './types.js';
import { dropUnsafeLinks } from './safe-links.js';
import { resolveRelativeLinks } from './base-url.js';

export function parseSyllabus(input: string | Uint8Array, options: ParseOptions): ParseResult {
  try {
    return parseUnchecked(input, options);
  } catch {
    return {
      ok: false,
      error: { code: 'not_a_syllabus', message: 'The file could not be read as a course syllabus.' },
    };
  }
}

interface Classified {
  section: Section;
  kind: SectionKind;
}

/** parseSyllabus without its safety net; exported for the fuzz tests, which must see any throw. */
export function parseUnchecked(input: string | Uint8Array, options: ParseOptions): ParseResult {
  const decoded = decodeInput(input);
  if (!decoded.ok) return decoded;
  const lines = decoded.lines;
  const front = stripFrontMatter(lines);
  if (front.title && !lines.some((l) => /^ {0,3}#\s/.test(l))) lines[0] = `# ${front.title}`;
  const warnings: SyllabusWarning[] = decoded.warning ? [{ line: 1, message: decoded.warning }] : [];
  let timeZone = options.timeZone;
  if (!IANAZone.isValidZone(timeZone)) {
    warnings.push({ line: 1, message: `Unknown time zone "${timeZone}"; UTC is used instead.` });
    timeZone = 'UTC';
  }
  const doc = outline(lines);
  timeZone = zoneOfDocument(lines, (i) => doc.fenced[i]!, timeZone, options.timeZoneFixed === true, warnings);
  const piped = findTables(lines, 0, lines.length, doc.fenced).map(splitDayColumns);
  // HTML tables and bulleted schedules read as tables too (outside the ranges pipe tables already cover).
  const html = htmlTables(lines, doc.fenced).filter(
    (t) => !piped.some((p) => p.start < t.end && t.start < p.end),
  );
  const tables = [...piped, ...html];
  tables.push(
    ...listSchedules(lines, doc, tables).filter(
      (t) => !tables.some((p) => p.start < t.end && t.start < p.end),
    ),
  );
  tables.push(
    ...definitionSchedules(lines, doc, tables).filter(
      (t) => !tables.some((p) => p.start < t.end && t.start < p.end),
    ),
  );
  tables.sort((a, b) => a.start - b.start);
  const tableOf = (s: Section): Table[] => tables.filter((t) => t.start >= s.start && t.start < s.end);

  const header = doc.title ? readHeader(doc.title.raw) : null;
  let term: Term | null = header?.term ?? null;
  if (!term) {
    const early = lines.slice(0, Math.min(lines.length, 15)).join(' ');
    term = findTerm(plain(early))?.term ?? null;
  }

  // Sort sections; a section holding a dated table is a schedule whatever its title says.
  const scheduleTables = new Map<Table, NonNullable<ReturnType<typeof scheduleColumns>>>();
  const deadlineTables: Table[] = [];
  for (const t of tables) {
    if (doc.fenced[t.start] || isStaffTable(t) || isTeamTable(t)) continue;
    if (isDeadlineTable(t, sectionTitleAt(doc, t.start))) {
      deadlineTables.push(t);
      continue;
    }
    const cols = scheduleColumns(t);
    if (cols) scheduleTables.set(t, cols);
  }
  const all: Classified[] = [{ section: doc.preamble, kind: 'logistics' }];
  for (const s of doc.sections) {
    let kind = classify(s.title);
    if (tableOf(s).some((t) => scheduleTables.has(t)) && kind !== 'grading') kind = 'schedule';
    if (kind === 'schedule' && !tableOf(s).some((t) => scheduleTables.has(t))) kind = 'other';
    all.push({ section: s, kind });
  }

  const consumed = new Set<number>();
  const consume = (t: Table): void => {
    for (let i = t.start; i < t.end; i++) consumed.add(i);
  };

  // Readings legend ("unmarked = mandatory", "(O) marks optional"), anywhere outside tables and code.
  const legend = findLegend(lines, (i) => doc.fenced[i]! || tables.some((t) => i >= t.start && i < t.end));
  const defaults = legend
    ? {
        unmarkedRequired: legend.unmarkedRequired,
        optionalMarks: legend.optionalMarks,
        requiredMarks: legend.requiredMarks,
      }
    : { unmarkedRequired: false };
  if (legend) warnings.push({ line: legend.line, message: `Reading legend: ${legend.says}.` });

  // Schedule.
  const scheduleBlocks: Parameters<typeof readSchedule>[0] = [];
  for (const c of all.filter((x) => x.kind === 'schedule')) {
    const s = c.section;
    const blocks = blocksOf(lines, s.start, s.end, doc, tables);
    const lastTable = blocks.map((b) => b.kind === 'table' && scheduleTables.has(b.table)).lastIndexOf(true);
    blocks.forEach((b, k) => {
      if (b.kind === 'table' && scheduleTables.has(b.table)) {
        scheduleBlocks.push({ kind: 'table', table: b.table, columns: scheduleTables.get(b.table)! });
        consume(b.table);
      } else if (b.kind === 'heading' && k < lastTable) {
        scheduleBlocks.push({ kind: 'unit', title: headingText(b.heading), line: b.start + 1 });
        consumed.add(b.start);
      } else if (legend && b.kind === 'para' && legend.line > b.start && legend.line <= b.end) {
        consumed.add(legend.line - 1);
      } else if (b.kind !== 'table') {
        warnUnplaced(lines, b.start, b.end, 'Schedule text not placed in the course model', warnings);
      }
    });
  }
  // Dated tables in other sections (e.g. right under the title) count too.
  for (const [t, columns] of scheduleTables) {
    if (consumed.has(t.start)) continue;
    scheduleBlocks.push({ kind: 'table', table: t, columns });
    consume(t);
  }
  scheduleBlocks.sort(
    (a, b) =>
      (a.kind === 'table' ? a.table.start : a.line - 1) - (b.kind === 'table' ? b.table.start : b.line - 1),
  );
  const schedule = readSchedule(scheduleBlocks, defaults, warnings);

  // Logistics: staff tables anywhere, label lines in the preamble and logistics sections.
  const logistics: Logistics = {
    location: null,
    pattern: null,
    forum: null,
    staffEmail: null,
    staff: [],
    prose: [],
  };
  for (const t of tables) {
    if (consumed.has(t.start) || !isStaffTable(t)) continue;
    logistics.staff.push(...readStaffTable(t));
    consume(t);
  }
  for (const c of all.filter((x) => x.kind === 'logistics')) {
    const idx: number[] = [];
    const subheads = new Set(doc.headings.map((h) => h.index));
    for (let i = c.section.start; i < c.section.end; i++) {
      if (consumed.has(i) || doc.fenced[i] || subheads.has(i)) continue;
      if (tables.some((t) => i >= t.start && i < t.end)) continue;
      idx.push(i);
    }
    readLogistics(lines, idx, logistics);
  }
  // Forum and e-mail may also sit in the prose (policies, description), not in the schedule tables.
  const wholeText = lines.filter((l, i) => !consumed.has(i) && l.includes('](')).join('\n');
  if (!logistics.forum) logistics.forum = forumOf(wholeText, null);
  if (!logistics.staffEmail) {
    const mail = findLinks(wholeText).find((l) => l.url.toLowerCase().startsWith('mailto:'));
    logistics.staffEmail = mail ? emailOf(`[x](${mail.url})`) : null;
  }

  const yearSources = documentYears(
    lines,
    (i) => doc.fenced[i]! || consumed.has(i) || i === doc.title?.index,
    header?.term && doc.title ? { year: header.term.year, text: plain(doc.title.raw) } : null,
  );
  const weekRows = schedule.meetings.some((m) => m.week);
  schedule.meetings = placeWeeks(schedule.meetings, {
    start: options.start ?? null,
    written: findStart(lines, (i) => doc.fenced[i]! || consumed.has(i)),
    pattern: logistics.pattern,
    sources: options.year ? [{ year: options.year, where: 'the year given', title: true }] : yearSources,
    warnings,
  });
  const resolved = resolveMeetings(schedule, {
    year: options.year ?? null,
    sources: yearSources,
    pattern: logistics.pattern,
    warnings,
  });
  const meetings = resolved.meetings;
  // No dated class: refused, but the header, staff and policies are still read (for the refusal's partial course).
  const refusal =
    meetings.length === 0
      ? refusalMessage({
          hasTitle: doc.title !== null,
          weekRows,
          tables: tables.filter((t) => !isStaffTable(t) && !isWeightTable(t)).length,
        })
      : null;
  // The year option re-dates a reused syllabus: its term moves along.
  if (options.year !== undefined && term) term = { ...term, year: options.year };

  // Description and objectives.
  let description = '';
  let objectives: string[] = [];
  const policyTexts: PolicyText[] = [];
  let descriptionSeen = false;
  for (const c of all) {
    if (c.kind !== 'description') continue;
    if (!descriptionSeen) {
      const d = readDescription(lines, c.section, doc, tables);
      description = d.description;
      objectives = d.objectives;
      descriptionSeen = true;
    } else if (objectives.length === 0) {
      const d = readDescription(lines, c.section, doc, tables);
      objectives = d.objectives;
      if (d.description)
        policyTexts.push({
          policy: { slug: '', title: c.section.title, markdown: d.description },
          start: c.section.start,
          end: c.section.end,
        });
    } else c.kind = 'other';
  }

  // Grading components.
  const components = readComponents(
    lines,
    doc,
    tables,
    all.filter((x) => x.kind === 'grading').map((x) => x.section),
    consumed,
    warnings,
  );

  // Policies, explicit milestones and resources.
  let explicitMilestones: Milestone[] | null = null;
  const explicitResources: Link[] = [];
  for (const c of all) {
    const s = c.section;
    if (c.kind === 'milestones' && explicitMilestones === null) {
      const items = blocksOf(lines, s.start, s.end, doc, tables).flatMap((b) =>
        b.kind === 'list' ? listItems(lines, b.start, b.end) : [{ text: '', line: b.start + 1 }],
      );
      const read = items.map((it) => readExplicitMilestone(it.text));
      if (read.length > 0 && read.every((m) => m !== null)) {
        explicitMilestones = read as Milestone[];
        continue;
      }
    }
    if (c.kind === 'resources') {
      const blocks = blocksOf(lines, s.start, s.end, doc, tables);
      let pureList = true;
      for (const b of blocks) {
        for (let i = b.start; i < b.end; i++) {
          for (const l of findLinks(lines[i]!))
            explicitResources.push({ label: plain(l.text) || l.url, url: l.url });
        }
        if (
          b.kind !== 'list' ||
          listItems(lines, b.start, b.end).some((it) => !/^\[[^\]]*\]\([^)]*\)$/.test(it.text.trim()))
        )
          pureList = false;
      }
      if (pureList) continue;
    }
    if (
      c.kind === 'grading' ||
      c.kind === 'policies' ||
      c.kind === 'other' ||
      c.kind === 'milestones' ||
      c.kind === 'resources'
    ) {
      policyTexts.push(...readPolicies(lines, s, doc, tables, consumed));
    }
  }
  if (logistics.prose.length > 0) {
    // Paragraph breaks between prose lines that were apart in the file.
    const parts = logistics.prose.map((i, k) =>
      k > 0 && i > logistics.prose[k - 1]! + 1 ? `\n${lines[i]!}` : lines[i]!,
    );
    const first = logistics.prose[0]!;
    policyTexts.push({
      policy: { slug: '', title: 'Logistics', markdown: nestHeadings(tidyMarkdown(parts.join('\n'))) },
      start: first,
      end: logistics.prose[logistics.prose.length - 1]! + 1,
    });
  }
  policyTexts.sort((a, b) => a.start - b.start);
  const policies: PolicySection[] = policyTexts.map((p) => p.policy);
  uniqueSlugs(policies);

  // Milestones from the policy sentences, unless the file lists them explicitly.
  let milestones: Milestone[];
  if (explicitMilestones) milestones = explicitMilestones;
  else {
    const sources = policySentences(lines, policyTexts, doc, tables);
    const fromTables = deadlineTables.flatMap((t) => readDeadlineTable(t, meetings, timeZone, warnings));
    milestones = mergeMilestones(
      fromTables,
      deriveMilestones(sources, meetings, timeZone, warnings),
      timeZone,
    );
  }

  const readingUrls = new Set(meetings.flatMap((m) => m.readings.map((r) => r.url ?? '')));
  const resources = findResources(lines, doc.fenced, explicitResources, readingUrls);
  const groupSize = groupSizeOf([description, ...policies.map((p) => p.markdown)].join('\n'));

  let title = header?.title ?? '';
  if (title === '') {
    title = 'Untitled course';
    warnings.push({
      line: 1,
      message: 'The syllabus has no title heading; the course is called "Untitled course".',
    });
  }

  const linked = dropUnsafeLinks(
    { meetings, staff: logistics.staff, forum: logistics.forum, resources },
    lines,
    warnings,
  );
  const read: CourseModel = {
    code: header?.code ?? null,
    title,
    term,
    timeZone,
    location: logistics.location,
    pattern: logistics.pattern,
    staff: linked.staff,
    forum: linked.forum,
    staffEmail: logistics.staffEmail,
    description,
    objectives,
    units: schedule.units.map((t) => ({ title: t })),
    meetings: linked.meetings,
    components,
    policies,
    milestones,
    resources: linked.resources,
    groupSize,
  };
  const course = options.baseUrl ? resolveRelativeLinks(read, options.baseUrl) : read;
  warnings.sort((a, b) => a.line - b.line);
  if (refusal)
    return { ok: false, error: { code: 'not_a_syllabus', message: refusal }, partial: { course, warnings } };
  return { ok: true, course, warnings, meetingLines: resolved.lines };
}
