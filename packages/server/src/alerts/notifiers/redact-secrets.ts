/** Replaces every occurrence of a secret (of 4 characters or more) with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

/** The path and query of a webhook URL: Slack, Teams and most webhook services put their token there. */
export function urlSecret(url: string): string {
  try {
    const parsed = new URL(url);
    const tail = `${parsed.pathname}${parsed.search}`;
    return tail.length > 1 ? tail : '';
  } catch {
    return url;
  }
}
