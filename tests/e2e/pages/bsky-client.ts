// Bluesky fixture page script: posts through the official @atproto/api client, exactly as a real client would.
import { AtpAgent } from '@atproto/api';

interface ReplyRef {
  uri: string;
  cid: string;
}

const agent = new AtpAgent({ service: window.location.origin });

/** An attached file; the web client uploads it (com.atproto.repo.uploadBlob) when posting, then embeds its blob ref. */
interface Attached {
  file: File;
  alt: string;
}

async function post(text: string, parent?: ReplyRef, media: Attached[] = []): Promise<string> {
  if (!agent.hasSession) await agent.login({ identifier: 'brand.bsky.test', password: 'app-password-1234' });
  const images = [];
  for (const { file, alt } of media) {
    const { data } = await agent.uploadBlob(new Uint8Array(await file.arrayBuffer()), { encoding: file.type });
    images.push({ image: data.blob, alt });
  }
  const embed = images.length > 0 ? { embed: { $type: 'app.bsky.embed.images', images } } : {};
  const result = await agent.post({ text, ...(parent ? { reply: { root: parent, parent } } : {}), ...embed });
  return result.uri;
}

(window as unknown as { bskyPost: typeof post }).bskyPost = post;
