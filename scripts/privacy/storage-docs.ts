// What the extension keeps in browser storage, per area, and why: the storage half of PRIVACY.md.
// The key names are checked against the source by tests/privacy.test.ts (the exported key
// constants, and every key a storage call names or builds per venue), so a new key must be
// described here before the tests pass.

export type StorageArea = 'sync' | 'local' | 'session';

export interface StorageKeyDoc {
  area: StorageArea;
  /** The key, or its pattern with "<venue>" for keys built per venue. */
  key: string;
  /** Who writes it. */
  writer: string;
  purpose: string;
}

export const STORAGE_KEYS: readonly StorageKeyDoc[] = [
  {
    area: 'sync',
    key: 'settings',
    writer: 'options page, popup',
    purpose:
      'the overlay and guard switches, your limits (minimum liquidation distance, maximum leverage, maximum loss), ' +
      'holding time, fee tiers, ' +
      'account balances you entered per venue, enabled venues and theme. storage.sync is synchronised by your ' +
      'browser between your own signed-in browsers (the browser vendor’s sync, not us)',
  },
  {
    area: 'local',
    key: 'calculator',
    writer: 'popup',
    purpose: 'what you last typed into the popup calculator, per venue, so it is there when you reopen it',
  },
  {
    area: 'local',
    key: 'taughtFields',
    writer: 'content script (teach mode), options page',
    purpose:
      'form fields you taught the extension on a page it did not recognise: a locator per field (an id, label ' +
      'or class of the page element; never a value or anything you typed)',
  },
  {
    area: 'local',
    key: 'overlayPosition.<venue>',
    writer: 'content script',
    purpose: 'where you dragged the overlay on that venue’s page (two numbers); the options page can reset it',
  },
  {
    area: 'local',
    key: 'overlayCollapsed.<venue>',
    writer: 'content script',
    purpose: 'whether you collapsed the overlay on that venue’s page',
  },
  {
    area: 'session',
    key: 'marketCache',
    writer: 'background',
    purpose:
      'the last public market data per market (prices, funding, tiers), so a restarted service worker does not ' +
      'refetch; in memory only and cleared when the browser closes (storage.local where a browser has no ' +
      'storage.session)',
  },
];
