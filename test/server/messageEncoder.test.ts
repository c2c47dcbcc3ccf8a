// The stdio encoder writes long diagnostic lists a slice at a time (server/src/messageEncoder.ts): the bytes
// must be exactly what JSON.stringify would have produced, whatever the list and its texts hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import { encodeMessage } from '../../server/src/messageEncoder';

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
