// Reads the overlay from outside the page. Its shadow root is closed, so no page script (and
// no Playwright locator) can see into it; CDP's DOM.getDocument({pierce:true}) can. The
// attributes read are the contract in src/ui/overlay/contract.ts.
import type { CDPSession, Page } from 'playwright-core';
import { ATTR, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';

export interface OverlayFigure {
  /** 'long' | 'short' from the nearest data-side ancestor; null when the figure is outside any column. */
  side: string | null;
  key: string;
  value: string;
  /** What the trader sees for it. */
  text: string;
}

export interface OverlayReading {
  /** False when the page has no overlay host element. */
  present: boolean;
  state: string | null;
  mark: string | null;
  risk: string | null;
  guard: string | null;
  missing: string | null;
  /** data-pending: "true" while the figures shown answer an earlier form and the new answer is late. */
  pending: string | null;
  /** data-reason: "<code>:<field>" of the background's refusal in state 'refused'. */
  reason: string | null;
  /** data-dimmed: the page shows a modal dialog and the overlay lets pointer events through. */
  dimmed: boolean;
  /** The theme the overlay root shows (data-theme): "page" (the default) resolves to light or dark. */
  theme: string | null;
  sides: string[];
  figures: OverlayFigure[];
  warnings: Array<{ side: string | null; code: string }>;
  /** The cross-check with the page's own figures: the 'matches' line, or one 'differs' row per figure (kind, side, both numbers). */
  pageCheck: Array<{
    verdict: string;
    kind: string | null;
    side: string | null;
    page: string | null;
    ours: string | null;
  }>;
  /** All visible text in the shadow root, for messages and reports. */
  text: string;
}

export interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, reused by every read. */
export function cdpFor(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

export function attrs(node: CdpNode): Map<string, string> {
  const map = new Map<string, string>();
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) map.set(list[i]!, list[i + 1]!);
  return map;
}

export function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [
    ...(node.children ?? []),
    ...(node.shadowRoots ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

export function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
  return (node.children ?? []).map(textOf).join(' ');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What a page without the overlay (or without its shadow root yet) reads as. */
export const EMPTY_READING: OverlayReading = {
  present: false,
  state: null,
  mark: null,
  risk: null,
  guard: null,
  missing: null,
  pending: null,
  reason: null,
  dimmed: false,
  theme: null,
  sides: [],
  figures: [],
  warnings: [],
  pageCheck: [],
  text: '',
};

export async function readOverlay(page: Page): Promise<OverlayReading> {
  const cdp = await cdpFor(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = findNode(root, (n) => n.nodeType === 1 && attrs(n).has(HOST_ATTRIBUTE));
  const shadow = host?.shadowRoots?.[0];
  if (!host || !shadow) return { ...EMPTY_READING, present: Boolean(host) };
  const rootEl = findNode(shadow, (n) => n.nodeType === 1 && attrs(n).has(ATTR.root));
  const rootAttrs = rootEl ? attrs(rootEl) : new Map<string, string>();
  const reading: OverlayReading = {
    present: true,
    state: rootAttrs.get(ATTR.state) ?? null,
    mark: rootAttrs.get(ATTR.mark) ?? null,
    risk: rootAttrs.get(ATTR.risk) ?? null,
    guard: rootAttrs.get(ATTR.guard) ?? null,
    missing: rootAttrs.get(ATTR.missing) ?? null,
    pending: rootAttrs.get(ATTR.pending) ?? null,
    reason: rootAttrs.get(ATTR.reason) ?? null,
    dimmed: rootAttrs.has(ATTR.dimmed),
    theme: rootAttrs.get('data-theme') ?? null,
    sides: [],
    figures: [],
    warnings: [],
    pageCheck: [],
    text: squash(textOf(shadow)),
  };
  const walk = (node: CdpNode, side: string | null) => {
    const a = node.nodeType === 1 ? attrs(node) : undefined;
    const here = a?.get(ATTR.side) ?? side;
    if (a?.has(ATTR.side) && !reading.sides.includes(a.get(ATTR.side)!)) reading.sides.push(a.get(ATTR.side)!);
    if (a?.has(ATTR.figure))
      reading.figures.push({
        side: here,
        key: a.get(ATTR.figure)!,
        value: a.get(ATTR.value) ?? '',
        text: squash(textOf(node)),
      });
    if (a?.has(ATTR.warning)) reading.warnings.push({ side: here, code: a.get(ATTR.warning)! });
    if (a?.has(ATTR.pageCheck))
      reading.pageCheck.push({
        verdict: a.get(ATTR.pageCheck)!,
        kind: a.get(ATTR.estimate) ?? null,
        side: a.get(ATTR.estimateSide) ?? null,
        page: a.get(ATTR.pageValue) ?? null,
        ours: a.get(ATTR.ourValue) ?? null,
      });
    for (const child of node.children ?? []) walk(child, here);
  };
  walk(shadow, null);
  return reading;
}

/** Polls readOverlay until `predicate` holds; on timeout throws with the last reading, so a failure says what was shown. */
export async function waitForOverlay(
  page: Page,
  predicate: (r: OverlayReading) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<OverlayReading> {
  const end = Date.now() + timeoutMs;
  let last: OverlayReading;
  for (;;) {
    last = await readOverlay(page);
    if (predicate(last)) return last;
    if (Date.now() > end)
      throw new Error(
        `overlay: timed out after ${timeoutMs} ms waiting for ${what}; last reading: ${JSON.stringify(summary(last))}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Compact form for messages: state, mark, guard and figures as side:key=value. */
export function summary(r: OverlayReading): Record<string, unknown> {
  return {
    present: r.present,
    state: r.state,
    mark: r.mark,
    risk: r.risk,
    guard: r.guard,
    missing: r.missing,
    pending: r.pending,
    dimmed: r.dimmed,
    figures: r.figures.map((f) => `${f.side ?? '-'}:${f.key}=${f.value}`),
    warnings: r.warnings.map((w) => `${w.side ?? '-'}:${w.code}`),
    text: r.text.slice(0, 300),
  };
}

/** Figures of one side as key → data-value. */
export function figuresOf(r: OverlayReading, side: string): Record<string, string> {
  return Object.fromEntries(r.figures.filter((f) => f.side === side).map((f) => [f.key, f.value]));
}
