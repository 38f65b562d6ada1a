// Popup shell. The calculator (inputs live here, not in the in-page overlay, reference B.4)
// arrives in a later release. Preact renders text nodes, never HTML strings.
import { render } from 'preact';

function Popup() {
  return (
    <main>
      <h1>Margin Preflight</h1>
      <p>Calculator arrives in a later release</p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('popup: #root missing from index.html');
render(<Popup />, root);
