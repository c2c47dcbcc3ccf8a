// How outgoing messages become bytes on stdio. vscode-jsonrpc's own encoder builds the whole message as one
// JSON string and then copies it into bytes. For a publication of thousands of diagnostics (~10 MB of JSON at
// 10,000 blocks) that was the string, the collector's pieces of it and the bytes all at once: ~40 MB on top
// of everything else, the peak of a large file's first check. Here a long diagnostics list is turned into
// JSON a slice at a time and written straight into the bytes, so the bytes are the only full copy. The bytes
// are exactly JSON.stringify's (test/server/messageEncoder.test.ts).
import type { Message } from 'vscode-languageserver/node';

/**
 * Lists up to this long are encoded in one go (one string of ~1.3 MB at most, and JSON.stringify in one piece
 * is the quicker there); longer ones a slice at a time.
 */
const WHOLE = 5000;
/**
 * A slice's JSON (~65 KB) stays below V8's large-object size: ~260 KB slices went to pages of their own and
 * raised the peak of typing in a 10,000-block file by ~15 MB.
 */
const SLICE = 250;

/**
 * A `contentTypeEncoder` for vscode-jsonrpc's StreamMessageWriter. The writer encodes a message only after
 * the previous one was handed to the stream in full (its write lock), so the bytes of one long list can be
 * written over for the next: a large file re-published on every keystroke then reuses one buffer instead
 * of leaving ~12 MB per keystroke for the collector to find.
 */
export function sliceEncoder() {
  const reuse: { buffer?: Buffer } = {};
  return {
    name: 'application/json',
    encode(msg: Message): Promise<Uint8Array> {
      return Promise.resolve(encodeMessage(msg, reuse));
    },
  };
}

/** The message's JSON as UTF-8; `reuse.buffer`, when given, is written over and replaced when too small. */
export function encodeMessage(msg: Message, reuse?: { buffer?: Buffer }): Buffer {
  const params = (msg as { params?: unknown }).params as { diagnostics?: unknown } | undefined;
  const diagnostics = params?.diagnostics;
  if (!Array.isArray(diagnostics) || diagnostics.length <= WHOLE) return Buffer.from(JSON.stringify(msg), 'utf8');
  // The list's place in the message, marked by a string no other value can spell (a control character and a
  // fresh number each time).
  const placeholder = `\u0001diagnostics-${Math.random()}`;
  const shell = JSON.stringify({ ...msg, params: { ...params, diagnostics: placeholder } });
  const marker = JSON.stringify(placeholder);
  const at = shell.indexOf(marker);
  if (at < 0 || shell.indexOf(marker, at + 1) >= 0) return Buffer.from(JSON.stringify(msg), 'utf8');
  const out = new ByteWriter(64 + diagnostics.length * 280, reuse);
  out.write(`${shell.slice(0, at)}[`);
  for (let from = 0; from < diagnostics.length; from += SLICE) {
    const json = JSON.stringify(diagnostics.slice(from, from + SLICE));
    // `[a,b]` → `a,b`, with a comma between slices.
    out.write(from === 0 ? json.slice(1, -1) : `,${json.slice(1, -1)}`);
  }
  out.write(`]${shell.slice(at + marker.length)}`);
  return out.bytes();
}

/** UTF-8 bytes appended to a buffer that grows by half when full. */
class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(
    capacity: number,
    private readonly reuse?: { buffer?: Buffer },
  ) {
    const spare = reuse?.buffer;
    this.buffer = spare && spare.length >= capacity ? spare : this.keep(Buffer.allocUnsafe(capacity));
  }

  write(text: string): void {
    const needed = Buffer.byteLength(text, 'utf8');
    if (this.length + needed > this.buffer.length) {
      const grown = this.keep(Buffer.allocUnsafe(Math.max(this.length + needed, Math.ceil(this.buffer.length * 1.5))));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private keep(buffer: Buffer): Buffer {
    if (this.reuse) this.reuse.buffer = buffer;
    return buffer;
  }
}
