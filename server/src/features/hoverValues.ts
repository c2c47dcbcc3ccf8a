// Hover inside attribute values: nested object keys, enum values in strings and lists, import ID strings
// and identity object keys.
import type { Expression, ObjectItem, Span } from '../parser';
import {
  CUSTOM_ATTRIBUTE_PREFIX,
  RESOURCE_TYPE,
  describeAttribute,
  describeEnumValue,
  describeIdentityAttribute,
  findAttribute,
  footer,
  identitySchema,
  importId,
  splitImportId,
  type AttributeSpec,
  type SchemaSpec,
} from '../knowledge';
import { branchAt, objectKeyName, within } from './caretContext';

export interface HoverText {
  markdown: string;
  span: Span;
}

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

export { objectKeyName } from './caretContext';

function itemAt(items: readonly ObjectItem[], offset: number): ObjectItem | undefined {
  return items.find((item) => within(item, offset));
}

/** Hover for the value of the attribute at `specPath` (`['token_validity_units']`). */
export function hoverAttributeValue(
  schema: SchemaSpec,
  specPath: readonly string[],
  value: Expression,
  offset: number,
): HoverText | undefined {
  const spec = findAttribute(specPath, schema);
  if (!spec) return undefined;
  const expr = branchAt(value, offset);
  if (spec.type === 'object' && expr.kind === 'Object') {
    const item = itemAt(expr.items, offset);
    const key = item && objectKeyName(item.key);
    if (!item || key === undefined) return undefined;
    const path = [...specPath, key];
    if (within(item.key, offset)) {
      const nested = findAttribute(path, schema);
      return nested && { markdown: describeAttribute(nested, { path: path.join('.'), docUrl: schema.docUrl }), span: item.key };
    }
    return within(item.value, offset) ? hoverAttributeValue(schema, path, item.value, offset) : undefined;
  }
  if (spec.type === 'list' && expr.kind === 'Tuple') {
    const element = expr.items.find((e) => within(e, offset));
    return element && hoverStringValue(spec, specPath, branchAt(element, offset));
  }
  if (spec.type === 'string') return hoverStringValue(spec, specPath, expr);
  return undefined;
}

function hoverStringValue(spec: AttributeSpec, specPath: readonly string[], expr: Expression): HoverText | undefined {
  if (expr.kind !== 'String') return undefined;
  const text = expr.value;
  const path = specPath.join('.');
  const known = spec.enum?.values.find((v) => v.value === text);
  if (known) return { markdown: describeEnumValue(spec, known, { path }), span: expr };
  if (spec.name === 'allowed_o_auth_scopes' && text.includes('/')) {
    const slash = text.lastIndexOf('/');
    const markdown = [
      `${code(text)} — custom OAuth scope`,
      `Scope ${code(text.slice(slash + 1))} of the resource server ${code(text.slice(0, slash))}. The resource server must exist in the user pool and define this scope, or AWS rejects the client.`,
      footer(),
    ].join('\n\n');
    return { markdown, span: expr };
  }
  if ((spec.name === 'read_attributes' || spec.name === 'write_attributes') && text.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) {
    const markdown = [
      `${code(text)} — custom user attribute`,
      `The custom attribute ${code(text.slice(CUSTOM_ATTRIBUTE_PREFIX.length))} of the user pool; it must be defined in the pool's schema.`,
      footer(),
    ].join('\n\n');
    return { markdown, span: expr };
  }
  return undefined;
}

/** Keys of `identity = { user_pool_id = ..., client_id = ... }` in an import block targeting this type. */
export function hoverIdentityObject(value: Expression, offset: number): HoverText | undefined {
  if (value.kind !== 'Object') return undefined;
  const item = itemAt(value.items, offset);
  if (!item || !within(item.key, offset)) return undefined;
  const key = objectKeyName(item.key);
  const attr = identitySchema.attributes.find((a) => a.name === key);
  return attr && { markdown: describeIdentityAttribute(attr), span: item.key };
}

/** An import ID literal `"<user_pool_id>|<client_id>"`: its parts and what is wrong with it. */
export function hoverImportId(value: Expression, offset: number): HoverText | undefined {
  const expr = branchAt(value, offset);
  if (expr.kind !== 'String') return undefined;
  const id = expr.value;
  const lines = [`**Import ID** of ${code(RESOURCE_TYPE)} — format ${code(importId.format)}`];
  const parts = splitImportId(id);
  if (!parts) {
    lines.push(`${code(id)} has no ${code('|')}: awscc needs the user pool ID and the client ID joined by ${code('|')}, e.g. ${code(importId.example)}.`);
  } else {
    const facts = [
      `- **User pool ID:** ${code(parts.userPoolId)}` + (parts.region ? ` (region ${code(parts.region)})` : ''),
      `- **Client ID:** ${code(parts.clientId)}`,
    ];
    if (!new RegExp(importId.poolIdPattern).test(parts.userPoolId) || parts.userPoolId.length > importId.poolIdMaxLength) {
      facts.push(`- The user pool ID does not look like ${code('<region>_<letters and digits>')}.`);
    }
    if (!new RegExp(importId.clientIdPattern).test(parts.clientId) || parts.clientId.length > importId.clientIdMaxLength) {
      facts.push('- The client ID should be letters, digits, `_` or `+` only (at most 128).');
    }
    lines.push(facts.join('\n'));
    if (parts.separator === '/') {
      lines.push(
        `This uses ${code('/')}, the import ID format of hashicorp/aws ${code('aws_cognito_user_pool_client')}. awscc expects ${code('|')}: ${code(parts.userPoolId + '|' + parts.clientId)}.`,
      );
    }
  }
  lines.push('The provider does not check the ID itself; a wrong one surfaces at plan as a missing remote object.', footer());
  return { markdown: lines.join('\n\n'), span: expr };
}
