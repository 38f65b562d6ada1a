// One value per page language (a selector table, a reader's words), made from that language's
// words the first time a page in it is read, then kept: readers run on every keystroke and a table
// is the same for every page in that language. A table id without words gets the fallback (the
// reader has refused that page for 'locale' already; the value only has to exist).

/** `make` over the words of a table id, memoised per id. */
export function perLanguage<W, T>(make: (words: W) => T, wordsOf: (table: string) => W): (table: string) => T {
  const made = new Map<string, T>();
  return (table) => {
    let found = made.get(table);
    if (found === undefined) {
      found = make(wordsOf(table));
      made.set(table, found);
    }
    return found;
  };
}
