// The webRequest dispatcher: body and headers joined by request id, reads bounded, aborts and blocked sockets handled.
import { describe, expect, it } from 'vitest';
import { defaultGatePolicy } from '../../../../shared/accounts/account.ts';
import type { OutgoingRequest } from '../../../../shared/gate/types.ts';
import type { ReadRequest } from '../../../../electron/main/services/gate/bounded-read.ts';
import { WebRequestDispatch, type SessionReader } from '../../../../electron/main/services/gate/web-request-dispatch.ts';
import type { RequestGate } from '../../../../electron/main/services/request-gate.ts';
import { assembleBody } from '../../../../electron/main/services/gate/upload-body.ts';
import { account, flush, harness, post, track } from './fixtures.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A gate that records what reached it and answers 'continue'. */
class RecordingGate implements RequestGate {
  reads: Array<{ requestId: string; value: ReadRequest }> = [];
  failures: Array<[string, string]> = [];
  intercept(): Promise<'continue'> {
    return Promise.resolve('continue');
  }
  async interceptRead(_accountId: string, requestId: string, read: () => Promise<ReadRequest>): Promise<'continue'> {
    this.reads.push({ requestId, value: await read() });
    return 'continue';
  }
  completed(): void {}
  failed(requestId: string, error: string): void {
    this.failures.push([requestId, error]);
  }
}

const noSession: SessionReader = { getBlobData: () => Promise.reject(new Error('no blobs')), cookie: () => Promise.resolve(null) };
const brand = account({ id: 'a1' });

describe('WebRequestDispatch: joining body and headers', () => {
  it('gives the gate the body from onBeforeRequest and the headers from onBeforeSendHeaders, by request id', async () => {
    const gate = new RecordingGate();
    const dispatch = new WebRequestDispatch('a1', () => brand, gate, noSession);
    const url = 'https://mastodon.example/api/v1/statuses';
    await expect(
      dispatch.beforeRequest({ id: 7, method: 'POST', url, resourceType: 'xhr', uploadData: [{ bytes: enc.encode('{"status":"hi"}') }] }),
    ).resolves.toEqual({ cancel: false });
    // Another request in between must not take this one's body.
    await dispatch.beforeRequest({ id: 8, method: 'POST', url, resourceType: 'xhr', uploadData: [{ bytes: enc.encode('other') }] });
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer abc' };
    await expect(dispatch.beforeSendHeaders({ id: 7, method: 'POST', url, requestHeaders: headers })).resolves.toEqual({ cancel: false });
    const [read] = gate.reads;
    expect(read!.requestId).toBe('7');
    expect(read!.value.request.headers).toEqual(headers);
    expect(dec.decode(read!.value.request.body!)).toBe('{"status":"hi"}');
  });

  it('answers reads (GET) at once without involving the gate', async () => {
    const gate = new RecordingGate();
    const dispatch = new WebRequestDispatch('a1', () => brand, gate, noSession);
    await dispatch.beforeRequest({ id: 1, method: 'GET', url: 'https://x.com/home', resourceType: 'mainFrame' });
    await expect(dispatch.beforeSendHeaders({ id: 1, method: 'GET', url: 'https://x.com/home', requestHeaders: {} })).resolves.toEqual({ cancel: false });
    expect(gate.reads).toEqual([]);
  });

  it('reads the X twid cookie as the session identity', async () => {
    const gate = new RecordingGate();
    const session: SessionReader = { ...noSession, cookie: async (url, name) => (url === 'https://x.com' && name === 'twid' ? 'u%3D1234' : null) };
    const dispatch = new WebRequestDispatch('a1', () => brand, gate, session);
    const url = 'https://x.com/i/api/graphql/q/CreateTweet';
    await dispatch.beforeRequest({ id: 2, method: 'POST', url, resourceType: 'xhr', uploadData: [{ bytes: enc.encode('{}') }] });
    await dispatch.beforeSendHeaders({ id: 2, method: 'POST', url, requestHeaders: {} });
    expect(gate.reads[0]!.value.sessionIdentity).toBe('x:1234');
  });
});

describe('assembleBody (as the dispatcher reads a body)', () => {
  const timers = (getBlobData: (uuid: string) => Promise<Uint8Array>) => ({
    getBlobData,
    setTimeout,
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  it('keeps the text parts of a multipart body with a file part, in order, blobs included', async () => {
    const head =
      '--b\r\nContent-Disposition: form-data; name="status"\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n';
    const tail = '\r\n--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nworld\r\n--b--\r\n';
    const body = await assembleBody(
      [{ bytes: enc.encode(head) }, { file: '/tmp/a.png' }, { blobUUID: 'u1' }],
      timers(async () => enc.encode(tail)),
    );
    expect(body.unreadable).toBe(false);
    expect(dec.decode(body.bytes!)).toBe(head + tail);
  });

  it('calls a body made only of files unreadable, and an empty one absent', async () => {
    await expect(assembleBody([{ file: '/tmp/a.png' }], timers(noSession.getBlobData))).resolves.toMatchObject({ bytes: null, unreadable: true });
    await expect(assembleBody([], timers(noSession.getBlobData))).resolves.toMatchObject({ bytes: null, unreadable: false });
  });
});

describe('WebRequestDispatch with the real gate service', () => {
  const held = (): OutgoingRequest['body'] => enc.encode(JSON.stringify(post()));

  it('cancels with a reason when getBlobData stalls', async () => {
    const h = harness([brand]);
    h.settings.timeoutMs = 5_000;
    const stalled: SessionReader = { getBlobData: () => new Promise(() => undefined), cookie: async () => null };
    const dispatch = new WebRequestDispatch('a1', () => brand, h.gate, stalled);
    const url = 'https://example.test/post';
    await dispatch.beforeRequest({ id: 3, method: 'POST', url, resourceType: 'xhr', uploadData: [{ blobUUID: 'gone' }] });
    const result = track(dispatch.beforeSendHeaders({ id: 3, method: 'POST', url, requestHeaders: {} }));
    await flush();
    expect(result.settled()).toBe(false);
    h.clock.advance(5_000);
    await flush();
    expect(result.value).toEqual({ cancel: true });
    expect(h.audits[0]).toMatchObject({ requestId: '3', decision: 'failed-closed', reason: expect.stringMatching(/^read-timeout/) });
  });

  it('cancels with a reason when cookies.get stalls', async () => {
    const h = harness([brand]);
    h.settings.timeoutMs = 5_000;
    const stalled: SessionReader = { getBlobData: noSession.getBlobData, cookie: () => new Promise(() => undefined) };
    const dispatch = new WebRequestDispatch('a1', () => brand, h.gate, stalled);
    const url = 'https://x.com/i/api/graphql/q/CreateTweet';
    await dispatch.beforeRequest({ id: 4, method: 'POST', url, resourceType: 'xhr', uploadData: [{ bytes: held()! }] });
    const result = track(dispatch.beforeSendHeaders({ id: 4, method: 'POST', url, requestHeaders: {} }));
    h.clock.advance(5_000);
    await flush();
    expect(result.value).toEqual({ cancel: true });
    expect(h.audits[0]).toMatchObject({ decision: 'failed-closed', reason: expect.stringMatching(/^read-timeout/) });
  });

  it('takes a held request out of the queue when it errors, audited as aborted by the site', async () => {
    const h = harness([brand]);
    const dispatch = new WebRequestDispatch('a1', () => brand, h.gate, noSession);
    const url = 'https://example.test/post';
    await dispatch.beforeRequest({ id: 5, method: 'POST', url, resourceType: 'xhr', uploadData: [{ bytes: held()! }] });
    const result = track(dispatch.beforeSendHeaders({ id: 5, method: 'POST', url, requestHeaders: {} }));
    await flush();
    expect(h.gate.queue()).toHaveLength(1);
    dispatch.errorOccurred(5, 'net::ERR_ABORTED');
    await flush();
    expect(result.value).toEqual({ cancel: true });
    expect(h.gate.queue()).toEqual([]);
    expect(h.audits[0]).toMatchObject({ requestId: '5', decision: 'aborted' });
  });
});

describe('WebRequestDispatch: requests without an onBeforeSendHeaders', () => {
  it('decides a write to a scheme other than http(s) in onBeforeRequest, since no header event follows', async () => {
    const h = harness([brand]);
    const dispatch = new WebRequestDispatch('a1', () => brand, h.gate, noSession);
    const result = track(
      dispatch.beforeRequest({
        id: 9,
        method: 'POST',
        url: 'custom-scheme://host/post',
        resourceType: 'xhr',
        uploadData: [{ bytes: enc.encode(JSON.stringify(post())) }],
      }),
    );
    await flush();
    expect(result.settled()).toBe(false);
    expect(h.gate.queue()).toHaveLength(1);
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: false });
    await flush();
    expect(result.value).toEqual({ cancel: true });
  });
});

describe('WebRequestDispatch: channels the gate cannot read', () => {
  it('refuses the WebSocket handshake of a Facebook brand account that holds messages, and only that', async () => {
    const facebook = account({ id: 'f1', platform: 'facebook', startUrl: 'https://www.facebook.com/' });
    const personal = account({ id: 'f2', platform: 'facebook', kind: 'personal', gate: defaultGatePolicy('personal') });
    const gate = new RecordingGate();
    const brandDispatch = new WebRequestDispatch('f1', () => facebook, gate, noSession);
    await expect(brandDispatch.beforeRequest({ id: 1, method: 'GET', url: 'wss://edge-chat.facebook.com/chat', resourceType: 'webSocket' })).resolves.toEqual({
      cancel: true,
    });
    await expect(brandDispatch.beforeRequest({ id: 2, method: 'GET', url: 'https://www.facebook.com/', resourceType: 'mainFrame' })).resolves.toEqual({
      cancel: false,
    });
    const personalDispatch = new WebRequestDispatch('f2', () => personal, gate, noSession);
    await expect(
      personalDispatch.beforeRequest({ id: 3, method: 'GET', url: 'wss://edge-chat.facebook.com/chat', resourceType: 'webSocket' }),
    ).resolves.toEqual({ cancel: false });
  });

  it('refuses a socket handshake when the account cannot be read', async () => {
    const dispatch = new WebRequestDispatch(
      'f1',
      () => {
        throw new Error('store broken');
      },
      new RecordingGate(),
      noSession,
    );
    await expect(dispatch.beforeRequest({ id: 1, method: 'GET', url: 'wss://edge-chat.facebook.com/chat', resourceType: 'webSocket' })).resolves.toEqual({
      cancel: true,
    });
  });
});
