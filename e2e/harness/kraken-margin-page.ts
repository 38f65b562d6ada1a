// Drives the Kraken Pro fixture page the way a trader does (clicks and typing, through
// Playwright) and keeps track of what it entered, so a test can state the OrderForm the
// extension's reader should see without asking the extension.
import type { Page } from 'playwright-core';
import type { OrderForm } from '../../src/venues/types';

export const KRAKEN_URL = (pair = 'btc-usd') => `https://pro.kraken.com/app/trade/${pair}`;

/** What the fixture shows before anyone touches it (see kraken-margin.html). */
const START = { side: 'long', type: 'limit', leverage: '5', unit: 'base', price: '65000.0', size: '0.5' } as const;

export class KrakenPage {
  side: 'long' | 'short' = START.side;
  type: 'limit' | 'market' = START.type;
  leverage: string = START.leverage;
  unit: 'base' | 'quote' = START.unit;
  price: string = START.price;
  size: string = START.size;
  base = 'BTC';
  quote = 'USD';

  constructor(readonly page: Page) {}

  async goto(pair = 'btc-usd'): Promise<this> {
    await this.page.goto(KRAKEN_URL(pair));
    [this.base, this.quote] = pair.toUpperCase().split('-') as [string, string];
    await this.submitButton().waitFor();
    return this;
  }

  submitButton() {
    return this.page.getByRole('button', { name: /^(Buy|Sell) [A-Z]+$/ });
  }

  async setSide(side: 'long' | 'short'): Promise<void> {
    await this.page.getByRole('tab', { name: side === 'long' ? 'Buy' : 'Sell', exact: true }).click();
    this.side = side;
  }

  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page.getByRole('tab', { name: type === 'limit' ? 'Limit' : 'Market', exact: true }).click();
    this.type = type;
  }

  async setLeverage(times: 2 | 3 | 4 | 5): Promise<void> {
    await this.page.getByRole('radio', { name: `${times}x` }).click();
    this.leverage = String(times);
  }

  /** Switching the unit clears the quantity field (as the fixture's SPA does): type a size after. */
  async setUnit(unit: 'base' | 'quote'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Quantity currency' })
      .getByRole('button', { name: unit === 'base' ? this.base : this.quote, exact: true })
      .click();
    this.unit = unit;
  }

  async typePrice(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Limit price', exact: true }).fill(text);
    this.price = text;
  }

  async typeSize(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Quantity', exact: true }).fill(text);
    this.size = text;
  }

  /** Picks another pair from the pair menu: the fixture pushState()s and re-mounts its form. */
  async switchPair(pair: 'btc-usd' | 'eth-usd'): Promise<void> {
    await this.page.getByRole('button', { name: `${this.base}/${this.quote}`, exact: true }).click();
    const [base, quote] = pair.toUpperCase().split('-') as [string, string];
    await this.page.getByRole('menuitem', { name: `${base}/${quote}` }).click();
    await this.page.waitForURL(KRAKEN_URL(pair));
    [this.base, this.quote] = [base, quote];
    // The re-mounted form holds the pair's example values.
    if (pair === 'eth-usd') [this.price, this.size] = ['3500.00', '2'];
    else [this.price, this.size] = [START.price, START.size];
  }

  /** Lines the fixture appended for every submit click that reached the page. */
  async submittedOrders(): Promise<string[]> {
    return this.page.locator('#fixture-orders li').allTextContents();
  }

  /** The OrderForm the reader should produce from what this page object entered. */
  form(): OrderForm {
    return {
      venue: 'kraken-margin',
      symbol: `${this.base}/${this.quote}`,
      side: this.side,
      type: this.type,
      marginMode: 'cross',
      price: this.type === 'limit' ? this.price.replace(/,/g, '') : null,
      size: { unit: this.unit, value: this.size.replace(/,/g, '') },
      leverage: this.leverage,
      marginEnabled: true,
      stopLoss: null,
      takeProfit: null,
      availableBalance: '25000.00',
    };
  }
}
