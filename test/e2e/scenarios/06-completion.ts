import assert from 'node:assert/strict';
import { explicitAuthFlows, findAttribute } from '../../../server/src/knowledge';
import type { Scenario } from '../scenario';

// The expectations come from the knowledge base, so the scenario follows it when values are added.
const flowValues = explicitAuthFlows.map((v) => v.value);
const flowsSummary = findAttribute(['explicit_auth_flows'])?.summary ?? '';

export const scenario: Scenario = {
  name: 'completion',
  description:
    'Ctrl+Space on a partial name offers explicit_auth_flows with its documentation and inserts `= []`; inside `["` all nine auth flow values are offered and the chosen one is inserted',
  async run(driver) {
    assert.equal(flowValues.length, 9, 'the knowledge base lists the nine ExplicitAuthFlows values');
    assert.ok(flowsSummary, 'explicit_auth_flows has a summary in the knowledge base');
    await driver.openFile('completion.tf');
    await driver.waitForLanguageMode('Terraform');

    // Attribute name: typing may open the widget by itself; close it so Ctrl+Space is what opens it.
    await driver.typeAt(4, 1, '  explicit_au');
    await driver.press('Escape');
    await driver.waitForNoCompletion();
    const names = await driver.triggerCompletion('explicit_auth_flows');
    assert.ok(names.every((label) => label.includes('explicit_')), `the typed prefix narrows the list: ${names.join(' | ')}`);
    const documentation = await driver.completionDocumentation(flowsSummary);
    assert.match(documentation, /list of string/, 'the documentation names the type');
    await driver.press('Enter');
    await driver.waitForEditorText('  explicit_auth_flows = []');

    // Accepting the name asks for completion again inside the brackets; start the value ourselves instead.
    await driver.press('Escape');
    await driver.waitForNoCompletion();
    await driver.page.keyboard.type('"');
    await driver.waitForEditorText('explicit_auth_flows = [""]');
    await driver.ensureCompletion(flowValues[0]);
    const offered = await driver.completionLabels();
    await driver.screenshot('all-flow-values');
    assert.deepEqual([...offered].sort(), [...flowValues].sort(), `offered: ${offered.join(', ')}`);

    // Filtering by a prefix leaves the one value, and Enter writes it between the quotes.
    await driver.page.keyboard.type('ALLOW_USER_SRP');
    await driver.ensureCompletion('ALLOW_USER_SRP_AUTH');
    await driver.press('Enter');
    await driver.waitForEditorText('  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]');
    const text = await driver.editorText();
    assert.equal(text.split('\n').filter((line) => line.includes('explicit_auth_flows')).length, 1, text);
    assert.doesNotMatch(text, /ALLOW_USER_SRP_AUTH"\s*"/, 'no stray quote after the accepted value');
  },
};
