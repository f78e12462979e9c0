// What backup, restore and move are checked by: the API reads of a small course with hand-ins (as its people see
// them, and every download's hash), and the hashes of every blob in a folder store.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BlobStore } from '../../src/files/blob-store.js';
import { makePdf } from '../files/build.js';
import { multipart, signInWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

export const NOW = new Date('2024-08-27T12:00:00Z');
export const api = `/api/courses/${SLUG}`;
const READS = [
  ['ada', `${api}`],
  ['ada', `${api}/dashboard`],
  ['ben', `${api}/deliverables`],
  ['ta', `${api}/deliverables/question/status`],
  ['ta', `${api}/deliverables/slides/status`],
  ['prof', `${api}/meetings/2024-08-28/dashboard`],
] as const;

export async function reads(app: FastifyInstance, world: WorkWorld, receiptIds: string[]) {
  const clients = await signInWorld(app, world);
  const out: Record<string, unknown> = {};
  for (const [who, url] of READS) {
    const res = await clients[who]!.get(url);
    expect(res.statusCode, url).toBe(200);
    out[`${who} ${url}`] = res.json();
  }
  for (const id of receiptIds) {
    const dl = await clients.prof!.get(`${api}/submissions/${id}/download`);
    expect(dl.statusCode).toBe(200);
    out[`download ${id}`] = createHash('sha256').update(dl.rawPayload).digest('hex');
  }
  return out;
}

export async function blobHashes(root: string): Promise<string[]> {
  const store = new BlobStore(root);
  const out: string[] = [];
  for await (const b of store.listBlobs())
    out.push(
      `${b.sha256}=${createHash('sha256')
        .update(await store.read(b.sha256))
        .digest('hex')}`,
    );
  return out.sort();
}

/** Signed in through `app`: two questions and one slide deck handed in; returns their receipt ids. */
export async function handInSome(app: FastifyInstance, world: WorkWorld): Promise<string[]> {
  const clients = await signInWorld(app, world);
  const ids: string[] = [];
  for (const [who, text] of [
    ['ada', 'Why attention?'],
    ['ben', 'Why “quadratic”? ünïcode'],
  ] as const) {
    const res = await clients[who]!.post(`${api}/submissions`, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text,
      acknowledgePolicy: true,
    });
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  const slides = await clients.ada!.request({
    method: 'POST',
    url: `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`,
    ...multipart('talk.pdf', await makePdf(2)),
  });
  expect(slides.statusCode).toBe(201);
  return [...ids, slides.json().id];
}
