import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

import { tooManyTokens } from "../errors/catalog";

/** The root fields that pull tokens, and the argument naming them. */
const TOKEN_ARGUMENTS: ReadonlyMap<string, string> = new Map([
  ["nfcDocument", "nfcToken"],
  ["nfcDocuments", "nfcTokens"],
]);

type Variables = Readonly<Record<string, unknown>>;

/**
 * Refuses, before execution, an operation that names more distinct tokens
 * than `maxTokens`, counting aliases and list entries together: each
 * distinct token may cost an upstream call, and the alias limit alone
 * does not bound them. Answers BAD_USER_INPUT with HTTP 400.
 */
export function tokenBudgetPlugin<Context extends object>(
  maxTokens: number,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          // Apollo resolves the operation before this hook, or refuses.
          if (operation === undefined) {
            return;
          }
          const tokens = collectTokens(operation, document, request.variables);
          if (tokens.size > maxTokens) {
            throw tooManyTokens(maxTokens);
          }
        },
      };
    },
  };
}

/**
 * The distinct tokens an operation names, from literals and from its
 * variables (or their defaults). Runs after validation, so fragments are
 * known and free of cycles; a value of the wrong type is ignored here and
 * refused by execution.
 */
export function collectTokens(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Variables = {},
): Set<string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const values = withDefaults(operation, variables);
  const tokens = new Set<string>();
  collectFromSelections(operation.selectionSet, { fragments, values, tokens });
  return tokens;
}

interface Walk {
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  values: Variables;
  tokens: Set<string>;
}

/** Token fields live on Query only, so nested selections are not entered. */
function collectFromSelections(selectionSet: SelectionSetNode, walk: Walk) {
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        const argumentName = TOKEN_ARGUMENTS.get(selection.name.value);
        const argument = selection.arguments?.find(
          (candidate) => candidate.name.value === argumentName,
        );
        if (argument !== undefined) {
          collectFromValue(argument.value, walk);
        }
        break;
      }
      case Kind.INLINE_FRAGMENT:
        collectFromSelections(selection.selectionSet, walk);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const fragment = walk.fragments.get(selection.name.value);
        if (fragment !== undefined) {
          collectFromSelections(fragment.selectionSet, walk);
        }
        break;
      }
    }
  }
}

function collectFromValue(value: ValueNode, walk: Walk): void {
  switch (value.kind) {
    case Kind.STRING:
      walk.tokens.add(value.value);
      break;
    case Kind.LIST:
      // One level only: the schema's lists hold strings, and a deeper
      // list is refused by validation anyway.
      for (const item of value.values) {
        if (item.kind !== Kind.LIST) {
          collectFromValue(item, walk);
        }
      }
      break;
    case Kind.VARIABLE:
      collectFromVariable(walk.values[value.name.value], walk.tokens);
      break;
  }
}

/**
 * A variable may hold one token or, for lists, an array of them. Nothing
 * deeper is entered: a client controls the nesting, and walking it would
 * let a small body exhaust the stack; coercion refuses it later.
 */
function collectFromVariable(value: unknown, tokens: Set<string>): void {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (typeof item === "string") {
      tokens.add(item);
    }
  }
}

/** The request's variables, with the operation's literal defaults filled in. */
function withDefaults(
  operation: OperationDefinitionNode,
  variables: Variables,
): Variables {
  const values: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue !== undefined) {
      values[name] = literalValue(definition.defaultValue);
    }
  }
  return values;
}

function literalValue(value: ValueNode): unknown {
  if (value.kind === Kind.STRING) {
    return value.value;
  }
  if (value.kind === Kind.LIST) {
    return value.values.map((item) =>
      item.kind === Kind.STRING ? item.value : null,
    );
  }
  return null;
}
