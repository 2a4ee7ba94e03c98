import {
  type CheckMrtdProblem,
  parseCheckMrtd,
} from "../../../src/services/normalize/checkMrtd";
import { MrtdCheckResult } from "../../../src/services/normalize/NfcDocumentData";

function parse(raw: string | null) {
  const problems: CheckMrtdProblem[] = [];
  const result = parseCheckMrtd(raw, (problem) => problems.push(problem));
  return { result, problems };
}

describe("parseCheckMrtd", () => {
  it("reads four verified checks as genuine", () => {
    const { result, problems } = parse(
      '{"result_issuer":"0","result_paper":"0",' +
        '"result_data":"0","result_chip":"0"}',
    );
    expect(result).toEqual({
      resultIssuer: MrtdCheckResult.VERIFIED,
      resultPaper: MrtdCheckResult.VERIFIED,
      resultData: MrtdCheckResult.VERIFIED,
      resultChip: MrtdCheckResult.VERIFIED,
      genuine: true,
    });
    expect(problems).toEqual([]);
  });

  it("tolerates keys with spaces, as the upstream's docs spell them", () => {
    const { result } = parse(
      '{"result_issuer ":0," result_paper":1,' +
        '"result_data ":2,"result_chip":3}',
    );
    expect(result).toEqual({
      resultIssuer: MrtdCheckResult.VERIFIED,
      resultPaper: MrtdCheckResult.FAILED,
      resultData: MrtdCheckResult.UNVERIFIED,
      resultChip: MrtdCheckResult.PARTIALLY_PASSED,
      genuine: false,
    });
  });

  it("leaves a missing check null and the document not genuine", () => {
    const { result } = parse(
      '{"result_issuer":"0","result_paper":"0","result_data":"0"}',
    );
    expect(result).toMatchObject({ resultChip: null, genuine: false });
  });

  it("is null without a problem when the upstream sent nothing", () => {
    expect(parse(null)).toEqual({ result: null, problems: [] });
  });

  it.each<[string, string, CheckMrtdProblem]>([
    ["text that is not JSON", "{result_issuer: 0", "not_json"],
    ["a JSON array", "[0, 0, 0, 0]", "not_an_object"],
    ["a JSON string", '"0000"', "not_an_object"],
    ["an unknown result code", '{"result_issuer":"7"}', "bad_value"],
    ["a nested object", '{"result_chip":{"v":0}}', "bad_value"],
  ])("is null and reports %s", (_label, raw, problem) => {
    expect(parse(raw)).toEqual({ result: null, problems: [problem] });
  });
});
