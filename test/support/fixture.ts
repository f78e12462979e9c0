// The demo syllabus (examples/cs598-genai-f24.md) as bytes, for tests that import it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PATH = fileURLToPath(new URL('../../examples/cs598-genai-f24.md', import.meta.url));
export const FIXTURE_SLUG = 'cs598-genai-f24';

export function fixtureBytes(): Uint8Array {
  return readFileSync(FIXTURE_PATH);
}
