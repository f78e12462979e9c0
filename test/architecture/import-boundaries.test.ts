// Layer boundaries read from the sources: the domain is pure, only the app's composition in src/http knows the
// storage handle, and services and the domain read time only through the injected clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, dir, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('import boundaries', () => {
  it('src/domain imports nothing from storage, http or services', () => {
    const crossings = sources('src/domain').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)(storage|http|services)\//.test(spec))
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(crossings).toEqual([]);
  });

  it('presenters, routes and plugins reach storage only through services; app.ts and deps.ts compose the handle', () => {
    const composition = new Set([join('src', 'http', 'app.ts'), join('src', 'http', 'deps.ts')]);
    const crossings = sources('src/http')
      .filter((file) => !composition.has(relative(ROOT, file)))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /(^|\/)storage\//.test(spec))
          .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
      );
    expect(crossings).toEqual([]);
  });

  it('src/services and src/domain read time only through the injected clock (the default clock lives in services/deps.ts)', () => {
    const reads = [...sources('src/services'), ...sources('src/domain')]
      .filter((file) => relative(ROOT, file) !== join('src', 'services', 'deps.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, k) => ({ line, k }))
          .filter(
            ({ line }) => !line.trimStart().startsWith('//') && /Date\.now\(\s*\)|new Date\(\s*\)/.test(line),
          )
          .map(({ k }) => `${relative(ROOT, file)}:${k + 1}`),
      );
    expect(reads).toEqual([]);
  });
});
