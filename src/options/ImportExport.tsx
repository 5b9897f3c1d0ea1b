import { useState } from 'preact/hooks';
import type { ImportSummary } from '../core/export';
import { requestBackground, t } from '../platform/browser';
import { ExportBar } from '../ui/ExportBar';

/** Files larger than this are refused before reading (the parser has its own limits too). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

type Stage = { kind: 'idle' } | { kind: 'reading' } | { kind: 'preview'; text: string; summary: ImportSummary } | { kind: 'done'; summary: ImportSummary } | { kind: 'error'; message: string };

function ReviewCounts({ summary }: { summary: ImportSummary }) {
  const reviews = summary.reviews;
  if (!reviews) return null;
  return (
    <>
      <p class="import-reviews">{t('importReviews', [reviews.format, String(reviews.total), String(reviews.new), String(reviews.updated), String(reviews.duplicatesSkipped), String(reviews.rejected.length)])}</p>
      {reviews.rejected.length > 0 && (
        <ul class="import-rejections">
          {reviews.rejected.slice(0, 10).map((issue) => (
            <li key={issue.index}>{t('importReviewRejection', [String(issue.index + 1), issue.reason])}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** True when confirming would change something. */
function changesSomething(summary: ImportSummary): boolean {
  return summary.new + summary.updated + (summary.reviews ? summary.reviews.new + summary.reviews.updated : 0) > 0;
}

function Counts({ summary }: { summary: ImportSummary }) {
  // A file of fact-checks only: the annotation counts would all be zero.
  if (summary.reviews && summary.total === 0) return <ReviewCounts summary={summary} />;
  return (
    <ul class="import-counts">
      <li>{t('importNew', String(summary.new))}</li>
      <li>{t('importUpdated', String(summary.updated))}</li>
      <li>{t('importDuplicates', String(summary.duplicatesSkipped))}</li>
      <li>{t('importKeptLocal', String(summary.keptLocalNewer))}</li>
      <li>{t('importRejected', String(summary.rejected.length))}</li>
    </ul>
  );
}

function AllCounts({ summary }: { summary: ImportSummary }) {
  return (
    <>
      <Counts summary={summary} />
      {summary.total > 0 && <ReviewCounts summary={summary} />}
    </>
  );
}

/** Export of the whole library, and import with a preview before anything is written. */
export function ImportExport() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const fail = (error: unknown) => setStage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setStage({ kind: 'error', message: t('importTooLarge') });
    setStage({ kind: 'reading' });
    try {
      const text = await file.text();
      setStage({ kind: 'preview', text, summary: await requestBackground('import.preview', { text }) });
    } catch (error) {
      fail(error);
    }
  };
  const confirm = async (text: string) => {
    try {
      setStage({ kind: 'done', summary: await requestBackground('import.commit', { text }) });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <section class="import-export" aria-labelledby="import-export-heading">
      <h2 id="import-export-heading">{t('importExportHeading')}</h2>
      <ExportBar pageKey={null} />
      <label class="import-file">
        {t('importLabel')}
        <input type="file" accept=".json,.jsonld,.jsonl,.ndjson,application/json,application/ld+json" onChange={(event) => void choose(event.currentTarget.files?.[0])} />
      </label>
      <div role="status" class="import-status">
        {stage.kind === 'reading' && <p class="muted">{t('importReading')}</p>}
        {stage.kind === 'error' && <p class="error">{t('importFailed', stage.message)}</p>}
        {stage.kind === 'preview' && (
          <div class="import-preview">
            {!(stage.summary.reviews && stage.summary.total === 0) && <p>{t('importPreview', [String(stage.summary.total), stage.summary.format])}</p>}
            <AllCounts summary={stage.summary} />
            {stage.summary.rejected.length > 0 && (
              <ul class="import-rejections">
                {stage.summary.rejected.slice(0, 10).map((issue) => (
                  <li key={issue.index}>{t('importRejection', [String(issue.index + 1), issue.reason])}</li>
                ))}
              </ul>
            )}
            <button type="button" disabled={!changesSomething(stage.summary)} onClick={() => void confirm(stage.text)}>
              {t('importConfirm')}
            </button>{' '}
            <button type="button" onClick={() => setStage({ kind: 'idle' })}>{t('importCancel')}</button>
          </div>
        )}
        {stage.kind === 'done' && (
          <div>
            <p>{t('importDone')}</p>
            <AllCounts summary={stage.summary} />
          </div>
        )}
      </div>
    </section>
  );
}
