// What the overlay shows of teach mode and the page report (issue 14), beside the figures: the
// session owns this state (src/content/teach/teaching.ts), the overlay only draws it and calls back.
import type { TeachPrompt } from '../../venues/teach';

export interface TeachPanelView {
  prompt: TeachPrompt;
  /** The question after a pick whose unit the element cannot tell: the pair's names when known. */
  unit: { base: string | null; quote: string | null } | null;
  /** The last element pointed at cannot be recognised again: pick another. */
  refused: boolean;
}

export interface PageTools {
  /** Offer "Point at the fields" (the form is not recognised and a step can help). */
  canTeach: boolean;
  teaching: TeachPanelView | null;
  /** Keys read through a locator the trader taught (the reading's `taught`). */
  taught: string[];
  /** A field the trader pointed at on this page is no longer found. */
  lost: boolean;
  /** The last page report: copied to the clipboard, or shown to copy by hand (with its text). */
  report: { state: 'copied' } | { state: 'shown'; text: string } | null;
}

export const NO_TOOLS: PageTools = { canTeach: false, teaching: null, taught: [], lost: false, report: null };

/** What the overlay's teach and report controls call. */
export interface ToolActions {
  teach(): void;
  cancel(): void;
  skip(): void;
  choose(unit: 'base' | 'quote'): void;
  next(): void;
  previous(): void;
  pick(): void;
  redo(): void;
  forget(): void;
  report(): void;
}

/**
 * Whether the overlay shows its page-tools line. With figures on screen and nothing taught, the
 * line (the report button) waits behind Details: the compact overlay keeps its height, and so its
 * place beside the order book at 1024 × 768. Without figures (not recognised, refused…), with
 * taught fields, or after a report, it is always there.
 */
export function showsToolsLine(tools: PageTools, hasFigures: boolean, detailsOpen: boolean): boolean {
  return !hasFigures || detailsOpen || tools.canTeach || tools.taught.length > 0 || tools.lost || tools.report !== null;
}
