/* global chrome, document, HTMLInputElement */
// The floor of a round trip through the extension: every input event's value goes over a port to the
// service worker, which sends it straight back; the answer sets an attribute on the page. The same path
// as the overlay's (input → port → worker → port → DOM), with no reading, computing or rendering.
(() => {
  let n = 0;
  let port = null;
  // Reconnects when Chromium stopped the idle worker (as the overlay's port does).
  const open = () => {
    port = chrome.runtime.connect({ name: 'echo' });
    port.onMessage.addListener((message) =>
      document.documentElement.setAttribute('data-bench-echo', String(message.n)),
    );
    port.onDisconnect.addListener(() => (port = null));
    return port;
  };
  open();
  document.addEventListener(
    'input',
    (event) =>
      (port ?? open()).postMessage({
        n: ++n,
        value: event.target instanceof HTMLInputElement ? event.target.value : '',
      }),
    true,
  );
})();
