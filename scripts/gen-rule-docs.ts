// Writes docs/rules.md from the rule catalogue: `node --import tsx scripts/gen-rule-docs.ts`.
// test/features/rules/docs.test.ts fails when the committed file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/features/rules';
import { renderRuleDocs } from '../server/src/features/rules/docs';

const target = join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRuleDocs(rules));
console.log(`wrote ${target} (${rules.length} rules)`);
