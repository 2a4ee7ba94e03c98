import { IdType } from "./NfcDocumentData";

/** The upstream's documented IdType codes (API version 2018-03-01). */
const ID_TYPE_BY_CODE: ReadonlyMap<string, IdType> = new Map([
  ["01", IdType.ID_CARD],
  ["03", IdType.CHINESE_PASSPORT],
  ["06", IdType.HK_MACAO_TRAVEL_PERMIT],
  ["07", IdType.TAIWAN_TRAVEL_PERMIT],
  ["08", IdType.FOREIGN_PASSPORT],
  ["13", IdType.FOREIGNER_PERMANENT_RESIDENCE_PERMIT],
  ["14", IdType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT],
  ["15", IdType.RETURN_HOME_PERMIT],
  ["16", IdType.MAINLAND_RESIDENT_TAIWAN_TRAVEL_PERMIT],
  ["99", IdType.OTHER],
]);

/**
 * The IdType for an upstream code, or null for a code the documentation does
 * not list; the caller keeps the code itself so that nothing is lost.
 */
export function idTypeFromCode(code: string | null): IdType | null {
  return code === null ? null : (ID_TYPE_BY_CODE.get(code.trim()) ?? null);
}
