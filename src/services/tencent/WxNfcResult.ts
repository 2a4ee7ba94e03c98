/**
 * The `Response` object of a successful `GetWxNFCResult` call, as the API's
 * documentation lists it (version 2018-03-01). Every output field is a string
 * that the upstream may send as null, empty or leave out entirely.
 */
export interface WxNfcResult {
  /** "0": read succeeded, billed once; "-1": read failed, free. */
  ResultCode?: string | null;
  IdNum?: string | null;
  Name?: string | null;
  Picture?: string | null;
  IdCardFrontImg?: string | null;
  IdCardBackImg?: string | null;
  BirthDate?: string | null;
  BeginTime?: string | null;
  EndTime?: string | null;
  Address?: string | null;
  Nation?: string | null;
  Sex?: string | null;
  IdType?: string | null;
  EnName?: string | null;
  SigningOrganization?: string | null;
  OtherIdNum?: string | null;
  Nationality?: string | null;
  PersonalNumber?: string | null;
  /** JSON text: {"result_issuer", "result_paper", "result_data", "result_chip"}. */
  CheckMRTD?: string | null;
  RequestId: string;
}

/** The action's name; the SDK's v20180301 client sends the version. */
export const GET_WX_NFC_RESULT = "GetWxNFCResult";

/** The API version this action is documented for. */
export const FACEID_API_VERSION = "2018-03-01";

/** A field of the response apart from the `RequestId`: all strings. */
export type WxNfcField = Exclude<keyof WxNfcResult, "RequestId">;

/**
 * Every output field in the documentation's order. The check below breaks
 * the build if the response type gains a field this list lacks.
 */
export const WX_NFC_FIELDS = [
  "ResultCode",
  "IdNum",
  "Name",
  "Picture",
  "IdCardFrontImg",
  "IdCardBackImg",
  "BirthDate",
  "BeginTime",
  "EndTime",
  "Address",
  "Nation",
  "Sex",
  "IdType",
  "EnName",
  "SigningOrganization",
  "OtherIdNum",
  "Nationality",
  "PersonalNumber",
  "CheckMRTD",
] as const satisfies readonly WxNfcField[];

type MissingField = Exclude<WxNfcField, (typeof WX_NFC_FIELDS)[number]>;
// Compiles only while MissingField is `never`, i.e. the list is complete.
const everyFieldListed: [MissingField] extends [never] ? true : never = true;
void everyFieldListed;
