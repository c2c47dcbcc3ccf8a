// What AWS says about redirect URLs (fact sheet §2, callback_ur_ls): absolute, no fragment, HTTPS except
// plain-HTTP loopback addresses; app schemes such as `myapp://cb` are fine.

/** The problem with a redirect URL in words, or undefined when it is acceptable. */
export function redirectUrlProblem(url: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return 'it is not an absolute URL (it needs a scheme such as `https://`)';
  if (url.includes('#')) return 'it has a `#fragment`, which redirect URLs may not have';
  const name = scheme[1].toLowerCase();
  if (name === 'http' && !isLoopback(url)) return 'plain `http` is only allowed for `localhost`, `127.0.0.1` and `[::1]`; use `https`';
  return undefined;
}

function isLoopback(url: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|\?|$)/i.test(url);
}
