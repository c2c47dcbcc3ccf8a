// The HCL parser's public surface. Nothing here imports anything else of ours or any editor package.
import type { Block, Expression, HclFile, Node, Span, TextChange } from './ast';
import { BlockNode } from './blockNode';
import { parseText, skimText, tokenizeText } from './file';
import { parseOpenedText, settleOpenedFile } from './lazyFile';
import { reparseFile } from './reparse';
import type { Tokens } from './tokens';
import { firstItemEndingFrom as firstItemEndingFromImpl, forEachChild as forEachChildImpl, nodePathAt as nodePathAtImpl, staticString as staticStringImpl } from './walk';

export * from './ast';
export { T as TokenKind, TOKEN_NAMES, FLAG_HEADER, type Tokens } from './tokens';
export { TextLineIndex } from './lineIndex';
export { PieceSkim } from './pieceSkim';

/** Parses a whole document. Never throws: problems become `diagnostics` and incomplete nodes. */
export function parse(text: string): HclFile {
  return parseText(text);
}

/**
 * Parses a document opened in the editor: `parse`'s tree, but a large text's block bodies are parsed when
 * first read (see lazyFile.ts). Call `settleOpened` once the first check is done.
 */
export function parseOpened(text: string): HclFile {
  return parseOpenedText(text);
}

/**
 * For a file from `parseOpened`: parses the blocks nobody read yet. Undefined when the file is the whole
 * text's parse (and for any other file). Else (a syntax error inside a block, or a block the header lines
 * did not show) the file reads like a skimmed one: this returns the whole parse, which its owner must use
 * instead, and check again.
 */
export function settleOpened(file: HclFile): HclFile | undefined {
  return settleOpenedFile(file);
}

/**
 * Parses a document that is only read for what it declares (a module's file that is not open): the same
 * tree as `parse` for every reader, but each top-level block's body is parsed when first read, and the
 * syntax diagnostics and comments when first read. Cheap for large files of which little is read.
 */
export function skim(text: string): HclFile {
  return skimText(text);
}

/**
 * Applies LSP-style changes (offsets into the text as it is after the previous changes) and returns a new
 * HclFile equal to `parse(newText)`; `previous` stays valid. Re-parses only the top-level items around each
 * change when that is provably equivalent, else falls back to a full parse.
 */
export function reparse(previous: HclFile, changes: TextChange[]): HclFile {
  return reparseFile(previous, changes);
}

/**
 * Lets a top-level block of a full parse or a skim drop its body's objects: the body is built again from the
 * parse's records the next time it is read. For callers that read a block once and keep nothing from
 * inside it (a diagnostics run over thousands of blocks). False when the body cannot be rebuilt that way.
 */
export function releaseBody(block: Block): boolean {
  return block instanceof BlockNode && block.releaseBody();
}

/** Whether a top-level block's body is still records or text (nobody has read it since it was last released). */
export function isBodyDeferred(block: Block): boolean {
  return block instanceof BlockNode && block.isPacked;
}

/**
 * `read(block)`, after which a body that was still records or text before goes back to them (see
 * `releaseBody`): for a pass over many blocks that keeps nothing from inside them (an outline, a format, quick
 * fixes), so that it does not leave every body it read built. A body someone else had read stays as it is.
 */
export function readingBody<T>(block: Block, read: (block: Block) => T): T {
  const deferred = isBodyDeferred(block);
  const result = read(block);
  if (deferred) releaseBody(block);
  return result;
}

/** Nodes containing `offset` (end inclusive), from the file body down to the innermost. */
export function nodePathAt(file: HclFile, offset: number): Node[] {
  return nodePathAtImpl(file, offset);
}

/** The index of the first of `items` (sorted, not overlapping) that ends at or after `offset`. */
export function firstItemEndingFrom(items: readonly Span[], offset: number): number {
  return firstItemEndingFromImpl(items, offset);
}

/** Visits the direct children of a node in source order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  forEachChildImpl(node, visit);
}

/**
 * The token stream of a text for the formatter: parallel arrays of kinds (`TokenKind`), start and end
 * offsets, with comments and significant line breaks included and an `EOF` token last. See `Tokens`.
 */
export function tokenize(text: string): Tokens {
  return tokenizeText(text);
}

/** The decoded text of a plain string literal or a template made only of literal parts. */
export function staticString(expr: Expression): string | undefined {
  return staticStringImpl(expr);
}
