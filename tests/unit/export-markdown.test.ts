import { escapeLine, escapeMarkdown, exportMarkdown, markdownLink, noteMarkdown } from '../../src/core/export/markdown';
import { claim, library, OPTIONS, page } from './export-fixtures';

describe('Markdown export', () => {
  test('per page a linked heading, then each claim: quote, bold verdict, note, source links, tags', () => {
    const md = exportMarkdown(library(), OPTIONS);
    expect(md.startsWith('# Factmark export\n\nExported 2026-03-05T09:00:00.000Z by Ana Reviewer, Check Desk.\n\n')).toBe(true);
    expect(md).toContain('## [Transport plan approved](https://news.example/transport?utm_source=feed)\n\n> The regional parliament approved the new transport plan on Thursday.\n\n**Unreviewed**');
    expect(md).toContain(
      [
        '> the plan will cost 3.2 billion euros over the next decade.',
        '**Misleading**',
        'The **ministry** figure leaves out maintenance; see [the audit](https://audit.example/report).',
        'Sources:\n\n- [Audit report, 2025](https://audit.example/report) — Court of Audit: “maintenance is funded separately”\n- [https://news.example/older](https://news.example/older)',
        'Tags: budget, transport',
      ].join('\n\n'),
    );
    expect(md).toContain('## [Мир: новости 世界](https://news.example/world)');
    expect(md.indexOf('## [Transport')).toBeLessThan(md.indexOf('## [Мир'));
  });

  test('text is escaped: markup characters anywhere, block markers at line starts', () => {
    expect(escapeLine('*not bold* _x_ `code` [link](http://x) <b>html</b> &amp; a|b ~~s~~ \\')).toBe(
      '\\*not bold\\* \\_x\\_ \\`code\\` \\[link\\](http://x) \\<b\\>html\\</b\\> \\&amp; a\\|b \\~\\~s\\~\\~ \\\\',
    );
    expect(escapeMarkdown('# heading\n> quote\n- item\n+ item\n1. one\n2) two\n===\n    code')).toBe('\\# heading\n\\> quote\n\\- item\n\\+ item\n1\\. one\n2\\) two\n\\===\ncode');
    expect(escapeLine('3.2 billion - not a list')).toBe('3.2 billion - not a list');
    expect(escapeLine('2024. A year')).toBe('2024\\. A year');
  });

  test('notes keep their own Markdown subset (bold, emphasis, code, http links) and everything else is escaped', () => {
    expect(noteMarkdown('**Bold** and *em* and `a*b` and [ok](https://ok.example/a_b) and [bad](javascript:alert(1))\n# not a heading\n\nNew <script>')).toBe(
      '**Bold** and *em* and `a*b` and [ok](https://ok.example/a_b) and \\[bad\\](javascript:alert(1))  \n\\# not a heading\n\nNew \\<script\\>',
    );
  });

  test('only http(s) URLs become links; titles are escaped and kept on one line', () => {
    expect(markdownLink('A [tricky]\ntitle', 'https://a.example/x y')).toBe('[A \\[tricky\\] title](https://a.example/x%20y)');
    expect(markdownLink('Wiki', 'https://en.example/wiki/Foo_(bar)')).toBe('[Wiki](https://en.example/wiki/Foo_%28bar%29)');
    expect(markdownLink('Evil', 'javascript:alert(1)')).toBe('Evil');
    expect(markdownLink('', 'data:text/html,x')).toBe('data:text/html,x');
    const hostile = [
      page('https://news.example/h', '# Title](javascript:alert(1)) <img src=x>', [
        claim('Quote *with* markup\n> and a quote line', 'Quote *with* markup\n> and a quote line', 'c1', {
          verdict: 'false',
          sources: [{ url: 'https://s.example/', title: '[x](javascript:alert(1))', quote: '', publisher: '' }],
          tags: ['#tag', '<b>'],
        }),
      ]),
    ];
    const md = exportMarkdown(hostile, OPTIONS);
    expect(md).toContain('## [\\# Title\\](javascript:alert(1)) \\<img src=x\\>](https://news.example/h)');
    expect(md).toContain('> Quote \\*with\\* markup\n> \\> and a quote line\n\n**False**');
    expect(md).toContain('- [\\[x\\](javascript:alert(1))](https://s.example/)');
    expect(md).toContain('Tags: \\#tag, \\<b\\>');
    // No link anywhere points at anything but http(s).
    for (const match of md.matchAll(/\]\(([^)]*)\)/g)) {
      const before = md.slice(0, match.index);
      if (!before.endsWith('\\')) expect(match[1]).toMatch(/^https?:\/\//);
    }
  });
});
