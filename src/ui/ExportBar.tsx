import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export';
import { requestBackground, t } from '../platform/browser';

const LABEL_KEYS: Record<ExportFormat, string> = {
  w3c: 'exportW3c',
  claimreview: 'exportClaimReview',
  csv: 'exportCsv',
  markdown: 'exportMarkdown',
};

/** Export buttons for one page (key) or the whole library (key null); the background downloads. */
export function ExportBar({ pageKey }: { pageKey: string | null }) {
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const run = async (format: ExportFormat) => {
    setStatus(t('exporting'));
    setFailed(false);
    try {
      const result = await requestBackground('export.download', { format, key: pageKey });
      setStatus(t('exported', [String(result.claims), result.fileName]));
    } catch (error) {
      setFailed(true);
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section class="export-bar" aria-label={t('exportHeading')}>
      {EXPORT_FORMATS.map((format) => (
        <button type="button" key={format} onClick={() => void run(format)}>
          {t(LABEL_KEYS[format])}
        </button>
      ))}
      <p class={failed ? 'status error' : 'status muted'} role="status">{status}</p>
    </section>
  );
}
