// Server-rendered, server-sanitized Markdown HTML, with its headings moved under the page's own outline.
import { useMemo } from 'react';

/**
 * Shifts the headings of an HTML fragment so that the highest one becomes `<h{top}>`
 * (a policy's "#### Roles" under an h2 section becomes an h3): screen-reader users
 * navigate by heading level, and skipped levels confuse that outline.
 */
export function shiftHeadings(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/gi)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const delta = top - Math.min(...levels);
  if (delta === 0) return html;
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_all, slash: string, level: string) => {
    const next = Math.min(6, Math.max(1, Number(level) + delta));
    return `<${slash}h${next}`;
  });
}

/** Renders sanitized HTML from the API (the server is the only place Markdown is turned into HTML). */
export function Html({
  html,
  className,
  topHeading = 3,
}: {
  html: string;
  className?: string;
  topHeading?: number;
}) {
  const shifted = useMemo(() => shiftHeadings(html, topHeading), [html, topHeading]);
  return (
    <div
      className={className ? `prose ${className}` : 'prose'}
      dangerouslySetInnerHTML={{ __html: shifted }}
    />
  );
}
