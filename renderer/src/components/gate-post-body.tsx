// What a held post will publish, as the gate dialog shows it: every detail, every part in order, the reply target.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartWatchWordHit, PendingPostView } from '../../../shared/gate/pending.ts';
import type { PostDetail } from '../../../shared/gate/types.ts';
import { decodeItemTime } from '../../../shared/platforms/index.ts';
import { formatDateTime } from '../dashboard/format.ts';
import { MediaNotes, PartMedia, useVideoFrames } from './gate-media.tsx';

function highlighted(text: string, hits: PartWatchWordHit[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    nodes.push(text.slice(at, hit.start), <mark key={hit.start}>{text.slice(hit.start, hit.end)}</mark>);
    at = hit.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

/**
 * A list of labelled details. A key this version does not know (a newer classifier, say) is shown under
 * its raw name: what will be published is never hidden for want of a label.
 */
function Details({ details, testId }: { details: readonly PostDetail[]; testId: string }) {
  const { t, i18n } = useTranslation();
  if (details.length === 0) return null;
  return (
    <dl className="gate-details" data-testid={testId}>
      {details.map((detail, index) => {
        const key = `gate.detail.${String(detail.key)}`;
        return [<dt key={`t${index}`}>{i18n.exists(key) ? t(key) : String(detail.key)}</dt>, <dd key={`d${index}`}>{String(detail.value)}</dd>];
      })}
    </dl>
  );
}

/** The content part of the gate dialog (no buttons): pure, so it renders the same in tests and in the app. */
export function GatePostBody({ post }: { post: PendingPostView }) {
  const { t, i18n } = useTranslation();
  const target = post.parts[0]?.replyToId ?? null;
  const quoted = post.parts[0]?.quotedId ?? null;
  const targetTime = target ? decodeItemTime(post.platform, target) : null;
  const frames = useVideoFrames(post.id, post.media);
  const media = (post.media ?? []).map((item, index) => ({ item, index }));
  return (
    <>
      <Details details={post.details} testId="gate-details" />
      <div className="gate-parts" data-testid="gate-text">
        {post.parts.map((part, index) => (
          <blockquote key={index} className="gate-part" lang="" data-testid="gate-part">
            {post.parts.length > 1 && <span className="gate-part-number">{t('gate.part', { n: index + 1, total: post.parts.length })}</span>}
            {part.text === null ? (
              <em>{t('gate.noText')}</em>
            ) : (
              highlighted(
                part.text,
                post.watchWordHits.filter((hit) => hit.part === index),
              )
            )}
            {part.mediaCount > 0 && <span className="gate-media">{t('gate.media', { count: part.mediaCount })}</span>}
            <PartMedia
              media={media.filter(({ item }) => item.part === index || (index === post.parts.length - 1 && item.part >= post.parts.length))}
              frames={frames}
            />
            <Details details={part.details ?? []} testId="gate-part-details" />
          </blockquote>
        ))}
      </div>
      <MediaNotes post={post} frames={frames} />
      {target && (
        <p className="gate-target" data-testid="gate-target">
          {t('gate.replyTo', { id: target })}
          {targetTime && ` — ${t('gate.postedAt', { time: formatDateTime(targetTime, i18n.language) })}`}
        </p>
      )}
      {quoted && <p className="gate-target">{t('gate.quoting', { id: quoted })}</p>}
    </>
  );
}
