// The floor of any content script: Chromium injecting an (almost) empty file into the page.
void 0;
