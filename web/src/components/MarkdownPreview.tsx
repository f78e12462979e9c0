// A small, safe Markdown preview for text written in the browser: headings, lists, quotes, code, emphasis and links, built as elements (never as HTML).
import type { ReactNode } from 'react';
import { markdownBlocks } from './markdown-blocks.js';

import { isSafeLinkUrl } from '../../../src/contracts/safe-links.js';

/** Only absolute http(s) and mailto targets become links in a preview (relative ones would resolve against the page). */
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Inline marks: `code`, **strong**, *em* / _em_, [text](https://…). Unsafe link targets stay plain text. */
function inline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${n++}`;
    if (m[1] !== undefined) out.push(<code key={k}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={k}>{inline(m[2], k)}</strong>);
    else if (m[3] !== undefined || m[4] !== undefined)
      out.push(<em key={k}>{inline((m[3] ?? m[4])!, k)}</em>);
    else if (m[5] !== undefined)
      out.push(
        SAFE_LINK.test(m[6]!) && isSafeLinkUrl(m[6]) ? (
          <a key={k} href={m[6]} rel="noopener noreferrer">
            {m[5]}
          </a>
        ) : (
          `${m[5]} (${m[6]})`
        ),
      );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** `base` is the level of the first heading (one below the card's own), so the page's outline never skips a level. */
export function MarkdownPreview({ source, base = 4 }: { source: string; base?: number }) {
  const blocks = markdownBlocks(source);
  if (blocks.length === 0) return <p className="muted">Nothing written yet.</p>;
  const top = Math.min(...blocks.map((b) => (b.kind === 'heading' ? b.level : 7)));
  let previous = base - 1;
  return (
    <div className="markdown-preview prose">
      {blocks.map((b, i) => {
        const k = `b${i}`;
        switch (b.kind) {
          case 'heading': {
            const level = Math.min(6, base + b.level - top, previous + 1);
            previous = level;
            const Tag = `h${level}` as 'h3';
            return <Tag key={k}>{inline(b.text, k)}</Tag>;
          }
          case 'list': {
            const items = b.items.map((item, j) => <li key={j}>{inline(item, `${k}-${j}`)}</li>);
            return b.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>;
          }
          case 'quote':
            return <blockquote key={k}>{inline(b.text, k)}</blockquote>;
          case 'code':
            return (
              <pre key={k}>
                <code>{b.text}</code>
              </pre>
            );
          default:
            return <p key={k}>{inline(b.text, k)}</p>;
        }
      })}
    </div>
  );
}
