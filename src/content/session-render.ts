// What the session draws, from what it holds: the reading on the page, the latest answer and the
// reading it answers, the guard's notice. An unreadable form is shown at once; a readable one
// shows the latest answer (marked "updating" when it is late for a newer form), or after a short
// wait says it is waiting rather than show nothing. The same inputs again draw nothing.
import type { Settings } from '../settings/settings';
import type { FormLink } from './form-link';
import type { SubmitGuard } from './guard';
import type { OverlayDrawer } from './overlay-drawer';

export interface RenderState {
  drawer: OverlayDrawer;
  link: FormLink;
  guard: SubmitGuard;
  settings: Settings;
  /** The answer to the latest form is overdue. */
  late: boolean;
  now: number;
}

export function renderSession({ drawer, link, guard, settings, late, now }: RenderState): void {
  const reading = link.reading;
  if (reading === null) return;
  const answer = link.answer;
  const notice = guard.notice;
  const shown = reading.status === 'unrecognised' ? reading : answer?.reading;
  if (shown === undefined) {
    // A readable form and no answer yet: after a short wait say so rather than show nothing.
    if (!late && notice === null) return;
    drawer.draw(['waiting', reading, settings, notice], {
      reading,
      quotes: [],
      market: null,
      refusal: null,
      settings,
      guard: notice,
      now,
      pending: false,
      waiting: true,
    });
    return;
  }
  const message = answer?.message ?? null;
  const pending = late && reading.status === 'ok' && !link.answered;
  // The header ages the mark each second; without a mark the clock changes nothing shown.
  const second = message?.mark ? Math.floor(now / 1000) : 0;
  const answered = shown.status === 'ok' && message !== null;
  drawer.draw([shown, message, settings, notice, pending, second], {
    reading: shown,
    quotes: answered ? message.sides : [],
    market: message,
    refusal: answered ? message.refusal : null,
    settings,
    guard: notice,
    now,
    pending,
  });
}
