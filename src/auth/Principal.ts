/**
 * Who sent a request, as far as the server could tell. `anonymous` exists
 * only where no authentication is configured, which production refuses.
 */
export type Principal =
  | { readonly kind: "apiKey"; readonly keyId: string }
  | { readonly kind: "jwt"; readonly subject: string }
  | { readonly kind: "anonymous" };

/**
 * A short label for logs: `key:<key id>`, `jwt:<subject>` or `anonymous`.
 * It never holds a key or a token.
 */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case "apiKey":
      return `key:${principal.keyId}`;
    case "jwt":
      return `jwt:${principal.subject}`;
    case "anonymous":
      return "anonymous";
  }
}
