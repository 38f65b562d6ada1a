// Drives the Binance spot margin fixture page like a trader (account tabs, the Cross leverage
// dialog, borrow behaviour, order type, the Buy and Sell forms) and keeps track of what it
// entered, for the expected OrderForm.
import type { Locator, Page } from 'playwright-core';
import type { OrderForm } from '../../src/venues/types';

export type MarginAccount = 'spot' | 'cross' | 'isolated';
type FormSide = 'long' | 'short';

export const BINANCE_MARGIN_URL = (pair = 'BTC_USDT', account: MarginAccount = 'cross', locale = 'en') =>
  `https://www.binance.com/${locale}/trade/${pair}?type=${account}`;

/** What each account of the fixture shows (binance-margin.html): Avbl and, for margin, a debt-free total. */
const ACCOUNT_BALANCE: Record<MarginAccount, string> = { spot: '5000', cross: '20000', isolated: '2000' };
/** Each pair's example as the fixture restores it: the Buy form filled, the Sell form's price only. */
const EXAMPLES: Record<string, { price: string; amount: string }> = {
  BTC_USDT: { price: '65,000.00', amount: '0.5' },
  ETH_USDT: { price: '3,500.00', amount: '2' },
};

export class BinanceMarginPage {
  pair = 'BTC_USDT';
  account: MarginAccount = 'cross';
  crossLeverage: 3 | 5 = 3;
  type: 'limit' | 'market' = 'limit';
  borrow: 'none' | 'auto' | 'repay' = 'auto';
  /** What each form holds, as typed. */
  forms: Record<FormSide, { price: string; amount: string }> = {
    long: { ...EXAMPLES.BTC_USDT! },
    short: { price: EXAMPLES.BTC_USDT!.price, amount: '' },
  };

  constructor(readonly page: Page) {}

  get base(): string {
    return this.pair.split('_')[0]!;
  }

  get symbol(): string {
    return this.pair.replace('_', '');
  }

  async goto(pair = 'BTC_USDT', account: MarginAccount = 'cross'): Promise<this> {
    await this.page.goto(BINANCE_MARGIN_URL(pair, account));
    this.pair = pair;
    this.account = account;
    this.forms = { long: { ...EXAMPLES[pair]! }, short: { price: EXAMPLES[pair]!.price, amount: '' } };
    await this.buyButton().waitFor();
    return this;
  }

  buyButton(): Locator {
    return this.page.getByRole('button', { name: `Buy ${this.base}`, exact: true });
  }

  sellButton(): Locator {
    return this.page.getByRole('button', { name: `Sell ${this.base}`, exact: true });
  }

  private field(side: FormSide, name: 'price' | 'quantity'): Locator {
    return this.page.locator(`#FormRow-${side === 'long' ? 'BUY' : 'SELL'}-${name}`);
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

  /** The Market tab empties both price fields. */
  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page.getByRole('tab', { name: type === 'limit' ? 'Limit' : 'Market', exact: true }).click();
    this.type = type;
    if (type === 'market') for (const side of ['long', 'short'] as const) this.forms[side].price = '';
  }

  async typePrice(side: FormSide, text: string): Promise<void> {
    await this.field(side, 'price').fill(text);
    this.forms[side].price = text;
  }

  async typeAmount(side: FormSide, text: string): Promise<void> {
    await this.field(side, 'quantity').fill(text);
    this.forms[side].amount = text;
  }

  /** Fills one form and empties the other's amount, so the filled one is the order. */
  async order(side: FormSide, price: string | null, amount: string): Promise<void> {
    const other = side === 'long' ? 'short' : 'long';
    if (this.forms[other].amount !== '') await this.typeAmount(other, '');
    if (price !== null) await this.typePrice(side, price);
    await this.typeAmount(side, amount);
  }

  /** Picks another pair from the pair menu: the fixture pushState()s and re-mounts its forms. */
  async switchPair(pair: 'BTC_USDT' | 'ETH_USDT'): Promise<void> {
    await this.page.getByRole('button', { name: this.pair.replace('_', '/'), exact: true }).click();
    await this.page.getByRole('option', { name: pair.replace('_', '/') }).click();
    await this.page.waitForURL(BINANCE_MARGIN_URL(pair, this.account));
    this.pair = pair;
    if (this.type === 'market') this.type = 'limit';
    this.forms = { long: { ...EXAMPLES[pair]! }, short: { price: EXAMPLES[pair]!.price, amount: '' } };
  }

  async submittedOrders(): Promise<string[]> {
    return this.page.locator('#fixture-orders li').allTextContents();
  }

  /** The side being quoted: the form with an amount (the harness keeps one filled at a time). */
  side(): FormSide {
    return this.forms.long.amount !== '' ? 'long' : 'short';
  }

  /** The OrderForm the reader should produce from what this page object entered. */
  form(): OrderForm {
    const side = this.side();
    const margin = this.account !== 'spot';
    const marginEnabled = margin && this.borrow === 'auto';
    const leverage = this.account === 'cross' ? String(this.crossLeverage) : '10';
    const form: OrderForm = {
      venue: 'binance-margin',
      symbol: this.symbol,
      side,
      type: this.type,
      marginMode: this.account === 'isolated' ? 'isolated' : 'cross',
      price: this.type === 'limit' ? this.forms[side].price.replace(/,/g, '') : null,
      size: { unit: 'base', value: this.forms[side].amount.replace(/,/g, '') },
      leverage: marginEnabled ? leverage : '1',
      marginEnabled,
      stopLoss: null,
      takeProfit: null,
      availableBalance: ACCOUNT_BALANCE[this.account],
    };
    if (margin) form.borrow = this.borrow;
    if (this.account === 'cross') form.account = { walletBalance: ACCOUNT_BALANCE.cross, positions: [] };
    return form;
  }
}
