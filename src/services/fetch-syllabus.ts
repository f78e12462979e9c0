// Fetches a raw Markdown syllabus from an http(s) address for the import review: public hosts only, size and time capped.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { MAX_SYLLABUS_BYTES } from '../syllabus/index.js';
import { DomainError } from './errors.js';

export interface FetchOptions {
  /** Tests serve the syllabus from 127.0.0.1: loopback is then allowed (never private networks). */
  allowLoopback: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

const MAX_REDIRECTS = 3;

const privateRanges = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  privateRanges.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  privateRanges.addSubnet(net, bits, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 ("::ffff:10.0.0.1") is checked as IPv4. */
function classify(address: string): 'public' | 'loopback' | 'private' {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (loopback.check(ip, family)) return 'loopback';
  return privateRanges.check(ip, family) ? 'private' : 'public';
}

const refuse = (message: string) => new DomainError('invalid_input', message, { field: 'url' });

function parseAddress(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(
      'The syllabus address must be a full http(s) address, like https://example.edu/syllabus.md.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse(`Only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, '')}.`);
  if (url.username || url.password)
    throw refuse('The syllabus address must not carry a user name or password.');
  return url;
}

async function checkHost(url: URL, options: FetchOptions): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw refuse(`The host "${host.slice(0, 100)}" could not be found.`);
  }
  for (const address of addresses) {
    const kind = classify(address);
    if (kind === 'private' || (kind === 'loopback' && !options.allowLoopback))
      throw refuse(
        `The host "${host.slice(0, 100)}" is a private or local address; give the public address of the raw Markdown file.`,
      );
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    new DomainError(
      'invalid_syllabus',
      `The file at this address is larger than ${maxBytes / 1024 / 1024} MB; a syllabus is a Markdown file.`,
      {
        reason: 'too_large',
      },
    );
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches the syllabus at `address`: http(s) only, public hosts only (checked again at each
 * redirect), at most 5 MB and 10 s. Each failure is an invalid_input saying what to do.
 */
export async function fetchSyllabus(
  address: string,
  options: FetchOptions,
): Promise<{ bytes: Uint8Array; url: string }> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseAddress(address);
  for (let hop = 0; ; hop++) {
    await checkHost(url, options);
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/markdown, text/plain, */*' },
      });
    } catch {
      throw refuse(
        signal.aborted
          ? `The address did not answer within ${timeoutMs / 1000} s; try again, or paste the Markdown instead.`
          : 'The address could not be reached; check it, or paste the Markdown instead.',
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS)
        throw refuse('The address redirects too many times; give the final address of the file.');
      url = parseAddress(new URL(location, url).href);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw refuse(
        `The address answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; check that it is the raw Markdown file and that it is public.`,
      );
    }
    try {
      return { bytes: await readCapped(response, options.maxBytes ?? MAX_SYLLABUS_BYTES), url: url.href };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw refuse(
        `The file could not be read to its end within ${timeoutMs / 1000} s; try again, or paste the Markdown instead.`,
      );
    }
  }
}
