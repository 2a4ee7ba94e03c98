import pino, { type Logger } from "pino";

import { censorKeys } from "./censorKeys";

export type { Logger };

/**
 * Fields of an identity document, in this server's names and in Tencent's,
 * plus the images and their encodings.
 */
const PERSONAL_FIELDS = [
  "name",
  "enName",
  "idNum",
  "otherIdNum",
  "personalNumber",
  "address",
  "birthDate",
  "sex",
  "nation",
  "nationality",
  "signingOrganization",
  "beginTime",
  "endTime",
  "picture",
  "idCardFrontImg",
  "idCardBackImg",
  "base64",
  "dataUrl",
  "Name",
  "EnName",
  "IdNum",
  "OtherIdNum",
  "PersonalNumber",
  "Address",
  "BirthDate",
  "Sex",
  "Nation",
  "Nationality",
  "SigningOrganization",
  "BeginTime",
  "EndTime",
  "Picture",
  "IdCardFrontImg",
  "IdCardBackImg",
  "Response",
];

/** Fields that may hold a credential, a token or a key. */
const SECRET_FIELDS = [
  "nfcToken",
  "nfcTokens",
  "token",
  "apiKey",
  "jwt",
  "authorization",
  "secretKey",
  "secretId",
  "auditSalt",
];

/** Request data that may carry any of the above. */
const REQUEST_FIELDS = ["variables", "query", "document", "response", "body"];

/** Header names that carry credentials, wherever a header map is logged. */
const CREDENTIAL_HEADERS = ["authorization", "x-api-key", "cookie"];

/**
 * Keys whose values may hold personal data or secrets, censored at the top
 * of a log object or one level down. Nothing should put them there;
 * censoring is the second line of defence. Child loggers' bindings are not
 * censored: they are set in code (request id, component), never from data.
 */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  ...PERSONAL_FIELDS,
  ...SECRET_FIELDS,
  ...REQUEST_FIELDS,
  ...CREDENTIAL_HEADERS,
]);

export interface LoggerOptions {
  level: string;
  pretty: boolean;
}

/**
 * The process's structured JSON logger. Pretty output only when a developer
 * asks for it (LOG_PRETTY=true); `destination` lets tests capture the lines.
 */
export function createLogger(
  options: LoggerOptions,
  destination?: pino.DestinationStream,
): Logger {
  const base = {
    level: options.level,
    formatters: {
      log: (object: Record<string, unknown>) =>
        censorKeys(object, REDACTED_KEYS),
    },
    base: { service: "faceid-nfc-graphql" },
    serializers: { req: serializeRequest, res: serializeReply },
  };
  if (options.pretty && destination === undefined) {
    return pino({ ...base, transport: { target: "pino-pretty" } });
  }
  return destination === undefined ? pino(base) : pino(base, destination);
}

/**
 * A request's method and path only: a GET query string can carry variables,
 * and so tokens; headers carry credentials. Fastify's own lines may log a
 * request this way; the access line logs the same fields itself.
 */
function serializeRequest(request: { method: string; url: string }) {
  return { method: request.method, path: pathOf(request.url) };
}

/** A URL's path alone, without the query string that may carry tokens. */
export function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function serializeReply(reply: { statusCode: number }) {
  return { statusCode: reply.statusCode };
}
