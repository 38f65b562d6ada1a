// What each content_scripts entry of the BUILT manifest (dist/chrome/manifest.json) puts into a page,
// gzip -9: its js and css files, plus any file they import or fetch from the extension by a relative
// path (shared chunks). One entry per venue once the bundles are split per venue; today's single entry
// matches every venue. Read from the manifest, so a change of file names or of the split needs no edit here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  /** The pages the entry matches, shortened: host + path of each match pattern. */
  matches: string[];
  files: string[];
  bytes: number;
  gzip: number;
}

interface ManifestEntry {
  matches: string[];
  js?: string[];
  css?: string[];
}

/** Files a bundle pulls in by relative specifier: static and dynamic imports, chrome.runtime.getURL. */
function referencedFiles(dist: string, file: string, code: string): string[] {
  const out: string[] = [];
  const specifiers = [
    ...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{0,2}\/[^"']+\.m?js)["']/g),
    ...code.matchAll(/getURL\(\s*["']([^"']+\.m?js)["']\s*\)/g),
  ].map((m) => m[1]!);
  for (const s of specifiers) {
    const resolved = s.startsWith('/') ? s.slice(1) : path.posix.join(path.posix.dirname(file), s);
    if (existsSync(path.join(dist, resolved))) out.push(resolved);
  }
  return out;
}

export function contentScriptSizes(dist: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestEntry[];
  };
  return (manifest.content_scripts ?? []).map((entry) => {
    const files: string[] = [];
    const queue = [...(entry.js ?? []), ...(entry.css ?? [])];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (files.includes(file)) continue;
      files.push(file);
      if (/\.m?js$/.test(file)) queue.push(...referencedFiles(dist, file, readFileSync(path.join(dist, file), 'utf8')));
    }
    const contents = files.map((f) => readFileSync(path.join(dist, f)));
    return {
      matches: entry.matches.map((m) => m.replace(/^[a-z*]+:\/\//, '')),
      files,
      bytes: contents.reduce((a, c) => a + c.length, 0),
      // Each file on its own, as the browser reads them.
      gzip: contents.reduce((a, c) => a + gzipSync(c, { level: 9 }).length, 0),
    };
  });
}
