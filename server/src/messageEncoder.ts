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
 * Lists from this length up to `REPUBLISH_MAX` are encoded item by item, and the encoder remembers where each
 * item's bytes are: when the same document is published again (every keystroke re-publishes all of its
 * diagnostics), the items that are the very same objects as last time (the item cache hands back the same
 * objects for blocks that did not change) are copied from the previous bytes instead of encoded again.
 * Longer lists take the slice path: two buffers of their size would cost more memory than the time saved.
 */
const REPUBLISH_MIN = 200;
const REPUBLISH_MAX = 20_000;

/**
 * A `contentTypeEncoder` for vscode-jsonrpc's StreamMessageWriter. The writer encodes a message only after
 * the previous one was handed to the stream in full (its write lock), so the bytes of one message can be
 * written over for the one after next: a large file re-published on every keystroke then reuses its buffers
 * instead of leaving ~12 MB per keystroke (at 10,000 blocks) for the collector to find.
 */
export function sliceEncoder() {
  const reuse: { buffer?: Buffer } = {};
  const republisher = new Republisher();
  return {
    name: 'application/json',
    encode(msg: Message): Promise<Uint8Array> {
      const started = process.hrtime.bigint();
      const bytes = republisher.encode(msg) ?? encodeMessage(msg, reuse);
      const params = (msg as { params?: unknown }).params;
      // A publication too short to need the donated bytes lets them go (a large file with few findings).
      if (Array.isArray((params as { diagnostics?: unknown } | undefined)?.diagnostics)) donated = undefined;
      if (params !== null && typeof params === 'object') encodeMs.set(params, Number(process.hrtime.bigint() - started) / 1e6);
      return Promise.resolve(bytes);
    },
  };
}

/**
 * Messages from this many bytes on leave their bytes for the next large publication (see `jsonDecoder`).
 * Below, the reader hands over a view of its chunk, which is not ours to write over.
 */
const DONATE_FROM = 1 << 20;

/** The bytes of the last large message read, until a publication is encoded (see `jsonDecoder`). */
let donated: Buffer | undefined;

/**
 * A `contentTypeDecoder` for vscode-jsonrpc's StreamMessageReader: the library's own JSON decoding, after
 * which a large message's bytes are kept for the next publication to be written into. The reader gathers a
 * message that came in several chunks into a buffer of its own and forgets it once decoded, and the
 * decoded message holds none of it (the text and JSON decoders copy). Opening a 10,000-block file, those
 * 14 MB are memory the process has already touched, and the 10 MB publication that follows took ~2,500
 * page faults (~30 ms on this project's VM) in a buffer of its own (docs/performance.md).
 */
export function jsonDecoder() {
  return {
    name: 'application/json',
    decode(buffer: Uint8Array, options: { charset: string }): Promise<Message> {
      const message = JSON.parse(new TextDecoder(options.charset).decode(buffer)) as Message;
      // Only a buffer that is its whole memory: that is one the reader allocated for this message alone.
      if (buffer.byteLength >= DONATE_FROM && buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength) {
        donated = Buffer.from(buffer.buffer, 0, buffer.byteLength);
      }
      return Promise.resolve(message);
    },
  };
}

/** The donated bytes when they hold `capacity`; either way they are no longer kept. */
function takeDonated(capacity: number): Buffer | undefined {
  const bytes = donated;
  donated = undefined;
  return bytes !== undefined && bytes.length >= capacity ? bytes : undefined;
}

/** How long the stdio writer took to encode the message with these params (AWSCC_COGNITO_TIMINGS=1 reports it). */
export const encodeMs = new WeakMap<object, number>();

/** The JSON of a message split at its long list: `${head}[item,item]${tail}`. */
function splitAtList(msg: Message, params: object | undefined): { head: string; tail: string } | undefined {
  // The list's place in the message, marked by a string no other value can spell (a control character and a
  // fresh number each time).
  const placeholder = `\u0001list-${Math.random()}`;
  const shell = JSON.stringify(params === undefined ? { ...msg, result: placeholder } : { ...msg, params: { ...params, diagnostics: placeholder } });
  const marker = JSON.stringify(placeholder);
  const at = shell.indexOf(marker);
  if (at < 0 || shell.indexOf(marker, at + 1) >= 0) return undefined;
  return { head: `${shell.slice(0, at)}[`, tail: `]${shell.slice(at + marker.length)}` };
}

interface Published {
  uri: unknown;
  items: readonly unknown[];
  /** The whole buffer, and where each item's JSON starts and ends in it. */
  buffer: Buffer;
  length: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** Encodes publications of one document after another, reusing the bytes of items published before. */
export class Republisher {
  private last: Published | undefined;
  private spare: Buffer | undefined;

  /** The bytes of `msg`, or undefined for messages this does not handle (the caller encodes them). */
  encode(msg: Message): Buffer | undefined {
    const params = (msg as { params?: unknown }).params as { uri?: unknown; diagnostics?: unknown } | undefined;
    const items = params?.diagnostics;
    if (!Array.isArray(items) || items.length < REPUBLISH_MIN || items.length > REPUBLISH_MAX) return undefined;
    const split = splitAtList(msg, params as object);
    if (!split) return undefined;
    const last = this.last?.uri === params!.uri ? this.last : undefined;
    const n = items.length;
    // The same objects at the start and at the end as last time (an edit changes a few in between).
    let same = 0;
    let sameEnd = 0;
    if (last) {
      const old = last.items;
      const most = Math.min(n, old.length);
      while (same < most && items[same] === old[same]) same++;
      while (sameEnd < most - same && items[n - 1 - sameEnd] === old[old.length - 1 - sameEnd]) sameEnd++;
    }
    const room: { buffer?: Buffer } = { buffer: this.spare };
    const out = new ByteWriter(64 + split.head.length + split.tail.length + (last ? last.length : n * 280), room);
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    out.write(split.head);
    if (same > 0) out.copyItems(last!, 0, same, starts, ends, 0);
    for (let i = same; i < n - sameEnd; i++) {
      // The comma goes out with the item: one write per item (each write is a call into Node's C++).
      const json = JSON.stringify(items[i]) ?? 'null';
      starts[i] = out.size + (i > 0 ? 1 : 0);
      out.write(i > 0 ? `,${json}` : json);
      ends[i] = out.size;
    }
    if (sameEnd > 0) {
      if (n - sameEnd > 0) out.write(',');
      out.copyItems(last!, last!.items.length - sameEnd, sameEnd, starts, ends, n - sameEnd);
    }
    out.write(split.tail);
    // The previous buffer is free once this message is written (the writer's lock): it is next time's room.
    this.spare = this.last?.buffer;
    this.last = { uri: params!.uri, items, buffer: room.buffer!, length: out.size, starts, ends };
    return out.bytes();
  }
}

/**
 * Responses whose result is a list from this long on are encoded item by item: the outline of a large file
 * (~11,000 top-level symbols and ~67 MB of JSON at 10,000 blocks), whose items the handler builds one at a
 * time as they are encoded (serverFeatures.ts). In one piece, the objects, the JSON string and the bytes were
 * all in memory at once.
 */
const RESULT_ITEMWISE = 200;
/** After this many items, the bytes' room is sized for the whole list from what they took. */
const SAMPLE = 64;

/** The message's JSON as UTF-8; `reuse.buffer`, when given, is written over and replaced when too small. */
export function encodeMessage(msg: Message, reuse?: { buffer?: Buffer }): Buffer {
  const result = (msg as { result?: unknown }).result;
  if (Array.isArray(result) && result.length >= RESULT_ITEMWISE) return encodeResultItemwise(msg, result);
  const params = (msg as { params?: unknown }).params as { diagnostics?: unknown } | undefined;
  const diagnostics = params?.diagnostics;
  if (!Array.isArray(diagnostics) || diagnostics.length <= WHOLE) return Buffer.from(JSON.stringify(msg), 'utf8');
  const split = splitAtList(msg, params as object);
  if (!split) return Buffer.from(JSON.stringify(msg), 'utf8');
  const out = new ByteWriter(64 + diagnostics.length * 280, reuse);
  out.write(split.head);
  for (let from = 0; from < diagnostics.length; from += SLICE) {
    const json = JSON.stringify(diagnostics.slice(from, from + SLICE));
    // `[a,b]` → `a,b`, with a comma between slices.
    out.write(from === 0 ? json.slice(1, -1) : `,${json.slice(1, -1)}`);
  }
  out.write(split.tail);
  return out.bytes();
}

/**
 * A response with a long list as its result, one item's JSON at a time. Its bytes are not the writer's
 * reused buffer: a one-off answer of tens of MB should not stay behind for later messages. (Like any large
 * message it may take the donated bytes of the last large message read, when no publication took them first.)
 */
function encodeResultItemwise(msg: Message, items: readonly unknown[]): Buffer {
  const split = splitAtList(msg, undefined);
  if (!split) return Buffer.from(JSON.stringify(msg), 'utf8');
  const n = items.length;
  const out = new ByteWriter(64 + split.head.length + split.tail.length + n * 256);
  out.write(split.head);
  for (let i = 0; i < n; i++) {
    if (i === SAMPLE) out.expect(Math.ceil((out.size / SAMPLE) * n * 1.1) + split.tail.length);
    // JSON.stringify(list) writes `null` for an item that has no JSON (undefined, a function).
    const json = JSON.stringify(items[i]) ?? 'null';
    out.write(i > 0 ? `,${json}` : json);
  }
  out.write(split.tail);
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
    this.buffer = spare && spare.length >= capacity ? spare : this.keep(takeDonated(capacity) ?? Buffer.allocUnsafe(capacity));
  }

  write(text: string): void {
    // The exact size only near the end of the room: measuring every text first was a second call into
    // C++ per write, and 3 bytes per UTF-16 unit is the most a text can take.
    if (this.length + text.length * 3 > this.buffer.length) this.reserve(Buffer.byteLength(text, 'utf8'));
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  private reserve(needed: number): void {
    if (this.length + needed <= this.buffer.length) return;
    const grown = this.keep(Buffer.allocUnsafe(Math.max(this.length + needed, Math.ceil(this.buffer.length * 1.5))));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Makes room for `total` bytes in all, when that is more than there is: one copy instead of several. */
  expect(total: number): void {
    if (total > this.buffer.length) this.reserve(total - this.length);
  }

  get size(): number {
    return this.length;
  }

  /** Appends `count` items of a previous publication from `from` on, with the commas between them. */
  copyItems(previous: Published, from: number, count: number, starts: Int32Array, ends: Int32Array, at: number): void {
    const begin = previous.starts[from];
    const end = previous.ends[from + count - 1];
    this.reserve(end - begin);
    previous.buffer.copy(this.buffer, this.length, begin, end);
    const shift = this.length - begin;
    for (let k = 0; k < count; k++) {
      starts[at + k] = previous.starts[from + k] + shift;
      ends[at + k] = previous.ends[from + k] + shift;
    }
    this.length += end - begin;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private keep(buffer: Buffer): Buffer {
    if (this.reuse) this.reuse.buffer = buffer;
    return buffer;
  }
}
