// The singular data source `data "awscc_cognito_user_pool_client"`: same attributes as the resource, all
// read-only, looked up by the required `id`. There is no plural data source for this type.
import { CFN_TYPE, DATA_SOURCE_DOC_URL, RESOURCE_TYPE } from './meta';
import type { AttributeSpec, SchemaSpec } from './types';
import { userPoolClientAttributes } from './userPoolClient';

// Value constraints describe what a user may write; on a read-only attribute only the enum meanings stay useful.
function readOnly(spec: AttributeSpec): AttributeSpec {
  const { replaceOnChange: _r, awsDefault: _d, range: _g, length: _l, pattern: _p, listSize: _s, ...rest } = spec;
  return {
    ...rest,
    mode: 'computed',
    enum: spec.enum ? { ...spec.enum, closed: false } : undefined,
    attributes: spec.attributes?.map(readOnly),
  };
}

const idAttribute: AttributeSpec = {
  name: 'id',
  cfnName: '',
  type: 'string',
  mode: 'required',
  summary: 'Which client to read: `<user_pool_id>|<client_id>`.',
  description:
    'The user pool ID and the client ID joined by `|`, e.g. `us-east-1_AbCdEf123|1h57kf5cpq17m0eml12EXAMPLE`; the `id` of an `awscc_cognito_user_pool_client` resource has this shape.',
  sources: ['P4'],
};

export const dataSourceSchema: SchemaSpec = {
  type: RESOURCE_TYPE,
  kind: 'data',
  cfnType: CFN_TYPE,
  summary: 'Reads an existing Cognito user pool app client.',
  description:
    'Looks up one app client by `id` (`<user_pool_id>|<client_id>`); every other attribute is read-only. There is no data source that lists clients.',
  docUrl: DATA_SOURCE_DOC_URL,
  since: '0.63.0',
  attributes: [idAttribute, ...userPoolClientAttributes.filter((a) => a.name !== 'id').map(readOnly)],
};
