// The one message of a refused import: which shape of schedule was looked for and not found.

export interface RefusalFacts {
  hasTitle: boolean;
  /** Rows dated by weeks were found, but no first day of classes. */
  weekRows: boolean;
  /** Tables (pipe or HTML) found anywhere, none of them dated. */
  tables: number;
}

const LOOKED_FOR =
  'Looked for: a Markdown or HTML table, a definition list or a bulleted list whose rows begin with a date ("Sep 3", "9/3", "2024-09-03") or a week with a first day of classes ("Week 3 (Tue)").';

export function refusalMessage(f: RefusalFacts): string {
  if (f.weekRows)
    return 'The schedule is written by weeks ("Week 3"), but the syllabus does not say when classes begin: give the first day of classes (--start YYYY-MM-DD) or write it in the syllabus ("Classes begin Tuesday, August 28").';
  const none = f.hasTitle
    ? 'no schedule table with dated class meetings'
    : 'no title and no schedule table with dated class meetings';
  const tables =
    f.tables > 0
      ? ` Its ${f.tables === 1 ? 'one table has' : `${f.tables} tables have`} no column of dates.`
      : '';
  return `This does not look like a course syllabus: it has ${none}.${tables} ${LOOKED_FOR}`;
}
