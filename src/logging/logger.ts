import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Paths that may hold personal data or secrets, wherever they appear in a
 * log object. Nothing should put them there; redaction is the second line.
 */
export const REDACTED_PATHS = [
  "nfcToken",
  "nfcTokens",
  "*.nfcToken",
  "*.nfcTokens",
  "variables",
  "*.variables",
  "query",
  "*.query",
  "document",
  "*.document",
  "response",
  "*.response",
  "req.headers.authorization",
  "req.headers['x-api-key']",
  "req.headers.cookie",
  "headers.authorization",
  "headers['x-api-key']",
  "secretKey",
  "*.secretKey",
  "secretId",
  "*.secretId",
];

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
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
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
 * and so tokens; headers carry credentials.
 */
function serializeRequest(request: { method: string; url: string }) {
  return { method: request.method, path: request.url.split("?", 1)[0] };
}

function serializeReply(reply: { statusCode: number }) {
  return { statusCode: reply.statusCode };
}
