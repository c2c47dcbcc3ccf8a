// A module's files that are not open: read from disk for what they declare, their bodies parsed only where a
// feature reads them (a 15 MB generated sibling must not cost a parse of everything it holds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace, readTextFile } from '../../server/src/model';
import { decodeUtf8, PIECE_BYTES, readPieces } from '../../server/src/model/fileSystem';
import type { DocumentText } from '../../server/src/parser/documentText';
import { skim } from '../../server/src/parser';
import { spawnSync } from 'node:child_process';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import type { BlockNode } from '../../server/src/parser/blockNode';
import { generateModuleText, seededRandom } from '../support/generate';

const uri = (p: string) => pathToFileURL(p).href;

function isPacked(block: unknown): boolean {
  return (block as BlockNode).isPacked;
}

test('decoding a file gives what Buffer#toString("utf8") gives: ASCII, a BOM (kept), multi-byte, malformed and UTF-16 bytes', () => {
  const samples = [
    Buffer.from('resource "a" "b" {}\n'),
    Buffer.from('\ufeffresource "a" "b" {}\n'),
    Buffer.from('locals {\n  s = "é😀"\n}\n'),
    Buffer.from('\ufeffx', 'utf16le'),
    Buffer.from([0xff, 0xfe, 0x61, 0x00]),
    Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80, 0xe2, 0x28, 0xa1, 0xc3]),
  ];
  const rand = seededRandom(3);
  for (let i = 0; i < 2000; i++) {
    const bytes = Buffer.alloc(Math.floor(rand() * 40));
    // Mostly high bytes: the interesting part of UTF-8.
    for (let k = 0; k < bytes.length; k++) bytes[k] = rand() < 0.3 ? Math.floor(rand() * 128) : 128 + Math.floor(rand() * 128);
    samples.push(bytes);
  }
  for (const bytes of samples) assert.equal(decodeUtf8(bytes), bytes.toString('utf8'), JSON.stringify([...bytes]));
  assert.equal(decodeUtf8(samples[1]).charCodeAt(0), 0xfeff, 'the BOM stays (the lexer skips it)');
});

test('readTextFile reads a BOM file and a large generated file as their UTF-8 text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-sibling-'));
  try {
    const text = '\ufeff' + generateModuleText(400, 2);
    writeFileSync(join(dir, 'big.tf'), text);
    const read = readTextFile(join(dir, 'big.tf'));
    assert.ok('text' in read && read.text === text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a sibling on disk: a diagnostics run of the open file reads none of its client or import bodies; an import target is read on demand', () => {
  const sibling = generateModuleText(60, 4) + '\nimport {\n  to = awscc_cognito_user_pool_client.extra\n  id = "us-east-1_Abc|1example23456789"\n}\n';
  const dir = mkdtempSync(join(tmpdir(), 'awscc-sibling-'));
  try {
    writeFileSync(join(dir, 'big.tf'), sibling);
    const main = join(dir, 'main.tf');
    const mainText = 'resource "awscc_cognito_user_pool_client" "web" {\n  user_pool_id = "us-east-1_Abc"\n  client_name  = "web"\n}\n';
    writeFileSync(main, mainText);
    const ws = new Workspace();
    ws.openDocument(uri(main), 1, mainText);
    const ctx = ws.contextFor(uri(main))!;
    computeDiagnostics(ctx);
    const module = ws.moduleFor(uri(main));
    const clients = module.resources('awscc_cognito_user_pool_client').filter((d) => d.uri.endsWith('big.tf'));
    assert.ok(clients.length >= 60);
    const imports = module.imports().filter((i) => i.uri.endsWith('big.tf'));
    assert.ok(imports.length >= 2, 'the generated module has import blocks');
    assert.deepEqual(clients.filter((d) => !isPacked(d.node)).map((d) => d.name), [], 'no client body was parsed');
    assert.deepEqual(imports.filter((i) => !isPacked(i.block)).map((i) => i.block.start), [], 'no import body was parsed');
    const last = imports[imports.length - 1];
    assert.equal(last.to?.address, 'awscc_cognito_user_pool_client.extra');
    assert.equal(last.to?.resourceName, 'extra');
    assert.equal(imports.filter((i) => !isPacked(i.block)).length, 1, 'reading one target parsed one body');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a large ASCII sibling is read in pieces and skimmed as they come: the same declarations and text as read whole, the text never joined', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-sibling-'));
  try {
    let text = generateModuleText(10, 1);
    for (let i = 0; text.length <= 2.5 * PIECE_BYTES; i++) text += generateModuleText(200, 10 + i).replace(/client_(\d+)/g, `client_${i}_$1`);
    writeFileSync(join(dir, 'big.tf'), text);
    // The same text with one non-ASCII character: read whole (decoded as UTF-8), with the same declarations.
    writeFileSync(join(dir, 'other.tf'), text.replace(/client_/g, 'other_').replace('# ', '# é '));
    const main = join(dir, 'main.tf');
    writeFileSync(main, 'locals {}\n');
    const ws = new Workspace();
    ws.openDocument(uri(main), 1, 'locals {}\n');
    const module = ws.moduleFor(uri(main));
    const big = module.documents().find((d) => d.uri.endsWith('big.tf'))!;
    const other = module.documents().find((d) => d.uri.endsWith('other.tf'))!;
    assert.equal((big.file.source as DocumentText).joined, false, 'the large ASCII file stays in pieces');
    assert.equal((other.file.source as DocumentText).joined, true, 'the non-ASCII one is read whole');
    const whole = skim(text);
    assert.equal(JSON.stringify(big.file.body.items.map((b) => b.kind === 'Block' && [b.start, b.end, b.labels])), JSON.stringify(whole.body.items.map((b) => b.kind === 'Block' && [b.start, b.end, b.labels])));
    const names = module.resources('awscc_cognito_user_pool_client').map((d) => d.name);
    assert.equal(names.filter((n) => n.startsWith('client_')).length, whole.body.items.filter((b) => b.kind === 'Block' && b.type.name === 'resource').length);
    assert.equal(names.filter((n) => n.startsWith('other_')).length, names.filter((n) => n.startsWith('client_')).length);
    // Read on demand: a body deep in the file, a position, the whole text.
    const last = module.findResource('awscc_cognito_user_pool_client', names.filter((n) => n.startsWith('client_')).at(-1)!)!;
    assert.ok((last.node as { body: { items: unknown[] } }).body.items.length > 3);
    assert.equal(big.file.rangeOf(last.node!).start.line, text.slice(0, last.node!.start).split('\n').length - 1);
    assert.equal(big.file.text, text);
    assert.deepEqual(big.file.diagnostics, []);
    // A file event: the large file is read again (in pieces), with what it declares now.
    writeFileSync(join(dir, 'big.tf'), text.replace(/client_0_0"/g, 'renamed"'));
    ws.fileChanged(uri(join(dir, 'big.tf')), 'changed');
    const after = ws.moduleFor(uri(main));
    assert.ok(after.findResource('awscc_cognito_user_pool_client', 'renamed'));
    assert.equal(after.findResource('awscc_cognito_user_pool_client', 'client_0_0'), undefined);
    assert.equal((after.documents().find((d) => d.uri.endsWith('big.tf'))!.file.source as DocumentText).joined, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readPieces declines small files, folders and FIFOs (without opening a FIFO), so they are read whole or refused as before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscc-sibling-'));
  try {
    writeFileSync(join(dir, 'small.tf'), 'locals {}\n');
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.tf')]).status, 0, 'mkfifo');
    const fed: string[] = [];
    const consume = (t: string) => (fed.push(t), t.length);
    assert.equal(readPieces(join(dir, 'small.tf'), consume), false);
    assert.equal(readPieces(join(dir, 'pipe.tf'), consume), false);
    assert.equal(readPieces(dir, consume), false);
    assert.equal(readPieces(join(dir, 'missing.tf'), consume), false);
    assert.deepEqual(fed, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
