// What features may ask of the model: a parsed document and the Terraform module (folder) it belongs to.
import type { Attribute, Block, Expression, HclFile } from '../parser';
import type { TfvarsValue } from './tfvars';
import type { CallerArgument } from './moduleCalls';

/** One .tf document at one version, parsed exactly once. */
export interface ModuleDocument {
  /** `file:///abs/path/main.tf` (or another scheme for unsaved documents). */
  readonly uri: string;
  readonly version: number;
  readonly file: HclFile;
}

export type DeclarationKind = 'resource' | 'data' | 'variable' | 'local' | 'output' | 'module' | 'provider';

export interface Declaration {
  readonly kind: DeclarationKind;
  /** Resource or data source type (`awscc_cognito_user_pool_client`); provider name for providers. */
  readonly type?: string;
  readonly name: string;
  /** `awscc_cognito_user_pool_client.web`, `data.T.N`, `var.N`, `local.N`, `module.N`, `output.N`. */
  readonly address: string;
  readonly uri: string;
  /** Absent for declarations that come from `*.tf.json` files (no HCL tree). */
  readonly file?: HclFile;
  /** The declaring block (resources, data, variables, outputs, modules) or attribute (locals). */
  readonly node?: Block | Attribute;
  /** Declared in an `*_override.tf` / `*_override.tf.json` file: merges into the base declaration. */
  readonly override: boolean;
}

export interface ImportDeclaration {
  readonly uri: string;
  readonly file: HclFile;
  readonly block: Block;
  /** The `to` attribute's expression and its static address text, when it is a plain traversal. */
  readonly to?: { readonly expression: Expression; readonly address?: string; readonly resourceType?: string; readonly resourceName?: string };
  readonly override: boolean;
}

export interface RequiredProvider {
  readonly name: string;
  readonly source?: string;
  readonly version?: string;
}

/** The .tf and .tf.json files of one folder, open documents taking precedence over disk. */
export interface TerraformModule {
  readonly dir: string;
  documents(): readonly ModuleDocument[];
  resources(type?: string): readonly Declaration[];
  dataSources(type?: string): readonly Declaration[];
  variables(): readonly Declaration[];
  locals(): readonly Declaration[];
  outputs(): readonly Declaration[];
  imports(): readonly ImportDeclaration[];
  /** First non-override declaration of `type.name` (falls back to an override-only one). */
  findResource(type: string, name: string): Declaration | undefined;
  findVariable(name: string): Declaration | undefined;
  findLocal(name: string): Declaration | undefined;
  /** The value `terraform.tfvars`/`*.auto.tfvars` (and their `.json` forms) give a variable, the last one loaded winning. */
  tfvarsValue(name: string): TfvarsValue | undefined;
  /** The child module a `module` block of this module calls, when its folder is known (local path or `.terraform/modules`). */
  childModule?(call: Declaration): TerraformModule | undefined;
  /** In a child seen through one call: what that call passes for a variable (see model/moduleCalls.ts). */
  callerArgument?(name: string): CallerArgument | undefined;
  /** `terraform { required_version = "..." }` constraint strings, from every file. */
  requiredVersions(): readonly string[];
  /** `terraform { required_providers { ... } }` entries, from every file. */
  requiredProviders(): readonly RequiredProvider[];
}

/** What every feature receives: the document being edited and its module. */
export interface FeatureContext {
  readonly document: ModuleDocument;
  readonly module: TerraformModule;
}
