// Every message key the code uses exists in every language with the same placeholders, and the
// code carries no English of its own: one t(key, subs?) looked up in _locales, no say(), no
// fallback strings, and no _locales file bundled into the extension (src/ui/i18n.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const ROOT = new URL('../', import.meta.url).pathname;
const messages = (locale: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, '_locales', locale, 'messages.json'), 'utf8')) as Messages;
const LOCALES = readdirSync(join(ROOT, '_locales'));
const en = messages('en');
/** Message names start with one of these (overlay_…, popup_…); a string of that form in code is a key. */
const PREFIXES = [...new Set(Object.keys(en).map((k) => k.split('_')[0] ?? ''))].filter((p) => !Object.hasOwn(en, p));
const KEY_LIKE = new RegExp(`^(?:${PREFIXES.join('|')})_[A-Za-z0-9_@]+$`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Use {
  where: string;
  key: string;
  /** Substitutions passed, when the call writes them out (an array literal or one string); else undefined. */
  subs?: number;
}
interface Finding {
  where: string;
  what: string;
}

const uses: Use[] = [];
const literals: Use[] = [];
const findings: Finding[] = [];

for (const file of sourceFiles(join(ROOT, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const where = (node: ts.Node): string =>
    `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const keysOf = (node: ts.Expression): string[] | undefined => {
    if (ts.isStringLiteralLike(node)) return [node.text];
    if (ts.isParenthesizedExpression(node)) return keysOf(node.expression);
    if (ts.isConditionalExpression(node)) {
      const a = keysOf(node.whenTrue);
      const b = keysOf(node.whenFalse);
      return a && b ? [...a, ...b] : undefined;
    }
    return undefined; // a typed MessageKey from a table: its literals are collected below
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && KEY_LIKE.test(node.text)) literals.push({ where: where(node), key: node.text });
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.moduleSpecifier.text.includes('_locales') && node.importClause?.isTypeOnly !== true)
        findings.push({ where: where(node), what: `bundles ${node.moduleSpecifier.text}` });
    }
    if (ts.isFunctionDeclaration(node) && node.name?.text === 'say')
      findings.push({ where: where(node), what: 'say()' });
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      if (name === 'say') findings.push({ where: where(node), what: 'say() call' });
      if (name === 't') {
        const [key, subs, ...rest] = node.arguments;
        if (key === undefined || rest.length > 0)
          findings.push({ where: where(node), what: 't() takes a key and subs' });
        const keys = key === undefined ? undefined : keysOf(key);
        const count =
          subs === undefined
            ? 0
            : ts.isArrayLiteralExpression(subs) && !subs.elements.some(ts.isSpreadElement)
              ? subs.elements.length
              : ts.isStringLiteralLike(subs) || ts.isTemplateExpression(subs)
                ? 1
                : undefined;
        for (const k of keys ?? [])
          uses.push({ where: where(node), key: k, ...(count === undefined ? {} : { subs: count }) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** The highest `$n` a message reads (in its text or its placeholders' contents). */
const substitutionsRead = (entry: Messages[string]): number => {
  const texts = [entry.message, ...Object.values(entry.placeholders ?? {}).map((p) => p.content)];
  const digits = texts.flatMap((s) => [...s.replace(/\$\$/g, '').matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
  return Math.max(0, ...digits);
};

describe('message keys in code', () => {
  it('finds the calls (the scan works)', () => {
    expect(uses.length).toBeGreaterThan(200);
    expect(literals.length).toBeGreaterThanOrEqual(uses.length);
  });

  it.each(LOCALES)('every key the code names exists in _locales/%s', (locale) => {
    const known = messages(locale);
    const missing = literals.filter((u) => !Object.hasOwn(known, u.key)).map((u) => `${u.where} ${u.key}`);
    expect(missing).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has the same placeholders as English for every key used', (locale) => {
    const other = messages(locale);
    for (const { key, where } of literals) {
      if (other[key] === undefined || en[key] === undefined) continue; // said by the test above
      expect(other[key]?.placeholders ?? {}, `${where} ${key}`).toEqual(en[key]?.placeholders ?? {});
      expect(substitutionsRead(other[key]!), `${where} ${key}`).toBe(substitutionsRead(en[key]!));
    }
  });

  it('every t() call passes as many substitutions as its message reads', () => {
    const wrong = uses
      .filter((u) => u.subs !== undefined && en[u.key] !== undefined && substitutionsRead(en[u.key]!) !== u.subs)
      .map((u) => `${u.where} ${u.key}: passes ${u.subs}, reads ${substitutionsRead(en[u.key]!)}`);
    expect(wrong).toEqual([]);
  });

  it('no English fallbacks in code: no say(), t() with a key (and substitutions) only, no _locales bundled', () => {
    expect(findings.map((f) => `${f.where} ${f.what}`)).toEqual([]);
  });
});
