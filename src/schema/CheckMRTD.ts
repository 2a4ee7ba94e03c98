import { Field, ObjectType } from "type-graphql";

import type { CheckMrtdData } from "../services/normalize/NfcDocumentData";
import { MrtdCheckResult } from "./enums";

@ObjectType({
  description:
    "The chip's authenticity checks (ICAO Doc 9303 part 11). A check is " +
    "null when the upstream left it out.",
})
export class CheckMRTD implements CheckMrtdData {
  @Field(() => MrtdCheckResult, {
    nullable: true,
    description:
      "Issuer certificate: the signer's certificate chains to the " +
      "issuing State's root.",
  })
  resultIssuer!: MrtdCheckResult | null;

  @Field(() => MrtdCheckResult, {
    nullable: true,
    description: "Document security object: its signature is valid.",
  })
  resultPaper!: MrtdCheckResult | null;

  @Field(() => MrtdCheckResult, {
    nullable: true,
    description: "Anti-tampering: the data groups match their signed hashes.",
  })
  resultData!: MrtdCheckResult | null;

  @Field(() => MrtdCheckResult, {
    nullable: true,
    description: "Anti-cloning: the chip proved it holds its private key.",
  })
  resultChip!: MrtdCheckResult | null;

  @Field(() => Boolean, {
    description: "True when all four checks are VERIFIED.",
  })
  genuine!: boolean;
}
