// Fetches a raw Markdown syllabus from an http(s) address for the import review: public hosts only, size and time capped.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
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

/** Raised by the connection's own name lookup when a name resolves to an address it may not reach. */
class BlockedAddress extends Error {}

/**
 * The name lookup of the connection itself: every address a name resolves to is checked at connect
 * time, so a name that answered with a public address to the check above and with a private one a
 * moment later (DNS rebinding) is still refused.
 */
export function guardedLookup(options: Pick<FetchOptions, 'allowLoopback'>): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        const kind = classify(address);
        if (kind === 'private' || (kind === 'loopback' && !options.allowLoopback))
          return callback(new BlockedAddress(hostname), '', 4);
      }
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

function get(url: URL, signal: AbortSignal, lookupFn: LookupFunction): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      { signal, lookup: lookupFn, headers: { accept: 'text/markdown, text/plain, */*' } },
      resolve,
    );
    req.once('error', reject);
    req.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length'] ?? '0');
  const tooLarge = () =>
    new DomainError(
      'invalid_syllabus',
      `The file at this address is larger than ${maxBytes / 1024 / 1024} MB; a syllabus is a Markdown file.`,
      {
        reason: 'too_large',
      },
    );
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
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
  const lookupFn = guardedLookup(options);
  for (let hop = 0; ; hop++) {
    await checkHost(url, options);
    let response: IncomingMessage;
    try {
      response = await get(url, signal, lookupFn);
    } catch (error) {
      if (error instanceof BlockedAddress)
        throw refuse(
          `The host "${url.hostname.slice(0, 100)}" is a private or local address; give the public address of the raw Markdown file.`,
        );
      throw refuse(
        signal.aborted
          ? `The address did not answer within ${timeoutMs / 1000} s; try again, or paste the Markdown instead.`
          : 'The address could not be reached; check it, or paste the Markdown instead.',
      );
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= MAX_REDIRECTS)
        throw refuse('The address redirects too many times; give the final address of the file.');
      url = parseAddress(new URL(location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw refuse(
        `The address answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}; check that it is the raw Markdown file and that it is public.`,
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
