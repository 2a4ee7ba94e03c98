import "reflect-metadata";

import type { GraphQLSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";

import { DocumentImageResolver } from "../resolvers/DocumentImageResolver";
import { NfcDocumentResolver } from "../resolvers/NfcDocumentResolver";

/**
 * The executable schema, built from the decorated classes. The committed
 * `schema.graphql` is printed from it, and CI fails when the two drift.
 */
export function buildGraphQLSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers: [NfcDocumentResolver, DocumentImageResolver],
    // Inputs are plain strings checked by the resolvers themselves.
    validate: false,
  });
}
