// "Fields you pointed at" (teach mode, issue 14): every page whose fields the trader taught, with
// the venue, the page generation (language and path shape), the fields and when; Forget per page
// and Forget all. The list follows storage, so a page taught in another tab shows up here at once.
import { useEffect, useState } from 'preact/hooks';
import type { TaughtPage } from '../../settings/taught';
import { t, uiLocale } from '../i18n';
import type { TaughtStore } from './taught-store';
import { venueName } from './venue-names';

export interface TaughtListProps {
  store: TaughtStore;
  /** The page's one status line (aria-live). */
  announce: (text: string) => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function when(taughtAt: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(taughtAt);
}

function Entry({ entry, onForget }: { entry: TaughtPage; onForget: () => void }) {
  const name = venueName(entry.venue);
  return (
    <li class="taught" data-venue={entry.venue} data-page={entry.page}>
      <div>
        <strong>{name}</strong> <code>{entry.page}</code>
      </div>
      <div class="help">
        {t('options_taughtFields', Object.keys(entry.locators).join(', '))} · {when(entry.taughtAt)}
      </div>
      <button
        type="button"
        data-action="forget-taught"
        aria-label={t('options_taughtForgetPage', [name, entry.page])}
        onClick={onForget}
      >
        {t('options_taughtForget')}
      </button>
    </li>
  );
}

export function TaughtList({ store, announce }: TaughtListProps) {
  const [list, setList] = useState<TaughtPage[] | null>(null);

  useEffect(() => {
    let live = true;
    const unsubscribe = store.subscribe((next) => setList(next));
    store.load().then(
      (loaded) => {
        if (live) setList((shown) => shown ?? loaded);
      },
      () => {
        if (live) setList([]);
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store]);

  async function run(action: () => Promise<string>) {
    try {
      const text = await action();
      setList(await store.load());
      announce(text);
    } catch (error) {
      announce(t('options_taughtFailed', messageOf(error)));
    }
  }

  const forget = (entry: TaughtPage) =>
    run(async () => {
      await store.forget(entry.venue, entry.page);
      return t('options_taughtForgotten', [venueName(entry.venue), entry.page]);
    });
  const forgetAll = () => run(async () => t('options_taughtForgottenAll', String(await store.forgetAll())));

  return (
    <section aria-labelledby="taught-title" class="taught-list">
      <h2 id="taught-title">{t('options_taughtTitle')}</h2>
      <p class="help">{t('options_taughtHelp')}</p>
      {list === null ? null : list.length === 0 ? (
        <p id="taught-none">{t('options_taughtNone')}</p>
      ) : (
        <>
          <ul>
            {list.map((entry) => (
              <Entry key={`${entry.venue} ${entry.page}`} entry={entry} onForget={() => void forget(entry)} />
            ))}
          </ul>
          <button type="button" id="forget-all-taught" onClick={() => void forgetAll()}>
            {t('options_taughtForgetAll')}
          </button>
        </>
      )}
    </section>
  );
}
