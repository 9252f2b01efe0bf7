// Bluesky fixture page script: posts through the official @atproto/api client, exactly as a real client would.
import { AtpAgent } from '@atproto/api';

interface ReplyRef {
  uri: string;
  cid: string;
}

const agent = new AtpAgent({ service: window.location.origin });

async function post(text: string, parent?: ReplyRef): Promise<string> {
  if (!agent.hasSession) await agent.login({ identifier: 'brand.bsky.test', password: 'app-password-1234' });
  const result = await agent.post({ text, ...(parent ? { reply: { root: parent, parent } } : {}) });
  return result.uri;
}

(window as unknown as { bskyPost: typeof post }).bskyPost = post;
