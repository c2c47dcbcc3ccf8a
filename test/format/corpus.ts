// The documents the differential tests format: the parser's valid fixtures, generated modules, random
// documents covering every expression form, and whitespace-perturbed variants of all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/parser';
import { generateModuleText } from '../support/generate';
import { randomHclDocument } from '../support/randomHcl';
import { perturbWhitespace } from './perturb';

export interface CorpusDocument {
  name: string;
  text: string;
}

const VALID_DIR = join(__dirname, '..', 'fixtures', 'valid');

export function formatCorpus(options: { randomDocuments: number; generatedModules: number; seed: number }): CorpusDocument[] {
  const base: CorpusDocument[] = [];
  for (const name of readdirSync(VALID_DIR).filter((n) => n.endsWith('.tf')).sort()) {
    base.push({ name, text: readFileSync(join(VALID_DIR, name), 'utf8') });
  }
  for (let i = 0; i < options.generatedModules; i++) {
    base.push({ name: `generated-${options.seed + i}`, text: generateModuleText(8, options.seed + i) });
  }
  for (let i = 0; i < options.randomDocuments; i++) {
    base.push({ name: `random-${options.seed + i}`, text: randomHclDocument(options.seed + i) });
  }
  const out: CorpusDocument[] = [];
  for (const doc of base) {
    if (parse(doc.text).diagnostics.some((d) => d.severity === 'error')) continue;
    out.push(doc);
    out.push({ name: `${doc.name} (respaced)`, text: perturbWhitespace(doc.text, options.seed + out.length) });
    out.push({ name: `${doc.name} (respaced, CRLF)`, text: perturbWhitespace(doc.text, options.seed + out.length, { crlf: true }) });
  }
  return out;
}
