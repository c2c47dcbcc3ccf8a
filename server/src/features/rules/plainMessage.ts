// Diagnostic messages are plain text: the Problems panel, the CLI and most editors show them verbatim, so
// markdown code spans would show their backticks. Rules write `code` spans (they read well in source and
// in docs/rules.md); this turns them into quotes where a finding is made, for every rule at once.

/** `name` → 'name'; a span that is already a quoted string (`"ENABLED"`) keeps just its own quotes. */
export function plainMessage(message: string): string {
  if (!message.includes('`')) return message;
  return message
    .replace(/`([^`\n]*)`/g, (_, code: string) => (/^(".*"|'.*')$/.test(code) ? code : `'${code}'`))
    .replace(/`/g, "'");
}
