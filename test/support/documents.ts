import {
  type NfcDocumentData,
  NfcResultCode,
} from "../../src/services/normalize/NfcDocumentData";

/** A normalised document with every field empty but those given. */
export function documentWith(
  nfcToken: string,
  fields: Partial<NfcDocumentData> = {},
): NfcDocumentData {
  return {
    nfcToken,
    resultCode: NfcResultCode.READ_SUCCEEDED,
    billed: true,
    requestId: "request-0",
    idType: null,
    idTypeCode: null,
    idNum: null,
    name: null,
    enName: null,
    sex: null,
    nation: null,
    nationality: null,
    address: null,
    signingOrganization: null,
    otherIdNum: null,
    personalNumber: null,
    birthDate: null,
    beginTime: null,
    endTime: null,
    endTimeRaw: null,
    picture: null,
    idCardFrontImg: null,
    idCardBackImg: null,
    checkMRTD: null,
    ...fields,
  };
}
