import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data and America/Chicago', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('sqlite');
    expect(config.timeZone).toBe('America/Chicago');
    expect(config.port).toBe(3000);
  });
  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });
  it('explains how to fix a bad DATABASE_URL and an unknown time zone', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadConfig({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/not an IANA time zone/);
  });
  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
