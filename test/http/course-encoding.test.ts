import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodedBody, type CachedBody } from '../../src/http/presenters/course-cache.js';

const body = Buffer.from(JSON.stringify({ title: 'Systems for Generative AI', pad: 'x'.repeat(5000) }));
const cached = (): CachedBody => ({ body, etag: 'W/"1"', encoded: {} });

describe('the course body in the encoding a client accepts', () => {
  it('prefers brotli, then gzip, and decodes back to the same JSON', () => {
    const br = encodedBody(cached(), 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).equals(body)).toBe(true);
    const gz = encodedBody(cached(), 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).equals(body)).toBe(true);
  });

  it('sends identity when nothing usable is accepted, or an encoding is refused with q=0', () => {
    expect(encodedBody(cached(), undefined)).toEqual({ encoding: null, body });
    expect(encodedBody(cached(), 'deflate').encoding).toBeNull();
    expect(encodedBody(cached(), 'br;q=0, gzip;q=0.0').encoding).toBeNull();
    expect(encodedBody(cached(), 'br;q=0, gzip;q=0.5').encoding).toBe('gzip');
  });

  it('compresses a cached body once and reuses it', () => {
    const entry = cached();
    const first = encodedBody(entry, 'gzip').body;
    expect(encodedBody(entry, 'gzip').body).toBe(first);
  });
});
