// A fixture page after a redeploy that renamed the order form's labels and ids (issue 14): every
// input id in the page (and what refers to it: label for, aria-labelledby) becomes another one, and
// inside the form root the price and size labels ("Price", "Price (USDT)", "Qty", their inputs'
// aria-label and placeholder) say other words: "Level" for a price, "Volume" for a size. Only labels: the account panel, the positions
// table and longer texts that merely contain the word ("Quantity currency") keep their words. The
// built-in reader then misses price and size, which is what teach mode is for.

/** The label words renamed by default, and what the redeploy calls them. */
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  'Limit price': 'Level',
  Price: 'Level',
  Quantity: 'Volume',
  Size: 'Volume',
  Amount: 'Volume',
  Qty: 'Volume',
};

/** A whole label: one of the words, maybe with a unit in brackets ("Price (USDC)"). */
const labelPattern = (words: readonly string[]) =>
  new RegExp(`^(\\s*)(${words.join('|')})(\\s*\\([^)]*\\))?(\\s*)$`, 'i');

function renamedId(id: string): string {
  return `q${[...id].reverse().join('')}z`;
}

export function renameFormFields(
  doc: Document,
  formRoot: Element,
  words: Readonly<Record<string, string>> = FIELD_WORDS,
): void {
  const label = labelPattern(Object.keys(words));
  const rename = (text: string) =>
    text.replace(label, (_all, before: string, word: string, unit = '', after: string) => {
      const renamedWord = Object.entries(words).find(([old]) => old.toLowerCase() === word.toLowerCase())![1];
      return `${before}${renamedWord}${unit}${after}`;
    });
  const renamed = new Map<string, string>();
  for (const el of doc.querySelectorAll('input[id]')) {
    renamed.set(el.id, renamedId(el.id));
    el.id = renamedId(el.id);
  }
  for (const el of doc.querySelectorAll('label[for]')) {
    const old = el.getAttribute('for')!;
    el.setAttribute('for', renamed.get(old) ?? old);
  }
  for (const el of doc.querySelectorAll('[aria-labelledby]')) {
    const refs = el.getAttribute('aria-labelledby')!.split(/\s+/);
    el.setAttribute('aria-labelledby', refs.map((ref) => renamed.get(ref) ?? ref).join(' '));
  }
  const walker = doc.createTreeWalker(formRoot, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    node.textContent = rename(node.textContent!);
  }
  for (const el of formRoot.querySelectorAll('input')) {
    for (const name of ['aria-label', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value !== null) el.setAttribute(name, rename(value));
    }
  }
}
