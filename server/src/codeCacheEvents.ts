/**
 * Emitted on `process` by the core after its first diagnostics run: the rules' functions are compiled by
 * then, and serverLoader.ts writes the core's code cache (a cache written before holds its top level only).
 */
export const CORE_WARM_EVENT = 'awscc-cognito:core-warm';
