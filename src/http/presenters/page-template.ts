// The built index.html as a template for server-rendered pages: title, the rendered app, and the data the app hydrates from.

/** The parts of index.html around what a server render fills in. */
export interface PageTemplate {
  head: string;
  beforeApp: string;
  afterApp: string;
}

const TITLE = /<title>[^<]*<\/title>/;
const OUTLET = /\s*<!--page-->[\s\S]*?<!--\/page-->\s*/;
const PREFETCH = /\s*<!--[^>]*?API request[\s\S]*?-->\s*<script async src="\/prefetch\.js"><\/script>/;
const NOSCRIPT = /\s*<noscript\s*>[\s\S]*?<\/noscript\s*>/;
const PLACEHOLDER_NOTE = /\s*<!--\s*Painted before[\s\S]*?-->/;

/**
 * Splits index.html into the parts around the title and the app's outlet, or null when the file has no
 * outlet (an older build): then pages are served as the plain client. The prefetch script (which asks the
 * API for the course the page already carries) and the "needs JavaScript" notice are left out.
 */
export function parseTemplate(indexHtml: string): PageTemplate | null {
  if (!OUTLET.test(indexHtml) || !TITLE.test(indexHtml)) return null;
  const html = indexHtml.replace(PREFETCH, '').replace(NOSCRIPT, '').replace(PLACEHOLDER_NOTE, '');
  const [head = '', rest = ''] = html.split(TITLE);
  const [beforeApp = '', afterApp = ''] = rest.split(OUTLET);
  return { head, beforeApp, afterApp };
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` element: every "<" is written \u003c, so no string in
 * the data can close the element (or open a comment) whatever it holds.
 */
export function scriptJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/**
 * The whole page: the template around the title, the rendered markup, and the embedded JSON the client hydrates from;
 * `links` (the page's own stylesheets and scripts, see page-assets.ts) go at the end of the head.
 */
export function fillTemplate(
  template: PageTemplate,
  page: { title: string; html: string; dataId: string; json: string; links?: string },
): string {
  const data = `<script type="application/json" id="${page.dataId}">${scriptJson(page.json)}</script>`;
  // A function replacement: "$&" or "$'" in course text must not be read as replacement patterns.
  const afterApp = template.afterApp.replace('</body>', () => `${data}\n  </body>`);
  const beforeApp = page.links
    ? template.beforeApp.replace('</head>', () => `${page.links}\n  </head>`)
    : template.beforeApp;
  return `${template.head}<title>${escapeHtml(page.title)}</title>${beforeApp}${page.html}${afterApp}`;
}
