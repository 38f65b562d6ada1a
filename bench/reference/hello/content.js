/* global document */
// The floor of drawing anything at all: a host element with a closed shadow root and one styled line,
// mounted the moment the script runs (as an overlay would be).
(() => {
  const host = document.createElement('div');
  host.setAttribute('data-bench-hello', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = ':host{position:fixed;right:8px;bottom:8px;z-index:2147483647}p{margin:0;font:12px sans-serif}';
  const line = document.createElement('p');
  line.textContent = 'Hello, world';
  root.append(style, line);
  document.documentElement.append(host);
})();
