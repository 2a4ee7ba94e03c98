import type { Config } from "./config";

/** True when at least one way to authenticate clients is configured. */
export function isAuthenticationConfigured(
  config: Pick<Config, "apiKeys" | "jwt">,
): boolean {
  return config.apiKeys.length > 0 || config.jwt !== null;
}

/**
 * Why this configuration must not serve in production, as one line for
 * stderr, or null when it may. Outside production it is always null: a
 * developer gets the emulator and, without keys, anonymous access.
 */
export function productionRefusal(
  config: Pick<Config, "production" | "credentials" | "apiKeys" | "jwt">,
): string | null {
  if (!config.production) {
    return null;
  }
  if (config.credentials === null) {
    return (
      "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are required " +
      "in production."
    );
  }
  if (!isAuthenticationConfigured(config)) {
    return (
      "API_KEYS or AUTH_JWKS_URL (with AUTH_ISSUER and AUTH_AUDIENCE) is " +
      "required in production: without them no client can be authenticated."
    );
  }
  return null;
}
