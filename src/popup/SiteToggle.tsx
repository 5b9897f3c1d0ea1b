import { useEffect, useState } from 'preact/hooks';
import { requestBackground, t } from '../platform/browser';

/** Turns Factmark off or on for the page's site (the disabled-sites setting). */
export function SiteToggle({ url }: { url: string }) {
  const [disabled, setDisabled] = useState<string[] | null>(null);
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    host = '';
  }
  useEffect(() => {
    void requestBackground('settings.get', {}).then((settings) => setDisabled(settings.disabledSites), () => setDisabled(null));
  }, []);
  if (!host || disabled === null) return null;
  const isOff = disabled.some((site) => host === site || host.endsWith(`.${site}`));
  const toggle = async () => {
    const next = isOff ? disabled.filter((site) => !(host === site || host.endsWith(`.${site}`))) : [...disabled, host];
    const settings = await requestBackground('settings.update', { patch: { disabledSites: next } });
    setDisabled(settings.disabledSites);
  };
  return (
    <button type="button" class="site-toggle" onClick={() => void toggle()}>
      {t(isOff ? 'enableOnSite' : 'disableOnSite', host)}
    </button>
  );
}
