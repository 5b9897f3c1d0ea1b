import { useEffect, useState } from 'preact/hooks';
import type { Sensitivity } from '../core/claims/score';
import type { LibraryEntry } from '../core/model/library';
import type { Settings } from '../core/model/settings';
import { VERDICT_IDS } from '../core/model/verdicts';
import { localStorage, requestBackground, t } from '../platform/browser';
import { verdictLabel } from '../popup/labels';

function Counts({ entry }: { entry: LibraryEntry }) {
  const parts = VERDICT_IDS.filter((id) => entry.counts[id]).map((id) => `${verdictLabel(id)}: ${entry.counts[id]}`);
  if (entry.counts.unreviewed) parts.push(`${t('unreviewed')}: ${entry.counts.unreviewed}`);
  return <span class="muted">{parts.join(' · ')}</span>;
}

/** The library (options) page: every annotated page, and the settings. */
export function Library() {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    Promise.all([requestBackground('library.list', {}), requestBackground('settings.get', {})]).then(
      ([list, current]) => {
        setEntries(list);
        setSettings(current);
      },
      (problem: unknown) => setError(problem instanceof Error ? problem.message : String(problem)),
    );
  useEffect(() => {
    void load();
    localStorage.onChanged(() => void load());
  }, []);
  const update = (patch: Partial<Settings>) =>
    requestBackground('settings.update', { patch }).then(setSettings, (problem: unknown) => setError(problem instanceof Error ? problem.message : String(problem)));

  return (
    <main>
      <h1>{t('libraryTitle')}</h1>
      {error && <p class="error" role="alert">{t('errorGeneric', error)}</p>}
      <h2>{t('libraryPages')}</h2>
      {entries === null && <p class="muted">{t('loading')}</p>}
      {entries?.length === 0 && <p>{t('libraryEmpty')}</p>}
      {entries && entries.length > 0 && (
        <ul class="library-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <a href={entry.url} target="_blank" rel="noopener noreferrer">{entry.title || entry.url}</a>
              <div class="muted">{entry.site} · {new Date(entry.updatedAt).toLocaleString()} · {t('annotationCount', String(entry.total))}</div>
              <Counts entry={entry} />
            </li>
          ))}
        </ul>
      )}
      {settings && (
        <section class="settings" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t('settingsHeading')}</h2>
          <label>
            {t('sensitivityLabel')}
            <select value={settings.sensitivity} onChange={(event) => void update({ sensitivity: event.currentTarget.value as Sensitivity })}>
              <option value="fewer">{t('sensitivityFewer')}</option>
              <option value="balanced">{t('sensitivityBalanced')}</option>
              <option value="more">{t('sensitivityMore')}</option>
            </select>
          </label>
          <label>
            {t('reviewerNameLabel')}
            <input type="text" value={settings.reviewerName} onChange={(event) => void update({ reviewerName: event.currentTarget.value })} />
          </label>
          <label>
            {t('organisationLabel')}
            <input type="text" value={settings.organisation} onChange={(event) => void update({ organisation: event.currentTarget.value })} />
          </label>
        </section>
      )}
      <p class="credits">{t('credits')}</p>
    </main>
  );
}
