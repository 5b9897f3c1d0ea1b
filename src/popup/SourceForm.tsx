import { useState } from 'preact/hooks';
import type { Source } from '../core/model/annotation';
import { isHttpUrl } from '../core/model/records';
import { t } from '../platform/browser';

/** The form that adds a source (URL, title, quoted passage, publisher) to a claim. */
export function SourceForm({ onAdd, onProblem }: { onAdd(source: Source): Promise<boolean>; onProblem(message: string): void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [quote, setQuote] = useState('');
  const [publisher, setPublisher] = useState('');
  const submit = async () => {
    const trimmed = url.trim();
    if (!isHttpUrl(trimmed)) return onProblem(t('invalidSourceUrl'));
    if (await onAdd({ url: trimmed, title: title.trim(), quote: quote.trim(), publisher: publisher.trim() })) {
      setUrl('');
      setTitle('');
      setQuote('');
      setPublisher('');
    }
  };
  return (
    <form
      class="source-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input type="url" aria-label={t('sourceUrlLabel')} placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      <input type="text" aria-label={t('sourceTitleLabel')} placeholder={t('sourceTitleLabel')} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <input type="text" aria-label={t('sourcePublisherLabel')} placeholder={t('sourcePublisherLabel')} value={publisher} onInput={(e) => setPublisher(e.currentTarget.value)} />
      <textarea aria-label={t('sourceQuoteLabel')} placeholder={t('sourceQuoteLabel')} value={quote} onInput={(e) => setQuote(e.currentTarget.value)} />
      <button type="submit">{t('addSource')}</button>
    </form>
  );
}
