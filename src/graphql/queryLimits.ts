import type { ApolloServerPlugin } from "@apollo/server";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";

import type { QueryLimits } from "../config/securityConfig";

/*
 * graphql-armor's rules throw by default, which aborts validation with a
 * 500. Reported instead, their errors join the other validation errors and
 * Apollo answers GRAPHQL_VALIDATION_FAILED with HTTP 400.
 */
const REPORT_INSTEAD_OF_THROWING = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(error),
  ],
};

/**
 * Validation rules that refuse an operation too deep, with too many
 * aliases or directives, or too costly, before it runs. The token limit
 * is not here: Apollo's `parseOptions.maxTokens` stops a long document
 * while parsing, and answers 400 where armor's token rule answers 500.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...REPORT_INSTEAD_OF_THROWING }),
    maxAliasesRule({ n: limits.maxAliases, ...REPORT_INSTEAD_OF_THROWING }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...REPORT_INSTEAD_OF_THROWING,
    }),
    costLimitRule({ maxCost: limits.maxCost, ...REPORT_INSTEAD_OF_THROWING }),
  ];
}

/** The end of envelop's `onValidate` hook, as graphql-armor implements it. */
type OnValidateEnd = (payload: {
  valid: boolean;
  result: readonly Error[];
  setResult: (errors: GraphQLError[]) => void;
}) => void;

/**
 * Hides "Did you mean …?" in validation errors, which would spell out the
 * schema that disabled introspection keeps private. graphql-armor ships
 * this only as an envelop plugin; its hook rewrites each error's message
 * in place, so Apollo's end-of-validation hook can call it as it is.
 */
export function hideFieldSuggestionsPlugin<
  Context extends object,
>(): ApolloServerPlugin<Context> {
  const onValidate = blockFieldSuggestionsPlugin().onValidate as () => unknown;
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => {
            if (errors !== undefined && errors.length > 0) {
              const onValidateEnd = onValidate() as OnValidateEnd;
              onValidateEnd({ valid: false, result: errors, setResult: noop });
            }
          };
        },
      };
    },
  };
}

function noop(): void {}
