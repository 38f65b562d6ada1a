// Options page. For now: what each venue reads, computes and assumes. Guard limits, fee tiers
// and venue switches come with the options issue.
import { render } from 'preact';
import { VenueList } from './VenueList';

function Options() {
  return (
    <main>
      <h1>Margin Preflight</h1>
      <VenueList />
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('options: #root missing from index.html');
render(<Options />, root);
