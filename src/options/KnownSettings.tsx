import { useEffect, useState } from 'preact/hooks';
import { KNOWN_KEY_PREFIX } from '../core/known/known-store';
import { DEFAULT_SETTINGS, KNOWN_THRESHOLD_RANGE, type Settings } from '../core/model/settings';
import { localStorage, requestBackground, t } from '../platform/browser';

/** Collecting fact-checks on pages, the flag threshold, and the stored fact-checks (count, remove all). */
export function KnownSettings({ settings, onUpdate }: { settings: Settings; onUpdate: (patch: Partial<Settings>) => Promise<boolean> }) {
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [draft, setDraft] = useState(String(Math.round(settings.knownThreshold * 100)));
  useEffect(() => setDraft(String(Math.round(settings.knownThreshold * 100))), [settings.knownThreshold]);
  useEffect(() => {
    const load = () => void requestBackground('known.count', {}).then((reply) => setCount(reply.reviews), () => setCount(null));
    load();
    return localStorage.onChanged((keys) => {
      if (keys.some((key) => key.startsWith(KNOWN_KEY_PREFIX))) load();
    });
  }, []);
  const commitThreshold = (value: string) => {
    const percent = Number(value);
    if (!Number.isFinite(percent) || percent < KNOWN_THRESHOLD_RANGE.min * 100 || percent > KNOWN_THRESHOLD_RANGE.max * 100) {
      setDraft(String(Math.round(settings.knownThreshold * 100)));
      return;
    }
    void onUpdate({ knownThreshold: percent / 100 });
  };
  return (
    <fieldset class="lib-known">
      <legend>{t('knownHeading')}</legend>
      <label class="lib-check">
        <input type="checkbox" checked={settings.collectFactChecks} onChange={(event) => void onUpdate({ collectFactChecks: event.currentTarget.checked })} />
        {t('collectFactChecksLabel')}
      </label>
      <label>
        {t('knownThresholdLabel')}
        <input
          type="number"
          min={KNOWN_THRESHOLD_RANGE.min * 100}
          max={KNOWN_THRESHOLD_RANGE.max * 100}
          step={1}
          value={draft}
          aria-describedby="lib-known-hint"
          onInput={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => commitThreshold(event.currentTarget.value)}
        />
      </label>
      <p id="lib-known-hint" class="lib-hint muted">
        {t('knownThresholdHint', String(Math.round(DEFAULT_SETTINGS.knownThreshold * 100)))}
      </p>
      {count !== null && <p class="muted">{t('knownStoredCount', count.toLocaleString())}</p>}
      {count !== null && count > 0 && (
        <button
          type="button"
          onClick={() =>
            void requestBackground('known.clear', {}).then(
              (reply) => setStatus(t('knownCleared', reply.removed.toLocaleString())),
              (error: unknown) => setStatus(error instanceof Error ? error.message : String(error)),
            )
          }
        >
          {t('knownClear')}
        </button>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </fieldset>
  );
}
