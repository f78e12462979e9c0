// Jekyll/Hugo course pages: YAML front matter ("---\ntitle: …\n---") and Liquid tags ({% … %}, {{ site.baseurl }}).
// Lines are blanked, never removed, so that warnings keep the file's line numbers.

const LIQUID_LINE = /^\s*(\{%.*%\}\s*)+$/;
const BASEURL = /\{\{\s*(site\.baseurl|site\.url|page\.url|base_?url)\s*\}\}/g;
const IAL = /^\s*\{:[^}]*\}\s*$/;

export interface FrontMatter {
  /** The page's title ("title:", else "course:" or "name:"), when the front matter gives one. */
  title: string | null;
}

function yamlValue(v: string): string {
  return v
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .trim();
}

/** Blanks the front matter, Liquid-only lines and kramdown attribute lines; drops {{ site.baseurl }} from links. */
export function stripFrontMatter(lines: string[]): FrontMatter {
  let title: string | null = null;
  if (lines[0]?.trim() === '---') {
    let end = -1;
    for (let i = 1; i < Math.min(lines.length, 200); i++) {
      if (lines[i]!.trim() === '---' || lines[i]!.trim() === '...') {
        end = i;
        break;
      }
    }
    if (end > 0) {
      const fields = new Map<string, string>();
      for (let i = 1; i < end; i++) {
        const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(lines[i]!);
        if (m && m[2]!.trim() !== '') fields.set(m[1]!.toLowerCase(), yamlValue(m[2]!));
      }
      title = fields.get('title') ?? fields.get('course') ?? fields.get('name') ?? null;
      const term = fields.get('term') ?? fields.get('semester');
      if (title && term && !title.includes(term)) title = `${title} (${term})`;
      for (let i = 0; i <= end; i++) lines[i] = '';
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.includes('{')) continue;
    if (LIQUID_LINE.test(l) || IAL.test(l)) lines[i] = '';
    else lines[i] = l.replace(BASEURL, '');
  }
  return { title };
}
