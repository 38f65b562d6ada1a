/* global document */
// The floor of answering a keystroke on the page itself: every input event sets an attribute
// at once, in the same task, with no messaging. The bench times it to the drawn frame.
(() => {
  let n = 0;
  document.addEventListener(
    'input',
    () => document.documentElement.setAttribute('data-bench-local', String(++n)),
    true,
  );
})();
