// One source of truth for confidence: every cross-field fact is worded once (knowledge/crossFieldFacts.ts);
// hover shows that wording on the attributes and values it is about, the rule reference shows it under the
// rules built on it, and those rules' severity and messages stay within its evidence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { crossFieldFacts, factsOfRule, findAttribute, SEVERITY_CAP, type CrossFieldFact } from '../../server/src/knowledge';
import { hover } from '../../server/src/features/hover';
import { rules, rulesByCode } from '../../server/src/features/rules';
import { renderRuleDocs } from '../../server/src/features/rules/docs';
import { contextFor } from '../support/context';
import { diagnose } from './rules/helpers';

const RANK = { information: 0, warning: 1, error: 2 } as const;
const MODAL = /\b(must|needs?|cannot|can not|only|requires?|wants?|refuses?|rejects?|ignores?|leave out|drop|should)\b/i;

/**
 * Whether a text states (part of) a fact in words of its own: a sentence with a must/needs/cannot word that
 * names another attribute of the fact or one of its values. For a value's own summary every such sentence counts.
 */
function restates(text: string, fact: CrossFieldFact, ownPath: string, aboutValue = false): boolean {
  const own = ownPath.split('.').pop()!;
  const others = fact.attributes.map((p) => p.split('.').pop()!).filter((n) => n !== own);
  return text.split(/(?<=\.)\s+/).some((sentence) => MODAL.test(sentence) && (aboutValue || [...others, ...(fact.values ?? [])].some((n) => sentence.includes(n))));
}

/** A client whose attribute at `path` is written out; returns the text and the offset of `path`'s last name. */
function clientWith(path: string, value = 'null'): { text: string; at: number } {
  const [top, nested] = path.split('.');
  const line = nested ? `  ${top} = { ${nested} = ${value} }` : `  ${top} = ${value}`;
  const text = `resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_AbC123"\n${line}\n}\n`;
  const name = nested ?? top;
  return { text, at: text.indexOf(`${name} = `, text.indexOf(line)) + 1 };
}

function hoverAt(text: string, at: number): string {
  return hover(contextFor(text), at)?.contents ?? '';
}

/** A client per rule that breaks the rule's fact (so the message can be read). */
const TRIGGERS: Record<string, string> = {
  CUP209: '  read_attributes = ["emial"]',
  CUP210: '  allowed_o_auth_scopes = ["OpenID"]',
  CUP301: '  access_token_validity = 48',
  CUP302: '  id_token_validity = 20\n  refresh_token_validity = 600\n  token_validity_units = { id_token = "hours", refresh_token = "minutes" }',
  CUP401: '  allowed_o_auth_flows = ["client_credentials", "code"]',
  CUP402: '  explicit_auth_flows = ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]',
  CUP403: '  default_redirect_uri = "https://a.example/x"\n  callback_ur_ls = ["https://a.example/cb"]',
  CUP404: '  enable_propagate_additional_user_context_data = true',
  CUP405: '  allowed_o_auth_flows = ["client_credentials"]',
  CUP406: '  allowed_o_auth_flows = ["code"]',
  CUP407: '  allowed_o_auth_flows = ["code"]\n  callback_ur_ls = ["https://a.example/cb"]',
  CUP408: '  refresh_token_rotation = { feature = "ENABLED" }\n  explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH"]',
  CUP409: '  allowed_o_auth_flows_user_pool_client = true',
  CUP410: '  refresh_token_rotation = { retry_grace_period_seconds = 10 }',
  CUP411: '  analytics_configuration = { application_id = "abc123" }',
  CUP412: '  generate_secret = true\n  allowed_o_auth_flows = ["client_credentials"]\n  allowed_o_auth_scopes = ["openid"]',
};
/** Rules that need a whole user pool graph to fire; their messages are pinned in test/features/rules/poolGraph.test.ts. */
const POOL_GRAPH_RULES = new Set(['CUP801', 'CUP802', 'CUP803']);

describe('cross-field facts: hover and rules say the same thing', () => {
  test('each statement carries its evidence in its own words', () => {
    for (const fact of crossFieldFacts) {
      assert.equal(fact.statement.includes('UNCONFIRMED'), fact.evidence === 'unconfirmed', `fact ${fact.id}: UNCONFIRMED exactly when unconfirmed`);
      if (fact.evidence === 'secondary') assert.match(fact.statement, /quoted|public/, `fact ${fact.id}: a secondary fact says where it is known from`);
    }
  });

  test('hover on every attribute a fact is about shows the statement', () => {
    for (const fact of crossFieldFacts) {
      for (const path of fact.attributes) {
        const { text, at } = clientWith(path);
        assert.ok(hoverAt(text, at).includes(fact.statement), `fact ${fact.id} in the hover of ${path}`);
      }
    }
  });

  test('hover on every value a fact is about shows the statement', () => {
    let checked = 0;
    for (const fact of crossFieldFacts) {
      for (const value of fact.values ?? []) {
        for (const path of fact.attributes) {
          const spec = findAttribute(path.split('.'));
          if (!spec?.enum?.values.some((v) => v.value === value)) continue;
          const literal = spec.type === 'list' ? `["${value}"]` : `"${value}"`;
          const { text } = clientWith(path, literal);
          const contents = hoverAt(text, text.indexOf(`"${value}"`) + 2);
          assert.ok(contents.includes(fact.statement), `fact ${fact.id} in the hover of ${path} = ${value}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 15, `value hovers checked: ${checked}`);
  });

  test('rules built on a fact stay within its evidence, and the rule reference quotes the statement', () => {
    const docs = renderRuleDocs(rules);
    for (const fact of crossFieldFacts) {
      for (const code of fact.rules ?? []) {
        const rule = rulesByCode.get(code);
        assert.ok(rule, `fact ${fact.id} names ${code}`);
        assert.ok(RANK[rule.defaultSeverity] <= RANK[SEVERITY_CAP[fact.evidence]], `${code} (${rule.defaultSeverity}) on a ${fact.evidence} fact`);
        const section = docs.slice(docs.indexOf(`### ${code} `), docs.indexOf('\n### ', docs.indexOf(`### ${code} `) + 1));
        assert.ok(section.includes(`- **Evidence (${fact.evidence}):** ${fact.statement}`), `${code} docs quote fact ${fact.id}`);
      }
    }
  });

  test('a rule message says UNCONFIRMED exactly when its fact is unconfirmed', () => {
    for (const rule of rules) {
      const facts = factsOfRule(rule.code);
      if (facts.length === 0 || POOL_GRAPH_RULES.has(rule.code)) continue;
      const body = TRIGGERS[rule.code];
      assert.ok(body, `${rule.code} needs a trigger here`);
      const text = `resource "awscc_cognito_user_pool_client" "c" {\n  user_pool_id = "us-east-1_AbC123"\n${body}\n}\n`;
      const found = diagnose(text).filter((d) => d.code === rule.code);
      assert.ok(found.length > 0, `${rule.code} fires on its trigger`);
      const unconfirmed = facts.every((f) => f.evidence === 'unconfirmed');
      for (const d of found) assert.equal(String(d.message).includes('UNCONFIRMED'), unconfirmed, `${rule.code}: ${String(d.message)}`);
    }
  });

  test('every cross-field rule rests on a fact', () => {
    for (const rule of rules.filter((r) => r.category === 'cross-field')) {
      assert.ok(factsOfRule(rule.code).length > 0, `${rule.code} names no fact`);
    }
  });

  test('descriptions and value summaries do not restate facts that are not primary (they would lose the hedge)', () => {
    // The original disagreement, as the explicit_auth_flows hover used to word it, is caught:
    assert.equal(restates('Use the ALLOW_* values. With refresh token rotation enabled, leave out `ALLOW_REFRESH_TOKEN_AUTH`.', crossFieldFacts.find((f) => f.id === 13)!, 'explicit_auth_flows'), true);
    for (const fact of crossFieldFacts.filter((f) => f.evidence !== 'primary')) {
      for (const path of fact.attributes) {
        const spec = findAttribute(path.split('.'))!;
        assert.equal(restates(spec.description, fact, path), false, `the description of ${path} restates fact ${fact.id}: let the fact say it`);
        for (const value of spec.enum?.values ?? []) {
          if (fact.values?.includes(value.value)) assert.equal(restates(value.summary, fact, path, true), false, `${path} = ${value.value} restates fact ${fact.id}`);
        }
      }
    }
  });
});
