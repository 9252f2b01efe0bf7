// The webRequest dispatcher against the Electron fake: one listener per event, filters, bodies read only when a rule could match.
import { describe, expect, it, vi } from 'vitest';
import type { OutgoingRequest } from '../../../shared/gate/types.ts';
import type { ReadRequest } from '../../../electron/main/services/gate/bounded-read.ts';
import type { CompletedRequest } from '../../../electron/main/services/request-gate.ts';
import { storedAccount } from '../services/accounts/fixtures.ts';
import { ElectronFake, type FakeSession } from './electron-fake.ts';

const holder = vi.hoisted(() => ({ fake: null as unknown }));
vi.mock('electron', () => (holder.fake as ElectronFake).module);
holder.fake = new ElectronFake();
const fake = holder.fake as ElectronFake;

const { accountSession } = await import('../../../electron/main/shell/account-session.ts');

function recordingGate(options: { mightPublish?: (method: string, url: string) => boolean; verdict?: 'continue' | 'cancel' } = {}) {
  const seen: Array<{ requestId: string; request: OutgoingRequest }> = [];
  const errors: Array<{ requestId: string; error: string }> = [];
  const asked: string[] = [];
  const completions: Array<{ requestId: string; statusCode: number; seen: CompletedRequest }> = [];
  return {
    seen,
    errors,
    asked,
    completions,
    intercept: async (_accountId: string, requestId: string, request: OutgoingRequest) => {
      seen.push({ requestId, request });
      return options.verdict ?? 'continue';
    },
    // The dispatcher reads the body inside the gate's timeout; this gate just runs the read.
    interceptRead: async (_accountId: string, requestId: string, read: () => Promise<ReadRequest>) => {
      const { request } = await read();
      seen.push({ requestId, request });
      return options.verdict ?? 'continue';
    },
    completed(requestId: string, statusCode: number, seen: CompletedRequest) {
      completions.push({ requestId, statusCode, seen });
    },
    failed(requestId: string, error: string) {
      errors.push({ requestId, error });
    },
    mightPublish: (method: string, url: string) => {
      asked.push(`${method} ${url}`);
      return options.mightPublish?.(method, url) ?? true;
    },
  };
}

let n = 10;
function session(gate: ReturnType<typeof recordingGate>): FakeSession {
  const account = storedAccount(n++);
  return accountSession(
    account,
    () => account,
    gate,
    () => 'en',
  ) as unknown as FakeSession;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the webRequest dispatcher', () => {
  it('registers one listener per event, once per partition (a second registration would replace the first)', () => {
    const gate = recordingGate();
    const account = storedAccount(90);
    const ses = accountSession(
      account,
      () => account,
      gate,
      () => 'en',
    ) as unknown as FakeSession;
    accountSession(
      account,
      () => account,
      gate,
      () => 'en',
    );
    expect([...ses.webRequest.listeners.keys()].sort()).toEqual(['onBeforeRequest', 'onBeforeSendHeaders', 'onCompleted', 'onErrorOccurred']);
    expect(ses.webRequest.registrations).toBe(4);
  });

  it('keeps images, fonts and media out of main-process JavaScript; sees fetch, forms and beacons', async () => {
    const gate = recordingGate();
    const ses = session(gate);
    for (const resourceType of ['image', 'font', 'media', 'stylesheet', 'script']) {
      expect(await ses.webRequest.request({ id: 1, url: 'https://x.com/a.png', method: 'GET', resourceType })).toBe('not-seen');
    }
    for (const resourceType of ['xhr', 'mainFrame', 'subFrame', 'ping']) {
      expect(await ses.webRequest.request({ id: 2, url: 'https://x.com/i/api/graphql/abc/CreateTweet', method: 'POST', resourceType })).toEqual({
        cancel: false,
      });
    }
  });

  it('reads a body only for URLs a rule could match', async () => {
    const gate = recordingGate({ mightPublish: (_method, url) => url.includes('/statuses') });
    const ses = session(gate);
    ses.blobs.set('blob-1', bytes('{"status":"hi"}'));
    const uploadData = [{ type: 'blob', blobUUID: 'blob-1' }];
    await ses.webRequest.request({ id: 3, url: 'https://analytics.example/collect', method: 'POST', resourceType: 'xhr', uploadData });
    await ses.webRequest.request({ id: 4, url: 'https://mastodon.social/api/v1/statuses', method: 'POST', resourceType: 'xhr', uploadData });
    expect(gate.seen.map((s) => s.request.body && new TextDecoder().decode(s.request.body))).toEqual([null, '{"status":"hi"}']);
  });

  it('cancels when the gate says cancel, and when reading the body fails', async () => {
    const ses = session(recordingGate({ verdict: 'cancel' }));
    expect(
      await ses.webRequest.request({
        id: 5,
        url: 'https://mastodon.social/api/v1/statuses',
        method: 'POST',
        resourceType: 'xhr',
        uploadData: [{ bytes: bytes('x') }],
      }),
    ).toEqual({ cancel: true });
    const gate = recordingGate();
    const broken = session(gate);
    const answer = await broken.webRequest.request({
      id: 6,
      url: 'https://mastodon.social/api/v1/statuses',
      method: 'POST',
      resourceType: 'xhr',
      uploadData: [{ type: 'blob', blobUUID: 'missing' }],
    });
    expect(answer).toEqual({ cancel: false });
    // The blob could not be read: the gate got the request marked unreadable (and fails closed on a matched endpoint).
    expect(gate.seen.at(-1)?.request.bodyUnreadable).toBe(true);
  });

  it('passes a held request the page aborted to the gate (onErrorOccurred, net::ERR_ABORTED)', async () => {
    const gate = recordingGate();
    const ses = session(gate);
    ses.webRequest.abort({ id: 7, url: 'https://mastodon.social/api/v1/statuses', resourceType: 'xhr' });
    expect(gate.errors).toEqual([{ requestId: '7', error: 'net::ERR_ABORTED' }]);
  });

  it('tells the gate which session completed which request, GETs and page loads included (it learns Fediverse hosts from them)', () => {
    const gate = recordingGate();
    const account = storedAccount(77);
    const ses = accountSession(
      account,
      () => account,
      gate,
      () => 'en',
    ) as unknown as FakeSession;
    ses.webRequest.complete({ id: 11, url: 'https://social.example/api/v2/instance', method: 'GET', resourceType: 'xhr', statusCode: 200 });
    ses.webRequest.complete({ id: 12, url: 'https://misskey.example/api/meta', method: 'POST', resourceType: 'xhr', statusCode: 200 });
    ses.webRequest.complete({ id: 13, url: 'https://social.example/.well-known/nodeinfo', method: 'GET', resourceType: 'mainFrame', statusCode: 200 });
    expect(gate.completions).toEqual([
      { requestId: '11', statusCode: 200, seen: { accountId: account.id, method: 'GET', url: 'https://social.example/api/v2/instance' } },
      { requestId: '12', statusCode: 200, seen: { accountId: account.id, method: 'POST', url: 'https://misskey.example/api/meta' } },
      { requestId: '13', statusCode: 200, seen: { accountId: account.id, method: 'GET', url: 'https://social.example/.well-known/nodeinfo' } },
    ]);
  });

  it('answers GET at once without asking the gate', async () => {
    const gate = recordingGate();
    const ses = session(gate);
    expect(await ses.webRequest.request({ id: 8, url: 'https://x.com/home', method: 'GET', resourceType: 'mainFrame' })).toEqual({ cancel: false });
    expect(gate.seen).toEqual([]);
  });

  it('rejects the "other" type in a filter, as Electron does', () => {
    expect(() => fake.session.fromPartition('p').webRequest.onBeforeRequest({ urls: ['<all_urls>'], types: ['other'] }, () => undefined)).toThrow(
      'Invalid type other',
    );
  });
});
