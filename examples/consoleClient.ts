/*
 * How a back-office console calls this server with the typed documents that
 * GraphQL Code Generator makes from `schema.graphql` (`npm run codegen`).
 * The compiler checks every field the console reads against the schema.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

import {
  PullDocumentDocument,
  PullDocumentsDocument,
} from "./__generated__/graphql";

/** Runs a typed operation against the server and returns its data. */
export async function runOperation<Result, Variables>(
  endpoint: string,
  apiKey: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${apiKey}`,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: Result;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  if (body.data === undefined || body.data === null) {
    const code = body.errors?.[0]?.extensions?.code ?? "NO_DATA";
    throw new Error(`GraphQL request failed: ${code}`);
  }
  return body.data;
}

/** A detail view's caption: typed fields, enums as string unions. */
export async function describeDocument(
  endpoint: string,
  apiKey: string,
  nfcToken: string,
): Promise<string> {
  const { nfcDocument } = await runOperation(
    endpoint,
    apiKey,
    PullDocumentDocument,
    { nfcToken },
  );
  const kind = nfcDocument.idType ?? `code ${nfcDocument.idTypeCode}`;
  const genuine = nfcDocument.checkMRTD?.genuine ? "genuine" : "unverified";

  // @ts-expect-error: the operation does not select `address`.
  void nfcDocument.address;

  return `${kind}, ${genuine}, expired: ${String(nfcDocument.expired)}`;
}

/** A list view: failed tokens are null entries. */
export async function countReadable(
  endpoint: string,
  apiKey: string,
  nfcTokens: string[],
): Promise<number> {
  const { nfcDocuments } = await runOperation(
    endpoint,
    apiKey,
    PullDocumentsDocument,
    { nfcTokens },
  );
  return nfcDocuments.filter((document) => document !== null).length;
}
