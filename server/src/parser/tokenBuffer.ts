// The growable typed arrays the lexer writes tokens into (see tokens.ts for the layout).

/** Growable token arrays, reused between parses to avoid reallocating megabytes per keystroke. */
export class TokenBuffer {
  count = 0;
  kinds = new Uint8Array(1024);
  starts = new Uint32Array(1024);
  ends = new Uint32Array(1024);
  flags = new Uint8Array(1024);

  reset(): void {
    this.count = 0;
  }

  /**
   * Makes room for `n` tokens up front, before lexing a text of known size: growing by doubling to millions
   * of tokens copies (and zeroes) every array several times.
   */
  reserve(n: number): void {
    if (this.kinds.length >= n) return;
    this.count = 0;
    this.kinds = new Uint8Array(n);
    this.starts = new Uint32Array(n);
    this.ends = new Uint32Array(n);
    this.flags = new Uint8Array(n);
  }

  push(kind: number, start: number, end: number): void {
    if (this.count === this.kinds.length) this.grow();
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = 0;
  }

  private grow(): void {
    const n = this.kinds.length * 2;
    const kinds = new Uint8Array(n);
    kinds.set(this.kinds);
    const starts = new Uint32Array(n);
    starts.set(this.starts);
    const ends = new Uint32Array(n);
    ends.set(this.ends);
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

