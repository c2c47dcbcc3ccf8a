// Markdown descriptions rendered from the knowledge data, shared by hover and completion documentation so
// both say the same thing. Pure string building; no editor types.
import type { IdentityAttributeSpec, ImportArgumentSpec } from './importBlock';
import { identitySchema, importBlockSchema } from './importBlock';
import { factsAbout } from './crossFieldFacts';
import { AWSCC_PROVIDER_VERSION, RESOURCE_DOC_URL } from './meta';
import { tokenValidity, validityBoundsInUnit, type TimeUnit } from './tokenValidity';
import type { AttributeSpec, Enforcement, EnumConstraint, EnumValue, SchemaSpec, ValueType } from './types';

const TYPE_LABEL: Readonly<Record<ValueType, string>> = {
  string: 'string',
  number: 'number',
  bool: 'bool',
  list: 'list of string',
  object: 'object',
};

export function typeLabel(type: ValueType): string {
  return TYPE_LABEL[type];
}

export function enforcementLabel(by: Enforcement): string {
  return by === 'provider' ? 'checked by the awscc provider at plan' : 'checked only by AWS at apply';
}

const MODE_LABEL = { required: 'required', optional: 'optional', computed: 'read-only' } as const;

export function footer(docUrl: string = RESOURCE_DOC_URL): string {
  return `[awscc provider documentation](${docUrl}) · knowledge reflects awscc provider v${AWSCC_PROVIDER_VERSION}`;
}

const code = (s: string) => '`' + s + '`';

function enumLine(e: EnumConstraint, each: string): string {
  const values = e.values.map((v) => code(v.value) + (v.legacy ? ' (legacy)' : '')).join(', ');
  return e.closed
    ? `- **Allowed values**${each}: ${values} — ${enforcementLabel(e.enforcedBy)}`
    : `- **Common values**${each} (others allowed): ${values}`;
}

/** "- **Range:** …" style lines for every constraint, or a single line saying there is none. */
export function constraintLines(spec: AttributeSpec): string[] {
  const each = spec.type === 'list' ? ' (each item)' : '';
  const lines: string[] = [];
  if (spec.enum) lines.push(enumLine(spec.enum, each));
  if (spec.range) {
    const validity = tokenValidity.find((t) => t.attribute === spec.name);
    const unit = spec.range.unit
      ? ` ${spec.range.unit}`
      : validity
        ? ` (in the unit of ${code('token_validity_units.' + validity.unitKey)}, default ${validity.defaultUnit})`
        : '';
    lines.push(`- **Range:** ${spec.range.min}–${spec.range.max}${unit} — ${enforcementLabel(spec.range.enforcedBy)}`);
    if (validity) {
      const perUnit = (['seconds', 'minutes', 'hours', 'days'] as TimeUnit[])
        .map((u) => {
          const b = validityBoundsInUnit(validity, u);
          return b.min === b.max ? `${u} ${b.min}` : `${u} ${b.min}–${b.max}`;
        })
        .join(', ');
      lines.push(`- **Duration:** value × unit must be ${validity.window} (${perUnit}) — ${enforcementLabel('aws')}`);
    }
  }
  if (spec.length) {
    lines.push(`- **Length**${each}: ${spec.length.min}–${spec.length.max} characters — ${enforcementLabel(spec.length.enforcedBy)}`);
  }
  if (spec.pattern) {
    lines.push(`- **Format**${each}: ${spec.pattern.meaning}; pattern ${code(spec.pattern.regex)} — ${enforcementLabel(spec.pattern.enforcedBy)}`);
  }
  if (spec.listSize) {
    lines.push(`- **Items:** at most ${spec.listSize.max} — ${enforcementLabel(spec.listSize.enforcedBy)}`);
  }
  if (lines.length === 0) {
    lines.push(spec.type === 'object' ? '- **Constraints:** see the nested attributes' : '- **Constraints:** none beyond the type');
  }
  return lines;
}

export interface DescribeOptions {
  /** Dotted path shown in the heading; defaults to the name. */
  path?: string;
  /** Link target for the footer. */
  docUrl?: string;
}

/** Full hover markdown for an attribute. */
export function describeAttribute(spec: AttributeSpec, options: DescribeOptions = {}): string {
  const heading = `**${code(options.path ?? spec.name)}** — ${typeLabel(spec.type)}, ${MODE_LABEL[spec.mode]}`;
  const parts: string[] = [heading, spec.summary, spec.description];
  const facts: string[] = [`- **Type:** ${typeLabel(spec.type)}`];
  if (spec.mode !== 'computed') facts.push(...constraintLines(spec));
  else if (spec.enum) facts.push(enumLine({ ...spec.enum, closed: false }, spec.type === 'list' ? ' (each item)' : ''));
  if (spec.attributes) facts.push(`- **Keys:** ${spec.attributes.map((a) => code(a.name)).join(', ')}`);
  if (spec.awsDefault) {
    facts.push(`- **AWS default when unset:** ${spec.awsDefault.text}${spec.awsDefault.confirmed ? '' : ' (UNCONFIRMED)'}`);
  }
  if (spec.mode === 'optional') {
    facts.push('- Removing it from the configuration keeps the current value in AWS (the provider treats it as optional + computed).');
  }
  if (spec.replaceOnChange === 'always') facts.push('- ⚠️ **Changing it replaces the client** (new client ID; apps must be updated).');
  if (spec.replaceOnChange === 'if-configured') {
    facts.push('- ⚠️ **Changing a configured value replaces the client** (new client ID); removing it does not.');
  }
  if (spec.cfnName) facts.push(`- **CloudFormation:** ${code(spec.cfnName)}`);
  if (spec.since) facts.push(`- **Since:** awscc v${spec.since}`);
  parts.push(facts.join('\n'));
  // Read-only attributes (and the data source's) are never configured, so no cross-field rule applies.
  if (spec.mode !== 'computed') parts.push(...withOtherSettings(options.path ?? spec.name));
  parts.push(footer(options.docUrl));
  return parts.join('\n\n');
}

/** The cross-field facts about a path (and value), each in the one wording its record gives it. */
function withOtherSettings(path: string, value?: string): string[] {
  const facts = factsAbout(path, value);
  return facts.length === 0 ? [] : [`**Rules and caveats:**\n${facts.map((f) => `- ${f.statement}`).join('\n')}`];
}

/** Hover markdown for one value of an enum-typed attribute. */
export function describeEnumValue(spec: AttributeSpec, value: EnumValue, options: DescribeOptions = {}): string {
  const notes: string[] = [];
  if (value.legacy) notes.push('Legacy value.');
  if (value.deprecated) notes.push('Deprecated.');
  if (value.unconfirmed) notes.push(value.unconfirmed);
  const head = `${code(value.value)} — value of ${code(options.path ?? spec.name)}`;
  return [head, value.summary, ...(notes.length ? [notes.join(' ')] : []), ...withOtherSettings(options.path ?? spec.name, value.value), footer(options.docUrl)].join('\n\n');
}

export function describeSchema(schema: SchemaSpec): string {
  const required = schema.attributes.filter((a) => a.mode === 'required').map((a) => code(a.name));
  const kind = schema.kind === 'resource' ? 'resource' : 'data source';
  return [
    `**${code(schema.type)}** — ${kind} (CloudFormation ${code(schema.cfnType)})`,
    schema.summary,
    schema.description,
    `- **Required:** ${required.join(', ')}\n- **Since:** awscc v${schema.since}`,
    footer(schema.docUrl),
  ].join('\n\n');
}

export function describeImportArgument(arg: ImportArgumentSpec): string {
  const since = arg.sinceTerraform ? `\n- **Since:** Terraform ${arg.sinceTerraform}` : '';
  return [
    `**${code(arg.name)}** — import block argument, ${arg.required ? 'required' : 'optional'}`,
    arg.summary,
    arg.description + since,
    `[Terraform import block](${importBlockSchema.docUrl})`,
  ].join('\n\n');
}

/** The identity keys of `awscc_cognito_user_pool_client`, required first, as a markdown list. */
export function describeIdentityKeys(): string {
  const keys = [...identitySchema.attributes].sort((a, b) => Number(b.required) - Number(a.required));
  const lines = keys.map((k) => `- ${code(k.name)} — ${k.required ? 'required' : 'optional'}: ${k.summary}`);
  return [`**Identity keys of ${code('awscc_cognito_user_pool_client')}:**`, lines.join('\n')].join('\n\n');
}

export function describeIdentityAttribute(attr: IdentityAttributeSpec): string {
  return [
    `**${code(attr.name)}** — identity attribute of ${code('awscc_cognito_user_pool_client')}, string, ${attr.required ? 'required' : 'optional'}`,
    attr.summary,
    attr.description,
    `Import by identity needs Terraform ${identitySchema.sinceTerraform}+ and awscc v${identitySchema.sinceAwscc}+.`,
    footer(),
  ].join('\n\n');
}
