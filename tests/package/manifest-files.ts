// Which files of a browser package the extension can reach: what the manifest names, then what
// those pages and scripts load (HTML src/href, relative ES imports, runtime.getURL literals).
// A packaged file nothing reaches is dead weight a reviewer has to read; a reached file that is
// missing is a broken package.
import path from 'node:path';

type Json = Record<string, unknown>;

const strings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(strings)
      : typeof v === 'object' && v !== null
        ? Object.values(v).flatMap(strings)
        : [];

/** "src/*.js" → /^src\/[^/]*\.js$/ (web_accessible_resources patterns). */
const globToRegex = (glob: string): RegExp =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

/** The files the manifest itself names (paths inside the package, no leading slash). */
function manifestRoots(manifest: Json, files: readonly string[]): string[] {
  const m = manifest as {
    icons?: unknown;
    action?: { default_icon?: unknown; default_popup?: string };
    options_ui?: { page?: string };
    options_page?: string;
    background?: { service_worker?: string; scripts?: string[]; page?: string };
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
    web_accessible_resources?: Array<{ resources?: string[] }>;
    default_locale?: string;
  };
  const named = [
    ...strings(m.icons),
    ...strings(m.action?.default_icon),
    ...strings(m.action?.default_popup),
    ...strings(m.options_ui?.page),
    ...strings(m.options_page),
    ...strings(m.background?.service_worker),
    ...strings(m.background?.scripts),
    ...strings(m.background?.page),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ];
  const patterns = (m.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []).map(globToRegex);
  const exposed = files.filter((f) => patterns.some((re) => re.test(f)));
  // default_locale: the browser reads every _locales/<locale>/messages.json.
  const locales = m.default_locale ? files.filter((f) => /^_locales\/[^/]+\/messages\.json$/.test(f)) : [];
  return ['manifest.json', ...named.map((f) => f.replace(/^\//, '')), ...exposed, ...locales];
}

/** What one HTML page or script loads, as package paths. */
function referencesOf(file: string, text: string): string[] {
  const found: string[] = [];
  if (file.endsWith('.html')) {
    for (const [, ref] of text.matchAll(/\b(?:src|href)="([^"#?]+)"/g)) found.push(ref!);
  } else if (file.endsWith('.js')) {
    for (const [, ref] of text.matchAll(/\b(?:import|export)\b[^'"`;]*?["'](\.{1,2}\/[^"']+)["']/g)) found.push(ref!);
    for (const [, ref] of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(ref!);
    for (const [, ref] of text.matchAll(/\bgetURL\(\s*["']([^"']+)["']\s*\)/g))
      found.push(`/${ref!.replace(/^\//, '')}`);
  } else if (file.endsWith('.css')) {
    for (const [, ref] of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) found.push(ref!);
  }
  return found
    .filter((ref) => !/^[a-z][a-z0-9+.-]*:/i.test(ref)) // https:, data:, chrome-extension:
    .map((ref) => (ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(file), ref)))
    .filter((ref) => ref !== '' && !ref.endsWith('/')); // getURL('/'): the extension's origin, not a file
}

export interface Reach {
  reached: Set<string>;
  /** Named or loaded, but not in the package. */
  missing: string[];
  /** In the package, but nothing names or loads it. */
  unused: string[];
}

export function reach(files: ReadonlyMap<string, Buffer>): Reach {
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
  const names = [...files.keys()];
  const reached = new Set<string>();
  const missing: string[] = [];
  const queue = manifestRoots(manifest, names);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const data = files.get(file);
    if (data === undefined) {
      missing.push(file);
      continue;
    }
    queue.push(...referencesOf(file, data.toString('utf8')));
  }
  return { reached, missing, unused: names.filter((f) => !reached.has(f)) };
}
