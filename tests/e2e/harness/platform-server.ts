// A local HTTPS "platform": serves the app renderer (app.test) and fixture sites for X, Mastodon, Bluesky, Instagram and Threads,
// and records every request it receives, byte for byte.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { rawBlobCid } from '../../../shared/gate/media/cid.ts';
import { composerPage } from '../pages/composer-page.ts';
import { presenceHomePage, signInPage } from '../pages/presence-page.ts';
import { E2E_DIR, RENDERER_DIR } from './paths.ts';

export interface ReceivedRequest {
  host: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface PlatformServer {
  port: number;
  received: ReceivedRequest[];
  /** Requests whose path is a publishing endpoint of the fixture sites. */
  posts(): ReceivedRequest[];
  url(host: string, path: string): string;
  close(): Promise<void>;
}

const PUBLISHING = /\/CreateTweet$|^\/api\/v1\/statuses$|createRecord$|^\/api\/posts\/new$|^\/api\/v1\/media\/configure(_text_post_app_feed)?\/$/;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const jwtPart = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const FAKE_JWT = `${jwtPart({ alg: 'HS256', typ: 'at+jwt' })}.${jwtPart({ scope: 'com.atproto.access', sub: 'did:plc:brand123', exp: 4102444800 })}.c2ln`;

export async function startPlatformServer(): Promise<PlatformServer> {
  const received: ReceivedRequest[] = [];
  let tid = 0;
  const server: Server = createServer({ key: readFileSync(join(E2E_DIR, 'key.pem')), cert: readFileSync(join(E2E_DIR, 'cert.pem')) }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const method = request.method ?? 'GET';
      if (method !== 'GET' || host !== 'app.test') received.push({ host, method, path, headers: request.headers, body: Buffer.concat(chunks) });
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        response.end(JSON.stringify(value));
      };
      const html = (body: string) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(body);
      };
      if (host === 'app.test') return serveFile(RENDERER_DIR, path === '/' ? '/index.html' : path, response);
      if (path.startsWith('/static/')) return serveFile(E2E_DIR, path.slice('/static'.length), response);
      if (host === 'upload.x.com' && path === '/i/media/upload.json') {
        // X's upload host answers the x.com page with credentials, so CORS names the origin.
        const query = new URL(request.url ?? '/', 'https://upload.x.com').searchParams;
        response.writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': String(request.headers.origin ?? '*'),
          'access-control-allow-credentials': 'true',
        });
        const command = query.get('command');
        const mediaId = command === 'INIT' ? String(1_866_000_000_000_000_000n + BigInt(++tid)) : (query.get('media_id') ?? '');
        return response.end(command === 'APPEND' ? '' : JSON.stringify({ media_id_string: mediaId, expires_after_secs: 86400 }));
      }
      if (host === 'x.com') {
        if (path === '/compose') return html(composerPage('x', 'X fixture'));
        if (path === '/home') return html(presenceHomePage('x'));
        if (path === '/i/flow/login') return html(signInPage('Log in to X / X'));
        // X names the signed-in user in the httpOnly twid cookie; logging out (here, or from another device) clears it.
        if (path === '/fixture/sign-in' || path === '/i/api/1.1/account/logout.json') {
          const signIn = path === '/fixture/sign-in';
          response.writeHead(200, {
            'content-type': 'application/json',
            'set-cookie': `twid=${signIn ? 'u%3D1700000000000000001' : ''}; Domain=x.com; Path=/; Secure; HttpOnly; SameSite=None${signIn ? '' : '; Max-Age=0'}`,
          });
          response.end('{}');
          return;
        }
        if (path === '/i/api/1.1/media/metadata/create.json') return json(200, {});
        if (PUBLISHING.test(path))
          return json(200, { data: { create_tweet: { tweet_results: { result: { rest_id: String(1_900_000_000_000_000_000n + BigInt(++tid)) } } } } });
      }
      if (host === 'mastodon.test') {
        if (path === '/compose') return html(composerPage('mastodon', 'Mastodon fixture'));
        if (path === '/compose-poll') return html(composerPage('mastodonPoll', 'Mastodon fixture (poll)'));
        if (path === '/home') return html(presenceHomePage('mastodon'));
        if (path === '/auth/sign_in') return html(signInPage('Log in - mastodon.test'));
        if (path === '/api/v2/media') return json(200, { id: String(114_000_000_000_000_000n + BigInt(++tid)), type: 'image' });
        if (method === 'PUT' && path.startsWith('/api/v1/media/')) return json(200, { id: path.split('/').pop(), type: 'image' });
        if (path === '/api/v1/statuses') return json(200, { id: String(113_000_000_000_000_000n + BigInt(++tid)) });
        // The instance probe Mastodon's web client makes on load: how a session shows it is on a Fediverse server.
        if (path === '/api/v2/instance') return json(200, { domain: 'mastodon.test', title: 'Mastodon fixture' });
      }
      if (host === 'forum.test') {
        if (path === '/compose') return html(composerPage('forum', 'Forum fixture'));
        if (path === '/api/posts/new') return json(200, { ok: true });
      }
      if (host === 'www.instagram.com' || host === 'www.threads.com') {
        const instagram = host === 'www.instagram.com';
        if (path === '/compose') return html(instagram ? composerPage('instagram', 'Instagram fixture') : composerPage('threads', 'Threads fixture'));
        // Meta's rupload answers with the upload_id the client chose (sent in X-Instagram-Rupload-Params).
        if (path.startsWith('/rupload_igphoto/')) {
          const params = JSON.parse(String(request.headers['x-instagram-rupload-params'] ?? '{}')) as { upload_id?: string };
          return json(200, { upload_id: params.upload_id ?? '', status: 'ok' });
        }
        if (PUBLISHING.test(path)) return json(200, { media: { pk: String(3_500_000_000_000_000_000n + BigInt(++tid)) }, status: 'ok' });
      }
      if (host === 'bsky.test') {
        if (path === '/compose') return html(composerPage('bluesky', 'Bluesky fixture'));
        if (path === '/home') return html(presenceHomePage('bluesky'));
        if (path === '/xrpc/com.atproto.server.createSession') {
          return json(200, { accessJwt: FAKE_JWT, refreshJwt: FAKE_JWT, handle: 'brand.bsky.test', did: 'did:plc:brand123', active: true });
        }
        if (path === '/xrpc/com.atproto.repo.uploadBlob') {
          const body = Buffer.concat(chunks);
          const cid = rawBlobCid(new Uint8Array(createHash('sha256').update(body).digest()));
          return json(200, {
            blob: { $type: 'blob', ref: { $link: cid }, mimeType: String(request.headers['content-type'] ?? 'application/octet-stream'), size: body.length },
          });
        }
        if (path === '/xrpc/com.atproto.repo.createRecord') {
          return json(200, {
            uri: `at://did:plc:brand123/app.bsky.feed.post/3l${String(++tid).padStart(11, '2')}`,
            cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm',
          });
        }
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    posts: () => received.filter((entry) => PUBLISHING.test(entry.path)),
    url: (host, path) => `https://${host}:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function serveFile(root: string, path: string, response: import('node:http').ServerResponse): void {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(normalize(root) + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = readFileSync(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
}
