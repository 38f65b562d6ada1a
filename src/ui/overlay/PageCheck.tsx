// The cross-check with the exchange page's own figures (view-page-check.ts): a quiet line when
// they agree; when one does not, each disagreeing figure with the page's number and ours (the
// overlay is then in state 'doubtful' and shows no figures of its own). The e2e suite reads the
// rows' raw numbers from data-page-value / data-our-value.
import { ATTR } from './contract';
import type { PageCheckView } from './view-model';

export function PageCheck({ check }: { check: PageCheckView | null }) {
  if (check === null) return null;
  if (check.verdict === 'matches')
    return (
      <p class="page-check" {...{ [ATTR.pageCheck]: 'matches' }}>
        {check.text}
      </p>
    );
  return (
    <ul class="page-rows">
      {check.rows.map((r) => (
        <li
          key={`${r.side}-${r.kind}`}
          {...{
            [ATTR.pageCheck]: 'differs',
            [ATTR.estimate]: r.kind,
            [ATTR.estimateSide]: r.side,
            [ATTR.pageValue]: r.page,
            [ATTR.ourValue]: r.ours,
          }}
        >
          {r.text}
        </li>
      ))}
    </ul>
  );
}
