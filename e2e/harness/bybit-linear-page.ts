// Drives the Bybit USDT perpetual fixture page like a trader (margin-mode and leverage dialogs,
// tabs, the "Order by" unit menu, TP/SL, typing) and keeps track of what it entered, for the
// expected OrderForm. The account panel and positions table are static on the fixture: in cross
// margin the form carries them as the reader reads them. Generation 2 (bybit-linear.gen2.html,
// served by mock.usePage(BYBIT_HOST, BYBIT_GEN2_PAGE)) draws its checkboxes by class, shows the
// leverage in `.oc-head-leverage` and the unit in `.by-input__right-icon`; it loads with TP/SL on.
import type { Locator, Page } from 'playwright-core';
import type { OrderForm, PagePosition } from '../../src/venues/types';

export const BYBIT_URL = (symbol = 'BTCUSDT') => `https://www.bybit.com/trade/usdt/${symbol}`;
export const BYBIT_HOST = 'www.bybit.com';
export const BYBIT_GEN2_PAGE = 'bybit-linear.gen2.html';
/** The gen-2 page's TP/SL as loaded (on by its class). */
const GEN2_TPSL = { takeProfit: '68,000.0', stopLoss: '63,500.0' } as const;

/** The fixture's example order (see bybit-linear.html). */
const START = {
  type: 'limit',
  marginMode: 'cross',
  leverage: '10',
  unit: 'base',
  price: '65,000.0',
  size: '0.100',
} as const;
/** Each symbol's example after a (re-)mount, as the fixture restores it. */
const EXAMPLES: Record<string, { price: string; size: string; value: string }> = {
  BTCUSDT: { price: '65,000.0', size: '0.100', value: '6,500' },
  ETHUSDT: { price: '3,500.00', size: '1.00', value: '3,500' },
};

/** What the fixture's account panel and positions table show (DOGEUSDT is isolated: not listed). */
export const BYBIT_PAGE_WALLET = '10000';
export const BYBIT_PAGE_POSITIONS: readonly PagePosition[] = [
  {
    symbol: 'SOLUSDT',
    side: 'long',
    quantity: '25',
    entryPrice: '142.35',
    markPrice: '148.12',
    maintenanceMargin: '19.54',
  },
  {
    symbol: 'XRPUSDT',
    side: 'short',
    quantity: '1500',
    entryPrice: '2.412',
    markPrice: '2.3885',
    maintenanceMargin: '19.84',
  },
];

const plain = (text: string) => text.replace(/,/g, '');

export class BybitPage {
  type: 'limit' | 'market' = START.type;
  marginMode: 'cross' | 'isolated' = START.marginMode;
  leverage: string = START.leverage;
  unit: 'base' | 'quote' = START.unit;
  price: string = START.price;
  size: string = START.size;
  stopLoss: string | null = null;
  takeProfit: string | null = null;
  symbol = 'BTCUSDT';

  constructor(
    readonly page: Page,
    readonly generation: 1 | 2 = 1,
  ) {}

  async goto(symbol = 'BTCUSDT'): Promise<this> {
    await this.page.goto(BYBIT_URL(symbol));
    this.symbol = symbol;
    this.price = EXAMPLES[symbol]!.price;
    this.size = EXAMPLES[symbol]!.size;
    if (this.generation === 2 && symbol === 'BTCUSDT')
      ({ takeProfit: this.takeProfit, stopLoss: this.stopLoss } = GEN2_TPSL);
    await this.buyButton().waitFor();
    return this;
  }

  buyButton(): Locator {
    return this.page.getByRole('button', { name: 'Buy/Long', exact: true });
  }

  sellButton(): Locator {
    return this.page.getByRole('button', { name: 'Sell/Short', exact: true });
  }

  /** A form row's input by the row's label ("Price", "Qty", "Value", "Stop Loss"). */
  field(label: string): Locator {
    return this.page
      .locator('.oc__row-bottom--12')
      .filter({ has: this.page.locator('.oc__row-label', { hasText: new RegExp(`^${label}$`) }) })
      .locator('input');
  }

  async setType(type: 'limit' | 'market'): Promise<void> {
    await this.page.getByRole('tab', { name: type === 'limit' ? 'Limit' : 'Market', exact: true }).click();
    this.type = type;
  }

  async setMarginMode(mode: 'cross' | 'isolated'): Promise<void> {
    await this.page
      .getByRole('button', { name: this.marginMode === 'cross' ? 'Cross' : 'Isolated', exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Margin Mode' });
    await dialog
      .getByRole('button', { name: mode === 'cross' ? 'Cross Margin' : 'Isolated Margin', exact: true })
      .click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.marginMode = mode;
  }

  /** Bybit shows leverage with two decimals ("10.00x"). */
  async setLeverage(times: string): Promise<void> {
    const shown = `${Number(this.leverage).toFixed(2)}x`;
    await (
      this.generation === 2
        ? this.page.locator('.oc-head-leverage', { hasText: shown })
        : this.page.getByRole('button', { name: shown, exact: true })
    ).click();
    const dialog = this.page.getByRole('dialog', { name: 'Adjust Leverage' });
    await dialog.getByRole('spinbutton', { name: 'Leverage' }).fill(times);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    this.leverage = times;
  }

  /** "Order by Qty" (base) or "Order by Value" (USDT); a change clears the field: type a size after. */
  async setUnit(unit: 'base' | 'quote'): Promise<void> {
    if (unit === this.unit) return;
    const unitBox = this.generation === 2 ? '.by-input__right-icon' : '.by-input__suffix';
    await this.page.locator(`${unitBox} .by-popover__el`).click();
    await this.page.getByRole('menuitemradio', { name: unit === 'base' ? 'Order by Qty' : 'Order by Value' }).click();
    this.unit = unit;
    this.size = '';
  }

  async typePrice(text: string): Promise<void> {
    await this.field('Price').fill(text);
    this.price = text;
  }

  async typeSize(text: string): Promise<void> {
    await this.field(this.unit === 'base' ? 'Qty' : 'Value').fill(text);
    this.size = text;
  }

  /** Whether TP/SL is ticked: the checkbox (generation 1) or its class (generation 2). */
  private async tpslOn(): Promise<boolean> {
    if (this.generation === 1) return this.page.getByRole('checkbox', { name: 'TP/SL' }).isChecked();
    return (await this.page.locator('.oc__tp-sl-chk').getAttribute('class'))!
      .split(/\s+/)
      .includes('by-checkbox--checked');
  }

  /** Ticks (or unticks) TP/SL; unticked, the page's stop and take profit no longer apply. */
  async setTpsl(on: boolean): Promise<void> {
    if ((await this.tpslOn()) !== on) {
      if (this.generation === 1) await this.page.getByRole('checkbox', { name: 'TP/SL' }).setChecked(on);
      else await this.page.locator('.oc__tp-sl-chk').click();
    }
    if (!on) {
      this.stopLoss = null;
      this.takeProfit = null;
    }
  }

  /** Ticks TP/SL and types the stop loss (take profit left as it is). */
  async setStopLoss(text: string): Promise<void> {
    await this.setTpsl(true);
    await this.field('Stop Loss').fill(text);
    this.stopLoss = text;
  }

  /** Ticks TP/SL and types the take profit. */
  async setTakeProfit(text: string): Promise<void> {
    await this.setTpsl(true);
    await this.field('Take Profit').fill(text);
    this.takeProfit = text;
  }

  /** Ticks or unticks Reduce-Only (generation 2: a class-drawn checkbox). */
  async setReduceOnly(on: boolean): Promise<void> {
    const box =
      this.generation === 1
        ? this.page.getByRole('checkbox', { name: 'Reduce-Only' })
        : this.page.locator('.by-checkbox', { hasText: /^Reduce-Only$/ });
    const checked =
      this.generation === 1
        ? await box.isChecked()
        : (await box.getAttribute('class'))!.split(/\s+/).includes('by-checkbox--checked');
    if (checked !== on) await box.click();
  }

  /** The symbol menu in the header: pushState to /trade/usdt/<symbol>, the form re-mounts with its example. */
  async switchSymbol(symbol: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${this.symbol} Perpetual$`) }).click();
    await this.page.getByRole('option', { name: symbol, exact: true }).click();
    await this.page.waitForURL(BYBIT_URL(symbol));
    this.symbol = symbol;
    this.type = 'limit';
    this.price = EXAMPLES[symbol]!.price;
    this.size = this.unit === 'base' ? EXAMPLES[symbol]!.size : EXAMPLES[symbol]!.value;
    this.stopLoss = null;
    this.takeProfit = null;
  }

  async submittedOrders(): Promise<string[]> {
    return this.page.locator('#fixture-orders li').allTextContents();
  }

  form(): OrderForm {
    const form: OrderForm = {
      venue: 'bybit-linear',
      symbol: this.symbol,
      side: 'both',
      type: this.type,
      marginMode: this.marginMode,
      price: this.type === 'limit' ? plain(this.price) : null,
      size: { unit: this.unit, value: plain(this.size) },
      leverage: this.leverage,
      marginEnabled: true,
      stopLoss: this.stopLoss === null ? null : plain(this.stopLoss),
      takeProfit: this.takeProfit === null ? null : plain(this.takeProfit),
      availableBalance: '10000',
    };
    if (this.marginMode === 'cross')
      form.account = { walletBalance: BYBIT_PAGE_WALLET, positions: [...BYBIT_PAGE_POSITIONS] };
    return form;
  }
}
