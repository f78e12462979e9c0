// The browser's first look at a file chosen for a hand-in: how accepted types read, and a wrong type, empty or oversized file named before uploading.
import { bytes } from '../../components/bytes.js';

/** How each accepted type reads to a student, and what the file picker may offer. */
export const TYPE_WORDS: Record<string, { label: string; accept: string[] }> = {
  pdf: { label: 'PDF', accept: ['.pdf', 'application/pdf'] },
  pptx: {
    label: 'PowerPoint (.pptx)',
    accept: ['.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  },
  docx: {
    label: 'Word (.docx)',
    accept: ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  zip: { label: 'zip archive', accept: ['.zip', 'application/zip'] },
  md: { label: 'Markdown (.md)', accept: ['.md', 'text/markdown'] },
  txt: { label: 'plain text (.txt)', accept: ['.txt', 'text/plain'] },
};

export function typeList(types: string[]): string {
  const words = types.map((t) => TYPE_WORDS[t]?.label ?? t);
  return words.length <= 1 ? (words[0] ?? 'any file') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The browser's first check of a chosen file (the server checks the content again): the extension and the size. */
export function fileProblem(
  file: { name: string; size: number },
  types: string[],
  maxBytes: number | null,
): string | null {
  if (file.size === 0) return `“${file.name}” is empty. Choose the file again.`;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (types.length > 0 && !types.includes(ext))
    return `“${file.name}” is not a ${typeList(types)} file. Choose a ${typeList(types)} file.`;
  if (maxBytes !== null && file.size > maxBytes)
    return `“${file.name}” is ${bytes(file.size)}, larger than the ${bytes(maxBytes)} limit. Make it smaller (for slides: compress the images, or export a PDF).`;
  return null;
}
