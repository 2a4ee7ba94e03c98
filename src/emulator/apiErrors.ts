import { MAX_CLOCK_SKEW_SECONDS } from "./defaults";

/**
 * An error as the Tencent Cloud API reports it inside the response envelope.
 * The codes are Tencent's own (see the action's and the common error code
 * lists); the messages are the emulator's wording.
 */
export interface ApiError {
  readonly code: string;
  readonly message: string;
}

/** The emulator's catalog of API errors, one factory per code. */
export const API_ERRORS = {
  invalidAuthorization: (problem: string): ApiError => ({
    code: "AuthFailure.InvalidAuthorization",
    message: `The Authorization header is malformed: ${problem}.`,
  }),
  secretIdNotFound: (): ApiError => ({
    code: "AuthFailure.SecretIdNotFound",
    message: "The SecretId in the Authorization header is not known.",
  }),
  signatureExpire: (timestamp: number, serverTime: number): ApiError => ({
    code: "AuthFailure.SignatureExpire",
    message: `The signature has expired: X-TC-Timestamp ${timestamp} is more than ${MAX_CLOCK_SKEW_SECONDS} seconds from server time ${serverTime}.`,
  }),
  signatureFailure: (problem: string): ApiError => ({
    code: "AuthFailure.SignatureFailure",
    message: `The signature could not be verified: ${problem}.`,
  }),
  invalidAction: (action: string): ApiError => ({
    code: "InvalidAction",
    message: `The action \`${action}\` does not exist for this service and version.`,
  }),
  noSuchVersion: (version: string): ApiError => ({
    code: "NoSuchVersion",
    message: `The API version \`${version}\` does not exist for this action.`,
  }),
  missingParameter: (name: string): ApiError => ({
    code: "MissingParameter",
    message: `The required parameter \`${name}\` is missing.`,
  }),
  invalidParameter: (problem: string): ApiError => ({
    code: "InvalidParameter",
    message: `The request is invalid: ${problem}.`,
  }),
  invalidParameterValue: (name: string, expected: string): ApiError => ({
    code: "InvalidParameterValue",
    message: `The value of parameter \`${name}\` is invalid: expected ${expected}.`,
  }),
  unknownParameter: (name: string): ApiError => ({
    code: "UnknownParameter",
    message: `The parameter \`${name}\` is not recognised by this action.`,
  }),
  invalidToken: (): ApiError => ({
    code: "FailedOperation.InvalidTokenParameter",
    message: "The NFCToken was not found or has expired.",
  }),
  requestLimitExceeded: (limit: number): ApiError => ({
    code: "RequestLimitExceeded",
    message: `Too many requests: this action accepts at most ${limit} per second.`,
  }),
  requestSizeLimitExceeded: (limitBytes: number): ApiError => ({
    code: "RequestSizeLimitExceeded",
    message: `The request body is larger than ${limitBytes} bytes.`,
  }),
  unsupportedMethod: (method: string): ApiError => ({
    code: "InvalidRequest",
    message: `The HTTP method ${method} is not supported; send a POST with a JSON body.`,
  }),
  internalError: (
    code: "InternalError" | "InternalError.UnKnown",
  ): ApiError => ({
    code,
    message: "An internal error occurred (injected by the emulator).",
  }),
} as const;

/** The JSON body of an answer that carries an error. */
export function errorEnvelope(error: ApiError, requestId: string): object {
  return {
    Response: {
      Error: { Code: error.code, Message: error.message },
      RequestId: requestId,
    },
  };
}

/** The JSON body of an answer that carries the action's output fields. */
export function successEnvelope(fields: object, requestId: string): object {
  return { Response: { ...fields, RequestId: requestId } };
}
