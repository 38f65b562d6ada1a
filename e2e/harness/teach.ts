// Teach mode seen from outside the overlay's closed shadow root (CDP pierces it): the step the
// overlay asks for, the outline it draws, and pointing at a page element with the real mouse.
import type { Locator, Page } from 'playwright-core';
import { attrs, cdpFor } from './overlay';
import { overlayNode, type Rect } from './overlay-layout';

export const TEACH = {
  step: 'data-teach',
  choice: 'data-teach-choice',
  taught: 'data-taught',
  outline: 'data-teach-outline',
  report: 'data-report',
} as const;

/** The prompt of the step the overlay shows ("price", "size", …); null outside teach mode. */
export async function teachStep(page: Page): Promise<string | null> {
  const node = await overlayNode(page, TEACH.step);
  return node === null ? null : (attrs(node).get(TEACH.step) ?? null);
}

/** Polls until the overlay asks for `prompt` (null: teach mode over). */
export async function waitForTeachStep(page: Page, prompt: string | null, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < end) {
    last = await teachStep(page);
    if (last === prompt) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`teach mode: waited for step ${String(prompt)}, the overlay shows ${String(last)}`);
}

/** The box of the outline the overlay draws over the element it would take; null when none is drawn. */
export async function outlineBox(page: Page): Promise<Rect | null> {
  const node = await overlayNode(page, TEACH.outline);
  if (node === null) return null;
  const cdp = await cdpFor(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } catch {
    return null; // not rendered (display: none)
  }
}

/** Points at a page element with the real mouse: moves over it, then clicks its centre. */
export async function pointAt(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (box === null) throw new Error('teach mode: the element to point at is not visible');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

/** Whether the outline covers `target`'s box (within a few pixels of its border). */
export async function outlineCovers(page: Page, target: Locator): Promise<boolean> {
  const [outline, box] = [await outlineBox(page), await target.boundingBox()];
  if (outline === null || box === null) return false;
  const near = (a: number, b: number) => Math.abs(a - b) <= 4;
  return near(outline.x, box.x) && near(outline.y, box.y) && near(outline.width, box.width);
}
