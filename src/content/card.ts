import { HIGHLIGHT_ATTRIBUTE } from '../core/article/find-article';
import { knownHeadline } from '../core/known/adopt';
import type { KnownMatch } from '../core/known/known-matches';
import type { ClaimView } from '../core/model/page-state';
import { VERDICT_LABEL_KEYS } from '../core/model/verdicts';
import { t } from '../platform/browser';
import { reasonLabel } from '../ui/labels';

/**
 * Styles of the card; inside a closed shadow root, so page CSS cannot reach them. Page rules can
 * still match the host element itself (\`body ~ * { display: none !important }\`); an !important
 * :host rule wins over those, because for important declarations the inner tree's wins.
 */
const CARD_CSS = `
:host { all: initial !important; display: block !important; }
.card { position: fixed; z-index: 2147483647; max-width: 320px; font: 13px/1.4 system-ui, sans-serif; color: #1b1f24; background: #fff;
  border: 1px solid #d0d7de; border-left: 5px solid var(--accent, #f0e442); border-radius: 8px; padding: 8px 10px; box-shadow: 0 4px 14px rgba(0,0,0,.18); }
.verdict { font-weight: 600; }
.note { margin-top: 4px; color: #444; }
.meta { margin-top: 4px; color: #57606a; font-size: 12px; }
.known { margin-top: 6px; padding-top: 6px; border-top: 1px dashed #8c959f; }
.known-title { font-weight: 600; }
.known a { color: #0a58ca; }
.known q { display: block; margin: 2px 0; font-style: italic; }
.known button { margin-top: 4px; font: inherit; padding: 2px 8px; border: 1px solid #8c959f; border-radius: 4px; background: #f6f8fa; color: inherit; cursor: pointer; }
@media (prefers-color-scheme: dark) { .card { color: #e6edf3; background: #20252b; border-color: #3a414a; } .note { color: #c9d1d9; } .meta { color: #9da7b3; } .known a { color: #6cb6ff; } .known button { background: #2d333b; } }
`;

const ACCENTS: Record<string, string> = {
  unreviewed: '#f0e442', true: '#009e73', 'mostly-true': '#56b4e9', mixed: '#e69f00', 'mostly-false': '#d55e00',
  false: '#d55e00', misleading: '#cc79a7', unverifiable: '#999999', 'not-a-claim': '#999999',
};

/** The hover / focus card of highlights: verdict, note excerpt and number of sources. */
export class HighlightCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;

  constructor(
    private readonly claimOf: (id: string) => ClaimView | undefined,
    private readonly onAdopt: (claim: ClaimView, match: KnownMatch) => Promise<void> = async () => undefined,
  ) {}

  /** True when an event target is the card (its host: the shadow root is closed). */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** Shows the card for a highlight element. */
  show(mark: Element): void {
    const claim = this.claimOf(mark.getAttribute(HIGHLIGHT_ATTRIBUTE) ?? '');
    if (!claim) return;
    const card = this.ensure();
    const verdict = claim.annotation?.verdict ?? 'unreviewed';
    card.style.setProperty('--accent', ACCENTS[verdict] ?? '#f0e442');
    const note = claim.annotation?.note ?? '';
    const sources = claim.annotation?.sources.length ?? 0;
    card.replaceChildren();
    const title = document.createElement('div');
    title.className = 'verdict';
    title.textContent = verdict === 'unreviewed' ? t('unreviewed') : t(VERDICT_LABEL_KEYS[verdict]);
    card.append(title);
    if (note) {
      const excerpt = document.createElement('div');
      excerpt.className = 'note';
      excerpt.textContent = note.length > 160 ? `${note.slice(0, 157)}…` : note;
      card.append(excerpt);
    }
    const meta = document.createElement('div');
    meta.className = 'meta';
    const score = claim.score !== null ? ` · ${t('scoreLabel', String(Math.round(claim.score * 100)))}` : '';
    const top = claim.strength === 'strong' ? ` · ${t('strongLabel')}` : '';
    const reasons = claim.reasons.length > 0 ? ` · ${claim.reasons.map(reasonLabel).join(', ')}` : '';
    meta.textContent = `${sources === 0 ? t('cardNoSources') : sources === 1 ? t('cardOneSource') : t('cardSources', String(sources))}${score}${top}${reasons}`;
    card.append(meta);
    for (const match of claim.known ?? []) card.append(this.knownBlock(claim, match));
    const box = mark.getBoundingClientRect();
    card.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - 330))}px`;
    const height = claim.known?.length ? 90 + 110 * claim.known.length : 90;
    card.style.top = box.bottom + height < window.innerHeight ? `${box.bottom + 6}px` : `${Math.max(8, box.top - height + 10)}px`;
    card.setAttribute('role', claim.known?.length ? 'dialog' : 'tooltip');
    card.hidden = false;
  }

  /** "Already fact-checked: False — PolitiFact, 2019-10-30", the fact-check's claim, similarity and the adopt button. */
  private knownBlock(claim: ClaimView, match: KnownMatch): HTMLElement {
    const block = document.createElement('div');
    block.className = 'known';
    const title = document.createElement('div');
    title.className = 'known-title';
    const link = document.createElement('a');
    link.href = match.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = knownHeadline(match);
    title.append(t('knownAlready'), ' ', link);
    const quote = document.createElement('q');
    quote.textContent = match.claim.length > 200 ? `${match.claim.slice(0, 197)}…` : match.claim;
    const figure = document.createElement('div');
    figure.className = 'meta';
    figure.textContent = t('knownSimilarity', String(Math.round(match.score * 100)));
    const adopt = document.createElement('button');
    adopt.type = 'button';
    adopt.textContent = match.verdict ? t('knownAdopt') : t('knownAdoptSource');
    adopt.addEventListener('click', () => {
      adopt.disabled = true;
      void this.onAdopt(claim, match).then(
        () => (adopt.textContent = t('knownAdopted')),
        (error: unknown) => {
          adopt.disabled = false;
          figure.textContent = error instanceof Error ? error.message : String(error);
        },
      );
    });
    block.append(title, quote, figure, adopt);
    return block;
  }

  /** Hides the card. */
  hide(): void {
    if (this.card) this.card.hidden = true;
  }

  private ensure(): HTMLElement {
    if (this.card && this.host?.isConnected) return this.card;
    this.host = document.createElement('factmark-card');
    // Marked as our UI: the text index and the page observer ignore it.
    this.host.setAttribute('data-factmark-ui', '');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    this.card = document.createElement('div');
    this.card.className = 'card';
    this.card.setAttribute('role', 'tooltip');
    shadow.append(style, this.card);
    document.documentElement.append(this.host);
    return this.card;
  }
}
