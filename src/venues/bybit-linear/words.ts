// The words Bybit's USDT-perpetual order form shows, per page language (page-locale.ts picks the
// table from <html lang>; Bybit's trade URLs carry no locale segment). The form has few stable hooks
// (`oc__`/`by-` component classes, no ids), so its tabs, buttons, size label and TP/SL switch are found
// by these words; a wrong or missing word costs a refusal ("not recognised"), never a misreading.
// The account panel ("Wallet Balance") and the positions table are read on English pages only: on
// another language they are not found and the quote uses the balance the user entered (as it says).
//
// Sources and confidence, per table:
//   en — the texts of exchange-pages.md §5 and §8 (mmintel 2022, Bybit URL Parser 2026-01, a grid-bot
//        extension): "Limit", "Market", "Cross"/"Isolated", "Buy/Long", "Sell/Short", "TP/SL",
//        "Order by Qty"/"Order by Value", "Available Balance", "Take Profit", "Stop Loss".
//   zh-CN, zh-TW, ru, es, vi, ja, ko, tr — unverified: our rendering of Bybit's terms (no public code or
//        saved page with the live words was found). Replace them with the live words when a saved
//        page is at hand.
// Every table also accepts "TP/SL", which Bybit shows untranslated in several languages.

type Words = readonly string[];

export interface BybitWords {
  limit: Words;
  market: Words;
  cross: Words;
  isolated: Words;
  price: Words;
  /** The size row's label when ordering by quantity (base) / by value (quote). */
  byQty: Words;
  byValue: Words;
  tpsl: Words;
  reduceOnly: Words;
  takeProfit: Words;
  stopLoss: Words;
  /** The available-balance row's prefix ("Available Balance 10,000.0000 USDT"). */
  available: Words;
  buy: Words;
  sell: Words;
}

const EN: BybitWords = {
  limit: ['Limit'],
  market: ['Market'],
  cross: ['Cross'],
  isolated: ['Isolated'],
  price: ['Price', 'Order Price'],
  byQty: ['Qty', 'Order by Qty'],
  byValue: ['Value', 'Order by Value'],
  tpsl: ['TP/SL'],
  reduceOnly: ['Reduce-Only', 'Reduce Only'],
  takeProfit: ['Take Profit'],
  stopLoss: ['Stop Loss'],
  available: ['Available Balance'],
  buy: ['Buy/Long', 'Buy / Long'],
  sell: ['Sell/Short', 'Sell / Short'],
};

/** Rows in the order of BybitWords' keys. */
type Row = readonly [Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words];

// prettier-ignore
const ROWS: Readonly<Record<string, Row>> = {
  'zh-CN': [['限价'], ['市价'], ['全仓'], ['逐仓'], ['价格', '委托价格'], ['数量', '按数量'], ['价值', '按价值'],
    ['止盈/止损', 'TP/SL'], ['只减仓'], ['止盈'], ['止损'], ['可用余额'], ['买入/做多'], ['卖出/做空']],
  'zh-TW': [['限價'], ['市價'], ['全倉'], ['逐倉'], ['價格', '委託價格'], ['數量', '按數量'], ['價值', '按價值'],
    ['止盈/止損', 'TP/SL'], ['只減倉'], ['止盈'], ['止損'], ['可用餘額'], ['買入/做多'], ['賣出/做空']],
  ru: [['Лимит'], ['Рынок', 'Рыночный'], ['Кросс'], ['Изолированная'], ['Цена', 'Цена ордера'],
    ['Кол-во', 'Количество'], ['Стоимость'], ['TP/SL'], ['Только сокращение'], ['Тейк-профит'], ['Стоп-лосс'],
    ['Доступный баланс'], ['Купить/Лонг'], ['Продать/Шорт']],
  es: [['Límite'], ['Mercado'], ['Cruzado'], ['Aislado'], ['Precio', 'Precio de la orden'], ['Cant.', 'Cantidad'],
    ['Valor'], ['TP/SL'], ['Solo reducir'], ['Take Profit'], ['Stop Loss'], ['Saldo disponible'], ['Comprar/Long'],
    ['Vender/Short']],
  vi: [['Giới hạn'], ['Thị trường'], ['Cross', 'Chéo'], ['Isolated', 'Cô lập'], ['Giá', 'Giá đặt lệnh'],
    ['SL', 'Số lượng'], ['Giá trị'], ['TP/SL'], ['Chỉ giảm'], ['Chốt lời'], ['Cắt lỗ'], ['Số dư khả dụng'],
    ['Mua/Long'], ['Bán/Short']],
  ja: [['指値'], ['成行'], ['クロス'], ['分離'], ['価格', '注文価格'], ['数量'], ['価値', '金額'], ['TP/SL'],
    ['リデュースオンリー'], ['利確'], ['損切り'], ['利用可能残高'], ['買い/ロング'], ['売り/ショート']],
  ko: [['지정가'], ['시장가'], ['교차'], ['격리'], ['가격', '주문 가격'], ['수량'], ['가치', '금액'], ['TP/SL'],
    ['포지션 축소만'], ['이익 실현'], ['손절매'], ['사용 가능 잔액'], ['매수/롱'], ['매도/숏']],
  tr: [['Limit'], ['Piyasa'], ['Çapraz'], ['İzole'], ['Fiyat', 'Emir Fiyatı'], ['Miktar'], ['Değer'], ['TP/SL'],
    ['Sadece Azalt'], ['Kâr Al'], ['Zarar Durdur'], ['Kullanılabilir Bakiye'], ['Al/Long'], ['Sat/Short']],
};

const KEYS = Object.keys(EN) as (keyof BybitWords)[];

/** Every table, by id ('en', 'zh-CN', 'ru', …). */
export const BYBIT_WORDS: Readonly<Record<string, BybitWords>> = {
  en: EN,
  ...Object.fromEntries(
    Object.entries(ROWS).map(([id, row]) => [id, Object.fromEntries(KEYS.map((k, i) => [k, row[i]])) as unknown]),
  ),
} as Readonly<Record<string, BybitWords>>;

export const BYBIT_TABLES: readonly string[] = Object.keys(BYBIT_WORDS);

/** One key's words in every table (a clicked button's side, whatever the page's language). */
export function anyBybitLanguage(key: keyof BybitWords): string[] {
  return [...new Set(Object.values(BYBIT_WORDS).flatMap((words) => words[key]))];
}
