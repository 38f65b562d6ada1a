// Page mutations for the mutation suite (issue 13, deliverable 5, e2e/tests/mutations.spec.ts): the
// ways a redeploy of the exchange's front end, or the page's own UI, changes the DOM a reader reads.
// Each is a named function run IN THE PAGE on the order form's root element: `pageMutations` is
// serialised with toString() into an init script (before the content script's first read) or an
// evaluate (after load), so it must not close over anything outside itself.
import type { Page } from 'playwright-core';

export const MUTATIONS = [
  'hashed-classes',
  'id-suffixes',
  'wrappers',
  'hidden-copy',
  'decoys',
  'reordered',
  'whitespace-case',
  'no-data-attributes',
  'translated',
  'late-form',
  'fields-one-by-one',
] as const;
export type MutationName = (typeof MUTATIONS)[number];

/** What each one does, for the report table and the README. */
export const MUTATION_TEXT: Record<MutationName, string> = {
  'hashed-classes':
    'generated class names (css-…, sc-…, CSS-module hashes, styled ids) renamed in the DOM and the stylesheets',
  'id-suffixes': 'numeric id suffixes changed (limitPrice-3 → limitPrice-17), label/ARIA references kept consistent',
  wrappers: 'every control wrapped in two extra elements, every row of the form in one',
  'hidden-copy': 'a copy of the form with other numbers, hidden by a stylesheet class, before the form in the document',
  decoys:
    'visible inputs outside the form with the same labels, ARIA names and id prefixes and other numbers (header price alert, a calculator)',
  reordered: "the form's rows and every group of field rows in reverse order",
  'whitespace-case': 'labels, buttons and ARIA names in upper case with extra whitespace and line breaks',
  'no-data-attributes': 'every data-* attribute removed (data-testid included)',
  translated: 'a few label words in German (Preis, Menge, Größe, Betrag, Hebel, Markt), lang unchanged',
  'late-form': 'the form taken out of the page and inserted again 0.5 s later',
  'fields-one-by-one': "the form's controls taken out and inserted again one by one over 0.6 s",
};

/** How the suite finds the order form's root on every fixture page (the first visible match). */
export const FORM_ROOT_SELECTOR = '[data-fixture="order-form"], [data-fixture="trade"]';

/**
 * The library, run in the page. Returns one function per mutation; each takes the form's root and
 * pushes onto `undo` what puts the page outside the root back (an after-load run takes it out again).
 */
export function pageMutations(): Record<string, (root: Element, undo: Array<() => void>) => void> {
  const doc = document;
  const CONTROLS = 'input, select, textarea, button, [role="switch"], [role="checkbox"], [role="radio"], [role="tab"]';
  const REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];

  /** A generated class: css-in-js ids, styled-components, CSS-module hashes, random mixed-case ids. */
  const generated = (c: string): boolean =>
    /^(css|sc)-[a-z0-9]+$/i.test(c) ||
    /__(?=[a-z]*[0-9A-Z])[A-Za-z0-9]{5}$/.test(c) ||
    /^(?=.*[a-z])(?=.*[A-Z])[A-Za-z]{6}$/.test(c);
  const rehash = (c: string): string => {
    const m = /^(.*?)([A-Za-z0-9]{5,6})$/.exec(c)!;
    return m[1] + 'm' + [...m[2]!].reverse().join('').slice(1) + 'q';
  };
  /** Another number of the same shape: ×1.1, the decimals kept ("65,000.0" → "71500.0"). */
  const otherNumber = (text: string): string => {
    const plain = text.replace(/,/g, '');
    if (!/^\d+(\.\d+)?$/.test(plain)) return text;
    const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
    return (Number(plain) * 1.1).toFixed(decimals);
  };
  const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed';
  const textInputs = (root: Element) =>
    [...root.querySelectorAll<HTMLInputElement>('input')].filter(
      (i) => !['checkbox', 'radio', 'range', 'hidden'].includes(i.type) && visible(i),
    );
  const setValue = (i: HTMLInputElement, value: string) => {
    i.setAttribute('value', value);
    i.value = value;
  };
  const textNodes = (root: Element): Text[] => {
    const out: Text[] = [];
    const walk = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const parent = n.parentElement;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && n.textContent!.trim() !== '') out.push(n as Text);
    }
    return out;
  };
  const setAttr = (e: Element, name: string, value: string | null, undo: Array<() => void>) => {
    const old = e.getAttribute(name);
    if (value === null) e.removeAttribute(name);
    else e.setAttribute(name, value);
    undo.push(() => (old === null ? e.removeAttribute(name) : e.setAttribute(name, old)));
  };
  const added = (node: ChildNode, undo: Array<() => void>) => undo.push(() => node.remove());
  /** A deep copy carrying the live values (cloneNode copies attributes only). */
  const copyWithValues = (root: Element): Element => {
    const copy = root.cloneNode(true) as Element;
    const from = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    const to = [...copy.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    from.forEach((f, k) => {
      to[k]!.value = f.value;
      if ('checked' in f) to[k]!.checked = f.checked;
    });
    return copy;
  };
  const translate = (text: string): string =>
    text
      .replace(/\bPrice\b/g, 'Preis')
      .replace(/\bprice\b/g, 'Preis')
      .replace(/\bQuantity\b/g, 'Menge')
      .replace(/\bSize\b/g, 'Größe')
      .replace(/\bAmount\b/g, 'Betrag')
      .replace(/\bLeverage\b/g, 'Hebel')
      .replace(/\bMarket\b/g, 'Markt');
  const shout = (text: string): string => `\n   ${text.trim().toUpperCase().replace(/\s+/g, '  ')}  \n`;
  const rewriteLabels = (root: Element, change: (t: string) => string) => {
    for (const t of textNodes(root)) t.textContent = change(t.textContent!);
    for (const e of [root, ...root.querySelectorAll('*')])
      for (const a of ['aria-label', 'placeholder', 'title'])
        if (e.hasAttribute(a)) e.setAttribute(a, change(e.getAttribute(a)!).trim());
  };

  return {
    'hashed-classes': (_root, undo) => {
      const renamed = new Map<string, string>();
      for (const e of doc.querySelectorAll('[class]')) {
        const classes = [...e.classList];
        if (!classes.some(generated)) continue;
        for (const c of classes.filter(generated)) renamed.set(c, rehash(c));
        setAttr(e, 'class', classes.map((c) => renamed.get(c) ?? c).join(' '), undo);
      }
      for (const s of doc.querySelectorAll('style')) {
        const old = s.textContent!;
        let css = old;
        for (const [from, to] of renamed) css = css.replace(new RegExp(`\\.${from}(?![\\w-])`, 'g'), `.${to}`);
        s.textContent = css;
        undo.push(() => (s.textContent = old));
      }
    },
    'id-suffixes': (_root, undo) => {
      const renamed = new Map<string, string>();
      for (const e of doc.querySelectorAll('[id]')) {
        const m = /^(.*[-_])(\d+)$/.exec(e.id);
        if (!m) continue;
        renamed.set(e.id, `${m[1]}${Number(m[2]) + 14}`);
        setAttr(e, 'id', renamed.get(e.id)!, undo);
      }
      for (const a of REFS)
        for (const e of doc.querySelectorAll(`[${a}]`)) {
          const ids = e.getAttribute(a)!.split(/\s+/);
          if (ids.some((id) => renamed.has(id))) setAttr(e, a, ids.map((id) => renamed.get(id) ?? id).join(' '), undo);
        }
    },
    wrappers: (root) => {
      for (const c of root.querySelectorAll(CONTROLS)) {
        const outer = doc.createElement('div');
        const inner = doc.createElement('span');
        c.replaceWith(outer);
        outer.append(inner);
        inner.append(c);
      }
      for (const row of [...root.children]) {
        const wrap = doc.createElement('div');
        row.replaceWith(wrap);
        wrap.append(row);
      }
    },
    'hidden-copy': (root, undo) => {
      const copy = copyWithValues(root);
      for (const e of [copy, ...copy.querySelectorAll('[data-fixture]')]) e.removeAttribute('data-fixture');
      for (const i of copy.querySelectorAll('input')) setValue(i, otherNumber(i.value));
      copy.classList.add('mut-inactive-copy');
      const css = doc.createElement('style');
      css.textContent = '.mut-inactive-copy { display: none; }';
      doc.head.append(css);
      root.before(copy);
      added(css, undo);
      added(copy, undo);
    },
    decoys: (root, undo) => {
      const header = doc.createElement('header');
      const search = doc.createElement('input');
      Object.assign(search, { type: 'search', placeholder: 'Search', value: 'BTC' });
      search.setAttribute('aria-label', 'Search');
      const alert = doc.createElement('label');
      const alertPrice = doc.createElement('input');
      Object.assign(alertPrice, { type: 'text', placeholder: 'Price', value: '1234.5' });
      alertPrice.setAttribute('aria-label', 'Price');
      alert.append('Price alert ', alertPrice);
      header.append(search, ' ', alert);
      const calc = doc.createElement('section');
      calc.setAttribute('aria-label', 'Calculator');
      for (const i of textInputs(root)) {
        const decoy = i.cloneNode(false) as HTMLInputElement;
        const label = doc.createElement('label');
        const own = (i.id && doc.querySelector(`label[for="${CSS.escape(i.id)}"]`)) || i.closest('label');
        label.textContent = own ? own.textContent!.trim() : (i.getAttribute('aria-label') ?? '');
        if (i.id) {
          const m = /^(.*[-_])(\d+)$/.exec(i.id);
          decoy.id = m ? `${m[1]}99` : `${i.id}-calc`;
          label.htmlFor = decoy.id;
        }
        setValue(decoy, otherNumber(i.value));
        calc.append(label, decoy);
      }
      doc.body.prepend(header, calc);
      added(header, undo);
      added(calc, undo);
    },
    reordered: (root) => {
      const groups = [root, ...root.querySelectorAll('*')].filter(
        (e) => e.children.length > 1 && [...e.children].every((c) => c.querySelector(CONTROLS) !== null),
      );
      for (const g of groups) g.append(...[...g.children].reverse());
    },
    'whitespace-case': (root) => {
      rewriteLabels(root, shout);
    },
    'no-data-attributes': (_root, undo) => {
      for (const e of doc.querySelectorAll('*'))
        for (const a of [...e.attributes])
          if (a.name.startsWith('data-') && a.name !== 'data-fixture' && !a.name.startsWith('data-margin-preflight'))
            setAttr(e, a.name, null, undo);
    },
    translated: (root) => {
      rewriteLabels(root, translate);
    },
    'late-form': (root) => {
      const mark = doc.createComment('form arrives later');
      root.replaceWith(mark);
      setTimeout(() => mark.replaceWith(root), 500);
    },
    'fields-one-by-one': (root) => {
      const controls = [...root.querySelectorAll(CONTROLS)].filter((c) => !c.parentElement!.closest(CONTROLS));
      const marks = controls.map((c) => {
        const mark = doc.createComment('field arrives later');
        c.replaceWith(mark);
        return mark;
      });
      // Spread over 0.6 s whatever their number.
      const step = 600 / Math.max(1, controls.length);
      marks.forEach((mark, k) => setTimeout(() => mark.replaceWith(controls[k]!), step * (k + 1)));
    },
  };
}

/** The page's order form root: the first visible element matching FORM_ROOT_SELECTOR. Runs in the page. */
function formRoot(selector: string): Element {
  const found = [...document.querySelectorAll(selector)].find((e) => (e as HTMLElement).offsetParent !== null);
  if (!found) throw new Error(`no visible ${selector}`);
  return found;
}

/**
 * Installs the mutation named in sessionStorage (key `mp-mutation`) as an init script: it runs on
 * DOMContentLoaded, before the content script (document_idle) first reads the page. The test picks
 * the mutation for the next load with `chooseMutation` and reloads.
 */
export async function installInitMutations(page: Page): Promise<void> {
  await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
    const name = sessionStorage.getItem('mp-mutation');
    if (!name) return;
    const root = (${formRoot.toString()})(${JSON.stringify(FORM_ROOT_SELECTOR)});
    (${pageMutations.toString()})()[name](root, []);
  });`);
}

/** The mutation the init script applies on the next load (null: none). */
export async function chooseMutation(page: Page, name: MutationName | null): Promise<void> {
  await page.evaluate((n) => {
    if (n === null) sessionStorage.removeItem('mp-mutation');
    else sessionStorage.setItem('mp-mutation', n);
  }, name);
}

/**
 * Applies `name` to the live page as a redeploy re-render does: the form is replaced by a copy
 * (new nodes, same values) and the mutation runs on the copy. Returns an undo that puts the
 * original form (with the fixture's own listeners) and the page outside it back.
 */
export async function applyAfterLoad(page: Page, name: MutationName): Promise<() => Promise<void>> {
  await page.evaluate(`(() => {
    const root = (${formRoot.toString()})(${JSON.stringify(FORM_ROOT_SELECTOR)});
    const copy = root.cloneNode(true);
    const from = [...root.querySelectorAll('input, select, textarea')];
    const to = [...copy.querySelectorAll('input, select, textarea')];
    from.forEach((f, k) => { to[k].value = f.value; if ('checked' in f) to[k].checked = f.checked; });
    root.replaceWith(copy);
    const undo = [];
    (${pageMutations.toString()})()[${JSON.stringify(name)}](copy, undo);
    window.__mpUndo = () => { for (const step of undo.reverse()) step(); copy.replaceWith(root); };
  })()`);
  return async () => {
    await page.evaluate('window.__mpUndo()');
  };
}
