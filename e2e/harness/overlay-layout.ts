// The overlay's place and controls, seen from outside its closed shadow root (CDP pierces it):
// the host's box, the collapsed bar's text, and a real mouse click on one of its controls.
import type { Page } from 'playwright-core';
import { ATTR, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { attrs, cdpFor, findNode, textOf, type CdpNode } from './overlay';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function documentNode(page: Page): Promise<CdpNode> {
  const cdp = await cdpFor(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return root;
}

/** The first element inside the overlay's shadow root with `name` (and `value`, when given); null when absent. */
export async function overlayNode(page: Page, name: string, value?: string): Promise<CdpNode | null> {
  const root = await documentNode(page);
  const host = findNode(root, (n) => n.nodeType === 1 && attrs(n).has(HOST_ATTRIBUTE));
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  return (
    findNode(
      shadow,
      (n) => n.nodeType === 1 && attrs(n).has(name) && (value === undefined || attrs(n).get(name) === value),
    ) ?? null
  );
}

/** The overlay host's box in the viewport; null without an overlay. */
export function hostBox(page: Page): Promise<Rect | null> {
  return page.evaluate((attr) => {
    const el = document.querySelector(`[${attr}]`);
    if (el === null) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, HOST_ATTRIBUTE);
}

/** The text of the collapsed bar ("Liq 30,200.0 · −53.5 %"); null when not shown. */
export async function barText(page: Page): Promise<string | null> {
  const node = await overlayNode(page, ATTR.bar);
  return node === null ? null : textOf(node).replace(/\s+/g, ' ').trim();
}

/** Whether the overlay's root carries data-collapsed. */
export async function isCollapsed(page: Page): Promise<boolean> {
  const node = await overlayNode(page, ATTR.root);
  return node !== null && attrs(node).has(ATTR.collapsed);
}

/** Clicks the overlay control with data-action=`action` with the real mouse, at its centre. */
export function clickOverlayAction(page: Page, action: string): Promise<void> {
  return clickOverlay(page, ATTR.action, action);
}

/** Clicks the overlay element with attribute `name`=`value` with the real mouse, at its centre. */
export async function clickOverlay(page: Page, name: string, value: string): Promise<void> {
  const node = await overlayNode(page, name, value);
  if (node === null) throw new Error(`overlay: no element with ${name}="${value}"`);
  const cdp = await cdpFor(page);
  // The overlay's body scrolls when its details are open: bring the control into view first, as a trader would.
  await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: node.nodeId });
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[] } };
  const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}
