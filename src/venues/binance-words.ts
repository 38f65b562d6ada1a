// The words Binance's trade forms show, per page language: one vocabulary for both Binance venues
// (USDⓈ-M futures and spot margin share Binance's translations). Readers find the form by its
// structure first (aria-controls tabs, bn-button__buy/sell classes, limitPrice-/unitAmount- ids,
// see binance-usdm/selectors.ts); these words are the fallbacks, and the only way to the controls
// that have no stable hook (the Cross/Isolated button, the TP/SL checkbox, the Open/Close tabs,
// "Avbl"). A wrong or missing word costs a refusal ("not recognised"), never a misreading.
//
// Sources and confidence, per table:
//   en     — verified: danny1ng/scalp-trading-extension (2026-03) and jackhai9/userscripts (2026)
//            text tables, Binance Square's description of the form (exchange-pages.md §5, §8).
//   zh-CN  — partly verified: jackhai9/userscripts (a zh-CN page, 2026) reads 开仓/平仓 (Open/Close
//            tabs), 开多/开空/平多/平空, inputs aria-label 数量 (amount) and 委托价格 (order price),
//            the margin button 全仓/逐仓, and its messages name 只减仓 (reduce only), 可用 (available),
//            限价 (limit). The rest (买入/做多, 止盈/止损, 成本, 借币, 还币) is Binance's usual Chinese
//            wording, not seen on a saved page: unverified.
//   ru     — partly verified: danny1ng/scalp-trading-extension reads "Лимит", "Купить/Лонг",
//            "Продать/Шорт". The rest is unverified.
//   zh-TW, es, pt, tr, vi, ko, ja, de, fr, uk — unverified: our rendering of Binance's terms in the
//            language (no public code or page with the live words was found). Kept because a wrong
//            word refuses; replace them with the live words when a saved page is at hand.
// Every table also accepts "TP/SL", which Binance shows untranslated in several languages.

/** A control's accepted names in one language (alternatives, compared case-insensitively). */
type Words = readonly string[];

export interface BinanceWords {
  limit: Words;
  market: Words;
  price: Words;
  amount: Words;
  buy: Words;
  sell: Words;
  openLong: Words;
  openShort: Words;
  closeLong: Words;
  closeShort: Words;
  open: Words;
  close: Words;
  cross: Words;
  isolated: Words;
  tpsl: Words;
  takeProfit: Words;
  stopLoss: Words;
  /** The available-balance row's prefix ("Avbl 10,000.00 USDT"). */
  avbl: Words;
  cost: Words;
  reduceOnly: Words;
  borrow: Words;
  repay: Words;
  normal: Words;
}

const EN: BinanceWords = {
  limit: ['Limit'],
  market: ['Market'],
  price: ['Price'],
  amount: ['Size', 'Amount'],
  buy: ['Buy/Long', 'Buy / Long'],
  sell: ['Sell/Short', 'Sell / Short'],
  openLong: ['Open Long'],
  openShort: ['Open Short'],
  closeLong: ['Close Long'],
  closeShort: ['Close Short'],
  open: ['Open'],
  close: ['Close'],
  cross: ['Cross'],
  isolated: ['Isolated'],
  tpsl: ['TP/SL'],
  takeProfit: ['Take Profit'],
  stopLoss: ['Stop Loss'],
  avbl: ['Avbl'],
  cost: ['Cost'],
  reduceOnly: ['Reduce-Only', 'Reduce Only'],
  borrow: ['Borrow'],
  repay: ['Repay'],
  normal: ['Normal'],
};

/** Tables as [limit, market, price, amount, buy, sell, openLong, openShort, closeLong, closeShort, open, close,
 *  cross, isolated, tpsl, takeProfit, stopLoss, avbl, cost, reduceOnly, borrow, repay, normal]. */
type Row = readonly [Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words,
  Words, Words, Words, Words, Words, Words, Words, Words, Words, Words, Words]; // prettier-ignore

const ROWS: Readonly<Record<string, Row>> = {
  'zh-CN': [['限价'], ['市价'], ['价格', '委托价格'], ['数量'], ['买入/做多'], ['卖出/做空'], ['开多'], ['开空'],
    ['平多'], ['平空'], ['开仓'], ['平仓'], ['全仓'], ['逐仓'], ['止盈/止损'], ['止盈'], ['止损'], ['可用'], ['成本'],
    ['只减仓'], ['借币'], ['还币'], ['普通']],
  'zh-TW': [['限價'], ['市價'], ['價格', '委託價格'], ['數量'], ['買入/做多'], ['賣出/做空'], ['開多'], ['開空'],
    ['平多'], ['平空'], ['開倉'], ['平倉'], ['全倉'], ['逐倉'], ['止盈/止損'], ['止盈'], ['止損'], ['可用'], ['成本'],
    ['只減倉'], ['借幣'], ['還幣'], ['普通']],
  ru: [['Лимит'], ['Рыночный', 'Рынок'], ['Цена'], ['Количество', 'Сумма'], ['Купить/Лонг'], ['Продать/Шорт'],
    ['Открыть лонг'], ['Открыть шорт'], ['Закрыть лонг'], ['Закрыть шорт'], ['Открыть'], ['Закрыть'], ['Кросс'],
    ['Изолированная'], ['TP/SL'], ['Тейк-профит'], ['Стоп-лосс'], ['Доступно'], ['Стоимость'],
    ['Только сокращение'], ['Заем', 'Занять'], ['Погасить'], ['Обычный']],
  uk: [['Ліміт'], ['Ринок', 'Ринковий'], ['Ціна'], ['Кількість', 'Сума'], ['Купити/Лонг'], ['Продати/Шорт'],
    ['Відкрити лонг'], ['Відкрити шорт'], ['Закрити лонг'], ['Закрити шорт'], ['Відкрити'], ['Закрити'], ['Крос'],
    ['Ізольована'], ['TP/SL'], ['Тейк-профіт'], ['Стоп-лосс'], ['Доступно'], ['Вартість'], ['Лише зменшення'],
    ['Позика'], ['Погасити'], ['Звичайний']],
  es: [['Límite'], ['Mercado'], ['Precio'], ['Cantidad', 'Importe'], ['Comprar/Long'], ['Vender/Short'],
    ['Abrir long'], ['Abrir short'], ['Cerrar long'], ['Cerrar short'], ['Abrir'], ['Cerrar'], ['Cruzado'],
    ['Aislado'], ['TP/SL'], ['Take profit'], ['Stop loss'], ['Disponible'], ['Costo', 'Coste'], ['Solo reducir'],
    ['Pedir prestado'], ['Reembolsar'], ['Normal']],
  pt: [['Limite'], ['Mercado'], ['Preço'], ['Quantidade', 'Valor'], ['Comprar/Long'], ['Vender/Short'],
    ['Abrir Long'], ['Abrir Short'], ['Fechar Long'], ['Fechar Short'], ['Abrir'], ['Fechar'], ['Cruzada'],
    ['Isolada'], ['TP/SL'], ['Take Profit'], ['Stop Loss'], ['Disponível'], ['Custo'], ['Somente Redução'],
    ['Pegar emprestado'], ['Reembolsar'], ['Normal']],
  tr: [['Limit'], ['Piyasa'], ['Fiyat'], ['Miktar'], ['Al/Long'], ['Sat/Short'], ['Long Aç'], ['Short Aç'],
    ['Long Kapat'], ['Short Kapat'], ['Aç'], ['Kapat'], ['Çapraz'], ['İzole'], ['TP/SL', 'KA/ZD'], ['Kâr Al'],
    ['Zarar Durdur'], ['Kullanılabilir'], ['Maliyet'], ['Sadece Azalt'], ['Borç Al'], ['Geri Öde'], ['Normal']],
  vi: [['Giới hạn'], ['Thị trường'], ['Giá'], ['Số lượng'], ['Mua/Long'], ['Bán/Short'], ['Mở Long'], ['Mở Short'],
    ['Đóng Long'], ['Đóng Short'], ['Mở'], ['Đóng'], ['Cross', 'Chéo'], ['Isolated', 'Cô lập'], ['TP/SL'],
    ['Chốt lời'], ['Cắt lỗ'], ['Khả dụng'], ['Chi phí'], ['Chỉ giảm'], ['Vay'], ['Trả'], ['Thường']],
  ko: [['지정가'], ['시장가'], ['가격'], ['수량'], ['매수/롱'], ['매도/숏'], ['롱 오픈'], ['숏 오픈'], ['롱 종료'],
    ['숏 종료'], ['오픈'], ['종료'], ['교차'], ['격리'], ['TP/SL'], ['이익 실현'], ['손절매'], ['사용 가능'], ['비용'],
    ['포지션 축소만'], ['대출'], ['상환'], ['일반']],
  ja: [['指値'], ['成行'], ['価格'], ['数量'], ['買い/ロング'], ['売り/ショート'], ['ロングを開く'], ['ショートを開く'],
    ['ロングを決済'], ['ショートを決済'], ['オープン'], ['クローズ'], ['クロス'], ['分離'], ['TP/SL'], ['利確'], ['損切り'],
    ['利用可能'], ['コスト'], ['リデュースオンリー'], ['借入'], ['返済'], ['通常']],
  de: [['Limit'], ['Market'], ['Preis'], ['Menge', 'Betrag'], ['Kaufen/Long'], ['Verkaufen/Short'],
    ['Long eröffnen'], ['Short eröffnen'], ['Long schließen'], ['Short schließen'], ['Eröffnen'], ['Schließen'],
    ['Cross'], ['Isoliert'], ['TP/SL'], ['Take-Profit'], ['Stop-Loss'], ['Verfügbar'], ['Kosten'],
    ['Nur reduzieren'], ['Leihen'], ['Zurückzahlen'], ['Normal']],
  fr: [['Limite'], ['Marché'], ['Prix'], ['Quantité', 'Montant'], ['Acheter/Long'], ['Vendre/Short'],
    ['Ouvrir long'], ['Ouvrir short'], ['Fermer long'], ['Fermer short'], ['Ouvrir'], ['Fermer'], ['Croisée'],
    ['Isolée'], ['TP/SL'], ['Take Profit'], ['Stop Loss'], ['Disponible'], ['Coût'], ['Réduction uniquement'],
    ['Emprunter'], ['Rembourser'], ['Normal']],
}; // prettier-ignore

const KEYS = Object.keys(EN) as (keyof BinanceWords)[];

function wordsOf(row: Row): BinanceWords {
  return Object.fromEntries(KEYS.map((key, i) => [key, row[i]])) as unknown as BinanceWords;
}

/** Every table, by id ('en', 'zh-CN', 'ru', …: what page-locale.ts maps the page's language to). */
export const BINANCE_WORDS: Readonly<Record<string, BinanceWords>> = {
  en: EN,
  ...Object.fromEntries(Object.entries(ROWS).map(([id, row]) => [id, wordsOf(row)])),
};

/** The table ids, for page-locale.ts pageLocale. */
export const BINANCE_TABLES: readonly string[] = Object.keys(BINANCE_WORDS);

/** One word of every table: the names a control may have in any language (e.g. a Buy button clicked). */
export function anyLanguage(key: keyof BinanceWords): string[] {
  return [...new Set(Object.values(BINANCE_WORDS).flatMap((words) => words[key]))];
}
