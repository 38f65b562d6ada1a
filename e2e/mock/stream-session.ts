// One open WebSocket on the mock, whatever the venue. The server ticks every session a few
// times a second and tells it when a price changed; the session decides what to send.
import type { WebSocket } from 'ws';
import type { MockVenue } from './markets';

export interface StreamSession {
  readonly venue: MockVenue;
  readonly socket: WebSocket;
  /** Symbols (canonical REST names: XBTUSD, BTCUSDT) this session currently streams. */
  subscribedSymbols(): string[];
  /** Called about every 250 ms. */
  tick(now: number): void;
  /** A price of `symbol` changed (symbol as canonical REST name). */
  priceChanged(symbol: string): void;
}

export interface StreamOptions {
  /** False while the venue is frozen: no data messages (Kraken still sends heartbeats). */
  streaming: () => boolean;
  /** True: send text that is not JSON where a data message would go. */
  garbage: boolean;
}

export function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState === socket.OPEN) socket.send(text);
}
