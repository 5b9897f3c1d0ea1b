import { useEffect, useState } from 'preact/hooks';
import { CV_SENTENCES, OPERATING_POINTS, type Sensitivity } from '../core/claims/score';
import { HIGHLIGHT_STYLES, normaliseHostname, SCAN_MODES, type HighlightStyle, type ScanMode, type Settings } from '../core/model/settings';
import { t } from '../platform/browser';
import { KnownSettings } from './KnownSettings';

const SCAN_MODE_LABELS: Record<ScanMode, string> = {
  'every-page': 'scanModeEveryPage',
  'news-like': 'scanModeNewsLike',
  'on-request': 'scanModeOnRequest',
};

const HIGHLIGHT_STYLE_LABELS: Record<HighlightStyle, string> = {
  background: 'highlightStyleBackground',
  underline: 'highlightStyleUnderline',
  both: 'highlightStyleBoth',
};

const SENSITIVITIES: readonly Sensitivity[] = ['fewer', 'balanced', 'more'];
const SENSITIVITY_LABELS: Record<Sensitivity, string> = { fewer: 'sensitivityFewer', balanced: 'sensitivityBalanced', more: 'sensitivityMore' };

/** A sensitivity option's text: its name and the precision and recall cross-validation measured for it (from the model file). */
export function sensitivityOption(sensitivity: Sensitivity): string {
  const point = OPERATING_POINTS[sensitivity];
  return t('sensitivityOptionHint', [t(SENSITIVITY_LABELS[sensitivity]), String(Math.round(point.precision * 100)), String(Math.round(point.recall * 100))]);
}

/** Checks a site the reader wants to add; the hostname to store, or the message to show. */
export function checkSiteInput(input: string, current: readonly string[]): { host: string } | { problem: string } {
  if (input.trim() === '') return { problem: t('disabledSiteEmptyInput') };
  const host = normaliseHostname(input);
  if (!host) return { problem: t('disabledSiteInvalid', input.trim()) };
  if (current.includes(host)) return { problem: t('disabledSiteDuplicate', host) };
  return { host };
}

function DisabledSites({ sites, onChange }: { sites: readonly string[]; onChange: (sites: string[]) => Promise<boolean> }) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    const checked = checkSiteInput(input, sites);
    if ('problem' in checked) return setProblem(checked.problem);
    setProblem('');
    if (await onChange([...sites, checked.host])) setInput('');
  };
  return (
    <fieldset class="lib-sites">
      <legend>{t('disabledSitesHeading')}</legend>
      {sites.length === 0 ? (
        <p class="muted">{t('disabledSitesEmpty')}</p>
      ) : (
        <ul class="lib-site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={t('disabledSiteRemoveLabel', site)} onClick={() => void onChange(sites.filter((other) => other !== site))}>
                {t('disabledSiteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="lib-site-form" onSubmit={(event) => void add(event)} noValidate>
        <label for="lib-site-input">{t('disabledSiteInputLabel')}</label>
        <div class="lib-site-row">
          <input
            id="lib-site-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={input}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'lib-site-problem lib-site-hint' : 'lib-site-hint'}
            onInput={(event) => {
              setInput(event.currentTarget.value);
              if (problem) setProblem('');
            }}
          />
          <button type="submit">{t('disabledSiteAdd')}</button>
        </div>
        <p id="lib-site-hint" class="lib-hint muted">{t('disabledSiteHint')}</p>
        {problem && (
          <p id="lib-site-problem" class="error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </fieldset>
  );
}

/**
 * A text setting saved when the reader leaves the field (or presses Enter). It keeps its own
 * draft, so re-renders of the page while the reader types never put the stored value back.
 */
function TextSetting({ label, value, autoComplete, onCommit }: { label: string; value: string; autoComplete: string; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <label>
      {label}
      <input
        type="text"
        autoComplete={autoComplete}
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={(event) => {
          if (event.currentTarget.value !== value) onCommit(event.currentTarget.value);
        }}
      />
    </label>
  );
}

/** The settings: each change is saved through the background at once. */
export function SettingsForm({ settings, onUpdate, status }: { settings: Settings; onUpdate: (patch: Partial<Settings>) => Promise<boolean>; status: string }) {
  return (
    <div class="lib-settings">
      <fieldset>
        <legend>{t('detectionHeading')}</legend>
        <label>
          {t('scanModeLabel')}
          <select value={settings.scanMode} onChange={(event) => void onUpdate({ scanMode: event.currentTarget.value as ScanMode })}>
            {SCAN_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(SCAN_MODE_LABELS[mode])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sensitivityLabel')}
          <select value={settings.sensitivity} aria-describedby="lib-sensitivity-hint" onChange={(event) => void onUpdate({ sensitivity: event.currentTarget.value as Sensitivity })}>
            {SENSITIVITIES.map((sensitivity) => (
              <option key={sensitivity} value={sensitivity}>
                {sensitivityOption(sensitivity)}
              </option>
            ))}
          </select>
        </label>
        <p id="lib-sensitivity-hint" class="lib-hint muted">{t('sensitivityHint', CV_SENTENCES.toLocaleString())}</p>
        <label>
          {t('highlightStyleLabel')}
          <select value={settings.highlightStyle} onChange={(event) => void onUpdate({ highlightStyle: event.currentTarget.value as HighlightStyle })}>
            {HIGHLIGHT_STYLES.map((style) => (
              <option key={style} value={style}>
                {t(HIGHLIGHT_STYLE_LABELS[style])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <KnownSettings settings={settings} onUpdate={onUpdate} />
      <DisabledSites sites={settings.disabledSites} onChange={(disabledSites) => onUpdate({ disabledSites })} />
      <fieldset>
        <legend>{t('reviewerHeading')}</legend>
        <TextSetting label={t('reviewerNameLabel')} value={settings.reviewerName} autoComplete="name" onCommit={(reviewerName) => void onUpdate({ reviewerName })} />
        <TextSetting label={t('organisationLabel')} value={settings.organisation} autoComplete="organization" onCommit={(organisation) => void onUpdate({ organisation })} />
      </fieldset>
      <p class="status lib-settings-status" role="status">
        {status}
      </p>
    </div>
  );
}
