// The stdio encoder writes long diagnostic lists a slice at a time (server/src/messageEncoder.ts): the bytes
// must be exactly what JSON.stringify would have produced, whatever the list and its texts hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import { encodeMessage, jsonDecoder, Republisher, sliceEncoder } from '../../server/src/messageEncoder';
import { seededRandom } from '../support/generate';

function publication(count: number, uri = 'file:///work/main.tf', extra: Record<string, unknown> = {}): Message {
  const texts = ['plain', 'with "quotes" and \\ backslashes', 'emoji 🔑 and ü', 'line\nbreak\ttab', '"diagnostics":[]', '\u2028 separators \u2029', ''];
  const diagnostics = Array.from({ length: count }, (_, i) => ({
    range: { start: { line: i, character: i % 7 }, end: { line: i, character: (i % 7) + 3 } },
    severity: (i % 3) + 1,
    code: `CUP${100 + (i % 50)}`,
    source: 'awscc-cognito',
    message: `${texts[i % texts.length]} #${i}`,
    ...(i % 11 === 0 ? { data: { defaults: { variables: ['a', 'b'], message: texts[(i + 1) % texts.length] } } } : {}),
  }));
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 3, diagnostics, ...extra } } as Message;
}

const plain = (msg: Message) => Buffer.from(JSON.stringify(msg), 'utf8');

test('long diagnostic lists encode to the same bytes as JSON.stringify, at and around the sizes where slicing starts', () => {
  for (const count of [0, 1, 999, 1000, 1001, 4999, 5000, 5001, 6000, 7321]) {
    const msg = publication(count);
    assert.ok(encodeMessage(msg).equals(plain(msg)), `${count} diagnostics`);
  }
});

test('the list is found by its key even when other values spell it, or when it is not the last key', () => {
  const tricky = publication(5200, 'file:///work/%22diagnostics%22:[]/main.tf', { after: { diagnostics: [] } });
  assert.ok(encodeMessage(tricky).equals(plain(tricky)));
});

test('messages without a diagnostics list, and requests, encode as before', () => {
  const messages: Message[] = [
    { jsonrpc: '2.0', id: 1, result: { capabilities: { hoverProvider: true } } } as Message,
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'héllo 🔑' } } as Message,
    { jsonrpc: '2.0', id: 2, method: 'workspace/configuration', params: { items: [{ section: 'awsccCognito' }] } } as Message,
  ];
  for (const msg of messages) assert.ok(encodeMessage(msg).equals(plain(msg)));
});

test('a reused buffer is written over for the next long list, grown when too small, and each result is exact', () => {
  const reuse: { buffer?: Buffer } = {};
  const first = publication(6000);
  assert.ok(encodeMessage(first, reuse).equals(plain(first)));
  const kept = reuse.buffer;
  assert.ok(kept, 'the buffer is kept for the next message');
  const second = publication(5500, 'file:///other.tf');
  const bytes = encodeMessage(second, reuse);
  assert.ok(bytes.equals(plain(second)));
  assert.equal(bytes.buffer, kept.buffer, 'the same memory is written over');
  const larger = publication(20000);
  assert.ok(encodeMessage(larger, reuse).equals(plain(larger)));
  assert.notEqual(reuse.buffer, kept, 'a longer list gets a larger buffer, kept in turn');
});

test('re-publishing a document copies the bytes of the diagnostics it published before and still gives exact JSON', () => {
  const rand = seededRandom(11);
  const republisher = new Republisher();
  const base = publication(1500) as unknown as { params: { uri: string; version: number; diagnostics: object[] } };
  let items = base.params.diagnostics;
  const other = publication(900, 'file:///other.tf');
  let previous: { live: Buffer; copy: Buffer } | undefined;
  for (let round = 0; round < 60; round++) {
    // An edit: a few diagnostics replaced, inserted or removed somewhere, as a keystroke in one block does.
    items = [...items];
    const at = Math.floor(rand() * items.length);
    const kind = round % 4;
    if (kind === 0) items.splice(at, 1, { ...(items[at] as object), message: `changed ${round}` });
    else if (kind === 1) items.splice(at, 0, { range: { start: { line: at, character: 0 }, end: { line: at, character: 1 } }, message: `new ${round} 🔑`, code: 'CUP999' });
    else if (kind === 2) items.splice(at, 2);
    // kind 3: the very same list again
    const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: base.params.uri, version: round + 2, diagnostics: items } } as unknown as Message;
    const bytes = republisher.encode(msg);
    assert.ok(bytes, 'lists of this length are handled');
    assert.ok(bytes.equals(plain(msg)), `round ${round} (${['replace', 'insert', 'remove', 'same'][kind]} at ${at})`);
    // The writer may still be writing the previous message while this one is encoded: its bytes are left alone.
    if (previous) assert.ok(previous.live.equals(previous.copy), `round ${round}: the previous message's bytes are intact`);
    previous = { live: bytes, copy: Buffer.from(bytes) };
    // Another document in between now and then: the next publication of the first one starts afresh.
    if (round % 7 === 6) {
      const between = republisher.encode(other)!;
      assert.ok(between.equals(plain(other)));
      assert.ok(previous.live.equals(previous.copy), `round ${round}: intact after the other document's message`);
      previous = { live: between, copy: Buffer.from(between) };
    }
  }
});

test('the stdio encoder leaves short lists and other messages to the plain encoding, and still encodes them exactly', async () => {
  const encoder = sliceEncoder();
  for (const msg of [publication(3), publication(150), publication(250), publication(30_000), { jsonrpc: '2.0', id: 4, result: null } as Message]) {
    assert.ok(Buffer.from(await encoder.encode(msg)).equals(plain(msg)));
  }
});

test('a large message read leaves its bytes for the next long publication, which is still exact; views and short lists do not', async () => {
  const decoder = jsonDecoder();
  const text = 'resource "x" "y" {}\n'.repeat(60_000);
  const open = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///work/main.tf', languageId: 'terraform', version: 1, text } } };
  const json = JSON.stringify(open);
  /** What the reader hands over for a message gathered from several chunks: a buffer that is its whole memory. */
  const gathered = () => Buffer.from(json, 'utf8');
  const msg = publication(3000);

  const read = gathered();
  assert.deepStrictEqual(await decoder.decode(read, { charset: 'utf-8' }), open);
  const encoded = await sliceEncoder().encode(msg);
  assert.equal(encoded.buffer, read.buffer, "the publication is written into the read message's memory");
  assert.ok(Buffer.from(encoded).equals(plain(msg)), 'exact JSON');
  const next = await sliceEncoder().encode(msg);
  assert.notEqual(next.buffer, read.buffer, 'given once');

  // A view of a larger chunk (a message that came with the start of the next) is never written over.
  const chunk = Buffer.alloc(read.length + 100);
  gathered().copy(chunk);
  assert.deepStrictEqual(await decoder.decode(chunk.subarray(0, read.length), { charset: 'utf-8' }), open);
  assert.notEqual((await sliceEncoder().encode(msg)).buffer, chunk.buffer);

  // A short publication lets the bytes go.
  const again = gathered();
  await decoder.decode(again, { charset: 'utf-8' });
  await sliceEncoder().encode(publication(10));
  const after = await sliceEncoder().encode(msg);
  assert.notEqual(after.buffer, again.buffer);
  assert.ok(Buffer.from(after).equals(plain(msg)));
});

test('a long result list (an outline) is encoded item by item to the same bytes, its items built as they are reached', () => {
  const texts = ['plain', 'with "quotes"', 'emoji 🔑 and ü', '\u2028', ''];
  const built: number[] = [];
  for (const count of [0, 1, 199, 200, 201, 64, 65, 3000]) {
    built.length = 0;
    const result = Array.from({ length: count }, (_, i) => ({
      // Items of uneven size, so that the room sized from the first ones is sometimes too small.
      toJSON: () => {
        built.push(i);
        return { name: `${texts[i % texts.length]} ${i}`, children: i % 97 === 0 ? Array.from({ length: 200 }, (_, k) => ({ name: `child ${k}` })) : [] };
      },
    }));
    const msg = { jsonrpc: '2.0', id: 7, result } as unknown as Message;
    const expected = plain(msg);
    built.length = 0;
    assert.ok(encodeMessage(msg).equals(expected), `${count} items`);
    assert.deepEqual(built, Array.from({ length: count }, (_, i) => i), 'each item is built once, in order');
  }
  const odd = { jsonrpc: '2.0', id: 8, result: [...Array.from({ length: 300 }, (_, i) => i), undefined, () => 1, { '"result"': [] }] } as unknown as Message;
  assert.ok(encodeMessage(odd).equals(plain(odd)), 'items without JSON become null, as in JSON.stringify');
});

test('a long result gets bytes of its own: the buffer reused for publications is neither taken nor kept', () => {
  const reuse: { buffer?: Buffer } = {};
  const first = publication(6000);
  encodeMessage(first, reuse);
  const kept = reuse.buffer;
  const answer = { jsonrpc: '2.0', id: 9, result: Array.from({ length: 5000 }, (_, i) => ({ name: `s${i}` })) } as unknown as Message;
  const bytes = encodeMessage(answer, reuse);
  assert.notEqual(bytes.buffer, kept!.buffer);
  assert.equal(reuse.buffer, kept, 'the publication buffer stays as it was');
  encodeMessage(publication(6000, 'file:///other.tf'), reuse);
  assert.ok(bytes.equals(plain(answer)), 'the answer is intact after the next publication');
});
