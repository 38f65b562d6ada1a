// Every supported venue with exactly what the extension reads from its page, fetches, computes
// and assumes (src/venues/<folder>/about.json), so a trader can judge each figure's basis.
// The facts themselves are English (about.json); the headings follow the browser's language.
import { VENUE_ABOUT, type VenueAbout } from '../../venues/about';
import { t } from '../i18n';
import { venueName } from './venue-names';

function Items({ title, items }: { title: string; items: string[] }) {
  return (
    <div class="about-part">
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Venue({ about }: { about: VenueAbout }) {
  return (
    <details class="venue" data-venue={about.venue}>
      <summary>{venueName(about.venue)}</summary>
      <p class="pages">
        {t('venues_runsOn')}{' '}
        {about.pages.map((p, i) => (
          <code key={p}>
            {i > 0 ? ', ' : ''}
            {p}
          </code>
        ))}
      </p>
      <Items title={t('venues_reads')} items={about.reads} />
      <Items title={t('venues_marketData')} items={about.marketData} />
      <Items title={t('venues_computes')} items={about.computes} />
      <Items title={t('venues_assumes')} items={about.assumes} />
      <p class="degrades">
        <strong>{t('venues_degrades')}</strong> {about.degrades}
      </p>
    </details>
  );
}

export function VenueList() {
  return (
    <section aria-labelledby="venues-title" class="venue-list">
      <h2 id="venues-title">{t('venues_title')}</h2>
      {VENUE_ABOUT.map((about) => (
        <Venue key={about.venue} about={about} />
      ))}
    </section>
  );
}
