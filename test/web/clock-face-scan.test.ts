// The web client's clock face and icons, by a scan of web/src: dates and times are formatted and parsed only in
// web/src/time.ts (in the course's zone), and no emoji or arrow glyph stands in for an icon.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../web/src');
const TIME_MODULE = 'time.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(tsx?|css)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The code without its comments (a comment may name what the code must not do). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The code without key names (an arrow key named in <kbd> is text, not an icon). */
function withoutKeys(body: string): string {
  return body.replace(/<kbd>[^<]*<\/kbd>/g, '<kbd></kbd>');
}

const TIME_RULES: Array<[RegExp, string]> = [
  [/\.toLocale(Date|Time)?String\(/, 'toLocale…String (the browser’s locale and zone)'],
  [/Intl\.DateTimeFormat/, 'Intl.DateTimeFormat (format through web/src/time.ts)'],
  [/new Date\(\s*[^)\s]/, 'new Date(…) parsing (read instants through web/src/time.ts)'],
  [/Date\.parse\([^)]*(\.value|target)/, 'Date.parse of an input’s value (the browser’s zone)'],
  [/\.get(Hours|Minutes|Date|Day|Month|FullYear)\(\)/, 'the browser zone’s wall clock (Date#get…)'],
];

/** Emoji (pictographs, dingbats, symbols, the emoji presentation selector) anywhere in web/src. */
const EMOJI = /[\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{1F000}-\u{1FAFF}]|\u{FE0F}/u;
/** Arrow glyphs and a multiplication sign used as icons in the code (comments may use them). */
const ICON_GLYPHS = /[\u{2190}-\u{21FF}\u{2900}-\u{297F}\u{00D7}]/u;

export function findings(path: string, text: string): string[] {
  const found: string[] = [];
  const rel = relative(root, path);
  const body = code(text);
  if (rel !== TIME_MODULE && !path.endsWith('.css'))
    for (const [rule, what] of TIME_RULES) if (rule.test(body)) found.push(`${rel}: ${what}`);
  if (EMOJI.test(text)) found.push(`${rel}: an emoji`);
  if (ICON_GLYPHS.test(withoutKeys(body)))
    found.push(`${rel}: an arrow or × glyph as an icon (use components/Icon)`);
  return found;
}

describe('the web client’s one clock face and drawn icons', () => {
  it('formats and parses times only in web/src/time.ts and draws icons instead of emoji', () => {
    const all = files(root).flatMap((f) => findings(f, readFileSync(f, 'utf8')));
    expect(all).toEqual([]);
  });

  it('catches what the old code did (browser-locale times, input parsing, emoji and arrows)', () => {
    const page = join(root, 'pages/roster/AuditPage.tsx');
    expect(findings(page, '<td>{new Date(e.at).toLocaleString()}</td>')).toHaveLength(2);
    expect(findings(page, 'groupDeadline: deadline ? new Date(deadline).toISOString() : null')).toEqual([
      'pages/roster/AuditPage.tsx: new Date(…) parsing (read instants through web/src/time.ts)',
    ]);
    expect(findings(page, "fmt = new Intl.DateTimeFormat('en-US', { timeZone })")).toHaveLength(1);
    expect(findings(page, 'const h = d.getHours();')).toHaveLength(1);
    expect(findings(page, "{r.locked ? '\u{1F512}' : '\u{1F513}'}")).toEqual([
      'pages/roster/AuditPage.tsx: an emoji',
    ]);
    expect(findings(page, '<button>\u2191</button>')).toHaveLength(1);
    expect(findings(page, '<td>{from} \u2192 {to}</td>')).toHaveLength(1);
    // A key named in <kbd> is text.
    expect(findings(page, '<kbd>Alt</kbd> + <kbd>\u2191</kbd>')).toEqual([]);
    // Comments may speak of arrows, and time.ts itself formats.
    expect(findings(page, '// plan \u2192 preview \u2192 apply\nconst a = 1;')).toEqual([]);
    expect(
      findings(join(root, TIME_MODULE), 'new Intl.DateTimeFormat("en-US").format(new Date(iso))'),
    ).toEqual([]);
    expect(findings(page, 'const now = new Date().toISOString();')).toEqual([]);
  });
});
