// Binance spot margin's words per page language: Binance's shared tables (../binance-words.ts: Limit,
// Market, Price, Amount, Cross, Isolated, Avbl, Borrow, Repay, Normal) plus the spot/margin page's own
// (the Spot account tab, the Buy / Sell side tabs and submit verbs, Total, the margin account panel).
// The reader finds the form by structure first (#limitPrice, FormRow- ids, role=tab aria-controls,
// bn-button__buy/sell classes); these words name what has no stable hook. A wrong word refuses.
//
// Sources and confidence: en verified as in ../binance-words.ts; zh-CN 买入/卖出, 现货, 总资产 are Binance's
// usual Chinese wording (not seen on a saved margin page); every other word here is our rendering of
// Binance's term in the language: unverified, to be replaced by the live words when a saved page is at hand.
import { BINANCE_TABLES, BINANCE_WORDS, type BinanceWords } from '../binance-words';
import { perLanguage } from '../dom/per-language';

/** A control's accepted names in one language. */
type Words = readonly string[];

export interface MarginExtras {
  spot: Words;
  /** The side tab's name and the submit button's verb ("Buy" / "Buy BTC"). */
  buySide: Words;
  sellSide: Words;
  total: Words;
  marginLevel: Words;
  totalAssets: Words;
  totalLiabilities: Words;
}

export type MarginWords = BinanceWords & MarginExtras;

/** [spot, buySide, sellSide, total, marginLevel, totalAssets, totalLiabilities] */
type Row = readonly [Words, Words, Words, Words, Words, Words, Words];

const ROWS: Readonly<Record<string, Row>> = {
  en: [['Spot'], ['Buy'], ['Sell'], ['Total'], ['Margin Level'], ['Total Assets'], ['Total Liabilities']],
  'zh-CN': [['现货'], ['买入'], ['卖出'], ['交易额', '总额'], ['风险率', '保证金水平'], ['总资产'], ['总负债']],
  'zh-TW': [['現貨'], ['買入'], ['賣出'], ['交易額', '總額'], ['風險率', '保證金水平'], ['總資產'], ['總負債']],
  ru: [['Спот'], ['Купить'], ['Продать'], ['Всего', 'Итого'], ['Уровень маржи'], ['Всего активов'],
    ['Всего обязательств']],
  uk: [['Спот'], ['Купити'], ['Продати'], ['Усього'], ['Рівень маржі'], ['Усього активів'], ['Усього зобов’язань']],
  es: [['Spot'], ['Comprar'], ['Vender'], ['Total'], ['Nivel de margen'], ['Activos totales'], ['Pasivos totales']],
  pt: [['Spot'], ['Comprar'], ['Vender'], ['Total'], ['Nível de margem'], ['Ativos totais'], ['Passivos totais']],
  tr: [['Spot'], ['Al'], ['Sat'], ['Toplam'], ['Marjin Seviyesi'], ['Toplam Varlıklar'], ['Toplam Borçlar']],
  vi: [['Giao ngay', 'Spot'], ['Mua'], ['Bán'], ['Tổng'], ['Mức ký quỹ'], ['Tổng tài sản'], ['Tổng nợ']],
  ko: [['현물'], ['매수'], ['매도'], ['총액'], ['마진 레벨'], ['총 자산'], ['총 부채']],
  ja: [['現物'], ['買い'], ['売り'], ['合計'], ['証拠金レベル'], ['総資産'], ['総負債']],
  de: [['Spot'], ['Kaufen'], ['Verkaufen'], ['Gesamt'], ['Margin-Level'], ['Gesamtvermögen'],
    ['Gesamtverbindlichkeiten']],
  fr: [['Spot'], ['Acheter'], ['Vendre'], ['Total'], ['Niveau de marge'], ['Total des actifs'],
    ['Total des passifs']],
}; // prettier-ignore

const KEYS: (keyof MarginExtras)[] = [
  'spot',
  'buySide',
  'sellSide',
  'total',
  'marginLevel',
  'totalAssets',
  'totalLiabilities',
];

/** The tables this page can be read in: Binance's shared ones that also have the margin words. */
export const MARGIN_TABLES: readonly string[] = BINANCE_TABLES.filter((table) => ROWS[table] !== undefined);

/** The words of one table id (English for an id without a table: the reader has refused that page already). */
export const marginWords: (table: string) => MarginWords = perLanguage(
  (table: string) => {
    const id = ROWS[table] && BINANCE_WORDS[table] ? table : 'en';
    const extras = Object.fromEntries(KEYS.map((key, i) => [key, ROWS[id]![i]])) as unknown as MarginExtras;
    return { ...BINANCE_WORDS[id]!, ...extras };
  },
  (table) => table,
);

const escaped = (words: Words): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');

/** "Buy BTC", "买入 BTC": the submit button names the side (group 1) and the base asset (group 2). */
export function submitPattern(w: MarginWords): RegExp {
  return new RegExp(`^(${escaped([...w.buySide, ...w.sellSide])}) ([A-Z0-9]{2,12})$`, 'i');
}

/** The account tabs' names with the leverage badge as group 1 ("Cross 3x", "全仓 3x"). */
export function accountTab(words: Words): RegExp {
  return new RegExp(`^(?:${escaped(words)})(?: (\\d{1,2}(?:\\.\\d+)?x))?$`, 'i');
}

/** A panel row's label and figure ("Total Assets ≈ 20,000.00 USDT"; a comma page may group by spaces). */
export function panelRow(words: Words, withUnit: boolean): RegExp {
  const figure = withUnit ? '(?:≈ )?(?:\\S+|\\d{1,3}(?: \\d{3})+(?:,\\d+)?) [A-Z0-9]{2,12}' : '(\\S+)';
  return new RegExp(`^(?:${escaped(words)}) ${figure}$`);
}

/** The side a submit verb names in a table's words; null when it is neither. */
export function sideOfVerb(verb: string | undefined, w: MarginWords): 'long' | 'short' | null {
  const is = (words: Words) => verb !== undefined && words.some((x) => x.toLowerCase() === verb.toLowerCase());
  return is(w.buySide) ? 'long' : is(w.sellSide) ? 'short' : null;
}

/** Every table's words, for a click on a submit button (the click alone does not tell the page's language). */
export const ALL_MARGIN_WORDS: readonly MarginWords[] = MARGIN_TABLES.map(marginWords);
