// HTML of the fixture composer pages: a textarea and a button whose script posts the way each web client does.

const RUPLOAD = `async (file, alt) => {
    const id = String(Date.now() * 10 + window.attached.length);
    const name = 'fb_uploader_' + id;
    const response = await fetch('/rupload_igphoto/' + name, {
      method: 'POST',
      headers: {
        'x-entity-name': name,
        'x-entity-length': String(file.size),
        'x-entity-type': file.type,
        offset: '0',
        'x-instagram-rupload-params': JSON.stringify({ media_type: 1, upload_id: id, upload_media_height: 300, upload_media_width: 300 }),
        'x-ig-app-id': '936619743392459',
      },
      body: file,
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const { upload_id } = await response.json();
    return { id: upload_id, alt };
  }`;

/**
 * What each web client does when a file is attached (media, issue 10): X uploads it at once in chunks
 * (INIT, APPEND with the media_id from INIT's response, FINALIZE); Mastodon posts it to
 * /api/v2/media, then its alt text to /api/v1/media/:id; Bluesky keeps it until the post (see bsky-client.ts). Each returns
 * what the post will name. (X's real client also sends auth headers, which would add a CORS preflight.)
 */
const UPLOADERS: Partial<Record<keyof typeof POSTERS, string>> = {
  x: `async (file, alt) => {
    const upload = 'https://upload.x.com' + (location.port ? ':' + location.port : '') + '/i/media/upload.json';
    const init = await fetch(upload + '?command=INIT&total_bytes=' + file.size + '&media_type=' + encodeURIComponent(file.type) + '&media_category=tweet_image', { method: 'POST', credentials: 'include' });
    const { media_id_string: id } = await init.json();
    const chunk = 64 * 1024;
    for (let at = 0, segment = 0; at < file.size; at += chunk, segment++) {
      const form = new FormData();
      form.append('media', file.slice(at, at + chunk));
      const append = await fetch(upload + '?command=APPEND&media_id=' + id + '&segment_index=' + segment, { method: 'POST', credentials: 'include', body: form });
      if (!append.ok) throw new Error('APPEND ' + append.status);
    }
    await fetch(upload + '?command=FINALIZE&media_id=' + id, { method: 'POST', credentials: 'include' });
    return { id, alt };
  }`,
  // Mastodon's web UI uploads on pick, then saves the alt text it edits with PUT /api/v1/media/:id.
  mastodon: `async (file, alt) => {
    const form = new FormData();
    form.append('file', file);
    const response = await fetch('/api/v2/media', { method: 'POST', headers: { authorization: 'Bearer fixture-token' }, body: form });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const { id } = await response.json();
    if (alt) {
      const saved = await fetch('/api/v1/media/' + id, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: 'Bearer fixture-token' }, body: JSON.stringify({ description: alt }) });
      if (!saved.ok) throw new Error('HTTP ' + saved.status);
    }
    return { id, alt };
  }`,
  bluesky: `async (file, alt) => ({ file, alt })`,
  // Instagram's and Threads' web clients: the raw file to /rupload_igphoto/fb_uploader_<upload_id>, the
  // upload_id (the client's choice, a millisecond time) in X-Instagram-Rupload-Params; the post names it.
  instagram: RUPLOAD,
  threads: RUPLOAD,
};

/** The request each platform's web client sends for a post (or a reply, when a target is given), with the attachments. */
const POSTERS: Record<'x' | 'mastodon' | 'mastodonPoll' | 'bluesky' | 'forum' | 'instagram' | 'threads', string> = {
  x: `async (text, replyTo, media = []) => {
    for (const item of media) {
      if (!item.alt) continue;
      await fetch('/i/api/1.1/media/metadata/create.json', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ media_id: item.id, alt_text: { text: item.alt } }) });
    }
    const variables = { tweet_text: text, dark_request: false, media: { media_entities: media.map((item) => ({ media_id: item.id, tagged_users: [] })), possibly_sensitive: false }, semantic_annotation_ids: [], disallowed_reply_options: null };
    if (replyTo) variables.reply = { in_reply_to_tweet_id: replyTo, exclude_reply_user_ids: [] };
    const response = await fetch('/i/api/graphql/oB-5XsHNAbjvARJEc8CZFw/CreateTweet', {
      method: 'POST', credentials: 'include', signal: window.sending.signal,
      headers: { 'content-type': 'application/json', 'x-twitter-auth-type': 'OAuth2Session', 'x-csrf-token': 'fixture-csrf' },
      body: JSON.stringify({ variables, features: { communities_web_enable_tweet_community_results_fetch: true, responsive_web_edit_tweet_api_enabled: true, longform_notetweets_consumption_enabled: true }, queryId: 'oB-5XsHNAbjvARJEc8CZFw' }),
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  mastodon: `async (text, replyTo, media = []) => {
    const response = await fetch('/api/v1/statuses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer fixture-token', 'idempotency-key': String(Date.now()) },
      body: JSON.stringify({ status: text, in_reply_to_id: replyTo || null, media_ids: media.map((item) => item.id), sensitive: false, spoiler_text: '', visibility: 'public', poll: null, language: 'en' }),
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
  // Instagram's web configure: form fields, the alt text as custom_accessibility_caption.
  instagram: `async (text, replyTo, media = []) => {
    const body = new URLSearchParams({ caption: text, upload_id: media[0] ? media[0].id : '', custom_accessibility_caption: media[0] ? media[0].alt : '', source_type: 'library', disable_comments: '0' });
    const response = await fetch('/api/v1/media/configure/', { method: 'POST', headers: { 'x-csrftoken': 'fixture-csrf', 'x-ig-app-id': '936619743392459' }, body, signal: window.sending.signal });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  threads: `async (text, replyTo, media = []) => {
    const body = new URLSearchParams({ caption: text, upload_id: media[0] ? media[0].id : '', text_post_app_info: JSON.stringify({ reply_control: 0 }), publish_mode: 'text_post' });
    const response = await fetch('/api/v1/media/configure_text_post_app_feed/', { method: 'POST', headers: { 'x-csrftoken': 'fixture-csrf', 'x-ig-app-id': '238260118697367' }, body, signal: window.sending.signal });
    if (!response.ok) throw new Error('HTTP ' + response.status);
  }`,
  bluesky: `async (text, replyTo, media = []) => {
    await window.bskyPost(text, replyTo ? { uri: replyTo, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' } : undefined, media);
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
${UPLOADERS[platform] ? '<label>Alt text <input id="alt"></label> <input type="file" id="media" accept="image/*,video/*">' : ''}
<button id="post">Post</button>
<button id="abort">Stop sending</button>
<div id="status" role="status"></div>
<script>
const send = ${POSTERS[platform]};
const upload = ${UPLOADERS[platform] ?? 'null'};
// Attached files, as the post will name them (media ids, or files Bluesky uploads when posting).
window.attached = [];
document.getElementById('media')?.addEventListener('change', async (event) => {
  const status = document.getElementById('status');
  status.textContent = 'Uploading…';
  try {
    for (const file of event.target.files) window.attached.push(await upload(file, document.getElementById('alt').value));
    status.textContent = 'Attached ' + window.attached.length + '.';
  } catch (error) {
    status.textContent = 'Upload failed.';
    status.dataset.error = String(error && error.message || error);
  }
});
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
    await send(composer.value, document.getElementById('reply-to').value.trim(), window.attached);
    composer.value = '';
    window.attached = [];
    status.textContent = 'Your post was sent.';
    delete status.dataset.error;
  } catch (error) {
    status.textContent = 'Something went wrong. Your draft is still here.';
    status.dataset.error = String(error && error.message || error);
  }
});
</script></body></html>`;
}
