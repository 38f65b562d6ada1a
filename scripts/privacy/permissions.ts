// The answers the Chrome Web Store form asks for: a single purpose, and one justification per
// permission and per host the manifest asks for (host_permissions and content-script matches).
// tests/privacy.test.ts composes both targets' manifests and fails on any entry without one here.

export const SINGLE_PURPOSE =
  'Margin Preflight shows, next to a crypto exchange’s margin order form, what the order would do before it is ' +
  'placed — liquidation price and distance, margin level, fees, funding or interest and break-even — computed from ' +
  'the form and the exchange’s public market data, and warns once before an order that breaks the trader’s own limits.';

export const PERMISSION_REASONS: Readonly<Record<string, string>> = {
  storage:
    'Keeps the trader’s settings and limits (storage.sync), the popup calculator’s last inputs, taught form fields ' +
    'and the overlay’s position (storage.local), and a short-lived cache of public market data so a restarted ' +
    'service worker does not refetch (storage.session).',
};

/** host_permissions: the exchanges' public market-data APIs (no account endpoints, no keys). */
export const HOST_PERMISSION_REASONS: Readonly<Record<string, string>> = {
  'https://api.kraken.com/*': 'Kraken’s public REST API: the pair’s last price, margin levels and leverage limits.',
  'https://fapi.binance.com/*':
    'Binance USDⓈ-M futures public API: mark price, funding, funding interval, price and quantity steps.',
  'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets':
    'This one path of Binance’s keyless web API: the leverage brackets (maintenance tiers) of every futures symbol.',
  'https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all':
    'This one path of Binance’s keyless web API: the cross-margin borrow rate of every asset.',
  'https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level':
    'This one path of Binance’s keyless web API: the isolated-margin borrow rate of every pair.',
  'https://api.binance.com/*': 'Binance spot public API: the pair’s last price, status and price and quantity steps.',
  'https://api.bybit.com/*': 'Bybit’s public v5 market API: prices, funding, risk-limit tiers and instrument rules.',
  'https://www.okx.com/api/*': 'OKX’s public v5 API: mark price, funding, position tiers and contract values.',
  'https://api.hyperliquid.xyz/*': 'Hyperliquid’s public info API: mark price, funding, leverage and margin tables.',
};

/** content_scripts matches: the trade pages whose order form is read and next to which the overlay is drawn. */
export const PAGE_REASONS: Readonly<Record<string, string>> = {
  'https://pro.kraken.com/app/trade/*': 'Kraken Pro trade pages: reads the margin order form, shows the overlay.',
  'https://www.binance.com/*/futures/*': 'Binance USDⓈ-M futures trade pages (with a locale): reads the order form.',
  'https://www.binance.com/futures/*': 'Binance USDⓈ-M futures trade pages (no locale): reads the order form.',
  'https://www.binance.com/*/trade/*': 'Binance spot-margin trade pages (with a locale): reads the order form.',
  'https://www.binance.com/trade/*': 'Binance spot-margin trade pages (no locale): reads the order form.',
  'https://www.bybit.com/trade/*': 'Bybit USDT perpetual trade pages: reads the order form, shows the overlay.',
  'https://www.okx.com/trade-swap/*': 'OKX swap trade pages: reads the order form, shows the overlay.',
  'https://www.okx.com/*/trade-swap/*': 'OKX swap trade pages in other languages: reads the order form.',
  'https://app.hyperliquid.xyz/trade*': 'Hyperliquid trade pages: reads the order form, shows the overlay.',
};

/** web_accessible_resources: files a page's origin may load from the extension (our content scripts import them). */
export const WEB_RESOURCE_REASONS: Readonly<Record<string, string>> = {
  'src/ui/overlay/page-ui.js':
    'The overlay’s own code (its view, chart, teach mode and page report), which the content script imports at its ' +
    'first draw so the script that runs on every trade page stays small.',
};

/** One web-accessible file, merged over the targets: the origins that may load it and how its URL is formed. */
export interface WebResource {
  resource: string;
  origins: string[];
  /** Per browser (Chrome, Firefox) that lists it: whether its URL changes every session (use_dynamic_url). */
  dynamicUrl: Record<string, boolean>;
}

export interface ManifestAccess {
  permissions: string[];
  hostPermissions: string[];
  pages: string[];
  webResources: WebResource[];
}

interface WebResourceEntry {
  resources?: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
}

const browserOf = (m: Record<string, unknown>): string =>
  (m['browser_specific_settings'] as { gecko?: unknown } | undefined)?.gecko ? 'Firefox' : 'Chrome';

function webResources(manifests: ReadonlyArray<Record<string, unknown>>): WebResource[] {
  const byFile = new Map<string, WebResource>();
  for (const m of manifests) {
    const entries = Array.isArray(m['web_accessible_resources'])
      ? (m['web_accessible_resources'] as WebResourceEntry[])
      : [];
    for (const entry of entries)
      for (const resource of entry.resources ?? []) {
        const known = byFile.get(resource) ?? { resource, origins: [], dynamicUrl: {} };
        known.origins = [...new Set([...known.origins, ...(entry.matches ?? [])])];
        known.dynamicUrl[browserOf(m)] = entry.use_dynamic_url === true;
        byFile.set(resource, known);
      }
  }
  return [...byFile.values()];
}

/** What the composed manifests of both targets ask for, merged. */
export function manifestAccess(manifests: ReadonlyArray<Record<string, unknown>>): ManifestAccess {
  const all = (pick: (m: Record<string, unknown>) => unknown): string[] => [
    ...new Set(manifests.flatMap((m) => (Array.isArray(pick(m)) ? (pick(m) as string[]) : []))),
  ];
  return {
    permissions: all((m) => m['permissions']),
    hostPermissions: all((m) => m['host_permissions']),
    pages: all((m) =>
      Array.isArray(m['content_scripts'])
        ? (m['content_scripts'] as Array<{ matches?: string[] }>).flatMap((c) => c.matches ?? [])
        : [],
    ),
    webResources: webResources(manifests),
  };
}

/** The reason for every entry, or an error naming the ones without. */
export function reasonsFor(list: readonly string[], reasons: Readonly<Record<string, string>>, what: string): string[] {
  const missing = list.filter((entry) => !Object.hasOwn(reasons, entry));
  if (missing.length > 0)
    throw new Error(`no justification for ${what} ${missing.join(', ')} in scripts/privacy/permissions.ts`);
  return list.map((entry) => reasons[entry]!);
}
