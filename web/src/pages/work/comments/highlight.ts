// The summary's text in the browser: commented passages marked (found with the same anchoring as the server), the reader's selection as a quote selector.
import { anchorQuote, selectorAt, type QuoteSelector } from '../../../../../src/domain/quote-anchor.js';

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Wraps the characters [start, end) of the container's text in <mark> elements (one per text node crossed). */
function wrap(container: HTMLElement, start: number, end: number, threadId: string, active: boolean): void {
  let offset = 0;
  for (const node of textNodes(container)) {
    const from = offset;
    const to = offset + node.data.length;
    offset = to;
    if (to <= start || from >= end) continue;
    let target = node;
    const cutStart = Math.max(start - from, 0);
    if (cutStart > 0) target = target.splitText(cutStart);
    const length = Math.min(end, to) - Math.max(start, from);
    if (length < target.data.length) target.splitText(length);
    if (target.data.trim() === '' && target.parentElement?.tagName.match(/^(UL|OL|TABLE|TBODY|THEAD|TR)$/))
      continue;
    const mark = document.createElement('mark');
    mark.className = active ? 'comment-mark comment-mark-active' : 'comment-mark';
    mark.dataset.thread = threadId;
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
  }
}

/**
 * Puts the summary's HTML (sanitized by the server) into the container and marks each open, anchored
 * thread's passage. Answers the ids of the threads marked.
 */
export function paintSummary(
  container: HTMLElement,
  html: string,
  threads: ReadonlyArray<{ id: string; anchor: QuoteSelector | null; resolved: boolean }>,
  activeId: string | null,
): string[] {
  container.innerHTML = html;
  const marked: string[] = [];
  for (const t of threads) {
    if (!t.anchor || (t.resolved && t.id !== activeId)) continue;
    const found = anchorQuote(t.anchor, container.textContent ?? '');
    if (!found) continue;
    wrap(container, found.start, found.end, t.id, t.id === activeId);
    marked.push(t.id);
  }
  return marked;
}

/** The reader's selection inside the container as a quote selector, or null (nothing selected there). */
export function selectionIn(container: HTMLElement): QuoteSelector | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const exact = range.toString();
  if (exact.trim() === '') return null;
  return selectorAt(container.textContent ?? '', { start, end: start + exact.length });
}
