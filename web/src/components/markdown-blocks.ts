// Markdown split into blocks (headings, lists, quotes, code, paragraphs) for the browser's preview; plain data, no HTML.

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'paragraph'; text: string };

/** Splits Markdown into blocks; anything it does not know reads as a paragraph, as it would in most renderers. */
export function markdownBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.replace(/\s#+\s*$/, '') });
      i++;
      continue;
    }
    const bullet = /^\s*([-*+]|\d+[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        const m = bullet.exec(lines[i]!);
        if (m) items.push(lines[i]!.slice(m[0].length));
        else if (items.length > 0) items[items.length - 1] += ' ' + lines[i]!.trim();
        i++;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const body: string[] = [];
    const quote = /^\s*>/.test(line);
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !/^(#{1,6})\s/.test(lines[i]!) &&
      !/^\s*```/.test(lines[i]!) &&
      (quote || !bullet.test(lines[i]!))
    ) {
      body.push(quote ? lines[i]!.replace(/^\s*>\s?/, '') : lines[i]!);
      i++;
    }
    blocks.push({ kind: quote ? 'quote' : 'paragraph', text: body.join(' ') });
  }
  return blocks;
}
