// PRIVACY.md as text, from the inputs sources.ts gathers (allowlist, feeds, manifests, storage
// documentation). Pure: the same inputs give the same bytes, which is what the drift test compares.
import type { VenueId } from '../../src/core/types';
import type { VenueFeed } from '../../src/venues/feed-types';
import { allowlistOrigins, hostEntries } from './hosts';
import {
  HOST_PERMISSION_REASONS,
  manifestAccess,
  PAGE_REASONS,
  PERMISSION_REASONS,
  reasonsFor,
  SINGLE_PURPOSE,
  WEB_RESOURCE_REASONS,
  type WebResource,
} from './permissions';
import type { StorageKeyDoc } from './storage-docs';

export interface PrivacySources {
  allowlist: readonly string[];
  feeds: readonly VenueFeed[];
  /** Venue id → its display name and example symbol (about.json). */
  venues: Readonly<Record<string, { name: string; exampleSymbol: string }>>;
  /** The composed manifest of each target. */
  manifests: ReadonlyArray<Record<string, unknown>>;
  storage: readonly StorageKeyDoc[];
}

const AREA_TITLES = {
  sync: '`storage.sync` (your settings; synchronised by your browser between your own browsers if you use its sync)',
  local: '`storage.local` (this browser only)',
  session: '`storage.session` (memory only, gone when the browser closes)',
} as const;

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function hostsSection(s: PrivacySources): string[] {
  const name = (venue: VenueId): string => s.venues[venue]?.name ?? venue;
  const entries = hostEntries(s.allowlist, s.feeds, (venue) => s.venues[venue]?.exampleSymbol ?? 'BTCUSDT');
  const lines = [
    '## Hosts it contacts',
    '',
    'The background (service worker / event page) fetches public market data from these endpoints and no others: its',
    'fetch and WebSocket wrappers refuse any URL not on this list (`API_ALLOWLIST` in',
    '`src/background/net/allowlist.ts`, from which this table is generated). HTTP requests are sent without cookies',
    "(`credentials: 'omit'`) and without a referrer, and carry no API key and no account data: only the market symbol",
    'of the trade page you have open.',
    '',
    `Hosts: ${allowlistOrigins(s.allowlist)
      .map((o) => `\`${o}\``)
      .join(', ')}.`,
    '',
    '| endpoint | venue | method | sends | why |',
    '|---|---|---|---|---|',
  ];
  for (const e of entries) {
    const uses = e.uses.length === 0 ? [{ venue: '—', method: '—', sends: '—' }] : e.uses;
    lines.push(
      `| \`${e.endpoint}\` | ${[...new Set(uses.map((u) => cell(u.venue === '—' ? '—' : name(u.venue as VenueId))))].join('<br>')} | ${[
        ...new Set(uses.map((u) => u.method)),
      ].join(', ')} | ${uses.map((u) => cell(u.sends)).join('<br>')} | ${cell(e.purpose)} |`,
    );
  }
  return lines;
}

function storageSection(s: PrivacySources): string[] {
  const lines = ['## What it stores', ''];
  for (const area of ['sync', 'local', 'session'] as const) {
    lines.push(`### ${AREA_TITLES[area]}`, '', '| key | written by | what and why |', '|---|---|---|');
    for (const doc of s.storage.filter((d) => d.area === area))
      lines.push(`| \`${doc.key}\` | ${cell(doc.writer)} | ${cell(doc.purpose)} |`);
    lines.push('');
  }
  lines.push(
    '`<venue>` is one of the venue ids (`kraken-margin`, `binance-usdm`, …). Removing the extension removes all of it.',
  );
  return lines;
}

/** How each browser forms the file's URL: a fixed URL would let any page of those origins probe for us. */
function urlOf(r: WebResource): string {
  return Object.entries(r.dynamicUrl)
    .map(([browser, dynamic]) => {
      if (dynamic) return `${browser}: a new URL every session (\`use_dynamic_url\`)`;
      return browser === 'Firefox' ? 'Firefox: under the moz-extension URL, random per install' : `${browser}: fixed`;
    })
    .join('<br>');
}

function webResourcesSection(s: PrivacySources): string[] {
  const resources = manifestAccess(s.manifests).webResources;
  const why = reasonsFor(
    resources.map((r) => r.resource),
    WEB_RESOURCE_REASONS,
    'web-accessible resource',
  );
  return [
    '| web-accessible resource | loadable from | its URL | justification |',
    '|---|---|---|---|',
    ...resources.map(
      (r, i) =>
        `| \`${r.resource}\` | ${r.origins.map((o) => `\`${o}\``).join('<br>')} | ${urlOf(r)} | ${cell(why[i]!)} |`,
    ),
    '',
    'Pages of the listed origins may load these files from the extension; no other page can, and no other file is',
    'exposed. They are code, not data: they hold nothing about you, your settings or your orders. What the overlay',
    'draws sits in a closed shadow root, which the page’s scripts cannot read.',
  ];
}

function permissionsSection(s: PrivacySources): string[] {
  const access = manifestAccess(s.manifests);
  const row = (list: string[], reasons: Readonly<Record<string, string>>, what: string): string[] => {
    const why = reasonsFor(list, reasons, what);
    return list.map((entry, i) => `| \`${entry}\` | ${cell(why[i]!)} |`);
  };
  return [
    '## Permissions and why',
    '',
    '**Single purpose.** ' + SINGLE_PURPOSE,
    '',
    '| permission | justification |',
    '|---|---|',
    ...row(access.permissions, PERMISSION_REASONS, 'permission'),
    '',
    '| host permission | justification |',
    '|---|---|',
    ...row(access.hostPermissions, HOST_PERMISSION_REASONS, 'host permission'),
    '',
    '| content script runs on | justification |',
    '|---|---|',
    ...row(access.pages, PAGE_REASONS, 'content-script match'),
    '',
    ...webResourcesSection(s),
    '',
    'Remote code: none. Every script ships in the package; the extension pages’ content security policy is',
    "`script-src 'self'`.",
  ];
}

export function renderPrivacy(s: PrivacySources): string {
  return [
    '# Margin Preflight — privacy',
    '',
    '<!-- Generated by `npm run privacy` (scripts/privacy.ts) from the API allowlist, the venue feeds, the manifests',
    'and scripts/privacy/*.ts. Do not edit by hand: tests/privacy.test.ts fails when this file and its sources differ. -->',
    '',
    'Margin Preflight collects nothing about you. It has no account, no server of its own, no analytics, no',
    'telemetry, no advertising and no API keys. It reads the order form on the exchange page in your browser and',
    'fetches public market data from the exchanges’ own public endpoints listed below; what you type, the order',
    'form, your balance and positions stay in your browser. Nothing is sent anywhere else, and nothing is sold or',
    'shared. It never places, changes or submits an order.',
    '',
    ...hostsSection(s),
    '',
    ...storageSection(s),
    '',
    ...permissionsSection(s),
    '',
  ].join('\n');
}
