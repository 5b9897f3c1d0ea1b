import type { PageNotice } from '../core/model/page-state';
import { t } from '../platform/browser';

/** The language's English name ("Russian"), or its code when the browser has no name for it. */
function languageName(code: string): string {
  if (code === 'und') return t('languageUnknown');
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** One sentence saying why the page has no automatic highlights, and that claims can still be added by hand. */
export function NoticeLine({ notice }: { notice: PageNotice }) {
  const text = notice.kind === 'language'
    ? t('noticeLanguage', languageName(notice.language))
    : t(notice.reason === 'search' ? 'noticeSearch' : notice.reason === 'video' ? 'noticeVideo' : 'noticeFront');
  return <p class="state notice" role="status" data-factmark-notice={notice.kind}>{text}</p>;
}
