// Finds the storage keys a source file uses, for tests/privacy.test.ts: string constants named
// *_KEY or *_PREFIX (a prefix is documented as "<prefix><venue>"), string literals passed to a
// storage call, object-literal keys written with set({...}), and, in a file that calls storage,
// template literals of the form `name.${venue}` (the per-venue keys). Deliberately simple regular
// expressions over the text: the test that uses them also proves they catch a planted key.

const STORAGE_CALL = /\b(?:getLocal|setLocal|getSync|storage\.(?:sync|local|session)\.\w+|area\.(?:get|set))\(/;

export function storageKeysIn(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(/\bconst\s+[A-Z][A-Z0-9_]*_(KEY|PREFIX)\s*=\s*'([^']+)'/g))
    keys.add(m[1] === 'PREFIX' ? `${m[2]}<venue>` : m[2]!);
  if (!STORAGE_CALL.test(text)) return [...keys];
  for (const m of text.matchAll(
    /\b(?:getLocal|setLocal|getSync|storage\.(?:sync|local|session)\.(?:get|set|remove))\(\s*\[?\s*'([^']+)'/g,
  ))
    keys.add(m[1]!);
  for (const m of text.matchAll(/\.set\(\s*\{\s*([A-Za-z_]\w*)\s*:/g)) keys.add(m[1]!);
  for (const m of text.matchAll(/`([A-Za-z][A-Za-z0-9]*)\.\$\{\s*venue\s*\}`/g)) keys.add(`${m[1]}.<venue>`);
  return [...keys];
}
