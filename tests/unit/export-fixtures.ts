// A small library shared by the export tests: two pages, claims with every combination of
// verdict, note, sources and tags, a reader-selected claim, and non-Latin text.
import type { Annotation, PageRecord } from '../../src/core/model/annotation';
import { selectorFor } from '../../src/core/model/selectors';
import type { VerdictId } from '../../src/core/model/verdicts';
import type { ExportOptions } from '../../src/core/export/library';

export const TRANSPORT_TEXT =
  'The regional parliament approved the new transport plan on Thursday. According to the finance ministry, the plan will cost 3.2 billion euros over the next decade. ' +
  'Opposition members said the estimate leaves out maintenance, which they put at 800 million. Work on the first section is expected to begin next spring.';

export const WORLD_TEXT = 'Министр заявил, что инфляция упала до 2%. 东京的人口超过一千四百万。 قال الوزير إن البطالة انخفضت. Emoji count rose 🚀 by 40%.';

export function claim(text: string, quote: string, id: string, fields: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return {
    id,
    origin: 'detected',
    selector: selectorFor(text, start, start + quote.length),
    verdict: null,
    note: '',
    sources: [],
    tags: [],
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T11:30:00.000Z',
    ...fields,
  };
}

export function page(key: string, title: string, annotations: Annotation[], url = key): PageRecord {
  return { key, url, title, annotations: Object.fromEntries(annotations.map((a) => [a.id, a])), updatedAt: '2026-03-02T11:30:00.000Z' };
}

export function withVerdict(verdict: VerdictId, id: string): Annotation {
  return claim(TRANSPORT_TEXT, 'Work on the first section is expected to begin next spring.', id, { verdict });
}

export function library(): PageRecord[] {
  return [
    page('https://news.example/world', 'Мир: новости 世界', [
      claim(WORLD_TEXT, 'Министр заявил, что инфляция упала до 2%.', 'c-ru', { verdict: 'mostly-false', note: 'Росстат: 2,4 %.', tags: ['экономика'] }),
      claim(WORLD_TEXT, '东京的人口超过一千四百万。', 'c-zh', { verdict: 'true', sources: [{ url: 'https://stat.example/tokyo', title: '東京都の人口', quote: '14,000,000', publisher: '東京都' }] }),
      claim(WORLD_TEXT, 'قال الوزير إن البطالة انخفضت.', 'c-ar', { verdict: 'unverifiable', note: 'لا توجد بيانات' }),
      claim(WORLD_TEXT, 'Emoji count rose 🚀 by 40%.', 'c-emoji', { verdict: 'not-a-claim' }),
    ]),
    page(
      'https://news.example/transport',
      'Transport plan approved',
      [
        claim(TRANSPORT_TEXT, 'the plan will cost 3.2 billion euros over the next decade.', 'c1', {
          verdict: 'misleading',
          note: 'The **ministry** figure leaves out maintenance; see [the audit](https://audit.example/report).',
          sources: [
            { url: 'https://audit.example/report', title: 'Audit report, 2025', quote: 'maintenance is funded separately', publisher: 'Court of Audit' },
            { url: 'https://news.example/older', title: '', quote: '', publisher: '' },
          ],
          tags: ['budget', 'transport'],
        }),
        claim(TRANSPORT_TEXT, 'which they put at 800 million.', 'c2', { note: 'Ask the opposition for their source.' }),
        claim(TRANSPORT_TEXT, 'The regional parliament approved the new transport plan on Thursday.', 'c3'),
        claim(TRANSPORT_TEXT, 'Work on the first section is expected to begin next spring.', 'u-1', { origin: 'user', tags: ['follow-up'], sources: [{ url: 'http://city.example/works', title: 'Works', quote: '', publisher: '' }] }),
      ],
      'https://news.example/transport?utm_source=feed',
    ),
  ];
}

export const OPTIONS: ExportOptions = { creator: { name: 'Ana Reviewer', organisation: 'Check Desk' }, now: '2026-03-05T09:00:00.000Z' };
