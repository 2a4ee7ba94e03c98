import { readFileSync } from "node:fs";
import path from "node:path";

import {
  assertObjectType,
  buildSchema,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

import { isValidNfcToken } from "../../src/services/documents/nfcToken";
import { isExpired, todayInChina } from "../../src/services/normalize/dates";
import type {
  DocumentImageData,
  NfcDocumentData,
} from "../../src/services/normalize/NfcDocumentData";
import type { NaiveContext } from "./naiveContext";

/** The committed SDL, which CI keeps equal to the type-graphql schema. */
const SCHEMA_FILE = path.join(__dirname, "..", "..", "..", "schema.graphql");

/**
 * The same schema without type-graphql: the committed SDL with plain
 * graphql-js resolvers doing what the decorated ones do. Against the
 * type-graphql schema it shows what type-graphql's resolver wrappers cost.
 */
export function buildSdlSchema(): GraphQLSchema {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
  const query = assertObjectType(schema.getQueryType());
  const document = assertObjectType(schema.getType("NfcDocument"));
  const image = assertObjectType(schema.getType("DocumentImage"));

  setResolver(query, "nfcDocument", (_root, args, context) => {
    const nfcToken = String(args.nfcToken);
    if (!isValidNfcToken(nfcToken)) {
      throw new Error("malformed nfcToken");
    }
    return context.loaders.nfcDocument.load(nfcToken);
  });
  setResolver(query, "nfcDocuments", (_root, args, context) =>
    (args.nfcTokens as string[]).map((nfcToken) =>
      context.loaders.nfcDocument.load(nfcToken),
    ),
  );
  setResolver(document, "expired", (root, _args, context) =>
    isExpired(
      (root as NfcDocumentData).endTimeRaw,
      todayInChina(context.now()),
    ),
  );
  setResolver(image, "dataUrl", (root) => {
    const { mimeType, base64 } = root as DocumentImageData;
    return `data:${mimeType};base64,${base64}`;
  });
  return schema;
}

function setResolver(
  type: GraphQLObjectType,
  fieldName: string,
  resolve: GraphQLFieldResolver<unknown, NaiveContext>,
): void {
  const field = type.getFields()[fieldName];
  if (field === undefined) {
    throw new Error(`schema.graphql has no field ${fieldName}`);
  }
  field.resolve = resolve;
}
