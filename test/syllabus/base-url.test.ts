// Relative links of the fixture syllabus ("Summaries/Template.md", "./Resources/…", "/Resources/poster.pptx") resolved
// against the course repository given at import; absolute, mailto and in-page links stay as written.
import { describe, expect, it } from 'vitest';
import { parseBaseUrl } from '../../src/syllabus/base-url.js';
import { readSyllabus } from '../../src/services/read-syllabus.js';
import { DomainError } from '../../src/services/errors.js';
import { fixtureBytes } from '../support/fixture.js';

const zone = 'America/Chicago';
const REPO = 'https://github.com/example-org/cs598-genai-f24/blob/main';
const plain = readSyllabus({ source: fixtureBytes(), timeZone: zone }).course;
const based = readSyllabus({ source: fixtureBytes(), timeZone: zone, baseUrl: REPO }).course;
const policy = (c: typeof plain, needle: string) =>
  c.policies.find((p) => p.markdown.includes(needle))!.markdown;

describe('relative links against a base URL', () => {
  it('resolves the syllabus’s relative links against the repository folder, in prose and in resources', () => {
    expect(policy(plain, 'this format')).toContain('[this format](Summaries/Template.md)');
    expect(policy(based, 'this format')).toContain(`[this format](${REPO}/Summaries/Template.md)`);
    const resources = (c: typeof plain) => c.resources.map((r) => r.url);
    expect(resources(plain)).toContain('./Resources/Starting%20with%20Cloudlab');
    expect(resources(based)).toContain(`${REPO}/Resources/Starting%20with%20Cloudlab`);
    // A root-relative link resolves against the host, as a browser on the repository page would.
    expect(JSON.stringify(based)).toContain('https://github.com/Resources/poster.pptx');
    expect(resources(based).every((u) => /^https:\/\//.test(u))).toBe(true);
  });

  it('leaves absolute, mailto and in-page links as written, and the rest of the course the same', () => {
    const urls = (c: typeof plain) => c.meetings.flatMap((m) => m.readings.map((r) => r.url));
    expect(urls(based)).toEqual(urls(plain));
    expect(based.staff).toEqual(plain.staff);
    expect(based.meetings.map((m) => m.date)).toEqual(plain.meetings.map((m) => m.date));
    expect(based.policies.map((p) => p.title)).toEqual(plain.policies.map((p) => p.title));
  });

  it('reads the base as a folder and refuses what is not an http(s) address', () => {
    expect(parseBaseUrl('https://example.edu/course')!.href).toBe('https://example.edu/course/');
    expect(parseBaseUrl('https://example.edu/course/?x=1#top')!.href).toBe('https://example.edu/course/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'not a url',
      '',
      'https://u:p@example.edu/',
    ])
      expect(parseBaseUrl(bad), bad).toBeNull();
    expect(() =>
      readSyllabus({ source: fixtureBytes(), timeZone: zone, baseUrl: 'ftp://example.edu/' }),
    ).toThrow(DomainError);
    expect(() =>
      readSyllabus({ source: fixtureBytes(), timeZone: zone, baseUrl: 'ftp://example.edu/' }),
    ).toThrow(/The base URL \(--base-url\) must be the http\(s\) address/);
  });
});
