// Drives the OKX USDT swap fixture page like a trader (dialogs for margin mode and leverage,
// order-type tabs, the amount unit picker, typing, the instrument menu) and keeps track of what it
// entered, for the expected OrderForm. The account part of the form is what the fixture shows.
// Generation 2 (okx-swap.gen2.html, served by mock.usePage) has no <label> on its fields: the
// harness finds its inputs by the fixture's own hooks there (the reader never uses them).
import type { Locator, Page } from 'playwright-core';
import type { OrderForm, PageAccount, PagePosition } from '../../src/venues/types';

export type OkxInstrument = 'BTC-USDT-SWAP' | 'ETH-USDT-SWAP' | 'SOL-USDT-SWAP';
export type OkxUnit = 'contracts' | 'base' | 'quote';

/** `locale`: the segment OKX puts before the path on its localised pages ("ru", "zh-hans"). */
export const OKX_URL = (inst: OkxInstrument = 'BTC-USDT-SWAP', locale?: string) =>
  `https://www.okx.com/${locale === undefined ? '' : `${locale}/`}trade-swap/${inst.toLowerCase()}`;

/** Each instrument's example, as the fixture (okx-swap.html) restores it on a (re)mount. */
const EXAMPLES: Record<OkxInstrument, { base: string; price: string; sizes: Record<OkxUnit, string> }> = {
  'BTC-USDT-SWAP': { base: 'BTC', price: '65,000.0', sizes: { contracts: '10', base: '0.1', quote: '6,500' } },
  'ETH-USDT-SWAP': { base: 'ETH', price: '3,500.00', sizes: { contracts: '1', base: '0.1', quote: '350' } },
  'SOL-USDT-SWAP': { base: 'SOL', price: '150.00', sizes: { contracts: '2', base: '2', quote: '300' } },
};

/** The cross account the fixture shows: cash balance and one open ETH position. */
const ETH_POSITION: PagePosition = {
  symbol: 'ETH-USDT-SWAP',
  side: 'long',
  quantity: '1.5',
  entryPrice: '3150',
  markPrice: '3201.25',
  maintenanceMargin: '24.01',
};
const CASH_BALANCE = '10000';

const plain = (text: string) => text.replace(/,/g, '');

export class OkxPage {
  inst: OkxInstrument = 'BTC-USDT-SWAP';
  type: 'limit' | 'market' = 'limit';
  marginMode: 'cross' | 'isolated' = 'cross';
  leverage = '10';
  unit: OkxUnit = 'contracts';
  price = EXAMPLES['BTC-USDT-SWAP'].price;
  size = EXAMPLES['BTC-USDT-SWAP'].sizes.contracts;
  /** Which bottom tab shows: the positions table is read only while it is shown. */
  bottomTab: 'positions' | 'orders' = 'positions';

  /**
   * `generation`: which fixture page the mock serves (2: mock.usePage('www.okx.com', 'okx-swap.gen2.html'));
   * `buttons`: the submit buttons' names on a translated page (okx-swap.gen2-ru.html).
   */
  constructor(
    readonly page: Page,
    readonly generation: 1 | 2 = 1,
    readonly buttons: { buy: string; sell: string } = { buy: 'Buy/Long', sell: 'Sell/Short' },
  ) {}

  async goto(inst: OkxInstrument = 'BTC-USDT-SWAP', locale?: string): Promise<this> {
    await this.page.goto(OKX_URL(inst, locale));
    this.inst = inst;
    this.price = EXAMPLES[inst].price;
    this.size = EXAMPLES[inst].sizes[this.unit];
    await this.buyButton().waitFor();
    return this;
  }

  buyButton(): Locator {
    return this.page.getByRole('button', { name: this.buttons.buy, exact: true });
  }

  sellButton(): Locator {
    return this.page.getByRole('button', { name: this.buttons.sell, exact: true });
  }

  private input(label: 'Price (USDT)' | 'Amount'): Locator {
    if (this.generation === 2)
      return this.page.locator(label === 'Amount' ? '[data-fixture="size"]' : '[data-fixture="price"]');
    return this.page.getByLabel(label, { exact: true });
  }

  /** The page's own "Cost" text for a side (generation 2 shows one under each button), e.g. "650.00 USDT". */
  async pageCost(side: 'long' | 'short'): Promise<string> {
    return (await this.page.locator(`[data-fixture="cost-${side}"]`).textContent()) ?? '';
  }

  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page
      .getByRole('tablist', { name: 'Order type' })
      .getByRole('tab', { name: type === 'limit' ? 'Limit' : 'Market', exact: true })
      .click();
    this.type = type;
  }

  async setMarginMode(mode: 'cross' | 'isolated'): Promise<void> {
    await this.page
      .getByRole('button', { name: this.marginMode === 'cross' ? 'Cross' : 'Isolated', exact: true })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Margin mode' });
    await dialog.getByRole('button', { name: mode === 'cross' ? 'Cross' : 'Isolated', exact: true }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.marginMode = mode;
  }

  async setLeverage(times: number): Promise<void> {
    await this.page.getByRole('button', { name: `${Number(this.leverage).toFixed(2)}x`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Adjust leverage' });
    await dialog.getByRole('spinbutton', { name: 'Leverage' }).fill(String(times));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.leverage = String(times);
  }

  /** Choosing another unit clears the amount: type a size after. */
  async setUnit(unit: OkxUnit): Promise<void> {
    if (unit === this.unit) return;
    await this.page.getByRole('combobox').click();
    const name = unit === 'contracts' ? 'Contracts' : unit === 'base' ? EXAMPLES[this.inst].base : 'USDT';
    await this.page.getByRole('listbox', { name: 'Amount unit' }).getByRole('option', { name, exact: true }).click();
    this.unit = unit;
    this.size = '';
  }

  async typePrice(text: string): Promise<void> {
    await this.input('Price (USDT)').fill(text);
    this.price = text;
  }

  async typeSize(text: string): Promise<void> {
    await this.input('Amount').fill(text);
    this.size = text;
  }

  /** The bottom panel's tab: with "Open orders" shown, the page shows no positions. */
  async showBottomTab(tab: 'positions' | 'orders'): Promise<void> {
    await this.page.getByRole('tab', { name: tab === 'positions' ? /^Positions/ : /^Open orders/ }).click();
    this.bottomTab = tab;
  }

  /** The instrument menu: pushState to the other instrument and a re-mounted form with its example. */
  async switchInstrument(inst: OkxInstrument): Promise<void> {
    await this.page.getByRole('button', { name: /USDT Perpetual$/ }).click();
    await this.page.getByRole('option', { name: `${inst.replace(/-USDT-SWAP$/, '')}USDT Perpetual` }).click();
    await this.page.waitForURL(OKX_URL(inst));
    this.inst = inst;
    this.type = 'limit';
    this.price = EXAMPLES[inst].price;
    this.size = EXAMPLES[inst].sizes[this.unit];
  }

  /** Lines the fixture appended for every submit click that reached the page. */
  async submittedOrders(): Promise<string[]> {
    return this.page.locator('#fixture-orders li').allTextContents();
  }

  account(): PageAccount | undefined {
    if (this.marginMode !== 'cross') return undefined;
    return { walletBalance: CASH_BALANCE, positions: this.bottomTab === 'positions' ? [ETH_POSITION] : null };
  }

  form(): OrderForm {
    const form: OrderForm = {
      venue: 'okx-swap',
      symbol: this.inst,
      side: 'both',
      type: this.type,
      marginMode: this.marginMode,
      price: this.type === 'limit' ? plain(this.price) : null,
      size: { unit: this.unit, value: plain(this.size) },
      leverage: this.leverage,
      marginEnabled: true,
      stopLoss: null,
      takeProfit: null,
      availableBalance: '9523.1',
    };
    const account = this.account();
    if (account !== undefined) form.account = account;
    return form;
  }
}
