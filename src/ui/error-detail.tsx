// State 'error': the engine's technical text, collapsed under "Details" below the trader's sentence
// (the popup shows it the same way): for a bug report, never the first thing read.
import { t } from './i18n';

export function ErrorDetail({ detail }: { detail: string }) {
  return (
    <details class="detail">
      <summary>{t('error_details')}</summary>
      {detail}
    </details>
  );
}
