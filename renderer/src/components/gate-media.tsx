// A held post's attachments in the gate dialog: thumbnails with their alt text, a video's facts, what could not be shown.
import { useTranslation } from 'react-i18next';
import type { MediaPreview } from '../../../shared/gate/media/preview.ts';
import type { PendingPostView } from '../../../shared/gate/pending.ts';

function formatSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** The attachments of one part, each with its type, size, duration where known, and alt text. */
export function PartMedia({ media }: { media: readonly MediaPreview[] }) {
  const { t, i18n } = useTranslation();
  if (media.length === 0) return null;
  return (
    <ul className="gate-attachments" aria-label={t('gate.attachments.label')} data-testid="gate-media">
      {media.map((item, index) => {
        const facts = [
          t(`gate.attachments.kind.${item.kind}`),
          item.mime,
          formatSize(item.size, i18n.language),
          ...(item.durationMs === null ? [] : [t('gate.attachments.seconds', { seconds: (item.durationMs / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })]),
        ].join(' · ');
        return (
          <li key={index} className="gate-attachment" data-testid="gate-media-item" data-kind={item.kind}>
            {item.src !== null ? (
              <img src={item.src} alt={item.alt ?? ''} className="gate-thumb" data-testid="gate-media-thumb" />
            ) : (
              <span className="gate-thumb gate-thumb-none">{t('gate.attachments.noFrame')}</span>
            )}
            <span className="gate-attachment-facts" data-testid="gate-media-facts">
              {facts}
            </span>
            <span className="gate-attachment-alt" data-testid="gate-media-alt">
              {item.alt !== null && item.alt !== '' ? t('gate.attachments.alt', { alt: item.alt }) : t('gate.attachments.noAlt')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Warnings about the whole post's attachments: matched by order, and how many could not be shown. */
export function MediaNotes({ post }: { post: PendingPostView }) {
  const { t } = useTranslation();
  const unpreviewed = post.unpreviewedMedia ?? 0;
  const byOrder = (post.media ?? []).some((item) => item.by === 'order');
  return (
    <>
      {byOrder && (
        <p className="gate-media-note" data-testid="gate-media-by-order">
          {t('gate.attachments.byOrder')}
        </p>
      )}
      {unpreviewed > 0 && (
        <p className="gate-alert gate-media-unpreviewed" role="alert" data-testid="gate-media-unpreviewed">
          {t('gate.attachments.unpreviewed', { count: unpreviewed })}
        </p>
      )}
    </>
  );
}
