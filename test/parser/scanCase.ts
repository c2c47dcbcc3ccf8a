// The top-level scanner (server/src/parser/topLevelScan.ts) held to the token skim it stands in for: where
// the scanner answers, its blocks (headers, braces, and every body once read) are the token skim's. Shared
// by topLevelScan.test.ts and the property suites.
import { parse, type BodyItem } from '../../server/src/parser';
import { skimTokens } from '../../server/src/parser/file';
import { scanTopLevel } from '../../server/src/parser/topLevelScan';

/** Headers and brace offsets of the top-level items, without reading a body. */
export function headersOf(items: readonly BodyItem[]): string {
  return JSON.stringify(items.map((i) => (i.kind === 'Block' ? [i.start, i.end, i.type, i.labels, i.openBrace, i.closeBrace] : [i.kind, i.start, i.end])));
}

/**
 * `undefined` when the scanner agrees with the token skim (or is unsure), else what differs. `scanned` says
 * whether the scanner answered. A leading BOM (which the lexer does not take for a line start) is compared
 * with a line break in its place: the same offsets, and the token skim then reads the first block as a header.
 */
export function scanCase(text: string): { scanned: boolean; problem?: string } {
  let items: BodyItem[] | undefined;
  try {
    items = scanTopLevel(text);
  } catch (e) {
    return { scanned: false, problem: `scanner threw ${(e as Error).stack}\ninput: ${JSON.stringify(text.slice(0, 400))}` };
  }
  if (items === undefined) return { scanned: false };
  const reference = skimTokens(text.charCodeAt(0) === 0xfeff ? '\n' + text.slice(1) : text);
  const wasSkim = Object.getPrototypeOf(reference) !== Object.getPrototypeOf(parse(''));
  const input = `\ninput: ${JSON.stringify(text.slice(0, 400))}`;
  if (!wasSkim) return { scanned: true, problem: `the scanner answered where the token skim parses in full${input}` };
  if (headersOf(items) !== headersOf(reference.body.items)) return { scanned: true, problem: `top-level blocks differ${input}\nscan:   ${headersOf(items).slice(0, 300)}\ntokens: ${headersOf(reference.body.items).slice(0, 300)}` };
  // JSON reads (so parses) every deferred body.
  if (JSON.stringify(items) !== JSON.stringify(reference.body.items)) return { scanned: true, problem: `bodies differ${input}` };
  return { scanned: true };
}
