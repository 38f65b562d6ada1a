// Popup entry: reads the settings (storage.sync), what was typed before (storage.local) and the
// current tab's order (from the background), then mounts the calculator. Settings changed in the
// options page apply at once (theme, limits, fee tiers, balances). Below the calculator, the page
// actions for that tab (teach mode, page report). Preact renders text nodes only.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { VenueId } from '../../core/types';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../settings/settings';
import { uiLocale } from '../i18n';
import { setPageStyle } from '../page-style';
import { applyTheme, THEME_CSS } from '../theme';
import { withBalance } from './balance';
import { Calculator } from './Calculator';
import { fetchCurrentOrder, tabFromSearch, tabOf, type PopupApi, type TabOrder } from './current-order';
import { PageActions } from './page-actions';
import { loadCalculator, saveCalculator, type StoredCalculator } from './storage';
import { POPUP_CSS } from './styles';

interface Loaded {
  settings: Settings;
  stored: StoredCalculator;
  order: TabOrder | null;
  /** The tab the popup is for (the page actions' target); null: none. */
  tabId: number | null;
  now: number;
}

async function readSettings(): Promise<Settings> {
  try {
    return parseSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

const api = browser as unknown as PopupApi;

export async function load(): Promise<Loaded> {
  const tabId = await tabOf(api, tabFromSearch(location.search));
  const [settings, stored, order] = await Promise.all([
    readSettings(),
    loadCalculator(browser.storage.local),
    tabId === null ? null : fetchCurrentOrder(api, tabId),
  ]);
  return { settings, stored, order, tabId, now: Date.now() };
}

async function saveBalance(venue: VenueId, balance: string | null): Promise<boolean> {
  try {
    const current = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    const next = withBalance(current, venue, balance ?? '');
    if ('error' in next) return false;
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    return true;
  } catch {
    return false;
  }
}

export function Popup({ loaded }: { loaded: Loaded }) {
  const [settings, setSettings] = useState(loaded.settings);
  useEffect(() => {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'sync' && Object.hasOwn(changes, SETTINGS_KEY))
        setSettings(parseSettings(changes[SETTINGS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  useEffect(() => applyTheme(document.documentElement, settings.theme), [settings.theme]);
  return (
    <>
      <Calculator
        settings={settings}
        order={loaded.order}
        stored={loaded.stored}
        now={loaded.now}
        locale={uiLocale()}
        persist={(stored) => void saveCalculator(browser.storage.local, stored).catch(() => undefined)}
        saveBalance={saveBalance}
        openOptions={() => void browser.runtime.openOptionsPage()}
      />
      <PageActions
        runtime={api.runtime}
        tabId={loaded.tabId}
        close={() => window.close()}
        copy={(text) => navigator.clipboard.writeText(text)}
      />
    </>
  );
}

export async function mount(root: HTMLElement): Promise<void> {
  setPageStyle(document, `${THEME_CSS}\n${POPUP_CSS}`);
  document.documentElement.lang = uiLocale();
  const loaded = await load();
  applyTheme(document.documentElement, loaded.settings.theme);
  render(<Popup loaded={loaded} />, root);
}

const root = document.getElementById('root');
if (root) void mount(root);
