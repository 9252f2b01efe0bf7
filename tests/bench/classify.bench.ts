// Benchmarks the classifier against its budgets: cheap rejection of unrelated traffic, cheap extraction.
import { classify } from '../../shared/gate/classify.ts';
import type { OutgoingRequest } from '../../shared/gate/types.ts';
import { sampled, type Result } from './stats.ts';

/** Milliseconds for `iterations` calls of `fn` (one sample). */
function sample(fn: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return performance.now() - start;
}

const RUNS = 7;
/** Enough loops that one sample lasts ~100 ms: shorter samples measure the machine's noise, not the code. */
const REJECTION_LOOPS = 20_000;

/**
 * Ratio of `subject` to `baseline` in each of RUNS runs (the two interleaved in every run, after a
 * warm-up, so a busy machine slows both alike): median and min–max of the ratios, and the median times.
 */
function compare(subject: () => void, baseline: () => void, iterations: number): { ratios: number[]; subjectMs: number; baselineMs: number } {
  sample(subject, iterations);
  sample(baseline, iterations);
  const ratios: number[] = [];
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const a = sample(subject, iterations);
    const b = sample(baseline, iterations);
    subjects.push(a);
    baselines.push(b);
    ratios.push(a / b);
  }
  return { ratios, subjectMs: sampled(subjects).median, baselineMs: sampled(baselines).median };
}

const enc = new TextEncoder();

/**
 * POSTs a session sends all day that no rule matches (telemetry, likes, reads over POST, rule-like hosts
 * with other paths). Only POSTs: GET, HEAD and OPTIONS never reach classify() in the live adapter.
 */
function unrelatedPosts(): OutgoingRequest[] {
  const urls = [
    'https://x.com/i/api/graphql/lI07N6Otwv1PhnEgXILM7A/FavoriteTweet',
    'https://x.com/i/api/graphql/HJFjzBgCs16TqxewQOeLNg/HomeTimeline',
    'https://api.x.com/1.1/jot/client_event.json',
    'https://mastodon.social/api/v1/statuses/103270115826048975/favourite',
    'https://bsky.social/xrpc/app.bsky.feed.getTimeline',
    'https://www.facebook.com/ajax/bz?__a=1',
    'https://www.linkedin.com/li/track',
    'https://www.youtube.com/youtubei/v1/log_event?alt=json',
    'https://www.reddit.com/svc/shreddit/events',
    'https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX',
    'https://www.instagram.com/ajax/bz',
    'https://www.threads.com/ajax/qm/',
  ];
  const body = enc.encode('{"events":[1,2,3]}');
  return urls.map((url) => ({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body }));
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

/** Runs both measurements and returns their ratios (no assertions): median, min–max of RUNS runs. */
export async function bench(): Promise<Result[]> {
  const requests = unrelatedPosts();
  const urls = requests.map((r) => r.url);
  let sink = 0;
  const rejection = compare(
    () => {
      for (const r of requests) if (classify(r).gated) sink++;
    },
    () => {
      for (const u of urls) sink += new URL(u).pathname.length;
    },
    REJECTION_LOOPS,
  );

  const text = bigCreateTweet();
  const bytes = enc.encode(text);
  const decoder = new TextDecoder('utf-8');
  const post: OutgoingRequest = {
    method: 'POST',
    url: 'https://x.com/i/api/graphql/SiM_cAu83R0wnrpmKQQSEw/CreateTweet',
    headers: { 'content-type': 'application/json' },
    body: bytes,
  };
  // The body arrives as bytes: the baseline reads it as JSON the plainest way (decode, then JSON.parse).
  const extraction = compare(
    () => {
      if (classify(post).gated) sink++;
    },
    () => {
      sink += (JSON.parse(decoder.decode(bytes)) as { queryId: string }).queryId.length;
    },
    1_000,
  );
  if (sink === -1) console.log(sink);

  return [
    {
      name: 'classify() of POSTs no rule matches vs new URL()',
      ratios: rejection.ratios,
      target: 1.5,
      detail: `${requests.length} URLs × ${REJECTION_LOOPS} loops: classify ${rejection.subjectMs.toFixed(2)} ms, new URL ${rejection.baselineMs.toFixed(2)} ms (medians)`,
    },
    {
      name: 'extract a ~10 KB CreateTweet vs JSON.parse of its bytes',
      ratios: extraction.ratios,
      target: 1.5,
      detail: `${bytes.length} bytes × 1000: classify ${extraction.subjectMs.toFixed(2)} ms, decode + JSON.parse ${extraction.baselineMs.toFixed(2)} ms (medians)`,
    },
  ];
}
