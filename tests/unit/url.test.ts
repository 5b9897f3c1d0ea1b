import { canonicalKey, siteOf, stripTracking } from '../../src/core/url';

describe('canonical page keys', () => {
  test('drops the fragment and tracking parameters, keeps the others', () => {
    expect(stripTracking('https://news.example.com/a?id=3&utm_source=x&utm_medium=y&fbclid=1&gclid=2#comments')).toBe('https://news.example.com/a?id=3');
    expect(stripTracking('https://news.example.com/a?utm_campaign=z')).toBe('https://news.example.com/a');
  });

  test('uses a same-site canonical link', () => {
    expect(canonicalKey('https://m.example.com/story?utm_source=tw', 'https://www.example.com/story')).toBe('https://www.example.com/story');
    expect(canonicalKey('https://example.com/story', '/story-canonical')).toBe('https://example.com/story-canonical');
  });

  test('ignores a canonical link to another site (syndication) or an unusable one', () => {
    expect(canonicalKey('https://www.msn.com/en-us/story?ocid=1', 'https://www.businessinsider.com/story')).toBe('https://www.msn.com/en-us/story');
    expect(canonicalKey('https://example.com/a', 'javascript:alert(1)')).toBe('https://example.com/a');
    expect(canonicalKey('https://example.com/a', 'http://[bad')).toBe('https://example.com/a');
  });

  test('knows second-level country domains and IP hosts', () => {
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
  });
});
