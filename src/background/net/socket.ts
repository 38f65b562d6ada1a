// The one place a WebSocket is opened (wss:// URLs on the API allowlist only) and closed.
import type { Log, SocketFactory, SocketLike } from '../env';
import { isAllowedUrl } from './allowlist';

export function openSocket(url: URL, sockets: SocketFactory, log: Log): SocketLike | null {
  if (url.protocol !== 'wss:' || !isAllowedUrl(url)) {
    log.warn('Margin Preflight: refused a WebSocket to a URL outside the API allowlist');
    return null;
  }
  try {
    return new sockets(url.href);
  } catch {
    // The constructor throws synchronously for blocked or invalid URLs; the caller retries later.
    return null;
  }
}

/** Detaches a socket's handlers, so late events from it are never seen, and closes it. */
export function closeSocket(socket: SocketLike): void {
  socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
  try {
    socket.close();
  } catch {
    // already closed
  }
}
