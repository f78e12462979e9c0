// Public face of the syllabus module: Markdown syllabus <-> course model.
// (Implementation lives in the sibling files; this file only re-exports.)
export type { ParseResult, SyllabusWarning } from './types.js';
export { MAX_SYLLABUS_BYTES } from './types.js';
export { parseSyllabus } from './parse.js';
export { exportSyllabus } from './export.js';
export { shiftCourse } from './shift.js';
export { parseBaseUrl } from './base-url.js';
export { applyFixes, settingsOf, type FixOutcome, type SyllabusFix } from './fixes.js';
export { decodeInput } from './input.js';
export { sourceLines, type SourceLines } from './source-lines.js';
