// Deterministic generator of realistic Terraform modules full of awscc_cognito_user_pool_client blocks
// (about 38 lines each), with the occasional import block, heredoc, comment and reference.
// Shared by the parser benchmark, the differential tests and anyone needing big inputs.

/** A small seeded PRNG (mulberry32): the same seed always yields the same module. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AUTH_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'];
const OAUTH_FLOWS = ['code', 'implicit', 'client_credentials'];
const SCOPES = ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'];
const ATTRIBUTES = ['email', 'email_verified', 'name', 'given_name', 'family_name', 'phone_number', 'locale', 'custom:tenant'];
const UNITS = ['seconds', 'minutes', 'hours', 'days'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function some<T>(rand: () => number, list: readonly T[], min = 1): T[] {
  const out = list.filter(() => rand() < 0.5);
  while (out.length < min) out.push(list[out.length % list.length]);
  return [...new Set(out)];
}

function stringList(items: readonly string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
}

/** One resource block (and sometimes an import block after it). */
export function generateBlock(i: number, rand: () => number): string {
  const name = `client_${i}`;
  const lines: string[] = [];
  if (rand() < 0.3) lines.push(`# Application client number ${i} (${pick(rand, ['web', 'mobile', 'backend', 'admin'])})`);
  lines.push(`resource "awscc_cognito_user_pool_client" "${name}" {`);
  lines.push(rand() < 0.5 ? `  user_pool_id = awscc_cognito_user_pool.pool_${i % 7}.id` : `  user_pool_id = var.user_pool_id`);
  lines.push(rand() < 0.3 ? `  client_name  = "\${var.prefix}-client-${i}"` : `  client_name  = "client-${i}"`);
  lines.push(`  generate_secret = ${rand() < 0.5 ? 'true' : 'false'}`);
  lines.push('');
  lines.push(`  explicit_auth_flows = ${stringList(some(rand, AUTH_FLOWS))}`);
  lines.push(`  read_attributes     = ${stringList(some(rand, ATTRIBUTES))}`);
  lines.push(`  write_attributes    = ${stringList(some(rand, ATTRIBUTES.slice(0, 4)))}`);
  lines.push('');
  lines.push(`  access_token_validity  = ${1 + Math.floor(rand() * 24)}`);
  lines.push(`  id_token_validity      = ${1 + Math.floor(rand() * 24)}`);
  lines.push(`  refresh_token_validity = ${1 + Math.floor(rand() * 30)}`);
  lines.push(`  auth_session_validity  = ${3 + Math.floor(rand() * 13)}`);
  lines.push('  token_validity_units = {');
  lines.push(`    access_token  = "${pick(rand, UNITS)}"`);
  lines.push(`    id_token      = "${pick(rand, UNITS)}"`);
  lines.push(`    refresh_token = "${pick(rand, UNITS)}"`);
  lines.push('  }');
  lines.push('');
  lines.push('  allowed_o_auth_flows_user_pool_client = true');
  lines.push(`  allowed_o_auth_flows                  = ${stringList(some(rand, OAUTH_FLOWS.slice(0, 2)))}`);
  lines.push(`  allowed_o_auth_scopes                 = ${stringList(some(rand, SCOPES))}`);
  lines.push('  callback_ur_ls = [');
  lines.push(`    "https://app${i}.example.com/callback",`);
  lines.push(`    "https://app${i}.example.com/oauth2/idpresponse",`);
  lines.push('  ]');
  lines.push(`  logout_ur_ls                 = ["https://app${i}.example.com/logout"]`);
  lines.push(`  default_redirect_uri         = "https://app${i}.example.com/callback"`);
  lines.push(`  supported_identity_providers = ["COGNITO"${rand() < 0.3 ? ', "Google"' : ''}]`);
  lines.push('');
  lines.push(`  prevent_user_existence_errors = "${rand() < 0.8 ? 'ENABLED' : 'LEGACY'}"`);
  lines.push(`  enable_token_revocation       = ${rand() < 0.9 ? 'true' : 'false'}`);
  lines.push(`  enable_propagate_additional_user_context_data = false`);
  if (rand() < 0.15) {
    lines.push('  analytics_configuration = {');
    lines.push(`    application_id   = "app-${i}" // Pinpoint project`);
    lines.push('    role_arn         = aws_iam_role.analytics.arn');
    lines.push('    user_data_shared = true');
    lines.push('  }');
  } else {
    lines.push('  refresh_token_rotation = {');
    lines.push(`    feature                    = "${rand() < 0.5 ? 'ENABLED' : 'DISABLED'}"`);
    lines.push(`    retry_grace_period_seconds = ${Math.floor(rand() * 60)}`);
    lines.push('  }');
  }
  if (rand() < 0.05) {
    lines.push('  /* An old note kept as a heredoc: */');
    lines.push('  name = <<-EOT');
    lines.push(`    client-${i}`);
    lines.push('    EOT');
  }
  lines.push('}');
  if (rand() < 0.1) {
    lines.push('');
    lines.push('import {');
    lines.push(`  to = awscc_cognito_user_pool_client.${name}`);
    lines.push(`  id = "us-east-1_Ab${i}Cd|${(i * 2654435761 >>> 0).toString(36)}abcdef"`);
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}

/** A module text of `blocks` resource blocks. */
export function generateModuleText(blocks: number, seed = 1): string {
  const rand = seededRandom(seed);
  const parts: string[] = [];
  for (let i = 0; i < blocks; i++) parts.push(generateBlock(i, rand));
  return parts.join('\n');
}

/**
 * `text` with the header of one of our blocks past its middle indented by two spaces: valid HCL (that
 * `terraform fmt` would unindent) whose header is no header stop for the lexer. `header` is where it starts.
 */
export function withIndentedHeader(text: string): { text: string; header: number } {
  const header = text.indexOf('\nresource "awscc_cognito_user_pool_client"', text.length >> 1) + 1;
  return { text: text.slice(0, header) + '  ' + text.slice(header), header };
}
