// HTML of the fixture composer pages: a textarea and a button whose script posts the way each web client does.

/** The request each platform's web client sends for a post (or a reply, when a target is given). */
const POSTERS: Record<'x' | 'mastodon' | 'mastodonPoll' | 'bluesky' | 'forum', string> = {
  x: `async (text, replyTo) => {
    const variables = { tweet_text: text, dark_request: false, media: { media_entities: [], possibly_sensitive: false }, semantic_annotation_ids: [], disallowed_reply_options: null };
    if (replyTo) variables.reply = { in_reply_to_tweet_id: replyTo, exclude_reply_user_ids: [] };
    const response = await fetch('/i/api/graphql/oB-5XsHNAbjvARJEc8CZFw/CreateTweet', {
      method: 'POST', credentials: 'include', signal: window.sending.signal,
      headers: { 'content-type': 'application/json', 'x-twitter-auth-type': 'OAuth2Session', 'x-csrf-token': 'fixture-csrf' },
      body: JSON.stringify({ variables, features: { communities_web_enable_tweet_community_results_fetch: true, responsive_web_edit_tweet_api_enabled: true, longform_notetweets_consumption_enabled: true }, queryId: 'oB-5XsHNAbjvARJEc8CZFw' }),
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  mastodon: `async (text, replyTo) => {
    const response = await fetch('/api/v1/statuses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer fixture-token', 'idempotency-key': String(Date.now()) },
      body: JSON.stringify({ status: text, in_reply_to_id: replyTo || null, media_ids: [], sensitive: false, spoiler_text: '', visibility: 'public', poll: null, language: 'en' }),
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  // The Mastodon API's form encoding (as classic clients and the API docs send it): a content warning,
  // a poll with two options, an unlisted visibility.
  mastodonPoll: `async (text) => {
    const body = new URLSearchParams();
    body.append('status', text);
    body.append('spoiler_text', 'Season finale spoilers');
    body.append('visibility', 'unlisted');
    body.append('poll[options][]', 'Loved it');
    body.append('poll[options][]', 'Hated it');
    body.append('poll[expires_in]', '86400');
    const response = await fetch('/api/v1/statuses', { method: 'POST', headers: { authorization: 'Bearer fixture-token' }, body, signal: window.sending.signal });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  forum: `async (text) => {
    const body = new URLSearchParams({ message: text, topic: '42' });
    const response = await fetch('/api/posts/new', { method: 'POST', body });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  bluesky: `async (text, replyTo) => {
    await window.bskyPost(text, replyTo ? { uri: replyTo, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' } : undefined);
  }`,
};

/** A composer that, like the real sites, keeps the draft when sending fails and clears it when it succeeds. */
export function composerPage(platform: keyof typeof POSTERS, title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui;margin:24px;background:#fff} textarea{width:100%;height:120px;font-size:16px} #status{margin-top:8px;color:#555}</style>
${platform === 'bluesky' ? '<script src="/static/bsky-client.js"></script>' : ''}
</head><body>
<h1>${title}</h1>
<label>Reply to <input id="reply-to" size="60"></label>
<textarea id="composer" placeholder="What is happening?"></textarea>
<button id="post">Post</button>
<button id="abort">Stop sending</button>
<div id="status" role="status"></div>
<script>
const send = ${POSTERS[platform]};
// Like a site that gives up on a request (the user closed the composer): aborts the one in flight.
window.sending = new AbortController();
document.getElementById('abort').addEventListener('click', () => window.sending.abort());
document.getElementById('post').addEventListener('click', async () => {
  const composer = document.getElementById('composer');
  const status = document.getElementById('status');
  window.sending = new AbortController();
  status.textContent = 'Sending…';
  delete status.dataset.error;
  try {
    await send(composer.value, document.getElementById('reply-to').value.trim());
    composer.value = '';
    status.textContent = 'Your post was sent.';
    delete status.dataset.error;
  } catch (error) {
    status.textContent = 'Something went wrong. Your draft is still here.';
    status.dataset.error = String(error && error.message || error);
  }
});
</script></body></html>`;
}
