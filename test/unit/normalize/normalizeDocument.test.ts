import {
  IdType,
  NfcResultCode,
} from "../../../src/services/normalize/NfcDocumentData";
import { normalizeDocument } from "../../../src/services/normalize/normalizeDocument";
import type { WxNfcResult } from "../../../src/services/tencent/WxNfcResult";

const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]).toString(
  "base64",
);

function normalize(fields: Partial<WxNfcResult>) {
  const problems: string[] = [];
  const document = normalizeDocument(
    "token-1",
    { RequestId: "req-1", ...fields },
    { onUnreadableCheckMrtd: (problem) => problems.push(problem) },
  );
  return { document, problems };
}

describe("normalizeDocument", () => {
  it("marks ResultCode 0 as a billed, successful read", () => {
    const { document } = normalize({ ResultCode: "0" });
    expect(document).toMatchObject({
      nfcToken: "token-1",
      requestId: "req-1",
      resultCode: NfcResultCode.READ_SUCCEEDED,
      billed: true,
    });
  });

  it("marks ResultCode -1 as a free, failed read", () => {
    const { document } = normalize({ ResultCode: "-1" });
    expect(document).toMatchObject({
      resultCode: NfcResultCode.READ_FAILED,
      billed: false,
    });
  });

  it("turns empty strings, nulls and absent fields into null", () => {
    const { document } = normalize({ Name: "", IdNum: null });
    expect(document.name).toBeNull();
    expect(document.idNum).toBeNull();
    expect(document.address).toBeNull();
    expect(document.picture).toBeNull();
    expect(document.checkMRTD).toBeNull();
  });

  it("keeps text fields exactly as sent", () => {
    const { document } = normalize({
      Name: "样本甲",
      EnName: "SAMPLE TESTPERSON",
      Sex: "女",
      Nation: "样本族",
      Nationality: "CHN",
      Address: "测试省样本市演示路1号",
      SigningOrganization: "样本市公安局",
      OtherIdNum: "SX0000001",
      PersonalNumber: "<<<<<<<<<<<<<<",
      IdNum: "990000200001010019",
    });
    expect(document).toMatchObject({
      name: "样本甲",
      enName: "SAMPLE TESTPERSON",
      sex: "女",
      nation: "样本族",
      nationality: "CHN",
      address: "测试省样本市演示路1号",
      signingOrganization: "样本市公安局",
      otherIdNum: "SX0000001",
      personalNumber: "<<<<<<<<<<<<<<",
      idNum: "990000200001010019",
    });
  });

  it("maps a documented IdType code and keeps the code", () => {
    const { document } = normalize({ IdType: "14" });
    expect(document.idType).toBe(IdType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT);
    expect(document.idTypeCode).toBe("14");
  });

  it("keeps an undocumented IdType code reachable with a null enum", () => {
    const { document } = normalize({ IdType: "42" });
    expect(document.idType).toBeNull();
    expect(document.idTypeCode).toBe("42");
  });

  it("normalises dates and keeps the raw end date for expiry", () => {
    const { document } = normalize({
      BirthDate: "20011114",
      BeginTime: "2020/1/2",
      EndTime: "长期",
    });
    expect(document).toMatchObject({
      birthDate: "2001-11-14",
      beginTime: "2020-01-02",
      endTime: "长期",
      endTimeRaw: "长期",
    });
  });

  it("describes each image by its own bytes", () => {
    const { document } = normalize({
      Picture: JPEG_BASE64,
      IdCardFrontImg: JPEG_BASE64,
    });
    expect(document.picture).toEqual({
      mimeType: "image/jpeg",
      byteLength: 6,
      base64: JPEG_BASE64,
    });
    expect(document.idCardFrontImg?.mimeType).toBe("image/jpeg");
    expect(document.idCardBackImg).toBeNull();
  });

  it("reports an unreadable CheckMRTD and serves null", () => {
    const { document, problems } = normalize({ CheckMRTD: "not json" });
    expect(document.checkMRTD).toBeNull();
    expect(problems).toEqual(["not_json"]);
  });
});
