// Public face of the knowledge base: schema data for awscc_cognito_user_pool_client, its data source, the
// import block and identity, value sets and cross-field facts. Pure data plus small pure lookups.
import { dataSourceSchema } from './dataSource';
import type { AttributeSpec, SchemaSpec } from './types';
import { resourceSchema } from './userPoolClient';

export * from './types';
export * from './meta';
export * from './enums';
export * from './tokenValidity';
export * from './importBlock';
export * from './crossFieldFacts';
export * from './describe';
export { resourceSchema, userPoolClientAttributes } from './userPoolClient';
export { dataSourceSchema } from './dataSource';

/**
 * The spec at `path` (`['token_validity_units', 'access_token']`) in the resource schema (or `schema`);
 * undefined for unknown names. Walks only `object` attributes.
 */
export function findAttribute(path: readonly string[], schema: SchemaSpec = resourceSchema): AttributeSpec | undefined {
  let level: readonly AttributeSpec[] | undefined = schema.attributes;
  let found: AttributeSpec | undefined;
  for (const name of path) {
    found = level?.find((a) => a.name === name);
    if (!found) return undefined;
    level = found.attributes;
  }
  return found;
}

/** The schema for a block kind (`resource`/`data`) and type label, or undefined for types we do not model. */
export function schemaFor(blockType: string, typeLabel: string): SchemaSpec | undefined {
  if (typeLabel !== resourceSchema.type) return undefined;
  if (blockType === 'resource') return resourceSchema;
  if (blockType === 'data') return dataSourceSchema;
  return undefined;
}

/** Attributes a user may write (required + optional), at one level. */
export function settableAttributes(attributes: readonly AttributeSpec[]): AttributeSpec[] {
  return attributes.filter((a) => a.mode !== 'computed');
}
export * from './awsProviderClient';
