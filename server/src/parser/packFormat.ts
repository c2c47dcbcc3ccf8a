// Packed block bodies: a full parse stores each top-level block's body as a run of int32 records
// instead of keeping its ~110 node objects, and `BlockNode.body` unpacks it into the same objects the
// first time anyone reads it.
//
// Why: a 10,000-block file is ~1 million nodes (~100 MB). Objects that survive are copied by V8's young
// generation collector (or allocated pretenured at a similar cost), which made a full parse at 10,000
// blocks ~12x a bare scan of the text, against ~6.6x at 1,000 blocks. Packed, the parse's nodes die young
// and the records live outside the JS heap. Blocks that nobody reads (most resources of a real module are
// not ours) never become objects at all.
//
// Format (preorder, offsets relative to the block's start so moving a packed block costs nothing):
//   node   = code relStart relEnd fields...        (code 0 stands for an absent optional node)
//   string = a b  : the text at relative offset a, length b; or b = -1: `values[a]` (decoded text)
//   number = tag x: 0 null, 1 false, 2 true, 3 the integer x, 4 `values[x]`
//   offset = relative offset, or NONE for -1
// The field order of each kind mirrors the object literal the parser builds, so unpacked nodes have the
// same keys in the same order (trees are compared as JSON and with deepStrictEqual in the tests).
import type { BinaryOperator } from './ast';

/** Stands for an absent offset (-1). */
export const NONE = -0x80000000;

/** Node codes (0 is an absent optional node). */
export const CODE = {
  BODY: 1, ATTRIBUTE: 2, BLOCK: 3, LABEL: 4, IDENTIFIER: 5, LITERAL: 6, STRING: 7, TEMPLATE_LITERAL: 8,
  INTERPOLATION: 9, DIRECTIVE_IF: 10, DIRECTIVE_FOR: 11, TEMPLATE: 12, TUPLE: 13, OBJECT: 14, OBJECT_ITEM: 15,
  FUNCTION_CALL: 16, VARIABLE: 17, TRAVERSAL: 18, GET_ATTR: 19, INDEX: 20, LEGACY_INDEX: 21, SPLAT: 22,
  CONDITIONAL: 23, BINARY: 24, UNARY: 25, PARENS: 26, FOR: 27, INVALID: 28,
} as const;

export const BINARY_OPERATORS: readonly BinaryOperator[] = ['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%'];

/** The records of one parse: shared by all the blocks it packed. */
export class PackStore {
  /** Allocated by the first block packed (a file without blocks, such as random bytes, needs none). */
  data: Int32Array = new Int32Array(0);
  length = 0;
  readonly values: unknown[] = [];

  constructor(private readonly expectedChars: number) {}

  /** The records so far, with room for the rest of the file. */
  ensureData(): Int32Array {
    // Typical configuration needs ~0.4 ints per character (dense expressions up to ~0.9): half an int per
    // character avoids regrowing for most files. The room left unused is never written, so the system never
    // gives it pages: it costs address space, not memory. (Copying the records into an array of their exact
    // size once the parse was done took 5,100 page faults and ~75 ms at 10,000 blocks, and raised the peak.)
    if (this.data.length === 0) this.data = new Int32Array(Math.max(1024, this.expectedChars >> 1));
    return this.data;
  }
}
