// Names a block of our resource may hold besides the schema's attributes: Terraform's meta-arguments.
import { metaArguments, type AttributeSpec } from '../../knowledge';

export const META_ATTRIBUTES: ReadonlySet<string> = new Set(metaArguments.filter((m) => !m.block).map((m) => m.name));
/** Nested blocks Terraform itself accepts in any resource (`dynamic` is left alone: it generates blocks). */
export const META_BLOCKS: ReadonlySet<string> = new Set(['lifecycle', 'provisioner', 'connection', 'dynamic']);

export function settableNames(attributes: readonly AttributeSpec[]): string[] {
  return attributes.filter((a) => a.mode !== 'computed').map((a) => a.name);
}
