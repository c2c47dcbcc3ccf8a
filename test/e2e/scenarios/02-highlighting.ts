import assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

export const scenario: Scenario = {
  name: 'highlighting',
  description: 'a keyword, a resource type, a string and a comment are drawn in different colours',
  async run(driver) {
    await driver.openFile('highlight.tf');
    await driver.waitForLanguageMode('Terraform');
    // Monaco draws each token as a span whose mtkN class is its colour; without a grammar all are mtk1.
    const classOf = async (text: string) => {
      const span = driver.page.locator('.editor-instance .view-lines .view-line span span').filter({ hasText: text }).first();
      await span.waitFor({ state: 'visible' });
      return (await span.getAttribute('class')) ?? '';
    };
    const colours = {
      keyword: await classOf('resource'),
      type: await classOf('awscc_cognito_user_pool_client'),
      string: await classOf('us-east-1_AbCdEf123'),
      comment: await classOf('A comment the theme colours'),
      constant: await classOf('true'),
      nameLabel: await classOf('"web"'),
    };
    await driver.screenshot('tokens');
    for (const [kind, cls] of Object.entries(colours)) assert.match(cls, /\bmtk\d+\b/, `${kind} token has a colour class`);
    const distinct = new Set([colours.keyword, colours.type, colours.string, colours.comment]);
    assert.equal(distinct.size, 4, `keyword, type, string and comment differ: ${JSON.stringify(colours)}`);
    assert.equal(colours.nameLabel, colours.string, 'the resource name label is coloured like a string');
  },
};
