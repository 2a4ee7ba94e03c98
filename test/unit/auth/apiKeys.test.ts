import {
  apiKeyEntry,
  createApiKeyMatcher,
  sha256Hex,
} from "../../../src/auth/apiKeys";

const FIRST = "first-key-0123456789";
const SECOND = "second-key-0123456789";

describe("API keys", () => {
  const matchApiKey = createApiKeyMatcher([
    apiKeyEntry(FIRST),
    apiKeyEntry(`sha256:${sha256Hex(SECOND)}`),
  ]);

  it("matches a clear key to its id, the first 8 hex of its digest", () => {
    expect(matchApiKey(FIRST)).toBe(sha256Hex(FIRST).slice(0, 8));
  });

  it("matches a key configured only by its digest", () => {
    expect(matchApiKey(SECOND)).toBe(sha256Hex(SECOND).slice(0, 8));
  });

  it.each([
    ["an unknown key", "third-key-0123456789"],
    ["a configured key with a character more", `${FIRST}x`],
    ["a configured key's digest sent as the key", sha256Hex(FIRST)],
    ["an empty key", ""],
  ])("matches no key for %s", (_label, presented) => {
    expect(matchApiKey(presented)).toBeNull();
  });

  it("reads an upper-case digest like a lower-case one", () => {
    const upper = apiKeyEntry(`sha256:${sha256Hex(FIRST).toUpperCase()}`);
    expect(upper).toEqual(apiKeyEntry(FIRST));
  });
});
