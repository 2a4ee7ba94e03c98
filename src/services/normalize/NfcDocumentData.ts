/*
 * The normalised document as the service layer hands it to the resolvers.
 * Plain data, free of GraphQL, so that it can be cached and measured.
 */

/** Outcome of the chip's checks, as ICAO Doc 9303 part 11 names them. */
export enum MrtdCheckResult {
  VERIFIED = "VERIFIED",
  FAILED = "FAILED",
  UNVERIFIED = "UNVERIFIED",
  PARTIALLY_PASSED = "PARTIALLY_PASSED",
}

/** The kinds of document the NFC SDK reads, by the upstream's IdType code. */
export enum IdType {
  ID_CARD = "ID_CARD",
  CHINESE_PASSPORT = "CHINESE_PASSPORT",
  HK_MACAO_TRAVEL_PERMIT = "HK_MACAO_TRAVEL_PERMIT",
  TAIWAN_TRAVEL_PERMIT = "TAIWAN_TRAVEL_PERMIT",
  FOREIGN_PASSPORT = "FOREIGN_PASSPORT",
  FOREIGNER_PERMANENT_RESIDENCE_PERMIT = "FOREIGNER_PERMANENT_RESIDENCE_PERMIT",
  HK_MACAO_TAIWAN_RESIDENCE_PERMIT = "HK_MACAO_TAIWAN_RESIDENCE_PERMIT",
  RETURN_HOME_PERMIT = "RETURN_HOME_PERMIT",
  MAINLAND_RESIDENT_TAIWAN_TRAVEL_PERMIT = "MAINLAND_RESIDENT_TAIWAN_TRAVEL_PERMIT",
  OTHER = "OTHER",
}

/** Whether the upstream read the chip (and billed for it). */
export enum NfcResultCode {
  READ_SUCCEEDED = "READ_SUCCEEDED",
  READ_FAILED = "READ_FAILED",
}

export interface DocumentImageData {
  mimeType: string;
  byteLength: number;
  base64: string;
}

export interface CheckMrtdData {
  resultIssuer: MrtdCheckResult | null;
  resultPaper: MrtdCheckResult | null;
  resultData: MrtdCheckResult | null;
  resultChip: MrtdCheckResult | null;
  genuine: boolean;
}

export interface NfcDocumentData {
  nfcToken: string;
  resultCode: NfcResultCode;
  billed: boolean;
  requestId: string;
  idType: IdType | null;
  idTypeCode: string | null;
  idNum: string | null;
  name: string | null;
  enName: string | null;
  sex: string | null;
  nation: string | null;
  nationality: string | null;
  address: string | null;
  signingOrganization: string | null;
  otherIdNum: string | null;
  personalNumber: string | null;
  birthDate: string | null;
  beginTime: string | null;
  endTime: string | null;
  /** The upstream's EndTime as sent, from which `expired` is worked out. */
  endTimeRaw: string | null;
  picture: DocumentImageData | null;
  idCardFrontImg: DocumentImageData | null;
  idCardBackImg: DocumentImageData | null;
  checkMRTD: CheckMrtdData | null;
}
