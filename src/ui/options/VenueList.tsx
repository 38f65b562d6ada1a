// Every supported venue with exactly what the extension reads from its page, fetches, computes
// and assumes (src/venues/<folder>/about.json), so a trader can judge each figure's basis.
import { VENUE_ABOUT, type VenueAbout } from '../../venues/about';

function Items({ title, items }: { title: string; items: string[] }) {
  return (
    <div class="about-part">
      <h4>{title}</h4>
      <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>
    </div>
  );
}

function Venue({ about }: { about: VenueAbout }) {
  return (
    <details class="venue" data-venue={about.venue}>
      <summary>{about.name}</summary>
      <p class="pages">Runs on {about.pages.map((p, i) => <code key={p}>{i > 0 ? ', ' : ''}{p}</code>)}</p>
      <Items title="Read from the page" items={about.reads} />
      <Items title="Public market data" items={about.marketData} />
      <Items title="Computed" items={about.computes} />
      <Items title="Assumed" items={about.assumes} />
      <p class="degrades"><strong>When the page changes:</strong> {about.degrades}</p>
    </details>
  );
}

export function VenueList() {
  return (
    <section aria-labelledby="venues-title">
      <h2 id="venues-title">Venues</h2>
      {VENUE_ABOUT.map((about) => <Venue key={about.venue} about={about} />)}
    </section>
  );
}
