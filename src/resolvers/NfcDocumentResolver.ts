import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";

import { badUserInput } from "../errors/catalog";
import type { RequestContext } from "../graphql/RequestContext";
import {
  isValidNfcToken,
  malformedNfcToken,
} from "../services/documents/nfcToken";
import { isExpired, todayInChina } from "../services/normalize/dates";
import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";
import { NfcDocument } from "../schema/NfcDocument";

@Resolver(() => NfcDocument)
export class NfcDocumentResolver {
  @Query(() => NfcDocument, {
    description:
      "The document read with one NFC token. A token is valid for 10 " +
      "minutes after the scan; repeated pulls are served from memory.",
  })
  nfcDocument(
    @Arg("nfcToken", () => String, {
      description: "The token the NFC SDK handed the front end.",
    })
    nfcToken: string,
    @Ctx() context: RequestContext,
  ): Promise<NfcDocumentData> {
    // Validate before the loader: a malformed token costs no upstream call.
    if (!isValidNfcToken(nfcToken)) {
      throw malformedNfcToken();
    }
    return context.loaders.nfcDocument.load(nfcToken);
  }

  @Query(() => [NfcDocument], {
    nullable: "items",
    description:
      "Documents for several tokens, in the order given. A token that " +
      "fails yields null at its index and an error whose path ends there.",
  })
  nfcDocuments(
    @Arg("nfcTokens", () => [String], {
      description: "The tokens, at most 50 by default.",
    })
    nfcTokens: string[],
    @Ctx() context: RequestContext,
  ): Array<Promise<NfcDocumentData>> {
    if (nfcTokens.length > context.maxTokensPerRequest) {
      throw badUserInput(
        `nfcTokens may hold at most ${context.maxTokensPerRequest} tokens.`,
      );
    }

    // Each entry settles alone, so one bad token fails only its own index.
    return nfcTokens.map((nfcToken) =>
      isValidNfcToken(nfcToken)
        ? context.loaders.nfcDocument.load(nfcToken)
        : Promise.reject(malformedNfcToken()),
    );
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "True when the validity ended before today in China Standard " +
      "Time; false for long-term validity; null when the end is unknown.",
  })
  expired(
    @Root() document: NfcDocumentData,
    @Ctx() context: RequestContext,
  ): boolean | null {
    // Worked out per request: a cached document may cross midnight.
    return isExpired(document.endTimeRaw, todayInChina(context.now()));
  }
}
