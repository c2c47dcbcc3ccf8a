// Accept/reject agreement with terraform's own HCL parser on mutated valid files: we report at least one
// syntax error exactly when `terraform fmt` rejects the file. Mutations: insert an interesting piece,
// delete 1-3 characters, duplicate a run, replace a character, truncate (test/support/mutate.ts).
//
// No mutation class is excluded. Where HCL and we could legitimately differ we follow HCL instead:
// a lone CR is an invalid character (HCL's line breaks are LF and CRLF), a single-line block must close
// on its line, attributes may not be redefined in a body, `.0.1` and nested `.*` splats are errors.
import { parse } from '../../server/src/parser';
import { seededRandom } from '../support/generate';
import { applyChange, randomMutation } from '../support/mutate';
import { referenceJson } from '../support/hclJson';
import { randomHclDocument } from '../support/randomHcl';
import { terraformAvailable, terraformRejects } from '../support/terraformCheck';
import { fixtureCorpus } from './differentialSuite';

export interface Disagreement {
  description: string;
  text: string;
  ours: string[];
  referenceRejects: boolean;
}

export interface AcceptRejectResult {
  reference: 'terraform' | 'hcl2-parser';
  mutations: number;
  rejected: number;
  disagreements: Disagreement[];
}

export function runAcceptReject(count: number, seed: number, batchSize = 500): AcceptRejectResult {
  const rand = seededRandom(seed);
  const bases = [...fixtureCorpus().map((c) => c.text), ...Array.from({ length: 40 }, (_, i) => randomHclDocument(seed + i))];
  const useTerraform = terraformAvailable();
  if (!useTerraform) console.log('terraform is not on PATH: falling back to hcl2-parser as the accept/reject reference');
  const result: AcceptRejectResult = { reference: useTerraform ? 'terraform' : 'hcl2-parser', mutations: 0, rejected: 0, disagreements: [] };
  for (let done = 0; done < count; done += batchSize) {
    const texts: string[] = [];
    const descriptions: string[] = [];
    for (let i = 0; i < Math.min(batchSize, count - done); i++) {
      const base = bases[(done + i) % bases.length];
      const m = randomMutation(base, rand);
      texts.push(applyChange(base, m.change));
      descriptions.push(m.description);
    }
    // hcl2-parser also fails on evaluation problems, so it is only a fallback oracle.
    const verdicts = useTerraform ? terraformRejects(texts) : texts.map((t) => !referenceJson(t).ok);
    texts.forEach((text, i) => {
      const ours = parse(text).diagnostics;
      result.mutations++;
      if (verdicts[i]) result.rejected++;
      if (ours.length > 0 !== verdicts[i]) {
        result.disagreements.push({ description: descriptions[i], text, ours: ours.map((d) => `${d.message} at ${d.start}`), referenceRejects: verdicts[i] });
      }
    });
  }
  return result;
}
