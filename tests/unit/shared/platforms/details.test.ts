// The dialog shows everything that goes out: content warnings, polls, visibility, schedule, subreddit and title, DM recipients, who posts.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import type { Classification, OutgoingRequest, PostDetail } from '../../../../shared/gate/types.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const json = (url: string, body: unknown, headers: Record<string, string> = {}): OutgoingRequest => ({
  method: 'POST',
  url,
  headers: { ...JSON_TYPE, ...headers },
  body: enc(JSON.stringify(body)),
});
const form = (url: string, fields: Array<[string, string]>): OutgoingRequest => ({
  method: 'POST',
  url,
  headers: FORM,
  body: enc(new URLSearchParams(fields).toString()),
});
const details = (c: Classification): PostDetail[] => (c.gated ? (c.details ?? []) : []);
const partDetails = (c: Classification, i = 0): PostDetail[] => (c.gated ? (c.parts[i]?.details ?? []) : []);

describe('Mastodon', () => {
  it('shows the content warning, each poll option, the visibility and the scheduled time (JSON)', () => {
    const result = classify(
      json('https://hachyderm.io/api/v1/statuses', {
        status: 'Results inside',
        spoiler_text: 'election talk',
        visibility: 'unlisted',
        scheduled_at: '2026-12-24T09:00:00.000Z',
        poll: { options: ['Yes', 'No', 'Maybe'], expires_in: 86400 },
      }),
    );
    expect(result).toMatchObject({ gated: true, action: 'schedule', parts: [{ text: 'Results inside' }] });
    expect(partDetails(result)).toEqual([
      { key: 'contentWarning', value: 'election talk' },
      { key: 'pollOption', value: 'Yes' },
      { key: 'pollOption', value: 'No' },
      { key: 'pollOption', value: 'Maybe' },
    ]);
    expect(details(result)).toEqual([
      { key: 'visibility', value: 'unlisted' },
      { key: 'scheduledAt', value: '2026-12-24T09:00:00.000Z' },
    ]);
  });
  it('reads poll options and the warning from a form body too', () => {
    const result = classify(
      form('https://hachyderm.io/api/v1/statuses', [
        ['status', 'Vote'],
        ['spoiler_text', 'cw'],
        ['poll[options][]', 'A'],
        ['poll[options][]', 'B'],
        ['poll[expires_in]', '300'],
        ['visibility', 'private'],
      ]),
    );
    expect(partDetails(result)).toEqual([
      { key: 'contentWarning', value: 'cw' },
      { key: 'pollOption', value: 'A' },
      { key: 'pollOption', value: 'B' },
    ]);
    expect(details(result)).toEqual([{ key: 'visibility', value: 'private' }]);
  });
  it('shows a direct post as a message with its visibility', () => {
    const result = classify(json('https://hachyderm.io/api/v1/statuses', { status: '@ann hi', visibility: 'direct' }));
    expect(result).toMatchObject({ gated: true, action: 'message' });
    expect(details(result)).toEqual([{ key: 'visibility', value: 'direct' }]);
  });
  it('Misskey: cw, poll choices, visibility', () => {
    const result = classify(json('https://misskey.io/api/notes/create', { text: 'hi', cw: 'spoilers', poll: { choices: ['x', 'y'] }, visibility: 'home' }));
    expect(partDetails(result)).toEqual([
      { key: 'contentWarning', value: 'spoilers' },
      { key: 'pollOption', value: 'x' },
      { key: 'pollOption', value: 'y' },
    ]);
    expect(details(result)).toEqual([{ key: 'visibility', value: 'home' }]);
  });
});

describe('Reddit', () => {
  it('a submission shows its subreddit and title', () => {
    const result = classify(
      form('https://oauth.reddit.com/api/submit', [
        ['sr', 'typescript'],
        ['kind', 'self'],
        ['title', 'A title'],
        ['text', 'The body'],
      ]),
    );
    expect(result).toMatchObject({ gated: true, action: 'post', parts: [{ text: 'A title\n\nThe body' }] });
    expect(details(result)).toEqual([
      { key: 'community', value: 'r/typescript' },
      { key: 'title', value: 'A title' },
    ]);
  });
  it('a private message shows its recipient', () => {
    const result = classify(
      form('https://oauth.reddit.com/api/compose', [
        ['to', 'some_user'],
        ['subject', 'Hello'],
        ['text', 'Body'],
      ]),
    );
    expect(result).toMatchObject({ gated: true, action: 'message' });
    expect(details(result)).toEqual([
      { key: 'recipient', value: 'u/some_user' },
      { key: 'title', value: 'Hello' },
    ]);
  });
  it('an answer to a private message (t4_) is a message, not a reply', () => {
    const result = classify(
      form('https://oauth.reddit.com/api/comment', [
        ['thing_id', 't4_2abcd'],
        ['text', 'Thanks'],
      ]),
    );
    expect(result).toMatchObject({ gated: true, action: 'message', parts: [{ replyToId: 't4_2abcd' }] });
    expect(
      classify(
        form('https://oauth.reddit.com/api/comment', [
          ['thing_id', 't1_xyz'],
          ['text', 'Thanks'],
        ]),
      ),
    ).toMatchObject({ action: 'reply' });
  });
});

describe('direct message recipients', () => {
  it('X: the conversation', () => {
    const result = classify(json('https://x.com/i/api/1.1/dm/new2.json', { conversation_id: '123-456', text: 'hi', request_id: 'r' }));
    expect(details(result)).toEqual([{ key: 'recipient', value: '123-456' }]);
  });
  it('Bluesky chat: the convo, for each message of a batch', () => {
    const result = classify(json('https://api.bsky.chat/xrpc/chat.bsky.convo.sendMessage', { convoId: '3kabc', message: { text: 'hi' } }));
    expect(details(result)).toEqual([{ key: 'recipient', value: '3kabc' }]);
    const batch = classify(
      json('https://api.bsky.chat/xrpc/chat.bsky.convo.sendMessageBatch', {
        items: [
          { convoId: 'c1', message: { text: 'a' } },
          { convoId: 'c2', message: { text: 'b' } },
        ],
      }),
    );
    expect(partDetails(batch, 0)).toEqual([{ key: 'recipient', value: 'c1' }]);
    expect(partDetails(batch, 1)).toEqual([{ key: 'recipient', value: 'c2' }]);
  });
  it('LinkedIn: the conversation or recipients, and the mailbox it is sent from', () => {
    const result = classify(
      json('https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage', {
        message: { body: { text: 'hi' } },
        mailboxUrn: 'urn:li:fsd_profile:ME',
        hostRecipientUrns: ['urn:li:fsd_profile:YOU'],
      }),
    );
    expect(details(result)).toEqual([
      { key: 'recipient', value: 'urn:li:fsd_profile:YOU' },
      { key: 'actingAs', value: 'urn:li:fsd_profile:ME' },
    ]);
  });
  it('Instagram: the thread or users', () => {
    const result = classify(
      form('https://i.instagram.com/api/v1/direct_v2/threads/broadcast/text/', [
        ['text', 'hi'],
        ['thread_ids', '["340282366841710300949128100000000000000"]'],
      ]),
    );
    expect(details(result)).toEqual([{ key: 'recipient', value: '340282366841710300949128100000000000000' }]);
  });
});

describe('reply targets and who posts', () => {
  it('Instagram: a reply to a comment names the comment', () => {
    const result = classify(
      form('https://www.instagram.com/api/v1/web/comments/3300000000000000001/add/', [
        ['comment_text', '@ann thanks'],
        ['replied_to_comment_id', '17900000000000001'],
      ]),
    );
    expect(result).toMatchObject({ gated: true, action: 'reply', parts: [{ replyToId: '17900000000000001' }] });
  });
  it('LinkedIn: the author URN names who posts', () => {
    const result = classify(
      json('https://api.linkedin.com/rest/posts', {
        author: 'urn:li:organization:5515715',
        commentary: 'hi',
        visibility: 'PUBLIC',
        lifecycleState: 'PUBLISHED',
      }),
    );
    expect(result).toMatchObject({ gated: true, identity: 'linkedin:urn:li:organization:5515715' });
    expect(details(result)).toEqual([
      { key: 'actingAs', value: 'urn:li:organization:5515715' },
      { key: 'visibility', value: 'PUBLIC' },
    ]);
  });
  it('X: the delegated account in x-act-as-user-id', () => {
    const result = classify(json('https://x.com/i/api/graphql/abc/CreateTweet', { variables: { tweet_text: 'hi' } }, { 'x-act-as-user-id': '783214' }));
    expect(result).toMatchObject({ gated: true, identity: 'x:783214' });
    expect(details(result)).toEqual([{ key: 'actingAs', value: 'x:783214' }]);
    expect(classify(json('https://x.com/i/api/graphql/abc/CreateTweet', { variables: { tweet_text: 'hi' } }))).toMatchObject({ identity: null });
  });
  it('Bluesky: a repo given as a handle is no identity to compare (never a mismatch that cannot be confirmed)', () => {
    const record = { collection: 'app.bsky.feed.post', record: { text: 'hi', createdAt: '2026-01-01T00:00:00Z' } };
    expect(classify(json('https://bsky.social/xrpc/com.atproto.repo.createRecord', { ...record, repo: 'did:plc:abc' }))).toMatchObject({
      identity: 'did:plc:abc',
    });
    const byHandle = classify(json('https://bsky.social/xrpc/com.atproto.repo.createRecord', { ...record, repo: 'brand.bsky.social' }));
    expect(byHandle).toMatchObject({ gated: true, identity: null });
    expect(details(byHandle)).toEqual([{ key: 'actingAs', value: 'brand.bsky.social' }]);
  });
});

describe('scheduled times', () => {
  it('X CreateScheduledTweet shows when it goes out (execute_at)', () => {
    const result = classify(
      json('https://x.com/i/api/graphql/LCVzRQGxOaGnOnYH01NQXg/CreateScheduledTweet', {
        variables: { post_tweet_request: { status: 'Tomorrow', media_ids: [] }, execute_at: 1893456000 },
      }),
    );
    expect(result).toMatchObject({ gated: true, action: 'schedule' });
    expect(details(result)).toEqual([{ key: 'scheduledAt', value: '2030-01-01T00:00:00.000Z' }]);
  });
  it('LinkedIn voyager shares show their scheduled time', () => {
    const result = classify(
      json('https://www.linkedin.com/voyager/api/contentcreation/normShares', { commentary: { text: 'Soon' }, scheduledAt: 1893456000000 }),
    );
    expect(result).toMatchObject({ gated: true, action: 'schedule' });
    expect(details(result)).toEqual([{ key: 'scheduledAt', value: '2030-01-01T00:00:00.000Z' }]);
  });
});

describe('content warnings and recipients elsewhere', () => {
  it("Bluesky self-labels are the post's content warning", () => {
    const result = classify(
      json('https://bsky.social/xrpc/com.atproto.repo.createRecord', {
        repo: 'did:plc:a',
        collection: 'app.bsky.feed.post',
        record: { text: 'gore', labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'graphic-media' }] } },
      }),
    );
    expect(partDetails(result)).toEqual([{ key: 'contentWarning', value: 'graphic-media' }]);
  });
  it('Misskey specified notes name their recipients', () => {
    const result = classify(json('https://misskey.io/api/notes/create', { text: 'psst', visibility: 'specified', visibleUserIds: ['9abc', '9def'] }));
    expect(result).toMatchObject({ gated: true, action: 'message' });
    expect(details(result)).toEqual([
      { key: 'visibility', value: 'specified' },
      { key: 'recipient', value: '9abc' },
      { key: 'recipient', value: '9def' },
    ]);
  });
});
