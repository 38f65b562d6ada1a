// The one place a WebSocket is opened: wss:// URLs on the API allowlist only.
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
