import { CLAIMREVIEW_FIELDS, exportClaimReview, missingClaimReviewFields, textFragmentUrl, toClaimReviews, valueAt, type ClaimReview } from '../../src/core/export/claimreview';
import { VERDICT_IDS, type VerdictId } from '../../src/core/model/verdicts';
import { library, OPTIONS, page, withVerdict } from './export-fixtures';

function reviewsFor(verdicts: readonly VerdictId[], creator = OPTIONS.creator): ClaimReview[] {
  const records = [page('https://news.example/t', 'T', verdicts.map((v) => withVerdict(v, `c-${v}`)))];
  return toClaimReviews(records, { ...OPTIONS, creator });
}

describe('ClaimReview export', () => {
  test('one item per reviewed claim: unreviewed and not-a-claim are left out', () => {
    const reviews = toClaimReviews(library(), OPTIONS);
    expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(['Misleading', 'Mostly false', 'True', 'Unverifiable']);
    expect(JSON.parse(exportClaimReview(library(), OPTIONS))).toEqual(reviews);
  });

  test('verdict → rating: 5 true … 1 false, misleading 2, unverifiable without a number, on a 1–5 scale', () => {
    const reviews = reviewsFor(VERDICT_IDS);
    // Same passage for every verdict, so the order is by id; compare as a set of pairs.
    const pairs = reviews.map((r) => [r.reviewRating.alternateName, r.reviewRating.ratingValue]);
    expect(new Map(pairs as Array<[string, number | undefined]>)).toEqual(new Map<string, number | undefined>([
      ['True', 5],
      ['Mostly true', 4],
      ['Mixed', 3],
      ['Mostly false', 2],
      ['False', 1],
      ['Misleading', 2],
      ['Unverifiable', undefined],
    ]));
    expect(pairs).toHaveLength(7);
    for (const r of reviews) expect(r.reviewRating).toMatchObject({ '@type': 'Rating', bestRating: 5, worstRating: 1, name: r.reviewRating.alternateName });
  });

  test('a full item: claim, rating, url with a text fragment, the page as appearance, author, date, note and sources', () => {
    const review = toClaimReviews(library(), OPTIONS)[0];
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://news.example/transport?utm_source=feed#:~:text=the%20plan%20will%20cost,over%20the%20next%20decade.',
      claimReviewed: 'the plan will cost 3.2 billion euros over the next decade.',
      reviewRating: { '@type': 'Rating', alternateName: 'Misleading', name: 'Misleading', ratingValue: 2, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork', url: 'https://news.example/transport?utm_source=feed', headline: 'Transport plan approved' }] },
      author: { '@type': 'Organization', name: 'Check Desk', employee: { '@type': 'Person', name: 'Ana Reviewer' } },
      datePublished: '2026-03-02',
      reviewBody: expect.stringContaining('ministry'),
      citation: [
        { '@type': 'CreativeWork', url: 'https://audit.example/report', name: 'Audit report, 2025', publisher: { '@type': 'Organization', name: 'Court of Audit' } },
        { '@type': 'CreativeWork', url: 'https://news.example/older' },
      ],
    });
  });

  test('author: the organisation, else the reviewer as a Person, else none', () => {
    expect(reviewsFor(['false'], { name: '', organisation: 'Desk' })[0]?.author).toEqual({ '@type': 'Organization', name: 'Desk' });
    expect(reviewsFor(['false'], { name: 'Ana', organisation: '' })[0]?.author).toEqual({ '@type': 'Person', name: 'Ana' });
    expect(reviewsFor(['false'], { name: '', organisation: '' })[0]?.author).toBeUndefined();
  });

  test('text fragments: short claims whole, long ones by first and last words; - , & are encoded; an existing fragment is replaced', () => {
    expect(textFragmentUrl('https://a.example/p#top', 'Prices rose 3-4%, & more')).toBe('https://a.example/p#:~:text=Prices%20rose%203%2D4%25%2C%20%26%20more');
    expect(textFragmentUrl('https://a.example/p', 'one two three four five six seven eight nine')).toBe('https://a.example/p#:~:text=one%20two%20three%20four,six%20seven%20eight%20nine');
  });

  test('every item has each required field, and each recommended field the data allows', () => {
    expect(CLAIMREVIEW_FIELDS.filter((f) => f.level === 'required').map((f) => f.path)).toEqual(['claimReviewed', 'reviewRating', 'reviewRating.alternateName', 'url']);
    const reviews = [...toClaimReviews(library(), OPTIONS), ...reviewsFor(VERDICT_IDS)];
    for (const review of reviews) {
      expect(missingClaimReviewFields(review, 'required')).toEqual([]);
      // ratingValue is the one recommended field the data may not allow (unverifiable has no number).
      const missing = missingClaimReviewFields(review, 'recommended');
      expect(missing).toEqual(review.reviewRating.alternateName === 'Unverifiable' ? ['reviewRating.ratingValue'] : []);
      for (const field of CLAIMREVIEW_FIELDS.filter((f) => f.availability === 'never')) expect(valueAt(review, field.path)).toBeUndefined();
    }
    // Without an author name, author is the recommended field that is missing.
    expect(missingClaimReviewFields(reviewsFor(['true'], { name: '', organisation: '' })[0]!, 'recommended')).toEqual(['author']);
  });
});
