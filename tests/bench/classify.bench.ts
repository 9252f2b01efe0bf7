// Benchmarks the classifier against its budgets: cheap rejection of unrelated traffic, cheap extraction.
import { classify } from '../../shared/gate/classify.ts';
import type { OutgoingRequest } from '../../shared/gate/types.ts';

interface BenchResult {
  name: string;
  ratio: number;
  target: number;
  detail: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median over `rounds` of the time for `iterations` calls of `fn`, after a warm-up. */
function time(fn: () => void, iterations: number, rounds = 7): number {
  for (let i = 0; i < iterations; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const enc = new TextEncoder();

/** Unrelated traffic a session sends all day: reads, telemetry POSTs, likes, rule-like hosts with other paths. */
function unrelatedRequests(): OutgoingRequest[] {
  const urls = [
    'https://x.com/i/api/graphql/HJFjzBgCs16TqxewQOeLNg/HomeTimeline?variables=%7B%22count%22%3A20%7D',
    'https://x.com/i/api/graphql/lI07N6Otwv1PhnEgXILM7A/FavoriteTweet',
    'https://api.x.com/1.1/jot/client_event.json',
    'https://mastodon.social/api/v1/timelines/home?limit=20',
    'https://mastodon.social/api/v1/statuses/103270115826048975/favourite',
    'https://bsky.social/xrpc/app.bsky.feed.getTimeline?limit=30',
    'https://www.facebook.com/ajax/bz?__a=1',
    'https://www.linkedin.com/li/track',
    'https://www.youtube.com/youtubei/v1/log_event?alt=json',
    'https://www.reddit.com/svc/shreddit/events',
    'https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX',
    'https://static.cdninstagram.com/rsrc.php/v3/y7/r/abc.js',
  ];
  const body = enc.encode('{"events":[1,2,3]}');
  return urls.map((url, i) => ({ method: i % 3 === 0 ? 'GET' : 'POST', url, body: i % 3 === 0 ? null : body }));
}

/** A ~10 KB X CreateTweet body: long text, a large features object, string IDs. */
function bigCreateTweet(): string {
  const features: Record<string, boolean> = {};
  for (let i = 0; i < 160; i++) features[`responsive_web_feature_flag_number_${i}_enabled`] = i % 2 === 0;
  return JSON.stringify({
    variables: {
      tweet_text: 'Long post with unicode ✨ and newlines\n'.repeat(60),
      reply: { in_reply_to_tweet_id: '1790000000000000001', exclude_reply_user_ids: [] },
      dark_request: false,
      media: { media_entities: [{ media_id: '1790000000000000100', tagged_users: [] }], possibly_sensitive: false },
      semantic_annotation_ids: [],
    },
    features,
    queryId: 'SiM_cAu83R0wnrpmKQQSEw',
  });
}

/** Runs both measurements and returns their ratios (no assertions). */
export async function bench(): Promise<BenchResult[]> {
  const requests = unrelatedRequests();
  const urls = requests.map((r) => r.url);
  const loops = 1_800;
  let sink = 0;
  const classifyMs = time(() => {
    for (const r of requests) if (classify(r).gated) sink++;
  }, loops);
  const urlMs = time(() => {
    for (const u of urls) sink += new URL(u).pathname.length;
  }, loops);

  const text = bigCreateTweet();
  const bytes = enc.encode(text);
  const post: OutgoingRequest = { method: 'POST', url: 'https://x.com/i/api/graphql/SiM_cAu83R0wnrpmKQQSEw/CreateTweet', headers: { 'content-type': 'application/json' }, body: bytes };
  const extractMs = time(() => {
    if (classify(post).gated) sink++;
  }, 2_000);
  const parseMs = time(() => {
    sink += (JSON.parse(text) as { queryId: string }).queryId.length;
  }, 2_000);
  if (sink === -1) console.log(sink);

  return [
    {
      name: 'classify() of unrelated requests vs new URL()',
      ratio: classifyMs / urlMs,
      target: 2,
      detail: `${requests.length} URLs × ${loops} loops: classify ${classifyMs.toFixed(2)} ms, new URL ${urlMs.toFixed(2)} ms (median of 7)`,
    },
    {
      name: 'extract a ~10 KB CreateTweet vs JSON.parse',
      ratio: extractMs / parseMs,
      target: 2,
      detail: `${bytes.length} bytes × 2000: classify ${extractMs.toFixed(2)} ms, JSON.parse ${parseMs.toFixed(2)} ms (median of 7)`,
    },
  ];
}
