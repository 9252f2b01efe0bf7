// A stand-in Electron release (zip + SHASUMS256.txt) served from a 127.0.0.1 mirror, the way @electron/get fetches the real one.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { crc32 } from 'node:zlib';

/** The fuse sentinel @electron/fuses looks for in a real Electron binary (constants.js in @electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse wire: version 1, the eight fuses @electron/fuses knows, in Electron's defaults (RunAsNode on, cookie encryption off, ...). */
const FUSE_WIRE = `\x01\x08${'10110001'}`;

/** The env variable naming the file the stand-in writes its arguments, working folder and environment to. */
export const RECORD_ENV = 'HATRACK_STAND_IN_RECORD';

/**
 * The stand-in `electron` executable: a shell script that records how it was launched and exits 0. It carries
 * a fuse wire after the sentinel on a comment line, so @electron/fuses can flip and read it as in a real binary.
 */
export function standInExecutable(): string {
  return [
    '#!/bin/sh',
    `# ${FUSE_SENTINEL}${FUSE_WIRE}`,
    `[ -n "$${RECORD_ENV}" ] || exit 0`,
    `{ printf 'cwd=%s\\n' "$PWD"; for a in "$@"; do printf 'arg=%s\\n' "$a"; done; env | sed 's/^/env=/'; } > "$${RECORD_ENV}"`,
    'exit 0',
    '',
  ].join('\n');
}

/** What the stand-in recorded about its launch. */
export interface LaunchRecord {
  cwd: string;
  args: string[];
  env: Record<string, string>;
}

/** Parses the stand-in's record file. */
export function parseRecord(text: string): LaunchRecord {
  const record: LaunchRecord = { cwd: '', args: [], env: {} };
  for (const line of text.split('\n')) {
    if (line.startsWith('cwd=')) record.cwd = line.slice(4);
    else if (line.startsWith('arg=')) record.args.push(line.slice(4));
    else if (line.startsWith('env=')) {
      const [name = '', ...rest] = line.slice(4).split('=');
      record.env[name] = rest.join('=');
    }
  }
  return record;
}

interface ZipEntry {
  name: string;
  data: Buffer;
  mode: number;
}

/** A minimal stored (uncompressed) zip with Unix modes, so the extracted `electron` keeps its exec bit. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix: the external attributes carry the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((entry.mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The files of a Linux Electron release zip, with the stand-in in place of the binary. */
export function standInRelease(version: string): { fileName: string; zip: Buffer; shasums: string } {
  const fileName = `electron-v${version}-linux-x64.zip`;
  const archive = zip([
    { name: 'electron', data: Buffer.from(standInExecutable()), mode: 0o100755 },
    // As in the real zip: not setuid (a zip cannot carry the owner); the Linux pre-flight looks at it.
    { name: 'chrome-sandbox', data: Buffer.from('#!/bin/sh\nexit 1\n'), mode: 0o100755 },
    { name: 'version', data: Buffer.from(version), mode: 0o100644 },
    { name: 'LICENSE', data: Buffer.from('Stand-in for Electron, MIT\n'), mode: 0o100644 },
    { name: 'resources/default_app.asar', data: Buffer.from('not an asar'), mode: 0o100644 },
  ]);
  const sum = createHash('sha256').update(archive).digest('hex');
  return { fileName, zip: archive, shasums: `${sum} *${fileName}\n` };
}

/** A mirror on 127.0.0.1 serving `/v<version>/<zip>` and `/v<version>/SHASUMS256.txt`, and remembering what was asked. */
export interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Starts the mirror for `version`; `ELECTRON_MIRROR` is its `url` (with the trailing slash @electron/get expects). */
export async function startMirror(version: string): Promise<Mirror> {
  const release = standInRelease(version);
  const requests: string[] = [];
  const files = new Map<string, Buffer>([
    [`/v${version}/${release.fileName}`, release.zip],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(release.shasums)],
  ]);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A 127.0.0.1 port that nothing listens on (bound, then closed), for the offline case. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An HTTP proxy on 127.0.0.1 that tunnels CONNECT requests (as corporate proxies do, and as Node's env proxy asks). */
export interface Proxy {
  url: string;
  /** The host:port of every tunnel asked for. */
  tunnels: string[];
  close(): Promise<void>;
}

/** Starts the proxy; it only ever connects to 127.0.0.1, whatever host the tunnel names. */
export async function startProxy(): Promise<Proxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    tunnels.push(target);
    sockets.add(client);
    const upstream = connect(Number(target.split(':').pop()), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
