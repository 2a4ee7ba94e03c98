import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";

import { replaceApolloServer } from "./replaceApolloServer";

/*
 * Preloaded (`node -r`) into our unchanged server to measure one proposed
 * change: Apollo's cache-control plugin turned off. Apollo installs it
 * unless told otherwise, and its per-field hook makes Apollo wrap every
 * resolver, to work out a cache policy that ours never uses (every answer
 * is sent with `Cache-Control: no-store`).
 */

replaceApolloServer((options) => ({
  ...options,
  plugins: [
    ...(options.plugins ?? []),
    ApolloServerPluginCacheControlDisabled(),
  ],
}));
