// Row ids: ULIDs whose random part comes from a pooled crypto buffer (one system call per 4 KiB, not one per character).
import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

const pool = new Uint8Array(4096);
let next = pool.length;

/** The ulid package's own PRNG takes one byte per call the same way; this draws them from a refilled pool. */
function pooledByte(): number {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]! / 256;
}

/** A new ULID (time-ordered, 80 random bits from the OS's CSPRNG); `ms` sets the time part. */
export function newId(ms?: number): string {
  return ulid(ms, pooledByte);
}
