// Rewrites between the two ways of naming the object to import: `id = "pool|client"` and
// `identity = { user_pool_id = "pool", client_id = "client" }`. Only static values are converted.
import { splitImportId } from '../../knowledge';
import type { Attribute, HclFile } from '../../parser';
import { evaluate } from '../evaluate';
import type { TerraformModule } from '../../model';
import { hclString, indentAt, lineBreakOf } from './support';
import type { Fix } from './types';


export function idToIdentityFix(file: HclFile, id: Attribute, module?: TerraformModule): Fix | undefined {
  const value = evaluate(id.value, module);
  if (value?.kind !== 'string' || !value.direct) return undefined;
  const split = splitImportId(value.value);
  if (!split || split.separator !== '|' || !split.userPoolId || !split.clientId) return undefined;
  const indent = indentAt(file, id.start);
  const eol = lineBreakOf(file);
  const text =
    `identity = {${eol}${indent}  user_pool_id = ${hclString(split.userPoolId)}${eol}` +
    `${indent}  client_id    = ${hclString(split.clientId)}${eol}${indent}}`;
  return { title: 'Import by `identity` instead of `id`', edits: [{ start: id.start, end: id.end, newText: text }] };
}

export function identityToIdFix(file: HclFile, identity: Attribute, module?: TerraformModule): Fix | undefined {
  const value = evaluate(identity.value, module);
  if (value?.kind !== 'object' || !value.direct) return undefined;
  const get = (k: string) => {
    const e = value.entries.find((x) => x.key === k)?.value;
    return e?.kind === 'string' ? e.value : undefined;
  };
  const pool = get('user_pool_id');
  const client = get('client_id');
  if (!pool || !client) return undefined;
  return { title: 'Import by `id` instead of `identity`', edits: [{ start: identity.start, end: identity.end, newText: `id = ${hclString(`${pool}|${client}`)}` }] };
}
