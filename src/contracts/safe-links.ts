// Which URLs may become a link or a redirect target: shared by the server (import, rendering) and the web client.

const PROBE_ORIGIN = 'https://seminar.invalid';

/**
 * The same-origin path (path, query, fragment) that `next` names, or `fallback`. Decided after
 * URL parsing, as a browser would: "/\evil.example/x", "/\tevil.example" (tabs and newlines are
 * dropped by the parser) and "//evil.example" all name another host and fall back.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || next.length > 2000 || !next.startsWith('/')) return fallback;
  // Backslashes count as slashes and control characters vanish in a browser: no path needs either.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, `${PROBE_ORIGIN}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where sign-in lands when no page asked to be returned to: course staff on the Today page of their
 * first course they teach, everyone else on the list of courses.
 */
export function landingPath(courses: ReadonlyArray<{ slug: string; role: string }>): string {
  const taught = courses.find((c) => c.role === 'instructor' || c.role === 'ta');
  return taught ? `/courses/${encodeURIComponent(taught.slug)}/today` : '/';
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether `url` may be a live link: http(s), mailto, or relative (path, query, fragment).
 * javascript:, data:, vbscript:, file: and every other scheme are not, however they are spelt
 * ("JaVa\tScRiPt:" parses as javascript:).
 */
export function isSafeLinkUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  const text = url.trim();
  // eslint-disable-next-line no-control-regex
  if (text === '' || /[\u0000-\u001f\u007f]/.test(text)) return false;
  try {
    return LINK_PROTOCOLS.has(new URL(text, `${PROBE_ORIGIN}/`).protocol);
  } catch {
    return false;
  }
}

/** The link target to render, or null when the URL must be shown as plain text. */
export function safeHref(url: string | null | undefined): string | null {
  return isSafeLinkUrl(url) ? url.trim() : null;
}
