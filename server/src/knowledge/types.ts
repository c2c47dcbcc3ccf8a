// Shapes of the knowledge base. Everything here is plain data so that completion, hover and the
// validation rules read one source of truth instead of each keeping its own copy of the schema.

/** `list` always means "list of string" for this resource; `object` is a single nested attribute (`x = { ... }`). */
export type ValueType = 'string' | 'number' | 'bool' | 'list' | 'object';

/**
 * Who rejects a bad value:
 * - `provider`: the awscc provider itself, at `terraform validate`/`plan` (a diagnostic mirrors provider behaviour);
 * - `aws`: only the AWS API, at `apply` (a diagnostic is an early warning the provider would not give).
 */
export type Enforcement = 'provider' | 'aws';

export type AttributeMode = 'required' | 'optional' | 'computed';

export interface EnumValue {
  value: string;
  /** One line in our own words: what choosing this value does. */
  summary: string;
  /** An old spelling kept by AWS for compatibility (e.g. `ADMIN_NO_SRP_AUTH`). */
  legacy?: boolean;
  /** For a legacy value: the current value that does the same (`ALLOW_USER_PASSWORD_AUTH` for `USER_PASSWORD_AUTH`). */
  replacedBy?: string;
  deprecated?: boolean;
  /** A fact about this value that no primary source confirms. */
  unconfirmed?: string;
}

export interface EnumConstraint {
  values: readonly EnumValue[];
  enforcedBy: Enforcement;
  /** false = the list is only a set of suggestions (scopes, IdP names, user attribute names); other values are legal. */
  closed: boolean;
  /** Values compare case-sensitively unless this is true. */
  caseInsensitive?: boolean;
}

export interface RangeConstraint {
  min: number;
  max: number;
  /** A fixed unit (`minutes`, `seconds`). Absent when the unit comes from another attribute (token validities). */
  unit?: string;
  enforcedBy: Enforcement;
}

export interface LengthConstraint {
  min: number;
  max: number;
  enforcedBy: Enforcement;
}

export interface PatternConstraint {
  /** JavaScript source of the regular expression (anchored); compile with `new RegExp(regex, flags)`. */
  regex: string;
  flags?: string;
  /**
   * The same test for strings of ASCII characters only, where `regex` uses Unicode property classes: those
   * cost ~1.5 ms each to compile in every new server process (on the first diagnostics run's path), and
   * nearly every value is ASCII. test/knowledge/patterns.test.ts holds the two to the same answers.
   */
  asciiRegex?: string;
  /** Plain-language reading of the pattern, for messages and hover. */
  meaning: string;
  enforcedBy: Enforcement;
}

export interface ListSizeConstraint {
  max: number;
  enforcedBy: Enforcement;
}

export interface AwsDefault {
  text: string;
  /** false = no primary source states this default; hover must say so and no rule may rely on it. */
  confirmed: boolean;
}

export interface AttributeSpec {
  /** Terraform name (snake_case as the awscc provider spells it, e.g. `callback_ur_ls`). */
  name: string;
  /** CloudFormation property name (`CallbackURLs`); '' for the Terraform-only `id`. */
  cfnName: string;
  type: ValueType;
  mode: AttributeMode;
  /**
   * `always`: any change destroys and recreates the client.
   * `if-configured`: only a change of a value written in the configuration does (removing it does not).
   */
  replaceOnChange?: 'always' | 'if-configured';
  /** One sentence, our own words. */
  summary: string;
  /** Markdown, our own words; may mention UNCONFIRMED facts explicitly. */
  description: string;
  /** For `list` attributes, applies to each item. */
  enum?: EnumConstraint;
  range?: RangeConstraint;
  /** For strings; for `list` attributes, the length of each item. */
  length?: LengthConstraint;
  /** For strings; for `list` attributes, each item. */
  pattern?: PatternConstraint;
  listSize?: ListSizeConstraint;
  awsDefault?: AwsDefault;
  /** Nested attributes of an `object` attribute. */
  attributes?: readonly AttributeSpec[];
  /** awscc provider version that introduced the attribute, when later than the resource itself. */
  since?: string;
  /** Fact-sheet source tags (P1 provider code, P2 CFN schema, A1/A2 AWS API model/SDK, ...). */
  sources: readonly string[];
}

export interface SchemaSpec {
  /** Terraform type name, e.g. `awscc_cognito_user_pool_client`. */
  type: string;
  kind: 'resource' | 'data';
  cfnType: string;
  summary: string;
  description: string;
  docUrl: string;
  /** awscc version that introduced the type. */
  since: string;
  attributes: readonly AttributeSpec[];
}
