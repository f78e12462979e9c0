// Names people type (accounts, roster rows, groups): no characters that are invisible or turn the text around.

/**
 * C0/C1 controls, the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and marks (U+200E/U+200F, U+061C), zero-width and other invisible format
 * characters (U+200B, U+2060–U+2064, U+FEFF, soft hyphen, Hangul fillers, interlinear
 * annotation), line and paragraph separators. A name with one can show as somebody else's
 * ("Ada\u202Eecila" reads "Adaalice") or as nothing at all. Zero-width (non-)joiners
 * (U+200C/U+200D) stay allowed: Persian, Indic scripts and emoji need them.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb]/u;

/** "U+202E" for the first invisible or direction-changing character in `text`, or null. */
export function invisibleCharacterIn(text: string): string | null {
  const match = INVISIBLE.exec(text);
  if (!match) return null;
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The sentence a refused name answers with. */
export function invisibleCharacterProblem(what: string, code: string): string {
  return `${what} cannot contain invisible or text-direction control characters (found ${code}); retype it without them.`;
}
