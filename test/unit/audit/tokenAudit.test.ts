import { createHmac } from "node:crypto";

import { AUDIT_EVENT, createTokenAudit } from "../../../src/audit/tokenAudit";
import {
  internalServerError,
  nfcTokenNotFound,
} from "../../../src/errors/catalog";
import { createLogger } from "../../../src/logging/logger";
import {
  type NfcDocumentData,
  NfcResultCode,
} from "../../../src/services/normalize/NfcDocumentData";

const SALT = "an-audit-salt-for-tests";
const TOKEN = "token-under-audit";

/** A logger whose JSON lines the test can read back. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger(
    { level: "info", pretty: false },
    { write: (line: string) => void lines.push(line) },
  );
  const entries = () =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, entries };
}

const document = {
  nfcToken: TOKEN,
  resultCode: NfcResultCode.READ_SUCCEEDED,
  requestId: "upstream-request-1",
  name: "A Person",
} as unknown as NfcDocumentData;

describe("the token audit", () => {
  const { logger, entries } = capturingLogger();
  const audit = createTokenAudit({ salt: SALT, logger });
  const pull = audit.forRequest({ kind: "apiKey", keyId: "0123abcd" }, logger);

  it("writes who, the salted token hash, the outcome and the RequestId", async () => {
    await expect(pull(TOKEN, Promise.resolve(document))).resolves.toBe(
      document,
    );
    expect(entries().at(-1)).toMatchObject({
      event: AUDIT_EVENT,
      who: "key:0123abcd",
      tokenHash: createHmac("sha256", SALT).update(TOKEN).digest("hex"),
      outcome: "READ_SUCCEEDED",
      upstreamRequestId: "upstream-request-1",
    });
  });

  it.each([
    [
      "an upstream refusal",
      nfcTokenNotFound({ upstreamRequestId: "upstream-request-2" }),
      "NFC_TOKEN_NOT_FOUND",
      "upstream-request-2",
    ],
    ["an AppError", internalServerError(), "INTERNAL_SERVER_ERROR", null],
    ["an unexpected error", new TypeError("x"), "INTERNAL_SERVER_ERROR", null],
  ])(
    "settles %s into the Error and audits its code",
    async (_label, error, outcome, upstreamRequestId) => {
      await expect(pull(TOKEN, Promise.reject(error))).resolves.toBe(error);
      expect(entries().at(-1)).toMatchObject({ outcome, upstreamRequestId });
    },
  );

  it("records a settled pull, hashing each token the same way every time", () => {
    const principal = { kind: "anonymous" } as const;
    const hashOf = (token: string) =>
      createHmac("sha256", SALT).update(token).digest("hex");

    for (const token of [TOKEN, "another-token", TOKEN]) {
      audit.record(principal, logger, token, document);
      expect(entries().at(-1)).toMatchObject({
        who: "anonymous",
        tokenHash: hashOf(token),
        outcome: "READ_SUCCEEDED",
      });
    }
  });

  it("never writes the token or any document value", () => {
    const text = JSON.stringify(entries());
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("A Person");
  });

  it("says so when it has to draw its own salt", () => {
    const quiet = capturingLogger();
    createTokenAudit({ salt: null, logger: quiet.logger });
    expect(quiet.entries()[0]).toMatchObject({
      level: 40,
      msg: expect.stringContaining("AUDIT_SALT is not set"),
    });
  });
});
