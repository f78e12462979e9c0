// Relative links of a syllabus ("Summaries/Template.md", "./Resources/GPU.md") resolved against the base URL given at
// import (the course repository's folder), in readings, staff, forum, resources and the Markdown of the prose.
import type { CourseModel } from '../domain/course.js';

/** A link target without a scheme, a leading "//" or "#": relative to where the syllabus lives. */
export function isRelativeUrl(url: string): boolean {
  return url !== '' && !/\s/.test(url) && !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(url);
}

/**
 * The base as a folder URL (http or https, a trailing "/" added: the repository's folder holds the syllabus),
 * or null when it is not such an address.
 */
export function parseBaseUrl(text: string): URL | null {
  if (text.length > 2000 || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function resolve(url: string, base: URL): string {
  if (!isRelativeUrl(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Markdown links and images, `[text](target "title")`: relative targets resolved, the rest as written. */
function resolveMarkdown(markdown: string, base: URL): string {
  return markdown.replace(
    /(\]\()(<[^>\n]*>|[^)\s]+)((?:\s+"[^"\n]*")?\))/g,
    (all, open: string, target: string, rest: string) => {
      const bare = target.startsWith('<') ? target.slice(1, -1) : target;
      const resolved = resolve(bare, base);
      if (resolved === bare) return all;
      return `${open}${target.startsWith('<') ? `<${resolved}>` : resolved}${rest}`;
    },
  );
}

/** The course with every relative link resolved against `base` (see parseBaseUrl). */
export function resolveRelativeLinks(course: CourseModel, base: URL): CourseModel {
  const link = (url: string) => resolve(url, base);
  return {
    ...course,
    description: resolveMarkdown(course.description, base),
    staff: course.staff.map((s) => (s.url === null ? s : { ...s, url: link(s.url) })),
    forum: course.forum ? { ...course.forum, url: link(course.forum.url) } : null,
    meetings: course.meetings.map((m) => ({
      ...m,
      readings: m.readings.map((r) => (r.url === null ? r : { ...r, url: link(r.url) })),
      notes: m.notes.map((n) => resolveMarkdown(n, base)),
    })),
    policies: course.policies.map((p) => ({ ...p, markdown: resolveMarkdown(p.markdown, base) })),
    resources: course.resources.map((r) => ({ ...r, url: link(r.url) })),
  };
}
