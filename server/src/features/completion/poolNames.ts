// The module's own names next to the standard values: after `allowed_o_auth_scopes = ["` the custom scopes
// of the client's pool, after `supported_identity_providers = ["` its declared identity providers, after
// `read_attributes`/`write_attributes` its schema's custom attributes. They are offered as extra values of
// the attribute, so quoting, list handling and "already in the list" work as for the standard ones.
import type { AttributeSpec, EnumValue } from '../../knowledge';
import { topLevelBlock } from '../caretContext';
import { NAME_ATTRIBUTES, clientPool, namesOf } from '../poolNames';
import type { CompletionRequest } from './items';

export function withModuleNames(req: CompletionRequest, spec: AttributeSpec, path: readonly string[]): AttributeSpec {
  const kind = path.length === 1 ? NAME_ATTRIBUTES[spec.name] : undefined;
  if (!kind || !spec.enum) return spec;
  const pool = clientPool(req.ctx, topLevelBlock(req.path));
  if (!pool) return spec;
  const standard = new Set(spec.enum.values.map((v) => v.value));
  const extra: EnumValue[] = [];
  for (const name of namesOf(pool, kind)) {
    if (standard.has(name.value) || extra.some((e) => e.value === name.value)) continue;
    const what = { scope: 'Custom scope', provider: 'Identity provider', attribute: 'Custom attribute' }[kind];
    const description = name.declared.description ? ` ${name.declared.description}` : '';
    extra.push({ value: name.value, summary: `${what} declared by \`${name.declaration.address}\` in this module.${description}` });
  }
  return extra.length === 0 ? spec : { ...spec, enum: { ...spec.enum, values: [...extra, ...spec.enum.values] } };
}
