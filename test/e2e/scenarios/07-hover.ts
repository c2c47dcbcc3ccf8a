import assert from 'node:assert/strict';
import { findAttribute } from '../../../server/src/knowledge';
import type { Scenario } from '../scenario';

// What the hover must say comes from the knowledge base: the type and the provider's range.
const spec = findAttribute(['access_token_validity']);

export const scenario: Scenario = {
  name: 'hover',
  description: 'hovering access_token_validity shows its name, type, the 1–86400 range and the unit it is counted in',
  async run(driver) {
    assert.ok(spec?.range, 'access_token_validity has a range in the knowledge base');
    const range = `${spec.range.min}–${spec.range.max}`;
    await driver.openFile('hover.tf');
    await driver.waitForLanguageMode('Terraform');
    const text = await driver.hoverWord('access_token_validity', range);
    assert.match(text, /access_token_validity\s*—\s*number, optional/);
    assert.ok(text.includes(`Range: ${range}`), `the hover gives the range: ${text}`);
    assert.ok(text.includes('token_validity_units.access_token'), 'the hover names the unit attribute');
  },
};
