// What our own import command writes for a client must not draw a finding of any severity, unless the live
// client really has a setting an advice rule is about (LEGACY user existence errors, the implicit flow,
// revocation switched off). Clients are described as DescribeUserPoolClient returns them; the rendered
// imports and resources are checked as one module, in every import style.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderImports, type ImportStyle } from '../../server/src/render';
import { createModuleFromTexts } from '../../server/src/model';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import type { DescribedClient } from '../../server/src/live/types';

const POOL = 'eu-west-1_Ab12Cd34E';
const UNITS = { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' };

/** Each client with the advice codes its live settings call for. */
const CLIENTS: { client: DescribedClient; advice: string[] }[] = [
  {
    // A console-made SPA client: code flow with PKCE, no secret.
    client: {
      UserPoolId: POOL, ClientId: '1example23456789abcdefghij', ClientName: 'web-spa', hasSecret: false,
      RefreshTokenValidity: 30, AccessTokenValidity: 60, IdTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'], SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://app.example.com/callback', 'http://localhost:3000/callback'], LogoutURLs: ['https://app.example.com/'],
      AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'], AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3,
    },
    advice: [],
  },
  {
    // A machine-to-machine client with URL-named custom scopes.
    client: {
      UserPoolId: POOL, ClientId: '2example23456789abcdefghij', ClientName: 'orders-worker', hasSecret: true,
      RefreshTokenValidity: 30, AccessTokenValidity: 1, IdTokenValidity: 1, TokenValidityUnits: UNITS,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'], AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['orders/read', 'orders/write'], AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true, AuthSessionValidity: 3,
    },
    advice: [],
  },
  {
    // A server-side web app with a secret, the code flow and a SAML provider.
    client: {
      UserPoolId: POOL, ClientId: '3example23456789abcdefghij', ClientName: 'Admin Portal - prod', hasSecret: true,
      RefreshTokenValidity: 7, AccessTokenValidity: 1, IdTokenValidity: 1, TokenValidityUnits: UNITS,
      ReadAttributes: ['email', 'email_verified', 'name', 'custom:tenant'], WriteAttributes: ['email', 'name'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'], SupportedIdentityProviders: ['COGNITO', 'CorpSAML'],
      CallbackURLs: ['https://admin.example.com/oauth2/idpresponse'], LogoutURLs: ['https://admin.example.com/logout'], DefaultRedirectURI: 'https://admin.example.com/oauth2/idpresponse',
      AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'aws.cognito.signin.user.admin'], AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: true, AuthSessionValidity: 15,
    },
    advice: [],
  },
  {
    // A mobile app on direct sign-in, with refresh-token rotation.
    client: {
      UserPoolId: POOL, ClientId: '4example23456789abcdefghij', ClientName: 'ios', hasSecret: false,
      RefreshTokenValidity: 60, AccessTokenValidity: 1, IdTokenValidity: 1, TokenValidityUnits: UNITS,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH'], PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true,
      AuthSessionValidity: 3, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    },
    advice: [],
  },
  {
    // A client with Pinpoint analytics.
    client: {
      UserPoolId: POOL, ClientId: '5example23456789abcdefghij', ClientName: 'analytics', hasSecret: false,
      RefreshTokenValidity: 30, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      AnalyticsConfiguration: { ApplicationId: '0123456789abcdef0123456789abcdef', RoleArn: 'arn:aws:iam::123456789012:role/pinpoint', ExternalId: 'ext-1', UserDataShared: true },
      PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true, AuthSessionValidity: 3,
    },
    advice: [],
  },
  {
    // An old client: created before user existence errors and revocation, the implicit flow still on.
    client: {
      UserPoolId: POOL, ClientId: '6example23456789abcdefghij', ClientName: 'legacy_app', hasSecret: false,
      RefreshTokenValidity: 30, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH'], SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://old.example.com/'], AllowedOAuthFlows: ['implicit'], AllowedOAuthScopes: ['openid'], AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'LEGACY', EnableTokenRevocation: false, AuthSessionValidity: 3,
    },
    advice: ['CUP501', 'CUP502', 'CUP503'],
  },
  {
    // The fewest fields DescribeUserPoolClient returns for an API-made client.
    client: { UserPoolId: POOL, ClientId: '7example23456789abcdefghij', ClientName: 'bare', hasSecret: false, RefreshTokenValidity: 30, AuthSessionValidity: 3, EnableTokenRevocation: true, PreventUserExistenceErrors: 'ENABLED' },
    advice: [],
  },
];

function diagnosticsOf(style: ImportStyle): { code: string; line: string }[] {
  const r = renderImports(CLIENTS.map((c) => c.client), undefined, { style, withResource: true });
  const versions = 'terraform {\n  required_version = ">= 1.12"\n  required_providers {\n    awscc = {\n      source  = "hashicorp/awscc"\n      version = ">= 1.25.0"\n    }\n  }\n}\n';
  const text = `${versions}\n${r.importsText}\n${r.resourcesText}`;
  const ctx = createModuleFromTexts({ 'imports.tf': text }).contextFor('imports.tf');
  const lines = text.split('\n');
  return computeDiagnostics(ctx).map((d) => ({ code: String(d.code), line: lines[d.range.start.line] }));
}

describe('rendered imports draw no findings', () => {
  for (const style of ['id', 'identity', 'for_each'] as const) {
    test(`${style} style: only the advice the live settings call for`, () => {
      const found = diagnosticsOf(style);
      // In for_each style every setting is read through `each.value`, which static evaluation does not
      // follow: nothing is known, so nothing is reported (the advice is lost there, never invented).
      const expected = style === 'for_each' ? [] : CLIENTS.flatMap((c) => c.advice).sort();
      assert.deepEqual(found.map((f) => f.code).sort(), expected, JSON.stringify(found, null, 1));
    });
  }
});
