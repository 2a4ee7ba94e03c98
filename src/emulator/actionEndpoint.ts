import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { peekNfcToken, parseBody } from "./actionParameters";
import type { ActionContext, ActionRequest } from "./answerGetWxNfcResult";
import { answerGetWxNfcResult } from "./answerGetWxNfcResult";
import type { ApiError } from "./apiErrors";
import { API_ERRORS, errorEnvelope } from "./apiErrors";
import type { FaultPlan, FaultRule } from "./faultPlan";
import { sendHtml, sendJson, sendTruncatedJson } from "./httpReplies";
import type { PendingDelays } from "./pendingDelays";
import { readRequestBody } from "./readRequestBody";
import { splitRequestTarget } from "./requestTarget";

/** What the action endpoint needs beyond answering a call. */
export interface ActionEndpointContext extends ActionContext {
  readonly faults: FaultPlan;
  readonly delays: PendingDelays;
  readonly maxBodyBytes: number;
}

/**
 * Serves `POST /`: reads the body, lets the fault plan delay or replace the
 * answer, and otherwise answers the call like the API. Call counts key on
 * the token the body names, before any fault, so a client's retries count.
 */
export async function serveAction(
  request: IncomingMessage,
  response: ServerResponse,
  context: ActionEndpointContext,
): Promise<void> {
  context.stats.actionRequests += 1;
  if (request.method !== "POST") {
    request.resume();
    return sendApiError(
      response,
      API_ERRORS.unsupportedMethod(`${request.method}`),
    );
  }
  const body = await readRequestBody(request, context.maxBodyBytes);
  if (body === "tooLarge") {
    return sendApiError(
      response,
      API_ERRORS.requestSizeLimitExceeded(context.maxBodyBytes),
    );
  }
  const parsedBody = parseBody(body);
  const token = peekNfcToken(parsedBody);
  if (token !== undefined) {
    context.stats.recordCall(token);
  }

  const { delayMs, failure } = context.faults.decide(token);
  if (delayMs > 0) {
    await context.delays.wait(delayMs);
    // The client may have given up, or the emulator closed, meanwhile.
    if (response.destroyed) {
      return;
    }
  }

  const actionRequest: ActionRequest = {
    method: "POST",
    ...splitRequestTarget(request.url),
    headers: request.headers,
    body,
    parsedBody,
  };
  if (failure !== undefined) {
    context.stats.injectedFailures += 1;
    return fail(request, response, failure, actionRequest, context);
  }
  const answer = answerGetWxNfcResult(actionRequest, context);
  sendJson(response, 200, answer.body);
  if (answer.succeeded) {
    context.stats.successfulResponses += 1;
  }
}

function fail(
  request: IncomingMessage,
  response: ServerResponse,
  failure: FaultRule,
  actionRequest: ActionRequest,
  context: ActionContext,
): void {
  switch (failure.kind) {
    case "connectionReset":
      request.socket.destroy();
      return;
    case "http5xx":
      return sendHtml(response, failure.httpStatus ?? 502);
    case "nonJson":
      return sendHtml(response, 200);
    case "internalError":
      return sendApiError(
        response,
        API_ERRORS.internalError(failure.errorCode ?? "InternalError"),
      );
    case "rateLimited":
      return sendApiError(
        response,
        API_ERRORS.requestLimitExceeded(context.maxRequestsPerSecond),
      );
    case "truncatedJson":
      // Cut the answer the request would have had, so the broken body
      // looks like a real one that lost its end on the way.
      return sendTruncatedJson(
        response,
        answerGetWxNfcResult(actionRequest, context).body,
      );
    case "latency":
      throw new Error("Latency rules never replace an answer.");
  }
}

function sendApiError(response: ServerResponse, error: ApiError): void {
  sendJson(response, 200, errorEnvelope(error, randomUUID()));
}
