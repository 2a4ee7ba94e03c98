import {
  isExpired,
  normalizeDate,
  parseUpstreamDate,
  nextMidnightInChina,
  todayInChina,
} from "../../../src/services/normalize/dates";

describe("parseUpstreamDate", () => {
  it.each([
    ["20011114", "2001-11-14"],
    ["2001-11-14", "2001-11-14"],
    ["2001.11.14", "2001-11-14"],
    ["2001/11/14", "2001-11-14"],
    ["1987/1/1", "1987-01-01"],
    ["1987-1-9", "1987-01-09"],
    ["2020.2.29", "2020-02-29"],
    [" 20011114 ", "2001-11-14"],
  ])("reads %p as %p", (raw, iso) => {
    expect(parseUpstreamDate(raw)).toBe(iso);
  });

  it.each([
    ["an impossible day", "2021-02-30"],
    ["a compact impossible day", "20210230"],
    ["month 13", "2021/13/01"],
    ["day zero", "2021.01.00"],
    ["mixed separators", "2021-01/02"],
    ["words", "long ago"],
    ["a non-leap 29 February", "2019-02-29"],
  ])("refuses %s", (_label, raw) => {
    expect(parseUpstreamDate(raw)).toBeNull();
  });
});

describe("normalizeDate", () => {
  it("keeps null as null", () => {
    expect(normalizeDate(null)).toBeNull();
  });

  it("turns a known form into ISO", () => {
    expect(normalizeDate("1987/1/1")).toBe("1987-01-01");
  });

  it("keeps an impossible date's raw text so nothing is lost", () => {
    expect(normalizeDate("2021-02-30")).toBe("2021-02-30");
  });

  it("passes text in an unknown form through unchanged", () => {
    expect(normalizeDate("Nov 2001")).toBe("Nov 2001");
  });

  it.each(["长期", "00000000"])("keeps the long-term marker %p", (marker) => {
    expect(normalizeDate(marker)).toBe(marker);
  });
});

describe("isExpired", () => {
  const today = "2026-12-03";

  it("is true when validity ended before today", () => {
    expect(isExpired("20261202", today)).toBe(true);
  });

  it("is false on the last day of validity", () => {
    expect(isExpired("2026.12.03", today)).toBe(false);
  });

  it.each(["长期", "00000000"])("is false for long-term %p", (marker) => {
    expect(isExpired(marker, today)).toBe(false);
  });

  it("is null when the end date is missing", () => {
    expect(isExpired(null, today)).toBeNull();
  });

  it("is null when the end date cannot be read", () => {
    expect(isExpired("2021-02-30", today)).toBeNull();
  });
});

describe("todayInChina", () => {
  it("is already tomorrow in China at 16:00 UTC", () => {
    expect(todayInChina(Date.parse("2026-12-03T16:00:00Z"))).toBe("2026-12-04");
  });

  it("is still today in China at 15:59 UTC", () => {
    expect(todayInChina(Date.parse("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
  });
});

describe("nextMidnightInChina", () => {
  it.each([
    ["2026-12-03T15:59:59.999Z", "2026-12-03T16:00:00.000Z"],
    ["2026-12-03T16:00:00.000Z", "2026-12-04T16:00:00.000Z"],
    ["2026-12-03T00:00:00.000Z", "2026-12-03T16:00:00.000Z"],
    ["2026-12-31T20:00:00.000Z", "2027-01-01T16:00:00.000Z"],
  ])("after %s is %s", (now, midnight) => {
    const next = nextMidnightInChina(Date.parse(now));
    expect(new Date(next).toISOString()).toBe(midnight);
  });

  it("is the first moment China's date differs from now's", () => {
    const now = Date.parse("2026-07-15T09:30:00Z");
    const next = nextMidnightInChina(now);
    expect(todayInChina(next - 1)).toBe(todayInChina(now));
    expect(todayInChina(next)).not.toBe(todayInChina(now));
  });
});
