// Drives the second-generation Binance spot margin fixture page (e2e/fixtures/pages/binance-margin.gen2.html:
// one form behind a Buy / Sell tab switch, #limitPrice / #limitAmount / #limitTotal, #marketAmount on the
// Market pane) like a trader, and keeps track of what it entered, for the expected OrderForm. The mock
// serves it at the real trade URLs when the query says ?fixture=gen2 (e2e/mock/venues/binance-margin.ts).
import type { Locator, Page } from 'playwright-core';
import type { OrderForm } from '../../src/venues/types';
import type { MarginAccount } from './binance-margin-page';

export const BINANCE_MARGIN_GEN2_URL = (account: MarginAccount = 'cross', locale = 'en') =>
  `https://www.binance.com/${locale}/trade/BTC_USDT?type=${account}&fixture=gen2`;

/** What each account of the fixture shows as "Avbl" on the Buy tab (the Sell tab shows the BTC balance). */
const QUOTE_AVBL: Record<MarginAccount, string> = { spot: '5000', cross: '20000', isolated: '2000' };

export class BinanceMarginGen2Page {
  account: MarginAccount = 'cross';
  crossLeverage: 3 | 5 = 3;
  side: 'long' | 'short' = 'long';
  type: 'limit' | 'market' = 'limit';
  borrow: 'none' | 'auto' | 'repay' = 'auto';
  /** The Limit pane's values as typed (the example as loaded). */
  price = '65,000.00';
  amount = '0.5';
  /** The Market pane's amount. */
  marketAmount = '';

  constructor(readonly page: Page) {}

  async goto(account: MarginAccount = 'cross'): Promise<this> {
    await this.page.goto(BINANCE_MARGIN_GEN2_URL(account));
    this.account = account;
    await this.submitButton().waitFor();
    return this;
  }

  /** The one submit button: "Buy BTC" or "Sell BTC" after the selected tab. */
  submitButton(): Locator {
    return this.page.getByRole('button', { name: /^(Buy|Sell) BTC$/ });
  }

  async setSide(side: 'long' | 'short'): Promise<void> {
    await this.page.getByRole('tab', { name: side === 'long' ? 'Buy' : 'Sell', exact: true }).click();
    this.side = side;
  }

  async setAccount(account: MarginAccount): Promise<void> {
    const name = account === 'spot' ? /^Spot$/ : account === 'cross' ? /^Cross/ : /^Isolated/;
    await this.page.getByRole('tab', { name }).click();
    this.account = account;
  }

  /** Cross Classic 3x or 5x, in the dialog behind the Cross tab's leverage badge. */
  async setCrossLeverage(times: 3 | 5): Promise<void> {
    await this.page.getByRole('button', { name: `${this.crossLeverage}x`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Cross Margin' });
    await dialog.getByRole('radio', { name: `Cross Classic ${times}x` }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.crossLeverage = times;
  }

  async setBorrow(borrow: 'none' | 'auto' | 'repay'): Promise<void> {
    await this.page
      .getByRole('radio', { name: borrow === 'none' ? 'Normal' : borrow === 'auto' ? 'Borrow' : 'Repay', exact: true })
      .click();
    this.borrow = borrow;
  }

  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page.getByRole('tab', { name: type === 'limit' ? 'Limit' : 'Market', exact: true }).click();
    this.type = type;
  }

  /** Types into the Limit pane; the page rewrites the Total (price × amount, 2 decimals). */
  async typeLimit(price: string, amount: string): Promise<void> {
    await this.page.locator('#limitPrice').fill(price);
    await this.page.locator('#limitAmount').fill(amount);
    this.price = price;
    this.amount = amount;
  }

  async typeMarketAmount(amount: string): Promise<void> {
    await this.page.locator('#marketAmount').fill(amount);
    this.marketAmount = amount;
  }

  /** The OrderForm the reader should produce from what this page object entered. */
  form(): OrderForm {
    const margin = this.account !== 'spot';
    const marginEnabled = margin && this.borrow === 'auto';
    const leverage = this.account === 'cross' ? String(this.crossLeverage) : '10';
    const form: OrderForm = {
      venue: 'binance-margin',
      symbol: 'BTCUSDT',
      side: this.side,
      type: this.type,
      marginMode: this.account === 'isolated' ? 'isolated' : 'cross',
      price: this.type === 'limit' ? this.price.replace(/,/g, '') : null,
      size: { unit: 'base', value: (this.type === 'limit' ? this.amount : this.marketAmount).replace(/,/g, '') },
      leverage: marginEnabled ? leverage : '1',
      marginEnabled,
      stopLoss: null,
      takeProfit: null,
      // The Sell tab's "Avbl" is in BTC: no quote balance from the page.
      availableBalance: this.side === 'long' ? QUOTE_AVBL[this.account] : null,
    };
    if (margin) form.borrow = this.borrow;
    if (this.account === 'cross') form.account = { walletBalance: QUOTE_AVBL.cross, positions: [] };
    return form;
  }
}
