import type { Sensitivity } from '../claims/score';
// The model file alone (a few numbers), not the matcher: settings are read in every context.
import matchModel from '../known/match-model.json';

/** Which pages the content script scans for claims on its own. */
export type ScanMode = 'every-page' | 'news-like' | 'on-request';

/** Scan modes, in the order the settings list them. */
export const SCAN_MODES: readonly ScanMode[] = ['every-page', 'news-like', 'on-request'];

/** How claims are marked in the page. */
export type HighlightStyle = 'background' | 'underline' | 'both';

/** Highlight styles, in the order the settings list them. */
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['background', 'underline', 'both'];

/** The popup's order of claims: as they appear in the page, or most check-worthy first. */
export type ClaimOrder = 'reading' | 'check-worthiness';

/** Claim orders, in the order the popup lists them. */
export const CLAIM_ORDERS: readonly ClaimOrder[] = ['reading', 'check-worthiness'];

/** The reader's settings, stored under `settings`. */
export interface Settings {
  sensitivity: Sensitivity;
  reviewerName: string;
  organisation: string;
  /** When to scan: every page, pages that look like news articles, or only when asked. */
  scanMode: ScanMode;
  /** Hostnames (lowercase, as normaliseHostname returns them) where Factmark does nothing. */
  disabledSites: string[];
  /** How highlights look: background colour, underline, or both. */
  highlightStyle: HighlightStyle;
  /** Read the ClaimReview fact-checks that pages publish, to recognise their claims elsewhere. */
  collectFactChecks: boolean;
  /** Match probability from which a sentence is flagged "already fact-checked" (0.5 to 1). */
  knownThreshold: number;
  /** The popup's claim order, kept between popups. */
  claimOrder: ClaimOrder;
}

/** Settings for a new install. */
export const DEFAULT_SETTINGS: Settings = {
  sensitivity: 'balanced',
  reviewerName: '',
  organisation: '',
  scanMode: 'every-page',
  disabledSites: [],
  highlightStyle: 'both',
  collectFactChecks: true,
  knownThreshold: matchModel.threshold,
  claimOrder: 'reading',
};

/** The range the flag threshold setting may take: below 0.5 a flag is more likely wrong than right. */
export const KNOWN_THRESHOLD_RANGE = { min: 0.5, max: 1 } as const;

/**
 * The hostname a reader means by "example.com", "https://www.Example.com/news/" or
 * "bücher.de": lowercase, internationalised names in their ASCII (punycode) form, no port,
 * path or trailing dot. Null when it is not a usable hostname: a single label other than
 * localhost, spaces, a scheme other than http(s), credentials, or nothing at all.
 */
export function normaliseHostname(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') return null;
  const host = url.hostname.replace(/\.$/, '');
  if (host === 'localhost' || /^\[[0-9a-f:.]+\]$/.test(host)) return host;
  if (host.length > 253 || !host.includes('.')) return null;
  const labels = host.split('.');
  if (!labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return null;
  return host;
}

/** Reads settings from storage, keeping valid fields and defaulting the rest. */
export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const sensitivity = value.sensitivity;
  const sites = Array.isArray(value.disabledSites) ? value.disabledSites : [];
  const disabledSites = [...new Set(sites.map((site) => (typeof site === 'string' ? normaliseHostname(site) : null)).filter((site): site is string => site !== null))];
  return {
    sensitivity: sensitivity === 'fewer' || sensitivity === 'more' || sensitivity === 'balanced' ? sensitivity : DEFAULT_SETTINGS.sensitivity,
    reviewerName: typeof value.reviewerName === 'string' ? value.reviewerName : '',
    organisation: typeof value.organisation === 'string' ? value.organisation : '',
    scanMode: (SCAN_MODES as readonly unknown[]).includes(value.scanMode) ? (value.scanMode as ScanMode) : DEFAULT_SETTINGS.scanMode,
    disabledSites,
    highlightStyle: (HIGHLIGHT_STYLES as readonly unknown[]).includes(value.highlightStyle) ? (value.highlightStyle as HighlightStyle) : DEFAULT_SETTINGS.highlightStyle,
    collectFactChecks: typeof value.collectFactChecks === 'boolean' ? value.collectFactChecks : DEFAULT_SETTINGS.collectFactChecks,
    knownThreshold:
      typeof value.knownThreshold === 'number' && value.knownThreshold >= KNOWN_THRESHOLD_RANGE.min && value.knownThreshold <= KNOWN_THRESHOLD_RANGE.max ? value.knownThreshold : DEFAULT_SETTINGS.knownThreshold,
    claimOrder: (CLAIM_ORDERS as readonly unknown[]).includes(value.claimOrder) ? (value.claimOrder as ClaimOrder) : DEFAULT_SETTINGS.claimOrder,
  };
}
