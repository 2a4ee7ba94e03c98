import { registerEnumType } from "type-graphql";

import {
  IdType,
  MrtdCheckResult,
  NfcResultCode,
} from "../services/normalize/NfcDocumentData";

export { IdType, MrtdCheckResult, NfcResultCode };

registerEnumType(NfcResultCode, {
  name: "NfcResultCode",
  description: "Whether the upstream read the chip, which decides billing.",
  valuesConfig: {
    READ_SUCCEEDED: {
      description: 'Read succeeded (upstream "0"); billed once per token.',
    },
    READ_FAILED: { description: 'Read failed (upstream "-1"); not billed.' },
  },
});

registerEnumType(MrtdCheckResult, {
  name: "MrtdCheckResult",
  description: "The outcome of one of the chip's authenticity checks.",
  valuesConfig: {
    VERIFIED: { description: 'The check passed (upstream "0").' },
    FAILED: { description: 'The check failed (upstream "1").' },
    UNVERIFIED: {
      description:
        'The check was not made (upstream "2"); normal for chips ' +
        "without anti-cloning keys.",
    },
    PARTIALLY_PASSED: { description: 'Partially passed (upstream "3").' },
  },
});

registerEnumType(IdType, {
  name: "IdType",
  description: "The kind of identity document, from the upstream's IdType.",
  valuesConfig: {
    ID_CARD: { description: 'Resident identity card ("01").' },
    CHINESE_PASSPORT: { description: 'Chinese passport ("03").' },
    HK_MACAO_TRAVEL_PERMIT: {
      description: 'Travel permit to and from Hong Kong and Macao ("06").',
    },
    TAIWAN_TRAVEL_PERMIT: {
      description: 'Mainland travel permit for Taiwan residents ("07").',
    },
    FOREIGN_PASSPORT: { description: 'Foreign passport ("08").' },
    FOREIGNER_PERMANENT_RESIDENCE_PERMIT: {
      description: 'Permanent residence permit for foreigners ("13").',
    },
    HK_MACAO_TAIWAN_RESIDENCE_PERMIT: {
      description:
        'Residence permit for Hong Kong, Macao and Taiwan residents ("14").',
    },
    RETURN_HOME_PERMIT: { description: 'Return Home Permit ("15").' },
    MAINLAND_RESIDENT_TAIWAN_TRAVEL_PERMIT: {
      description: 'Travel permit for mainland residents to Taiwan ("16").',
    },
    OTHER: { description: 'Another kind of document ("99").' },
  },
});
