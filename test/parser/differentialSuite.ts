// Differential testing against hcl2-parser (HCL 2.10 compiled to JS): on valid files, every value in our
// tree, converted to hcl2json's JSON shape, must equal the reference's JSON.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/parser';
import { generateModuleText } from '../support/generate';
import { fileToJson, referenceJson } from '../support/hclJson';
import { randomHclDocument } from '../support/randomHcl';

export const VALID_FIXTURES = join(__dirname, '..', 'fixtures', 'valid');

export interface Corpus {
  name: string;
  text: string;
}

export function fixtureCorpus(): Corpus[] {
  return readdirSync(VALID_FIXTURES)
    .filter((f) => f.endsWith('.tf'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(VALID_FIXTURES, f), 'utf8') }));
}

export function randomCorpus(count: number, firstSeed: number): Corpus[] {
  return Array.from({ length: count }, (_, i) => ({ name: `random #${firstSeed + i}`, text: randomHclDocument(firstSeed + i, { legacyOnly: true }) }));
}

export function generatedCorpus(count: number, firstSeed: number): Corpus[] {
  return Array.from({ length: count }, (_, i) => ({ name: `module #${firstSeed + i}`, text: generateModuleText(1 + (i % 3), firstSeed + i) }));
}

export interface DifferentialResult {
  compared: number;
  /** Files hcl2-parser cannot handle although they are valid (its evaluation/conversion limits). */
  referenceRejected: string[];
}

/**
 * Compares each file; throws on the first disagreement. A file the reference rejects is skipped (and
 * listed) only when terraform's own parser accepts it, which the caller checks separately.
 */
export function compareWithReference(corpus: Corpus[]): DifferentialResult {
  const referenceRejected: string[] = [];
  let compared = 0;
  for (const { name, text } of corpus) {
    const ours = parse(text);
    assert.deepEqual(ours.diagnostics, [], `${name}: we report errors on a valid file`);
    const reference = referenceJson(text);
    if (!reference.ok) {
      referenceRejected.push(name);
      continue;
    }
    assert.deepEqual(JSON.parse(JSON.stringify(fileToJson(ours))), reference.value, `${name}: values differ from hcl2-parser`);
    compared++;
  }
  return { compared, referenceRejected };
}
