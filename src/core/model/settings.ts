import type { Sensitivity } from '../claims/score';

/** The reader's settings, stored under `settings`. */
export interface Settings {
  sensitivity: Sensitivity;
  reviewerName: string;
  organisation: string;
}

/** Settings for a new install. */
export const DEFAULT_SETTINGS: Settings = {
  sensitivity: 'balanced',
  reviewerName: '',
  organisation: '',
};

/** Reads settings from storage, keeping valid fields and defaulting the rest. */
export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const sensitivity = value.sensitivity;
  return {
    sensitivity: sensitivity === 'fewer' || sensitivity === 'more' || sensitivity === 'balanced' ? sensitivity : DEFAULT_SETTINGS.sensitivity,
    reviewerName: typeof value.reviewerName === 'string' ? value.reviewerName : '',
    organisation: typeof value.organisation === 'string' ? value.organisation : '',
  };
}
