// The property suites shared by properties.test.ts (small counts) and properties.fuzz.ts (large counts).
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parse, reparse, type TextChange } from '../../server/src/parser';
import { parseRegion } from '../../server/src/parser/file';
import { generateModuleText, seededRandom } from '../support/generate';
import { applyChange, randomMutation } from '../support/mutate';
import { randomHclDocument } from '../support/randomHcl';
import { serializeFile, treeProblems } from '../support/treeInvariants';
import { scanCase } from './scanCase';

export interface SuiteResult {
  cases: number;
  failures: string[];
}

export interface PropertySuite {
  name: string;
  run(): SuiteResult;
}

function check(text: string): string | undefined {
  let file;
  try {
    file = parse(text);
  } catch (e) {
    return `parse threw ${(e as Error).stack}\ninput: ${JSON.stringify(text.slice(0, 400))}`;
  }
  const problems = treeProblems(file);
  return problems.length ? `${problems.slice(0, 3).join('\n')}\ninput: ${JSON.stringify(text.slice(0, 400))}` : undefined;
}

function viaFastCheck(arb: fc.Arbitrary<string>, numRuns: number, seed: number): SuiteResult {
  const failures: string[] = [];
  let cases = 0;
  fc.assert(
    fc.property(arb, (text) => {
      cases++;
      const problem = check(text);
      if (problem) failures.push(problem);
    }),
    { numRuns, seed },
  );
  return { cases, failures };
}

/** Compares reparse (one batch of changes, or changes one by one) with a full parse of the final text. */
function reparseCase(base: string, rand: () => number, edits: number): string | undefined {
  let text = base;
  let file = parse(text);
  void file.lines.lineCount;
  const batch: TextChange[] = [];
  const descriptions: string[] = [];
  let batchText = text;
  for (let i = 0; i < edits; i++) {
    const m = randomMutation(batchText, rand);
    batch.push(m.change);
    descriptions.push(m.description);
    batchText = applyChange(batchText, m.change);
  }
  try {
    // One by one (each parse result feeds the next) ...
    let stepwise = file;
    for (const change of batch) {
      stepwise = reparse(stepwise, [change]);
      text = applyChange(text, change);
    }
    // ... and as one LSP-style batch from the original.
    const batched = reparse(file, batch);
    const full = parse(batchText);
    const expected = serializeFile(full);
    if (stepwise.text !== batchText || serializeFile(stepwise) !== expected) return `stepwise reparse differs after ${descriptions.join('; ')}\nbase: ${JSON.stringify(base.slice(0, 300))}`;
    if (serializeFile(batched) !== expected) return `batched reparse differs after ${descriptions.join('; ')}`;
    // The previous tree is untouched.
    if (serializeFile(file) !== serializeFile(parse(base))) return `reparse changed the previous tree after ${descriptions.join('; ')}`;
  } catch (e) {
    return `reparse threw ${(e as Error).stack} after ${descriptions.join('; ')}`;
  }
  file = parse(batchText);
  return undefined;
}

export function runParserProperties(options: { scale: number; seed?: number }): PropertySuite[] {
  const n = (count: number) => Math.max(1, Math.round(count * options.scale));
  const seed = options.seed ?? 20261127;
  return [
    {
      name: 'never throws and keeps ranges sound on random unicode strings',
      run: () => viaFastCheck(fc.string({ unit: 'grapheme', maxLength: 200 }), n(300), seed),
    },
    {
      name: 'never throws on random bytes, control characters and lone surrogates',
      run: () => viaFastCheck(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }), n(300), seed + 1),
    },
    {
      name: 'never throws on token soup made of HCL punctuation and keywords',
      run: () =>
        viaFastCheck(
          fc.array(fc.constantFrom('{', '}', '[', ']', '(', ')', '"', '${', '%{', '~}', '<<EOT\n', '<<-EOT\n', 'EOT\n', '/*', '*/', '#', '\n', '\r\n', ' ', '=', '.', '*', ',', ':', '?', '=>', '...', 'for', 'in', 'if', 'endif', 'endfor', 'else', 'a', '1', 'resource "r" "n" {', 'locals {', '\\'), { maxLength: 80 }).map((xs) => xs.join('')),
          n(500),
          seed + 2,
        ),
    },
    {
      name: 'never throws on mutated valid files',
      run: () => {
        const failures: string[] = [];
        const rand = seededRandom(seed + 3);
        let cases = 0;
        for (let i = 0; i < n(300); i++) {
          let text = randomHclDocument(seed + i);
          for (let k = 0, edits = 1 + Math.floor(rand() * 4); k < edits; k++) text = applyChange(text, randomMutation(text, rand).change);
          cases++;
          const problem = check(text);
          if (problem) failures.push(problem);
        }
        return { cases, failures };
      },
    },
    {
      name: 'reparse after random edits equals a full parse (random documents)',
      run: () => {
        const failures: string[] = [];
        const rand = seededRandom(seed + 4);
        let cases = 0;
        for (let i = 0; i < n(300); i++) {
          cases++;
          const problem = reparseCase(randomHclDocument(seed * 7 + i), rand, 1 + Math.floor(rand() * 3));
          if (problem) failures.push(problem);
        }
        return { cases, failures };
      },
    },
    {
      name: 'reparse after random edits equals a full parse (generated modules)',
      run: () => {
        const failures: string[] = [];
        const rand = seededRandom(seed + 5);
        let cases = 0;
        const base = generateModuleText(12, seed);
        for (let i = 0; i < n(200); i++) {
          cases++;
          const problem = reparseCase(base, rand, 1 + Math.floor(rand() * 2));
          if (problem) failures.push(problem);
        }
        return { cases, failures };
      },
    },
    {
      name: 'the skim scanner finds the blocks the token skim finds (token soup, mutated files, CRLF)',
      run: () => {
        const failures: string[] = [];
        const rand = seededRandom(seed + 7);
        let cases = 0;
        const soup = ['{', '}', '"', '${', '%{', '~}', '$${', '\\', '<<EOT\n', '<<-EOT\n', 'EOT\n', '/*', '*/', '#', '\n', '\r\n', ' ', '=', 'a', '\nresource "r" "n" {', '\nlocals {', '\n}\n'];
        for (let i = 0; i < n(300); i++) {
          let text = 'locals {\n';
          for (let k = 0, m = Math.floor(rand() * 30); k < m; k++) text += soup[Math.floor(rand() * soup.length)];
          let mutated = randomHclDocument(seed * 5 + i);
          for (let k = 0, edits = Math.floor(rand() * 3); k < edits; k++) mutated = applyChange(mutated, randomMutation(mutated, rand).change);
          for (const t of [text, mutated, mutated.replace(/\n/g, '\r\n')]) {
            cases++;
            const problem = scanCase(t).problem;
            if (problem) failures.push(problem);
          }
        }
        return { cases, failures };
      },
    },
    {
      name: 'packed block bodies unpack to exactly the objects an unpacked parse builds (mutated files)',
      run: () => {
        const failures: string[] = [];
        const rand = seededRandom(seed + 6);
        let cases = 0;
        for (let i = 0; i < n(300); i++) {
          let text = randomHclDocument(seed * 3 + i);
          for (let k = 0, edits = 1 + Math.floor(rand() * 4); k < edits; k++) text = applyChange(text, randomMutation(text, rand).change);
          cases++;
          const problem = packedCase(text);
          if (problem) failures.push(problem);
        }
        return { cases, failures };
      },
    },
  ];
}

/** A full parse (bodies packed, then read) against the same text parsed without packing. */
function packedCase(text: string): string | undefined {
  try {
    const packed = parse(text).body;
    const plain = parseRegion(text, 0, text.length, false).body;
    // JSON reads (so unpacks) every body and compares key order; isDeepStrictEqual adds prototypes and undefined keys.
    if (JSON.stringify(packed) !== JSON.stringify(plain) || !isDeepStrictEqual(packed, plain)) {
      return `packed tree differs\ninput: ${JSON.stringify(text.slice(0, 400))}`;
    }
  } catch (e) {
    return `packing threw ${(e as Error).stack}\ninput: ${JSON.stringify(text.slice(0, 400))}`;
  }
  return undefined;
}
