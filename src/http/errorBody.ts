import type { AppError } from "../errors/AppError";

/** A GraphQL-shaped error body for answers given outside Apollo. */
export interface ErrorBody {
  errors: [{ message: string; extensions: { code: string } }];
}

/**
 * The body Fastify-level refusals send: the same shape as a GraphQL error,
 * so that clients read one format, and without `data`, since nothing ran.
 */
export function errorBody(error: AppError): ErrorBody {
  return {
    errors: [{ message: error.message, extensions: { code: error.code } }],
  };
}
