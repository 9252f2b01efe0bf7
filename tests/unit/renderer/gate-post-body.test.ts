// The gate dialog's content: every detail of the post and of each part, every part in order, the reply target.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { GatePostBody } from '../../../renderer/src/components/gate-post-body.tsx';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { fr } from '../../../renderer/src/i18n/fr.ts';
import type { PendingPostView } from '../../../shared/gate/pending.ts';
import { POST_DETAIL_KEYS, type PostDetail, type PostPart } from '../../../shared/gate/types.ts';

const part = (text: string | null, extra: Partial<PostPart> = {}): PostPart => ({ text, mediaCount: 0, replyToId: null, quotedId: null, ...extra });

function view(overrides: Partial<PendingPostView> = {}): PendingPostView {
  return {
    id: 'p1',
    account: { id: 'a1', name: 'Acme', handle: 'acme', kind: 'brand', color: '#7c3aed', platform: 'mastodon' },
    platform: 'mastodon',
    action: 'post',
    parts: [part('hello')],
    details: [],
    readable: true,
    mode: 'confirm',
    delayUntil: null,
    heldAt: 0,
    expiresAt: 120_000,
    watchWordHits: [],
    identityMismatch: null,
    ...overrides,
  };
}

/** The dialog body's visible text, as a list of the rows a manager reads, in order. */
function render(post: PendingPostView, language = 'en'): { html: string; rows: string[] } {
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, createElement(GatePostBody, { post })));
  const rows = [...html.matchAll(/<(?:dt|dd|span class="gate-part-number"|p class="gate-target"[^>]*)>(.*?)<\/(?:dt|dd|span|p)>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  return { html, rows };
}

describe('GatePostBody', () => {
  it('shows a Mastodon content warning, every poll option, the visibility and the scheduled time, labelled', () => {
    const details: PostDetail[] = [
      { key: 'visibility', value: 'unlisted' },
      { key: 'scheduledAt', value: '2026-12-24T09:00:00.000Z' },
    ];
    const { rows } = render(
      view({
        details,
        parts: [
          part('Vote!', {
            details: [
              { key: 'contentWarning', value: 'politics' },
              { key: 'pollOption', value: 'Yes' },
              { key: 'pollOption', value: 'No' },
            ],
          }),
        ],
      }),
    );
    expect(rows).toEqual([
      'Visibility',
      'unlisted',
      'Scheduled for',
      '2026-12-24T09:00:00.000Z',
      'Content warning',
      'politics',
      'Poll option',
      'Yes',
      'Poll option',
      'No',
    ]);
  });

  it('has an English and a French label for every detail key', () => {
    for (const key of POST_DETAIL_KEYS) {
      expect(en.gate.detail[key], key).toBeTruthy();
      expect(fr.gate.detail[key], key).toBeTruthy();
    }
    const { rows } = render(view({ details: [{ key: 'recipient', value: '@ana' }] }), 'fr');
    expect(rows).toEqual(['Destinataire', '@ana']);
  });

  it('shows a detail whose key it does not know under the raw key, never drops it', () => {
    const unknown = { key: 'flair', value: 'Announcement' } as unknown as PostDetail;
    const { rows } = render(
      view({ details: [unknown], parts: [part('x', { details: [{ key: 'burnAfterReading', value: 'yes' } as unknown as PostDetail] })] }),
    );
    expect(rows).toEqual(['flair', 'Announcement', 'burnAfterReading', 'yes']);
  });

  it('shows every part of a thread in order, each with its own details, and the reply target', () => {
    const { html, rows } = render(
      view({
        action: 'reply',
        parts: [part('first', { replyToId: '109876543210987654' }), part('second', { details: [{ key: 'title', value: 'Part two' }] }), part('third')],
      }),
    );
    expect(html.indexOf('first')).toBeLessThan(html.indexOf('second'));
    expect(html.indexOf('second')).toBeLessThan(html.indexOf('third'));
    expect(rows.filter((row) => row.startsWith('Post '))).toEqual(['Post 1 of 3', 'Post 2 of 3', 'Post 3 of 3']);
    expect(rows).toContain('Title');
    expect(rows).toContain('Part two');
    expect(rows.some((row) => row.startsWith('In reply to item 109876543210987654'))).toBe(true);
  });

  it('escapes text and values (markup in a post is shown, not run)', () => {
    const { html } = render(view({ parts: [part('<img src=x onerror=alert(1)>')], details: [{ key: 'recipient', value: '<b>bob</b>' }] }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });
});
