// The parser's Block node. Its body can carry an offset change that has not been applied yet: an
// incremental re-parse moves every block after the edit, and walking each one's subtree would cost
// O(document) per keystroke (~1.8 ms at 1,000 blocks, ~18 ms at 10,000). So the re-parse moves only the
// block's own offsets, type and labels, and records the rest; the body subtree is moved the first time
// anyone reads `body`. Every path to a node inside a block goes through `body`, so readers never see a stale
// offset. (Code that keeps inner nodes across versions must read its block's `body` again first: see
// model/declarations.ts.)
//
// A full parse also packs each top-level body (see packFormat.ts): the block then holds int32 records and
// builds the body's objects on the first read. A packed body's offsets are relative to the block, so
// moving it is free.
// A skimmed file (see skimText in file.ts) defers its bodies the same way, as text to parse on first read,
// and so does a large document opened in the editor (lazyFile.ts), as its block's stretch of the text.
import type { Block, Body, Identifier, Label } from './ast';
import { shiftBody } from './shift';

/** A body kept as something other than objects until first read: packed records, or text to parse. */
export interface DeferredBody {
  /** Builds the body's objects for the block that now starts at `blockStart`. */
  unpack(blockStart: number): Body;
}

/**
 * What an unpacked body was built from, for `releaseBody`. Outside the node so that a block keeps the same
 * own fields whether its body was packed or not (trees are compared with deepStrictEqual in the tests).
 */
const origins = new WeakMap<BlockNode, DeferredBody>();

export class BlockNode implements Block {
  readonly kind = 'Block' as const;
  private pendingShift = 0;
  private packed: DeferredBody | undefined = undefined;

  constructor(
    public start: number,
    public end: number,
    public type: Identifier,
    public labels: Label[],
    /** Offset of `{`, or -1 when missing. */
    public openBrace: number,
    /** Offset of `}`, or -1 when the block is unclosed. */
    public closeBrace: number,
    private currentBody: Body | undefined,
  ) {}

  get body(): Body {
    if (this.currentBody === undefined) {
      this.currentBody = (this.packed as DeferredBody).unpack(this.start);
      origins.set(this, this.packed as DeferredBody);
      this.packed = undefined;
    } else if (this.pendingShift !== 0) {
      const d = this.pendingShift;
      this.pendingShift = 0;
      shiftBody(this.currentBody, d);
    }
    return this.currentBody;
  }

  /** Moves the block by `d`: its own offsets now, its body's when the body is next read. */
  moveBy(d: number): void {
    this.start += d;
    this.end += d;
    this.type.start += d;
    this.type.end += d;
    for (const l of this.labels) {
      l.start += d;
      l.end += d;
    }
    if (this.openBrace >= 0) this.openBrace += d;
    if (this.closeBrace >= 0) this.closeBrace += d;
    if (this.packed === undefined) this.pendingShift += d;
  }

  /**
   * Drops the body's objects when they can be built again from what they were built from (records or
   * text); the next read of `body` builds them at the block's offsets of then. False for a body that was
   * parsed as objects (an incremental re-parse). Nodes taken from the dropped body are no longer this
   * block's: only for callers that keep nothing from inside the block.
   */
  releaseBody(): boolean {
    if (this.packed !== undefined) return true;
    const origin = origins.get(this);
    if (origin === undefined) return false;
    origins.delete(this);
    this.packed = origin;
    this.currentBody = undefined;
    this.pendingShift = 0;
    return true;
  }

  /** Whether the body is still packed (nobody has read it since the full parse). */
  get isPacked(): boolean {
    return this.packed !== undefined;
  }

  /** Drops the body's objects for `packed`, the same body as records (see packFormat.ts) or as text to parse. */
  replaceBodyWith(packed: DeferredBody): void {
    this.packed = packed;
    origins.delete(this);
    this.currentBody = undefined;
  }

  /** The plain node, as JSON (trees are compared and printed through JSON). */
  toJSON(): Block {
    const { kind, start, end, type, labels, openBrace, closeBrace, body } = this;
    return { kind, start, end, type, labels, openBrace, closeBrace, body };
  }
}
