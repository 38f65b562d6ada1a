// Drives the second-generation Kraken Pro fixture page (e2e/fixtures/pages/kraken-margin.gen2.html,
// the December 2024 layout) like a trader, and keeps track of what it entered so a test can state
// the OrderForm the reader should see. The mock serves it once a test asks for generation 2
// (mock.usePage('pro.kraken.com', 'kraken-margin.gen2.html')), at /app/trade/btc-usd and
// /app/trade/margin-btc-usd (the mock's Kraken route takes any /app/trade/<one segment>).
import type { Page } from 'playwright-core';
import type { OrderForm } from '../../src/venues/types';

/** The spot URL (margin by the switch) or the margin URL. */
export type KrakenGen2Url = 'spot' | 'margin';

export const KRAKEN_GEN2_URL = (at: KrakenGen2Url, pair = 'btc-usd') =>
  `https://pro.kraken.com/app/trade/${at === 'margin' ? 'margin-' : ''}${pair}`;

export class KrakenGen2Page {
  side: 'long' | 'short' = 'long';
  type: 'limit' | 'market' = 'limit';
  /** The switch's label says "Margin (5x)"; the fixture has no other leverage. */
  leverage = '5';
  margin = true;
  price = '94440';
  quantity = '0.05';

  constructor(readonly page: Page) {}

  async goto(at: KrakenGen2Url): Promise<this> {
    await this.page.goto(KRAKEN_GEN2_URL(at));
    await this.submitButton().waitFor();
    return this;
  }

  submitButton() {
    return this.page.getByRole('button', { name: /^(Buy|Sell) [A-Z]+\/[A-Z]+( \(\d+x\))?$/ });
  }

  async setSide(side: 'long' | 'short'): Promise<void> {
    await this.page.getByRole('radio', { name: side === 'long' ? 'Buy' : 'Sell', exact: true }).click();
    this.side = side;
  }

  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page.locator('button[aria-haspopup="listbox"]').click();
    await this.page.getByRole('option', { name: type === 'limit' ? 'Limit' : 'Market', exact: true }).click();
    this.type = type;
  }

  async setMargin(on: boolean): Promise<void> {
    const toggle = this.page.getByRole('switch', { name: /^Margin/ });
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
    this.margin = on;
  }

  async typePrice(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Limit price', exact: true }).fill(text);
    this.price = text;
  }

  /** The page rewrites Total to quantity × price (2 decimals). */
  async typeQuantity(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Quantity', exact: true }).fill(text);
    this.quantity = text;
  }

  /** The OrderForm the reader should produce from what this page object entered. */
  form(): OrderForm {
    return {
      venue: 'kraken-margin',
      symbol: 'BTC/USD',
      side: this.side,
      type: this.type,
      marginMode: 'cross',
      price: this.type === 'limit' ? this.price : null,
      size: { unit: 'base', value: this.quantity },
      leverage: this.margin ? this.leverage : '1',
      marginEnabled: this.margin,
      stopLoss: null,
      takeProfit: null,
      availableBalance: '3130.11',
    };
  }
}
