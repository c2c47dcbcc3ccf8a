// The body of a skimmed block (see skimText in file.ts): its text, parsed the first time it is read.
import type { Body } from './ast';
import type { DeferredBody } from './blockNode';
import { parseRegion } from './file';
import { shiftBody } from './shift';

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
