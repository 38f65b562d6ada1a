// Popup: for now only the account balances that cross margin needs (the overlay asks for them
// here). Inputs live in extension pages, never in the in-page overlay (reference B.4).
// The full calculator arrives with issue 5. Preact renders text nodes, never HTML strings.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY } from '../../settings/settings';
import { BALANCE_VENUES, withBalance } from './balance';

function BalanceRow({ venue, label, currency, stored }: { venue: (typeof BALANCE_VENUES)[number]['venue']; label: string; currency: string; stored: string }) {
  const [text, setText] = useState(stored);
  const [message, setMessage] = useState('');
  useEffect(() => setText(stored), [stored]);
  async function save(event: Event) {
    event.preventDefault();
    const current = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    const next = withBalance(current, venue, text);
    if ('error' in next) return setMessage(next.error);
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    setMessage(next.accountBalance[venue] ? 'Saved' : 'Cleared');
  }
  const id = `balance-${venue}`;
  return (
    <form onSubmit={save}>
      <label for={id}>{label}</label>
      <div class="row">
        <input id={id} inputMode="decimal" autoComplete="off" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <span>{currency}</span>
        <button type="submit">Save</button>
      </div>
      <p role="status" aria-live="polite">{message}</p>
    </form>
  );
}

function Popup() {
  const [balances, setBalances] = useState<Record<string, string>>({});
  useEffect(() => {
    void browser.storage.sync.get(SETTINGS_KEY).then((got) => setBalances(parseSettings(got[SETTINGS_KEY]).accountBalance));
  }, []);
  return (
    <main>
      <h1>Margin Preflight</h1>
      <p>Cross margin needs your account balance for a liquidation price. It stays in your browser.</p>
      {BALANCE_VENUES.map((v) => <BalanceRow key={v.venue} {...v} stored={balances[v.venue] ?? ''} />)}
      <p class="later">The what-if calculator arrives in a later release.</p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('popup: #root missing from index.html');
render(<Popup />, root);
