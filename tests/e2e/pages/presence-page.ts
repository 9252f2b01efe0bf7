// HTML of the fixture "home" and sign-in pages: each sets its title the way its web client does and can sign itself out.

type Site = 'x' | 'mastodon' | 'bluesky';

/** How each client titles its home page with `label` unread (empty: none), as in shared/platforms/presence. */
const TITLES: Record<Site, string> = {
  x: `(label) => (label ? '(' + label + ') ' : '') + 'Home / X'`,
  // Stock Mastodon never puts a count in its title ("%s - <server title>").
  mastodon: `() => 'Home - mastodon.test'`,
  bluesky: `(label) => (label ? '(' + label + ') ' : '') + 'Home — Bluesky'`,
};

/**
 * How each client ends up on its sign-in page when the session is gone: X's client routes there
 * in the page (history.pushState), Mastodon's server redirects the next load; Bluesky has no such page.
 */
const SIGN_OUT: Record<Site, string> = {
  x: `() => { history.pushState({}, '', '/i/flow/login?redirect_after_login=%2Fhome'); document.title = 'Log in to X / X'; }`,
  mastodon: `() => { location.assign('/auth/sign_in'); }`,
  bluesky: `() => {}`,
};

/** The signed-in home page of a fixture site; `window.fixture` drives it as the platform's own script would. */
export function presenceHomePage(site: Site): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${site === 'mastodon' ? 'Home - mastodon.test' : ''}</title></head>
<body>
<h1 id="home">Home</h1>
<script>
  const title = ${TITLES[site]};
  document.title = title('');
  window.fixture = {
    // The client learns of new notifications and retitles the page, as its unread poller does.
    setUnread: (count, capped) => { document.title = title(count > 0 ? String(count) + (capped ? '+' : '') : ''); },
    signOut: ${SIGN_OUT[site]},
  };
</script>
</body></html>`;
}

/** A platform's sign-in page. */
export function signInPage(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><form id="sign-in"><input name="username"></form></body></html>`;
}
