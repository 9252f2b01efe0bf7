// The dialog's attachments: a thumbnail with its alt text, a video's facts, "by order" and "could not be previewed" said plainly.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { GatePostBody } from '../../../renderer/src/components/gate-post-body.tsx';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import type { MediaPreview } from '../../../shared/gate/media/preview.ts';
import type { PendingPostView } from '../../../shared/gate/pending.ts';

const image: MediaPreview = {
  part: 0,
  kind: 'image',
  mime: 'image/png',
  size: 2048,
  durationMs: null,
  alt: 'A latte with a heart',
  src: 'data:image/png;base64,iVBORw0KGgo=',
  by: 'id',
};
const video: MediaPreview = { part: 0, kind: 'video', mime: 'video/mp4', size: 5 * 1024 * 1024, durationMs: 12_500, alt: null, src: null, by: 'order' };

function view(media: MediaPreview[], unpreviewedMedia: number): PendingPostView {
  return {
    id: 'p1',
    account: { id: 'a1', name: 'Acme', handle: 'acme', kind: 'brand', color: '#7c3aed', platform: 'x' },
    platform: 'x',
    action: 'post',
    parts: [{ text: 'hello', mediaCount: media.length + unpreviewedMedia, replyToId: null, quotedId: null }],
    details: [],
    readable: true,
    mode: 'confirm',
    delayUntil: null,
    heldAt: 0,
    expiresAt: 120_000,
    watchWordHits: [],
    identityMismatch: null,
    media,
    unpreviewedMedia,
  };
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
const render = (post: PendingPostView, language = 'en') =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, createElement(GatePostBody, { post })));

describe('gate dialog attachments', () => {
  it('shows each image as a thumbnail with its alt text', () => {
    const html = render(view([image], 0));
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="A latte with a heart"');
    expect(text(html)).toContain('Alt text: A latte with a heart');
    expect(text(html)).toContain('Image · image/png · 2 kB');
    expect(html).not.toContain('gate-media-unpreviewed');
    expect(html).not.toContain('gate-media-by-order');
  });

  it('shows a video’s type, size and duration, says it was matched by order, and counts what could not be previewed', () => {
    const en = text(render(view([video], 1)));
    expect(en).toContain('Video · video/mp4 · 5 MB · 12.5 s');
    expect(en).toContain('No alt text');
    expect(en).toContain('Matched to the uploads by order');
    expect(en).toContain('1 attachment could not be previewed');
    expect(text(render(view([], 2)))).toContain('2 attachments could not be previewed');
    const fr = text(render(view([video], 2), 'fr'));
    expect(fr).toContain('2 pièces jointes n’ont pas pu être prévisualisées');
    expect(fr).toContain('Vidéo · video/mp4 · 5 Mo · 12,5 s');
    expect(text(render(view([], 1), 'fr'))).toContain('1 pièce jointe n’a pas pu être prévisualisée');
  });
});
