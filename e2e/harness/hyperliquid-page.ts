// Drives the Hyperliquid fixture page like a trader (side toggle, tabs, margin-mode and leverage
// dialogs, the size-unit and coin menus, typing) and keeps track of what it entered, for the
// expected OrderForm. Generation 2 (fixtures/pages/hyperliquid.gen2.html, served by
// mock.usePage(HYPERLIQUID_HOST, HYPERLIQUID_GEN2_PAGE)): the side is a segmented control of radios,
// a smaller account (so the page shows a liquidation price), its own example sizes.
import type { Locator, Page } from 'playwright-core';
import type { OrderForm, PageAccount } from '../../src/venues/types';

export const HYPERLIQUID_URL = (coin = 'BTC') => `https://app.hyperliquid.xyz/trade/${coin}`;
export const HYPERLIQUID_HOST = 'app.hyperliquid.xyz';
export const HYPERLIQUID_GEN2_PAGE = 'hyperliquid.gen2.html';

type Examples = Readonly<Record<string, { price: string; size: string; total: string; maxLeverage: number }>>;
/** The fixture's example per coin (see hyperliquid.html): limit price and size in base / quote. */
const EXAMPLES: Examples = {
  BTC: { price: '65,000.0', size: '0.1', total: '6,500', maxLeverage: 40 },
  ETH: { price: '3,500.0', size: '1', total: '3,500', maxLeverage: 25 },
  SOL: { price: '150.00', size: '10', total: '1,500', maxLeverage: 20 },
};
/** Generation 2's examples (hyperliquid.gen2.html), the builder perp among them. */
const EXAMPLES_GEN2: Examples = {
  ...EXAMPLES,
  BTC: { price: '65,000.0', size: '0.2', total: '13,000', maxLeverage: 40 },
  'xyz:TSLA': { price: '250.00', size: '4', total: '1,000', maxLeverage: 10 },
};
/** What each generation's page shows of the account: Balance and Available to Trade. */
const ACCOUNTS = { 1: { balance: '10000', available: '9887.8' }, 2: { balance: '1000', available: '887.8' } } as const;

/** What the fixture's account panel and positions table show (static: the page never changes them). */
export const FIXTURE_ACCOUNT: PageAccount = {
  walletBalance: '10000',
  positions: [
    { symbol: 'SOL', side: 'short', quantity: '20', entryPrice: '150', markPrice: '148.2', maintenanceMargin: null },
  ],
};

const plain = (text: string) => text.replace(/,/g, '');

export class HyperliquidPage {
  coin = 'BTC';
  side: 'long' | 'short' = 'long';
  type: 'limit' | 'market' = 'limit';
  marginMode: 'cross' | 'isolated' = 'cross';
  leverage = '20';
  unit: 'base' | 'quote' = 'base';
  price = EXAMPLES.BTC!.price;
  size = EXAMPLES.BTC!.size;

  constructor(
    readonly page: Page,
    readonly generation: 1 | 2 = 1,
  ) {
    this.size = this.examples.BTC!.size;
  }

  private get examples(): Examples {
    return this.generation === 2 ? EXAMPLES_GEN2 : EXAMPLES;
  }

  async goto(coin = 'BTC'): Promise<this> {
    await this.page.goto(HYPERLIQUID_URL(coin));
    this.coin = coin;
    this.price = this.examples[coin]!.price;
    this.size = this.examples[coin]!.size;
    // A page loaded on a coin with a lower maximum starts at that maximum, like a coin switch.
    this.leverage = String(Math.min(Number(this.leverage), this.examples[coin]!.maxLeverage));
    await this.submitButton().waitFor();
    return this;
  }

  submitButton(): Locator {
    return this.page.getByRole('button', { name: 'Place Order', exact: true });
  }

  /** The form's inputs by their label text. */
  private input(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async setSide(side: 'long' | 'short'): Promise<void> {
    const role = this.generation === 2 ? 'radio' : 'button';
    await this.page.getByRole(role, { name: side === 'long' ? 'Buy / Long' : 'Sell / Short', exact: true }).click();
    this.side = side;
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
    await dialog.getByRole('button', { name: mode === 'cross' ? 'Cross' : 'Isolated', exact: true }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.marginMode = mode;
  }

  async setLeverage(times: number): Promise<void> {
    await this.page.getByRole('button', { name: `${this.leverage}x`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Adjust Leverage' });
    await dialog.getByRole('spinbutton', { name: 'Leverage' }).fill(String(times));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.leverage = String(times);
  }

  /** The unit menu next to the size; a change clears the size: type one after. */
  async setUnit(unit: 'base' | 'quote'): Promise<void> {
    if (unit === this.unit) return;
    await this.page.getByRole('button', { name: this.unit === 'base' ? this.coin : 'USDC', exact: true }).click();
    await this.page
      .getByRole('listbox', { name: 'Size unit' })
      .getByRole('option', { name: unit === 'base' ? this.coin : 'USDC', exact: true })
      .click();
    this.unit = unit;
    this.size = '';
  }

  async typePrice(text: string): Promise<void> {
    await this.input('Price (USDC)').fill(text);
    this.price = text;
  }

  async typeSize(text: string): Promise<void> {
    await this.input('Size').fill(text);
    this.size = text;
  }

  /** The coin menu: pushState to /trade/<coin>, the form re-mounted with that coin's example. */
  async switchCoin(coin: string): Promise<void> {
    const quote = this.generation === 2 ? 'USDC' : 'USD';
    await this.page.getByRole('button', { name: `${this.coin}-${quote}`, exact: true }).click();
    await this.page.getByRole('option', { name: `${coin}-${quote}`, exact: true }).click();
    await this.page.waitForURL(HYPERLIQUID_URL(coin));
    const ex = this.examples[coin]!;
    this.coin = coin;
    this.type = 'limit';
    this.leverage = String(Math.min(Number(this.leverage), ex.maxLeverage));
    this.price = ex.price;
    this.size = this.unit === 'base' ? ex.size : ex.total;
  }

  /** The page's own summary figures as it shows them ("60,952", "$13,000.00", "N/A"). */
  async pageSummary(): Promise<{ liquidationPrice: string; orderValue: string; marginRequired: string }> {
    const text = (name: string) => this.page.locator(`[data-fixture="${name}"]`).innerText();
    return {
      liquidationPrice: await text('page-liq'),
      orderValue: await text('order-value'),
      marginRequired: await text('margin-required'),
    };
  }

  async submittedOrders(): Promise<string[]> {
    return this.page.locator('#fixture-orders li').allTextContents();
  }

  form(): OrderForm {
    const form: OrderForm = {
      venue: 'hyperliquid',
      symbol: this.coin,
      side: this.side,
      type: this.type,
      marginMode: this.marginMode,
      price: this.type === 'limit' ? plain(this.price) : null,
      size: { unit: this.unit, value: plain(this.size) },
      leverage: this.leverage,
      marginEnabled: true,
      stopLoss: null,
      takeProfit: null,
      availableBalance: ACCOUNTS[this.generation].available,
    };
    // Cross margin: the reader takes the account panel and positions table along.
    if (this.marginMode === 'cross')
      form.account = { ...FIXTURE_ACCOUNT, walletBalance: ACCOUNTS[this.generation].balance };
    return form;
  }
}
