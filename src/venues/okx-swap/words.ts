// The words OKX's perpetual-swap order form shows, per page language (both page generations). The
// reader (reader.ts) picks the table with page-locale.ts from <html lang> and the URL's locale segment
// (/ru/, /zh-hans/, /zh-hant/, /es-es/, …: zh-hans → zh-CN, zh-hant → zh-TW, es-es → es; the two must
// agree, else 'locale'); okxSelectors(table) in selectors.ts finds the form by these words. A wrong or
// missing word costs a refusal ("not recognised"), never a misreading. The account panel (cash balance,
// positions table) is matched in English only.
// `cost`, the page's own Cost row's label, is optional: a table without it does not read the row (the
// cross-check is skipped), it never refuses a form because of it.
//
// Sources and confidence: en — the OKX fixture's texts (exchange-pages.md has no OKX form evidence);
// zh-CN, zh-TW, ru, es, vi, tr, pt, uk — unverified: our rendering of OKX's terms; no public code or
// saved page with the live words was found. Replace with the live words when a saved page is at hand.

type Words = readonly string[];

export interface OkxWords {
  limit: Words;
  market: Words;
  cross: Words;
  isolated: Words;
  price: Words;
  amount: Words;
  tpsl: Words;
  takeProfit: Words;
  stopLoss: Words;
  /** The available row's prefix ("Available 10,000.00 USDT"). */
  available: Words;
  buy: Words;
  sell: Words;
  /** The Cost row's label ("Cost 650.00 USDT"); left out where we do not know the page's word. */
  cost?: Words;
}

export const OKX_WORDS: Readonly<Record<string, OkxWords>> = {
  en: {
    limit: ['Limit'],
    market: ['Market'],
    cross: ['Cross'],
    isolated: ['Isolated'],
    price: ['Price (USDT)', 'Price'],
    amount: ['Amount', 'Amount (Contracts)', 'Size'],
    tpsl: ['TP/SL'],
    takeProfit: ['TP trigger price', 'Take profit', 'TP'],
    stopLoss: ['SL trigger price', 'Stop loss', 'SL'],
    available: ['Available'],
    buy: ['Buy/Long', 'Buy / Long'],
    sell: ['Sell/Short', 'Sell / Short'],
    cost: ['Cost'],
  },
  'zh-CN': {
    limit: ['限价'],
    market: ['市价'],
    cross: ['全仓'],
    isolated: ['逐仓'],
    price: ['价格 (USDT)', '价格'],
    amount: ['数量', '数量 (张)'],
    tpsl: ['止盈止损', '止盈/止损'],
    takeProfit: ['止盈触发价', '止盈'],
    stopLoss: ['止损触发价', '止损'],
    available: ['可用'],
    buy: ['买入/做多', '买入开多'],
    sell: ['卖出/做空', '卖出开空'],
  },
  'zh-TW': {
    limit: ['限價'],
    market: ['市價'],
    cross: ['全倉'],
    isolated: ['逐倉'],
    price: ['價格 (USDT)', '價格'],
    amount: ['數量', '數量 (張)'],
    tpsl: ['止盈止損', '止盈/止損'],
    takeProfit: ['止盈觸發價', '止盈'],
    stopLoss: ['止損觸發價', '止損'],
    available: ['可用'],
    buy: ['買入/做多', '買入開多'],
    sell: ['賣出/做空', '賣出開空'],
  },
  ru: {
    limit: ['Лимитный', 'Лимит'],
    market: ['Рыночный', 'Рынок'],
    cross: ['Кросс'],
    isolated: ['Изолированная'],
    price: ['Цена (USDT)', 'Цена'],
    amount: ['Количество', 'Сумма'],
    tpsl: ['TP/SL'],
    takeProfit: ['Цена срабатывания TP', 'Тейк-профит'],
    stopLoss: ['Цена срабатывания SL', 'Стоп-лосс'],
    available: ['Доступно'],
    buy: ['Купить/Лонг'],
    sell: ['Продать/Шорт'],
  },
  es: {
    limit: ['Límite'],
    market: ['Mercado'],
    cross: ['Cruzado'],
    isolated: ['Aislado'],
    price: ['Precio (USDT)', 'Precio'],
    amount: ['Cantidad', 'Importe'],
    tpsl: ['TP/SL'],
    takeProfit: ['Precio de activación de TP', 'Take profit'],
    stopLoss: ['Precio de activación de SL', 'Stop loss'],
    available: ['Disponible'],
    buy: ['Comprar/Long'],
    sell: ['Vender/Short'],
  },
  vi: {
    limit: ['Giới hạn'],
    market: ['Thị trường'],
    cross: ['Cross', 'Chéo'],
    isolated: ['Isolated', 'Cô lập'],
    price: ['Giá (USDT)', 'Giá'],
    amount: ['Số lượng'],
    tpsl: ['TP/SL'],
    takeProfit: ['Giá kích hoạt TP', 'Chốt lời'],
    stopLoss: ['Giá kích hoạt SL', 'Cắt lỗ'],
    available: ['Khả dụng'],
    buy: ['Mua/Long'],
    sell: ['Bán/Short'],
  },
  tr: {
    limit: ['Limit'],
    market: ['Piyasa'],
    cross: ['Çapraz'],
    isolated: ['İzole'],
    price: ['Fiyat (USDT)', 'Fiyat'],
    amount: ['Miktar'],
    tpsl: ['TP/SL', 'KA/ZD'],
    takeProfit: ['TP tetikleme fiyatı', 'Kâr al'],
    stopLoss: ['SL tetikleme fiyatı', 'Zarar durdur'],
    available: ['Kullanılabilir'],
    buy: ['Al/Long'],
    sell: ['Sat/Short'],
  },
};

export const OKX_TABLES: readonly string[] = Object.keys(OKX_WORDS);

/** One key's words in every table (a clicked button's side, whatever the page's language). */
export function anyOkxLanguage(key: 'buy' | 'sell'): string[] {
  return [...new Set(Object.values(OKX_WORDS).flatMap((words) => words[key]))];
}
