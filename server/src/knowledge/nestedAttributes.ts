// The three single-nested object attributes. In HCL they are written with `=` (`token_validity_units = { ... }`),
// never as nested blocks, because the provider declares them as SingleNestedAttribute.
import { rotationFeature, timeUnits } from './enums';
import type { AttributeSpec, PatternConstraint } from './types';

const ARN_PATTERN: PatternConstraint = {
  regex: String.raw`^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$`,
  meaning: 'an ARN: `arn:<partition>:<service>:<region>:<account-digits>:<resource>`',
  enforcedBy: 'aws',
};

export const analyticsConfigurationAttributes: readonly AttributeSpec[] = [
  {
    name: 'application_arn',
    cfnName: 'ApplicationArn',
    type: 'string',
    mode: 'optional',
    summary: 'ARN of the Amazon Pinpoint project that receives sign-in analytics.',
    description:
      'Amazon Pinpoint project (application) ARN.',
    length: { min: 20, max: 2048, enforcedBy: 'aws' },
    pattern: ARN_PATTERN,
    sources: ['P1', 'A1', 'S1'],
  },
  {
    name: 'application_id',
    cfnName: 'ApplicationId',
    type: 'string',
    mode: 'optional',
    summary: 'ID of the Amazon Pinpoint project that receives sign-in analytics.',
    description:
      'Amazon Pinpoint project ID (hexadecimal).',
    pattern: { regex: '^[0-9a-fA-F]+$', meaning: 'hexadecimal digits only', enforcedBy: 'aws' },
    sources: ['P1', 'A1', 'S1'],
  },
  {
    name: 'external_id',
    cfnName: 'ExternalId',
    type: 'string',
    mode: 'optional',
    summary: 'External ID that the trust policy of `role_arn` expects.',
    description:
      'When the trust policy of the analytics IAM role has an external-ID condition, this value must match it.',
    length: { min: 0, max: 131072, enforcedBy: 'aws' },
    sources: ['P1', 'A1', 'A4'],
  },
  {
    name: 'role_arn',
    cfnName: 'RoleArn',
    type: 'string',
    mode: 'optional',
    summary: 'IAM role Cognito assumes to publish analytics events to Amazon Pinpoint.',
    description:
      'The role must trust `cognito-idp` and allow `cognito-idp:Describe*`, `mobiletargeting:UpdateEndpoint` and `mobiletargeting:PutEvents`.',
    length: { min: 20, max: 2048, enforcedBy: 'aws' },
    pattern: ARN_PATTERN,
    sources: ['P1', 'A1', 'A4', 'C2'],
  },
  {
    name: 'user_data_shared',
    cfnName: 'UserDataShared',
    type: 'bool',
    mode: 'optional',
    summary: 'Whether user data (such as email and phone) is sent along with the analytics events.',
    description: 'When true, Cognito includes user attributes in the events it sends to Amazon Pinpoint.',
    awsDefault: { text: '`false`', confirmed: true },
    sources: ['P1', 'A1'],
  },
];

const unitAttribute = (name: string, cfnName: string, token: string, validity: string, unit: string): AttributeSpec => ({
  name,
  cfnName,
  type: 'string',
  mode: 'optional',
  summary: `Unit of \`${validity}\` (${token}).`,
  description: `Says whether the number in \`${validity}\` counts seconds, minutes, hours or days. The provider does not check the value; AWS does at apply.`,
  enum: { values: timeUnits, enforcedBy: 'aws', closed: true },
  awsDefault: { text: `\`${unit}\``, confirmed: true },
  sources: ['P1', 'A1', 'A2', 'C3'],
});

export const tokenValidityUnitsAttributes: readonly AttributeSpec[] = [
  unitAttribute('access_token', 'AccessToken', 'access token', 'access_token_validity', 'hours'),
  unitAttribute('id_token', 'IdToken', 'ID token', 'id_token_validity', 'hours'),
  unitAttribute('refresh_token', 'RefreshToken', 'refresh token', 'refresh_token_validity', 'days'),
];

export const refreshTokenRotationAttributes: readonly AttributeSpec[] = [
  {
    name: 'feature',
    cfnName: 'Feature',
    type: 'string',
    mode: 'optional',
    summary: 'Turns refresh token rotation on (`ENABLED`) or off (`DISABLED`).',
    description:
      'With rotation on, each refresh hands out a new refresh token and invalidates the previous one (after the grace period).',
    enum: { values: rotationFeature, enforcedBy: 'provider', closed: true },
    sources: ['P1', 'P2', 'A3', 'C3'],
  },
  {
    name: 'retry_grace_period_seconds',
    cfnName: 'RetryGracePeriodSeconds',
    type: 'number',
    mode: 'optional',
    summary: 'How long the previous refresh token stays usable after a rotation.',
    description:
      'A window, in seconds, during which the replaced refresh token still works (useful when a client retries a refresh). `0` means no grace period.',
    range: { min: 0, max: 60, unit: 'seconds', enforcedBy: 'provider' },
    awsDefault: { text: 'not documented', confirmed: false },
    sources: ['P1', 'P2', 'A3', 'C3'],
  },
];
