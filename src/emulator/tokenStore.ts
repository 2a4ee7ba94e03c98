import { randomBytes } from "node:crypto";

import type { FaceIdFixture, FieldOverrides } from "./fixtures";
import { findFixture, SAMPLE_TOKENS } from "./fixtures";

/** What a token resolves to: the fixture to answer with and any changes. */
export interface TokenGrant {
  readonly fixture: FaceIdFixture;
  readonly overrides: FieldOverrides;
  /** On the emulator's clock; absent for sample tokens, which never expire. */
  readonly expiresAtMs?: number;
}

/** A request to mint a token for one fixture. */
export interface MintTokenRequest {
  readonly fixture: string;
  /** Response fields to put in place of the fixture's own. */
  readonly overrides?: FieldOverrides;
  /** Lifetime on the emulator's clock; the emulator's default if unset. */
  readonly ttlMs?: number;
}

/** A freshly minted token and when it stops working. */
export interface MintedToken {
  readonly token: string;
  readonly fixture: string;
  readonly expiresAtMs: number;
  readonly expiresAt: string;
}

/**
 * The NFC tokens the emulator accepts: one fixed token per fixture, and
 * tokens minted on request that expire like real ones.
 */
export class TokenStore {
  readonly #samples: ReadonlyMap<string, TokenGrant>;
  readonly #now: () => number;
  readonly #defaultTtlMs: number;
  #minted = new Map<string, TokenGrant>();

  constructor(now: () => number, defaultTtlMs: number) {
    this.#now = now;
    this.#defaultTtlMs = defaultTtlMs;
    this.#samples = new Map(
      SAMPLE_TOKENS.map(({ token, fixture }) => [
        token,
        { fixture: requireFixture(fixture), overrides: {} },
      ]),
    );
  }

  /**
   * Mints a token for a fixture.
   *
   * @throws Error when the fixture does not exist
   */
  mint(request: MintTokenRequest): MintedToken {
    const fixture = requireFixture(request.fixture);
    const ttlMs = request.ttlMs ?? this.#defaultTtlMs;

    // 16 random bytes in base64url: 22 characters of [A-Za-z0-9_-], the
    // same alphabet real tokens use, and never guessable.
    const token = randomBytes(16).toString("base64url");
    const expiresAtMs = this.#now() + ttlMs;
    this.#minted.set(token, {
      fixture,
      overrides: { ...request.overrides },
      expiresAtMs,
    });
    return {
      token,
      fixture: fixture.name,
      expiresAtMs,
      expiresAt: new Date(expiresAtMs).toISOString(),
    };
  }

  /** The grant behind a token, or undefined if unknown or expired. */
  resolve(token: string): TokenGrant | undefined {
    const grant = this.#samples.get(token) ?? this.#minted.get(token);
    if (grant?.expiresAtMs !== undefined && this.#now() >= grant.expiresAtMs) {
      return undefined;
    }
    return grant;
  }

  /** Forgets every minted token; sample tokens stay. */
  reset(): void {
    this.#minted = new Map();
  }
}

function requireFixture(name: string): FaceIdFixture {
  const fixture = findFixture(name);
  if (fixture === undefined) {
    throw new Error(`There is no fixture named "${name}".`);
  }
  return fixture;
}
