// The syllabus fetch checks addresses where the connection is made, not only before: a name that resolves to a
// private or loopback address at connect time (DNS rebinding) is refused, whatever an earlier lookup said.
import type { LookupAddress } from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchSyllabus, guardedLookup } from '../../src/services/fetch-syllabus.js';

function resolveWith(allowLoopback: boolean, all: boolean) {
  return new Promise<{ error: Error | null; address: string | LookupAddress[] }>((resolve) => {
    guardedLookup({ allowLoopback })('localhost', { all, family: 0 }, (error, address) =>
      resolve({ error, address: address as string | LookupAddress[] }),
    );
  });
}

describe('syllabus fetch', () => {
  it("refuses, at connect time, a name that resolves to a loopback address unless loopback is allowed (tests' own servers)", async () => {
    for (const all of [false, true]) {
      const refused = await resolveWith(false, all);
      expect(refused.error).toBeInstanceOf(Error);
      const allowed = await resolveWith(true, all);
      expect(allowed.error).toBeNull();
      const addresses =
        typeof allowed.address === 'string' ? [allowed.address] : allowed.address.map((a) => a.address);
      expect(addresses.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
    }
  });

  it('fetches through a name, follows a redirect, and caps the size with a message', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/moved') return res.writeHead(302, { location: '/syllabus.md' }).end();
      if (req.url === '/big') return res.end('x'.repeat(2048));
      res.writeHead(200, { 'content-type': 'text/markdown' }).end('# A course\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const got = await fetchSyllabus(`http://localhost:${port}/moved`, { allowLoopback: true });
      expect(Buffer.from(got.bytes).toString()).toBe('# A course\n');
      expect(got.url).toBe(`http://localhost:${port}/syllabus.md`);
      await expect(
        fetchSyllabus(`http://localhost:${port}/big`, { allowLoopback: true, maxBytes: 1024 }),
      ).rejects.toThrow(/larger than/);
      await expect(fetchSyllabus(`http://localhost:${port}/moved`, { allowLoopback: false })).rejects.toThrow(
        /private or local address/,
      );
    } finally {
      server.close();
    }
  });
});
