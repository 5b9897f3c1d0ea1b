import { DEFAULT_SETTINGS, normaliseHostname, parseSettings } from '../../src/core/model/settings';

describe('settings parsing', () => {
  test('a new install gets the defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ scanMode: 'every-page', disabledSites: [], highlightStyle: 'both' });
  });

  test('keeps valid new fields and the existing ones', () => {
    const parsed = parseSettings({ sensitivity: 'more', reviewerName: 'Ana', organisation: 'Desk', scanMode: 'on-request', highlightStyle: 'underline', disabledSites: ['example.com', 'news.example.co.uk'], claimOrder: 'check-worthiness', collectFactChecks: true, knownThreshold: DEFAULT_SETTINGS.knownThreshold });
    expect(parsed).toEqual({ sensitivity: 'more', reviewerName: 'Ana', organisation: 'Desk', scanMode: 'on-request', highlightStyle: 'underline', disabledSites: ['example.com', 'news.example.co.uk'], claimOrder: 'check-worthiness', collectFactChecks: true, knownThreshold: DEFAULT_SETTINGS.knownThreshold });
    expect(parseSettings({ scanMode: 'news-like' }).scanMode).toBe('news-like');
    expect(parseSettings({ highlightStyle: 'background' }).highlightStyle).toBe('background');
  });

  test('defaults unknown values of the new fields', () => {
    const parsed = parseSettings({ scanMode: 'sometimes', highlightStyle: 'blink', disabledSites: 'example.com', claimOrder: 'random' });
    expect(parsed.claimOrder).toBe('reading');
    expect(parsed.scanMode).toBe('every-page');
    expect(parsed.highlightStyle).toBe('both');
    expect(parsed.disabledSites).toEqual([]);
  });

  test('disabled sites are normalised, de-duplicated, and bad entries dropped', () => {
    const parsed = parseSettings({ disabledSites: ['Example.COM', 'https://example.com/news?x=1', 'not a site', 42, '', 'javascript:alert(1)', 'bücher.de', 'localhost'] });
    expect(parsed.disabledSites).toEqual(['example.com', 'xn--bcher-kva.de', 'localhost']);
  });
});

describe('hostnames', () => {
  test('accepts hostnames and site addresses', () => {
    expect(normaliseHostname('example.com')).toBe('example.com');
    expect(normaliseHostname('  WWW.Example.com.  ')).toBe('www.example.com');
    expect(normaliseHostname('https://news.example.co.uk:8443/a/b#c')).toBe('news.example.co.uk');
    expect(normaliseHostname('192.168.1.10')).toBe('192.168.1.10');
  });

  test('rejects what is not a hostname', () => {
    for (const bad of ['', '   ', 'example', 'exa mple.com', 'ftp://example.com', 'mailto:me@example.com', 'https://user:pw@example.com', 'bad_label.example.com', '-x.example.com', 'javascript:alert(1)']) {
      expect([bad, normaliseHostname(bad)]).toEqual([bad, null]);
    }
  });
});
