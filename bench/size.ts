// What the BUILT extension (dist/chrome/manifest.json) puts into a page, gzip -9, each file on its own
// as the browser reads it:
//  - per content_scripts entry (one per venue): its js and css files and what they import statically
//    (a content script is a classic script, so normally nothing): the budget, read on every page load;
//  - per JavaScript module in web_accessible_resources (the overlay's UI, imported with
//    import(runtime.getURL(...)) at the first draw), with its own static imports: informational, it is
//    not evaluated on the load path. Which content-script entries load it lazily is named beside it.
// Read from the manifest and the files, so a change of names or of the split needs no edit here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  /** The pages the entry matches, shortened: host + path of each match pattern. */
  matches: string[];
  files: string[];
  bytes: number;
  gzip: number;
}

export interface LazyModuleSize {
  /** The module's path in the package, as web_accessible_resources names it. */
  module: string;
  /** It and its static imports. */
  files: string[];
  bytes: number;
  gzip: number;
  /** Content-script files that name it (getURL or import of its path): who loads it. */
  loadedBy: string[];
}

interface Manifest {
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[] }>;
  web_accessible_resources?: Array<{ resources?: string[] } | string>;
}

const read = (dist: string, file: string) => readFileSync(path.join(dist, file), 'utf8');

/** Files a bundle imports statically by relative or root specifier (import … from, import "…", export … from). */
export function staticImports(dist: string, file: string, code: string): string[] {
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{0,2}\/[^"']+\.m?js)["']/g)].map((m) => m[1]!);
  return specifiers
    .map((s) => (s.startsWith('/') ? s.slice(1) : path.posix.join(path.posix.dirname(file), s)))
    .filter((resolved) => existsSync(path.join(dist, resolved)));
}

/** `roots` and every file they import statically, each once. */
function closure(dist: string, roots: string[]): string[] {
  const files: string[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.includes(file)) continue;
    files.push(file);
    if (/\.m?js$/.test(file)) queue.push(...staticImports(dist, file, read(dist, file)));
  }
  return files;
}

function measure(dist: string, files: string[]): { bytes: number; gzip: number } {
  const contents = files.map((f) => readFileSync(path.join(dist, f)));
  return {
    bytes: contents.reduce((a, c) => a + c.length, 0),
    gzip: contents.reduce((a, c) => a + gzipSync(c, { level: 9 }).length, 0),
  };
}

function allFiles(dir: string, sub = ''): string[] {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(sub, e.name);
    return e.isDirectory() ? allFiles(dir, rel) : [rel];
  });
}

/** A web_accessible_resources pattern (a path, `*` within a path) as a test on package paths. */
function resourcePattern(pattern: string): (file: string) => boolean {
  const body = pattern
    .replace(/^\//, '')
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${body}$`);
  return (file) => re.test(file);
}

const manifestOf = (dist: string) => JSON.parse(read(dist, 'manifest.json')) as Manifest;

export function contentScriptSizes(dist: string): EntrySize[] {
  return (manifestOf(dist).content_scripts ?? []).map((entry) => {
    const files = closure(dist, [...(entry.js ?? []), ...(entry.css ?? [])]);
    return { matches: entry.matches.map((m) => m.replace(/^[a-z*]+:\/\//, '')), files, ...measure(dist, files) };
  });
}

export function lazyModuleSizes(dist: string): LazyModuleSize[] {
  const manifest = manifestOf(dist);
  const patterns = (manifest.web_accessible_resources ?? []).flatMap((r) =>
    typeof r === 'string' ? [r] : (r.resources ?? []),
  );
  if (patterns.length === 0) return [];
  const tests = patterns.map(resourcePattern);
  const modules = allFiles(dist).filter((f) => /\.m?js$/.test(f) && tests.some((t) => t(f)));
  const contentFiles = [...new Set((manifest.content_scripts ?? []).flatMap((e) => e.js ?? []))];
  return modules.map((module) => {
    const files = closure(dist, [module]);
    const loadedBy = contentFiles.filter((f) => read(dist, f).includes(module));
    return { module, files, loadedBy, ...measure(dist, files) };
  });
}
