// The code and styles a server-rendered page will load, as <link> hints for its head (from Vite's build manifest).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from './page-template.js';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** Vite's manifest of the client build in `webDir` (build.manifest), or null without one. */
export function readManifest(webDir: string): Manifest | null {
  const file = join(webDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * The `<link>` elements for the page whose code is the module `source` (a manifest key such as
 * "src/pages/SchedulePage.tsx"): its stylesheets (so the first paint is already styled, not restyled when the code
 * asks for them) and its scripts as modulepreload (fetched beside the entry instead of after it). What the entry
 * itself loads is in index.html already and left out. Empty when the manifest does not know the module.
 */
export function pageAssetLinks(manifest: Manifest, source: string): string {
  const start = manifest[source];
  if (!start) return '';
  const entries = Object.values(manifest).filter((c) => c.isEntry);
  const inIndex = new Set<string>();
  for (const entry of entries) {
    inIndex.add(entry.file);
    for (const css of entry.css ?? []) inIndex.add(css);
  }
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key) || chunk.isEntry) return;
    seen.add(key);
    if (!inIndex.has(chunk.file)) scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!inIndex.has(css) && !styles.includes(css)) styles.push(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(source);
  const href = (file: string) => escapeHtml(`/${file}`);
  return [
    ...styles.map((file) => `<link rel="stylesheet" crossorigin href="${href(file)}">`),
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="${href(file)}">`),
  ].join('');
}
