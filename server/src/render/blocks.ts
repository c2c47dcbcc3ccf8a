// Text of the blocks the renderer writes. Layout here is rough on purpose: the result goes through the
// formatter, which aligns `=` and indents exactly like terraform fmt.
import { quoteString } from '../format';
import { RESOURCE_TYPE } from '../knowledge';
import type { DescribedClient } from '../live/types';
import type { Setting } from './settings';
import { hclLiteral, objectKey, type PlainValue } from './values';

export interface UserPoolValue {
  /** Expression text: a reference (`awscc_cognito_user_pool.main.user_pool_id`) or a quoted literal. */
  expression: string;
}

/**
 * A one-line comment naming the client. What a string value would escape is escaped here too, the same way
 * (`\u202e`): a comment is read by people and shown by terminals, and a control character or a bidi override
 * in a client name must neither break the line nor reorder what the reader sees.
 */
export function clientComment(client: DescribedClient): string {
  const name = client.ClientName ? `"${client.ClientName}"` : client.ClientId;
  return `# App client ${name} (${client.ClientId}) in user pool ${client.UserPoolId}`.replace(NOT_PRINTABLE, escapeCodePoint);
}

// Everything but Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols, ASCII space), which is
// what hclwrite, and so quoteString, leaves unescaped in a string.
const NOT_PRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;

function escapeCodePoint(char: string): string {
  const cp = char.codePointAt(0)!;
  return cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
}

export function importIdBlock(client: DescribedClient, target: string): string {
  return `${clientComment(client)}\nimport {\n  to = ${target}\n  id = ${quoteString(importIdOf(client))}\n}\n`;
}

export function importIdentityBlock(client: DescribedClient, target: string): string {
  return (
    `${clientComment(client)}\nimport {\n  to = ${target}\n  identity = {\n` +
    `    user_pool_id = ${quoteString(client.UserPoolId)}\n    client_id = ${quoteString(client.ClientId)}\n  }\n}\n`
  );
}

export function importForEachBlock(entries: { key: string; client: DescribedClient }[], resourceName: string): string {
  const lines = entries.map(({ key, client }) => `    ${objectKey(key)} = ${quoteString(importIdOf(client))}\n`);
  return (
    `import {\n  for_each = {\n${lines.join('')}  }\n` +
    `  to = ${RESOURCE_TYPE}.${resourceName}[each.key]\n  id = each.value\n}\n`
  );
}

export function importIdOf(client: DescribedClient): string {
  return `${client.UserPoolId}|${client.ClientId}`;
}

export function resourceBlock(client: DescribedClient, name: string, pool: UserPoolValue, settings: Setting[]): string {
  const body = [`  user_pool_id = ${pool.expression}`, ...settings.map((s) => `  ${s.name} = ${hclLiteral(s.value, '  ')}`)];
  return `${clientComment(client)}\nresource "${RESOURCE_TYPE}" "${name}" {\n${body.join('\n')}\n}\n`;
}

/**
 * One resource for many clients, matching a `for_each` import: the settings of every client live in the
 * `for_each` map, and each attribute reads its entry. Attributes that some clients leave unset read
 * `try(each.value.x, null)`: null means "not configured", exactly what leaving the attribute out means.
 */
export function forEachResourceBlock(
  entries: { key: string; client: DescribedClient; pool: UserPoolValue; settings: Setting[] }[],
  name: string,
): string {
  const names: string[] = [];
  const count = new Map<string, number>();
  for (const e of entries) {
    for (const s of e.settings) {
      if (!count.has(s.name)) names.push(s.name);
      count.set(s.name, (count.get(s.name) ?? 0) + 1);
    }
  }
  const map = entries.map((e) => {
    const fields = [`      user_pool_id = ${e.pool.expression}`, ...e.settings.map((s) => `      ${s.name} = ${hclLiteral(s.value as PlainValue, '      ')}`)];
    return `    ${objectKey(e.key)} = {\n${fields.join('\n')}\n    }\n`;
  });
  const reads = names.map((n) => (count.get(n) === entries.length ? `  ${n} = each.value.${n}` : `  ${n} = try(each.value.${n}, null)`));
  return (
    `resource "${RESOURCE_TYPE}" "${name}" {\n  for_each = {\n${map.join('')}  }\n\n` +
    `  user_pool_id = each.value.user_pool_id\n${reads.join('\n')}${reads.length ? '\n' : ''}}\n`
  );
}
