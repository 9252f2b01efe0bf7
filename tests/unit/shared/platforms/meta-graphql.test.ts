// Facebook, Instagram and Threads GraphQL: decided by what the server runs (doc_id); unknown mutations carrying user text are held.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import { feedbackTarget } from '../../../../shared/platforms/facebook.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>): Uint8Array => new TextEncoder().encode(new URLSearchParams(fields).toString());
const post = (url: string, fields: Record<string, string>) => classify({ method: 'POST', url, headers: FORM, body: form(fields) });
const FB = 'https://www.facebook.com/api/graphql/';
const commentVars = JSON.stringify({ input: { feedback_id: btoa('feedback:1234567890123456_987654321'), message: { text: 'Thanks!' } } });

describe('Facebook doc_id', () => {
  it('holds a known comment doc_id even when the label says "reaction"', () => {
    const result = post(FB, { av: '1', fb_api_req_friendly_name: 'CometUFIFeedbackReactMutation', variables: commentVars, doc_id: '6993516810709754' });
    expect(result).toMatchObject({ gated: true, platform: 'facebook', action: 'reply', parts: [{ text: 'Thanks!', replyToId: '1234567890123456_987654321' }] });
  });
  it('passes a known harmless doc_id', () => {
    expect(
      post(FB, { fb_api_req_friendly_name: 'CometUFIFeedbackReactMutation', variables: '{"input":{"feedback_reaction_id":"1"}}', doc_id: '5494309793948992' })
        .gated,
    ).toBe(false);
  });
  it('holds an unknown mutation whose variables carry user text, with the text and what it was', () => {
    const result = post(FB, {
      fb_api_req_friendly_name: 'CometGroupDiscussionRootSuccessMutation',
      variables: '{"input":{"composer_entry_point":"x","message":{"text":"Hello group"}}}',
      doc_id: '999',
    });
    expect(result).toMatchObject({
      gated: true,
      platform: 'facebook',
      readable: false,
      unreadableReason: 'unrecognised-request',
      parts: [{ text: 'Hello group' }],
    });
    expect(result.gated && result.details).toContainEqual({ key: 'unrecognisedRequest', value: 'CometGroupDiscussionRootSuccessMutation (doc_id 999)' });
  });
  it('passes an unknown mutation with no user text, and a labelled read of a search text', () => {
    expect(post(FB, { fb_api_req_friendly_name: 'CometNotificationsMarkSeenMutation', variables: '{"input":{"id":"1"}}', doc_id: '998' }).gated).toBe(false);
    expect(post(FB, { fb_api_req_friendly_name: 'SearchCometResultsInitialResultsQuery', variables: '{"args":{"text":"shoes"}}', doc_id: '997' }).gated).toBe(
      false,
    );
  });
  it('names who posts from av / __user', () => {
    const result = post(FB, {
      av: '61550000000001',
      __user: '100004848287494',
      fb_api_req_friendly_name: 'useCometUFICreateCommentMutation',
      variables: commentVars,
      doc_id: '1',
    });
    expect(result).toMatchObject({ gated: true, identity: 'facebook:61550000000001' });
    expect(result.gated && result.details).toContainEqual({ key: 'actingAs', value: '61550000000001 (logged in as 100004848287494)' });
  });
  it('decodes feedback_id to <post> or <post>_<comment>', () => {
    expect(feedbackTarget(btoa('feedback:123'))).toBe('123');
    expect(feedbackTarget(btoa('feedback:123_456'))).toBe('123_456');
    expect(feedbackTarget('not base64!')).toBe('not base64!');
  });
  it('reads /api/graphqlbatch/ queries', () => {
    const queries = JSON.stringify({ o0: { doc_id: '28939050904374351', query_params: { input: { message: { text: 'Batched post' } } } } });
    expect(post('https://www.facebook.com/api/graphqlbatch/', { batch_name: 'Composer', queries })).toMatchObject({
      gated: true,
      platform: 'facebook',
      action: 'post',
      parts: [{ text: 'Batched post' }],
    });
    const harmless = JSON.stringify({ o0: { doc_id: '5494309793948992', query_params: {} } });
    expect(post('https://www.facebook.com/api/graphqlbatch/', { queries: harmless }).gated).toBe(false);
  });
});

describe('Instagram and Threads GraphQL', () => {
  for (const url of [
    'https://www.instagram.com/api/graphql',
    'https://www.instagram.com/graphql/query',
    'https://www.threads.net/api/graphql',
    'https://www.threads.com/graphql/query',
  ]) {
    it(`${url}: holds an unknown mutation carrying a caption or comment text`, () => {
      const result = post(url, { fb_api_req_friendly_name: 'SomeNewCreateMutation', variables: '{"input":{"caption":"New drop"}}', doc_id: '42' });
      expect(result).toMatchObject({ gated: true, readable: false, parts: [{ text: 'New drop' }] });
      expect(result.gated && result.details).toContainEqual({ key: 'unrecognisedRequest', value: 'SomeNewCreateMutation (doc_id 42)' });
    });
    it(`${url}: passes reads and text-free mutations`, () => {
      expect(post(url, { fb_api_req_friendly_name: 'PolarisProfilePageContentQuery', variables: '{"id":"1"}', doc_id: '43' }).gated).toBe(false);
      expect(post(url, { fb_api_req_friendly_name: 'usePolarisLikeMediaMutation', variables: '{"media_id":"1"}', doc_id: '44' }).gated).toBe(false);
    });
  }
});
