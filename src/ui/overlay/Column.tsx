// One quoted side's full figure list (the overlay's "Details"): every figure with its label, the
// warnings and the assumptions. The e2e suite reads the figures here (data-side, data-figure,
// data-value), so they stay in the DOM while the details are closed.
import { t } from '../i18n';
import { TermDt } from '../term';
import { ATTR } from './contract';
import { sideTitle, type SideColumn } from './view-model';

export function Column({ column }: { column: SideColumn }) {
  return (
    <section class={`col risk-${column.risk}`} {...{ [ATTR.side]: column.side }}>
      <h3>{sideTitle(column.side)}</h3>
      {column.position && (
        <p class="position" {...{ [ATTR.position]: column.position.change }}>
          {column.position.text}
        </p>
      )}
      <dl>
        {column.figures.map((f) => (
          <div key={f.key} style="display: contents">
            <TermDt label={f.label} hint={f.hint} id={`mp-term-${column.side}-${f.key}`} />
            <dd {...{ [ATTR.figure]: f.key, [ATTR.value]: f.value }}>{f.text}</dd>
          </div>
        ))}
      </dl>
      {column.warnings.length > 0 && (
        <ul class="warnings" aria-label={t('overlay_warnings')}>
          {column.warnings.map((w) => (
            <li
              key={w.code}
              class={`sev-${w.severity}`}
              hidden={w.inBanner}
              {...{ [ATTR.warning]: w.code, [ATTR.severity]: w.severity }}
            >
              {w.message}
            </li>
          ))}
        </ul>
      )}
      {column.assumptions.length > 0 && (
        <details>
          <summary>{t('overlay_assumptions')}</summary>
          <ul>
            {column.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
