import type { WxNfcResult } from "../tencent/WxNfcResult";
import { type CheckMrtdProblem, parseCheckMrtd } from "./checkMrtd";
import { normalizeDate } from "./dates";
import { idTypeFromCode } from "./idType";
import { toDocumentImage } from "./images";
import { type NfcDocumentData, NfcResultCode } from "./NfcDocumentData";

/** What the normaliser reports while it works; never a document value. */
export interface NormalizeHooks {
  onUnreadableCheckMrtd(problem: CheckMrtdProblem): void;
}

/**
 * The upstream's answer for `nfcToken` as the schema shows it: empty strings
 * become null, codes become enums (keeping the raw code), dates become ISO
 * where they can, images carry their format and size.
 */
export function normalizeDocument(
  nfcToken: string,
  result: WxNfcResult,
  hooks: NormalizeHooks,
): NfcDocumentData {
  // Only "0" is a billed, successful read; the documentation lists no other.
  const billed = text(result.ResultCode) === "0";
  const idTypeCode = text(result.IdType);
  const endTimeRaw = text(result.EndTime);

  return {
    nfcToken,
    resultCode: billed
      ? NfcResultCode.READ_SUCCEEDED
      : NfcResultCode.READ_FAILED,
    billed,
    requestId: result.RequestId,
    idType: idTypeFromCode(idTypeCode),
    idTypeCode,
    idNum: text(result.IdNum),
    name: text(result.Name),
    enName: text(result.EnName),
    sex: text(result.Sex),
    nation: text(result.Nation),
    nationality: text(result.Nationality),
    address: text(result.Address),
    signingOrganization: text(result.SigningOrganization),
    otherIdNum: text(result.OtherIdNum),
    personalNumber: text(result.PersonalNumber),
    birthDate: normalizeDate(text(result.BirthDate)),
    beginTime: normalizeDate(text(result.BeginTime)),
    endTime: normalizeDate(endTimeRaw),
    endTimeRaw,
    picture: toDocumentImage(text(result.Picture)),
    idCardFrontImg: toDocumentImage(text(result.IdCardFrontImg)),
    idCardBackImg: toDocumentImage(text(result.IdCardBackImg)),
    checkMRTD: parseCheckMrtd(
      text(result.CheckMRTD),
      hooks.onUnreadableCheckMrtd,
    ),
  };
}

/** The upstream's "no value": null, absent, or an empty string. */
function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === "" ? null : value;
}
