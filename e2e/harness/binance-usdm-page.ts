// Drives the Binance USDⓈ-M futures fixture page like a trader (dialogs for margin mode and
// leverage, tabs, typing) and keeps track of what it entered, for the expected OrderForm.
import type { Locator, Page } from 'playwright-core';
import type { OrderForm } from '../../src/venues/types';

export const BINANCE_URL = (symbol = 'BTCUSDT', locale = 'en') => `https://www.binance.com/${locale}/futures/${symbol}`;

/**
 * The generation-2 pages (issue 13, e2e/fixtures/pages/binance-usdm.gen2-*.html), served at the real URLs
 * (one with, one without the locale segment), picked by the mock from the ?fixture= query.
 */
export const GEN2 = {
  'gen2-oneway': { url: 'https://www.binance.com/en/futures/BTCUSDT', buy: 'Buy/Long', sell: 'Sell/Short' },
  'gen2-hedge-open': { url: 'https://www.binance.com/futures/BTCUSDT', buy: 'Open Long', sell: 'Open Short' },
  'gen2-hedge-close': { url: 'https://www.binance.com/en/futures/BTCUSDT', buy: 'Close Short', sell: 'Close Long' },
  // The one-way page translated (issue 13 deliverable 4): Chinese, Russian with decimal commas, an unknown language.
  'gen2-zh-CN': { url: 'https://www.binance.com/zh-CN/futures/BTCUSDT', buy: '买入/做多', sell: '卖出/做空' },
  'gen2-ru': { url: 'https://www.binance.com/ru/futures/BTCUSDT', buy: 'Купить/Лонг', sell: 'Продать/Шорт' },
  'gen2-xx': { url: 'https://www.binance.com/futures/BTCUSDT', buy: 'xx-buy/long', sell: 'xx-sell/short' },
} as const;
export type Gen2Variant = keyof typeof GEN2;

/** The fixture's example order (see binance-usdm.html). */
const START = {
  type: 'limit',
  marginMode: 'cross',
  leverage: '20',
  unit: 'base',
  price: '65000.0',
  size: '0.1',
} as const;

/**
 * Clicks a dialog button with the mouse, like a trader. The fixture centres its dialogs over the
 * page, where the overlay may sit: while a modal dialog shows, the overlay takes no pointer events
 * (Playwright's click would otherwise wait for the overlay to get out of the way and time out).
 */
async function pressButton(button: Locator): Promise<void> {
  await button.click();
}

export class BinancePage {
  type: 'limit' | 'market' = START.type;
  marginMode: 'cross' | 'isolated' = START.marginMode;
  leverage: string = START.leverage;
  unit: 'base' | 'quote' = START.unit;
  price: string = START.price;
  size: string = START.size;
  symbol = 'BTCUSDT';
  /** Generation 2 only: the page's variant (its Open / Close tab becomes OrderForm.intent). */
  gen2: Gen2Variant | null = null;

  constructor(readonly page: Page) {}

  /** A generation-2 page as loaded (the same example order as generation 1: Cross 20x, 65,000.0 × 0.1 BTC). */
  async gotoGen2(variant: Gen2Variant): Promise<this> {
    await this.page.goto(`${GEN2[variant].url}?fixture=${variant}`);
    this.gen2 = variant;
    await this.buyButton().waitFor();
    return this;
  }

  async goto(symbol = 'BTCUSDT'): Promise<this> {
    await this.page.goto(BINANCE_URL(symbol));
    this.symbol = symbol;
    await this.buyButton().waitFor();
    return this;
  }

  buyButton(): Locator {
    return this.page.getByRole('button', { name: this.gen2 ? GEN2[this.gen2].buy : 'Buy/Long', exact: true });
  }

  sellButton(): Locator {
    return this.page.getByRole('button', { name: this.gen2 ? GEN2[this.gen2].sell : 'Sell/Short', exact: true });
  }

  /** A Binance text field by the label in its prefix ("Price", "Size"). */
  private field(label: string): Locator {
    return this.page
      .locator('.bn-textField')
      .filter({ has: this.page.locator('.bn-textField-prefix', { hasText: new RegExp(`^${label}$`) }) })
      .locator('input');
  }

  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page.getByRole('tab', { name: type === 'limit' ? 'Limit' : 'Market', exact: true }).click();
    this.type = type;
  }

  async setMarginMode(mode: 'cross' | 'isolated'): Promise<void> {
    await this.page
      .getByRole('button', { name: this.marginMode === 'cross' ? 'Cross' : 'Isolated', exact: true })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Margin Mode' });
    await pressButton(dialog.getByRole('button', { name: mode === 'cross' ? 'Cross' : 'Isolated', exact: true }));
    await pressButton(dialog.getByRole('button', { name: 'Confirm' }));
    this.marginMode = mode;
  }

  async setLeverage(times: number): Promise<void> {
    await this.page.getByRole('button', { name: `${this.leverage}x`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Adjust Leverage' });
    await dialog.getByRole('spinbutton', { name: 'Leverage' }).fill(String(times));
    await pressButton(dialog.getByRole('button', { name: 'Confirm' }));
    this.leverage = String(times);
  }

  /** The unit toggles between base and quote and clears the size: type a size after. */
  async setUnit(unit: 'base' | 'quote'): Promise<void> {
    if (unit === this.unit) return;
    await this.page.locator('.bn-textField-suffix [role="button"]').click();
    this.unit = unit;
  }

  async typePrice(text: string): Promise<void> {
    await this.field('Price').fill(text);
    this.price = text;
  }

  async typeSize(text: string): Promise<void> {
    await this.field('Size').fill(text);
    this.size = text;
  }

  async submittedOrders(): Promise<string[]> {
    return this.page.locator('#fixture-orders li').allTextContents();
  }

  form(): OrderForm {
    return {
      venue: 'binance-usdm',
      symbol: this.symbol,
      side: 'both',
      type: this.type,
      marginMode: this.marginMode,
      price: this.type === 'limit' ? this.price.replace(/,/g, '') : null,
      size: { unit: this.unit, value: this.size.replace(/,/g, '') },
      leverage: this.leverage,
      marginEnabled: true,
      stopLoss: null,
      takeProfit: null,
      availableBalance: '10000.00',
      ...(this.gen2 === 'gen2-hedge-open' ? { intent: 'open' as const } : {}),
      ...(this.gen2 === 'gen2-hedge-close' ? { intent: 'close' as const } : {}),
    };
  }
}
