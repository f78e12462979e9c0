// Reading legends: lines that say what an unmarked reading is ("Mandatory unless otherwise specified",
// "Unmarked readings are optional") or define a mark of their own ("(O) marks optional", "Optional readings are marked [O]").
import { plain } from './text.js';

export interface Legend {
  /** Whether a reading with no mark is required. */
  unmarkedRequired: boolean;
  /** Marks the legend defines, as written inside their brackets, upper-cased ("O", "*", "R"). */
  optionalMarks: string[];
  requiredMarks: string[];
  /** 1-based line of the legend (0 when read from a text without lines). */
  line: number;
  /** What the legend says, for the warning. */
  says: string;
}

const UNMARKED =
  /\b(unmarked|not marked|without (?:a )?(?:mark|label|tag)|no mark)\b[^.\n]{0,60}?\b(mandatory|required|compulsory|optional)\b/i;
const UNLESS =
  /\b(mandatory|required|compulsory|optional|recommended)\b[^.\n]{0,50}?\bunless\b[^.\n]{0,40}?\b(otherwise|marked|noted|specified|stated|indicated|labell?ed|flagged)\b/i;
const TOKEN = '[([]\\s*([A-Za-z]{1,3}|\\*|†|‡)\\s*[)\\]]';
const MARK_FIRST = new RegExp(
  `${TOKEN}\\s*(?:=|:|–|—|-|marks?|means?|denotes?|indicates?|stands for|is for|is|are)\\s*(?:an?\\s+|the\\s+)?(optional|recommended|supplementary|required|mandatory)\\b`,
  'i',
);
const MARK_AFTER = new RegExp(
  `\\b(optional|recommended|supplementary|required|mandatory)\\b[^.\\n]{0,40}?\\b(?:marked|indicated|denoted|flagged|labell?ed|tagged)\\s+(?:with\\s+|by\\s+|as\\s+)?(?:an?\\s+)?${TOKEN}`,
  'i',
);

const isRequiredWord = (w: string): boolean => /^(mandatory|required|compulsory)$/i.test(w);

/** The legend a line of text states, or null. */
export function legendOf(text: string, line = 0): Legend | null {
  const t = plain(text);
  if (t.length > 2000) return null;
  let unmarked: boolean | null = null;
  const optionalMarks: string[] = [];
  const requiredMarks: string[] = [];
  const u = UNMARKED.exec(t);
  if (u) unmarked = isRequiredWord(u[2]!);
  const unless = unmarked === null ? UNLESS.exec(t) : null;
  if (unless) unmarked = isRequiredWord(unless[1]!);
  const first = MARK_FIRST.exec(t);
  const after = MARK_AFTER.exec(t);
  if (first) (isRequiredWord(first[2]!) ? requiredMarks : optionalMarks).push(first[1]!.toUpperCase());
  if (after) (isRequiredWord(after[1]!) ? requiredMarks : optionalMarks).push(after[2]!.toUpperCase());
  if (unmarked === null && optionalMarks.length === 0 && requiredMarks.length === 0) return null;
  // A mark for optional readings means the others are required, and the other way round.
  if (unmarked === null) unmarked = optionalMarks.length > 0 && requiredMarks.length === 0;
  const parts = [unmarked ? 'readings without a mark are required' : 'readings without a mark are optional'];
  if (optionalMarks.length > 0) parts.push(`(${optionalMarks.join(', ')}) marks optional ones`);
  if (requiredMarks.length > 0) parts.push(`(${requiredMarks.join(', ')}) marks required ones`);
  return { unmarkedRequired: unmarked, optionalMarks, requiredMarks, line, says: parts.join('; ') };
}

const HINT =
  /unmarked|not marked|without (a )?(mark|label|tag)|no mark|unless|marks?\b|marked|means|denotes|=/i;

/** The first legend of the file (outside code blocks and the given table lines). */
export function findLegend(lines: string[], skip: (i: number) => boolean): Legend | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (
      skip(i) ||
      l.length > 2000 ||
      !HINT.test(l) ||
      !/optional|required|mandatory|compulsory|recommended/i.test(l)
    )
      continue;
    const legend = legendOf(l, i + 1);
    if (legend) return legend;
  }
  return null;
}

/** The legend of a Markdown text (the exporter checks the policies it writes back). */
export function legendInText(text: string): Legend | null {
  return findLegend(text.split('\n'), () => false);
}
