// Skimmed blocks (see skimText in file.ts): the braces of a top-level block matched on the tokens, and its
// body kept as its text, parsed the first time it is read.
import type { Body, Identifier, Label } from './ast';
import { BlockNode, type DeferredBody } from './blockNode';
import { parseRegion } from './file';
import type { Parser } from './parser';
import { shiftBody } from './shift';
import { FLAG_HEADER, T } from './tokens';

// Local copies: under the test runner's per-file transform, imported bindings are getters (slow in loops).
const OBRACE = T.OBrace;
const CBRACE = T.CBrace;
const EOF = T.EOF;
const HEADER = FLAG_HEADER;

/**
 * At `{` of a top-level block: moves the parser past the matching `}` and returns the block with its body
 * deferred, or undefined (the parser not moved) when the full parse would end the body elsewhere: at a
 * header stop or at the end of the text. Braces of templates are tokens of their own (`${`, `%{` ...
 * TemplateSeqEnd), so counting `{` and `}` matches what the parser matches.
 */
export function skimmedBlock(parser: Parser, type: Identifier, labels: Label[], openBrace: number): BlockNode | undefined {
  const { kinds, flags, last } = parser;
  let open = 0;
  for (let i = parser.p; i <= last; i++) {
    const k = kinds[i];
    if (k === OBRACE) open++;
    else if (k === CBRACE) {
      if (--open > 0) continue;
      parser.p = i;
      const closeBrace = parser.start();
      parser.advance();
      const block = new BlockNode(type.start, closeBrace + 1, type, labels, openBrace, closeBrace, undefined);
      block.replaceBodyWith(new RegionBody(parser.text, type.start, closeBrace + 1));
      return block;
    } else if (k === EOF || (flags[i] & HEADER) !== 0) return undefined;
  }
  return undefined;
}

export class RegionBody implements DeferredBody {
  constructor(
    private readonly text: string,
    /** The block's extent in `text`, from its type name to just past its `}`. */
    private readonly start: number,
    private readonly end: number,
  ) {}

  unpack(blockStart: number): Body {
    // The skim matched the braces as the full parse does, so the block's own text parses to the same block.
    const item = parseRegion(this.text, this.start, this.end).body.items[0];
    const body: Body = item?.kind === 'Block' ? item.body : { kind: 'Body', start: this.end - 1, end: this.end - 1, items: [] };
    if (blockStart !== this.start) shiftBody(body, blockStart - this.start);
    return body;
  }
}
