// Options shell. Settings (venues, staleness limits) arrive in a later release.
import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Margin Preflight</h1>
      <p>Settings arrive in a later release</p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('options: #root missing from index.html');
render(<Options />, root);
