// Diagnostic messages are plain text: the Problems panel, the CLI and most editors show them verbatim, so
// markdown code spans would show their backticks. Rules write `code` spans (they read well in source and
// in docs/rules.md); this turns them into quotes where a finding is made, for every rule at once.

/**
 * `name` → 'name'; a span that is already a quoted string (`"ENABLED"`) keeps just its own quotes; a
 * backtick that opens no span (none follows on its line) becomes a quote too.
 *
 * Written as a scan rather than a regular expression replaced through a callback: every finding passes
 * here (39,000 at 10,000 blocks), and a callback per span is slow in code V8 has not optimised yet.
 */
export function plainMessage(message: string): string {
  let tick = message.indexOf('`');
  if (tick < 0) return message;
  let out = '';
  let copied = 0;
  let lone = false;
  while (tick >= 0) {
    const close = message.indexOf('`', tick + 1);
    if (close < 0) {
      lone = true;
      break;
    }
    const lineEnd = message.indexOf('\n', tick + 1);
    if (lineEnd >= 0 && lineEnd < close) {
      // No span opens here; the next backtick may open one.
      lone = true;
      tick = close;
      continue;
    }
    const code = message.slice(tick + 1, close);
    out += message.slice(copied, tick) + (isQuoted(code) ? code : `'${code}'`);
    copied = close + 1;
    tick = message.indexOf('`', copied);
  }
  out += message.slice(copied);
  return lone ? out.replace(/`/g, "'") : out;
}

function isQuoted(code: string): boolean {
  const last = code.length - 1;
  if (last < 1) return false;
  const first = code.charCodeAt(0);
  return (first === 0x22 || first === 0x27) && code.charCodeAt(last) === first;
}
