/*
 * Dates as the upstream writes them. The NFC action's own documentation shows
 * `YYYYMMDD`; Tencent's other FaceID and OCR actions write `YYYY-MM-DD`,
 * `YYYY.MM.DD` and `YYYY/M/D`, so all of them are accepted. Text that is not
 * one of these forms, or names an impossible day, is kept as it was sent.
 */

/** Spellings of "valid for the long term" in place of an end date. */
const LONG_TERM_MARKERS = new Set(["长期", "00000000"]);

/** China Standard Time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SEPARATED_DATE = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/;

/** True when `raw` says the document never expires. */
export function isLongTermValidity(raw: string | null): boolean {
  return raw !== null && LONG_TERM_MARKERS.has(raw.trim());
}

/**
 * The ISO `YYYY-MM-DD` form of an upstream date, or null when `raw` is not a
 * date in a known form or names a day that does not exist.
 */
export function parseUpstreamDate(raw: string): string | null {
  const text = raw.trim();
  const parts = compactParts(text) ?? separatedParts(text);
  if (parts === null) {
    return null;
  }

  const [year, month, day] = parts.map(Number) as [number, number, number];
  return isRealDay(year, month, day) ? isoDate(year, month, day) : null;
}

/**
 * What the schema shows for an upstream date: the ISO form where it parses,
 * the upstream's own text otherwise (nothing is dropped), null when empty.
 */
export function normalizeDate(raw: string | null): string | null {
  if (raw === null) {
    return null;
  }
  if (isLongTermValidity(raw)) {
    return raw.trim();
  }
  return parseUpstreamDate(raw) ?? raw;
}

/**
 * Whether a document whose validity ends at `endTimeRaw` has expired on
 * `today` (an ISO date): false for long-term validity, null when the end
 * date is missing or cannot be read.
 */
export function isExpired(
  endTimeRaw: string | null,
  today: string,
): boolean | null {
  if (endTimeRaw === null) {
    return null;
  }
  if (isLongTermValidity(endTimeRaw)) {
    return false;
  }

  // ISO dates compare correctly as strings.
  const endDate = parseUpstreamDate(endTimeRaw);
  return endDate === null ? null : endDate < today;
}

/**
 * Today's date in China Standard Time (UTC+8, no daylight saving), where the
 * documents' validity dates are written.
 */
export function todayInChina(nowMs: number): string {
  return new Date(nowMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The next midnight in China Standard Time, in epoch milliseconds: when
 * {@link todayInChina} next changes, and with it every `expired` flag.
 */
export function nextMidnightInChina(nowMs: number): number {
  const chinaMs = nowMs + CHINA_OFFSET_MS;
  return chinaMs - (chinaMs % DAY_MS) + DAY_MS - CHINA_OFFSET_MS;
}

function compactParts(text: string): string[] | null {
  const match = COMPACT_DATE.exec(text);
  return match === null ? null : match.slice(1, 4);
}

function separatedParts(text: string): string[] | null {
  const match = SEPARATED_DATE.exec(text);
  return match === null ? null : [match[1], match[3], match[4]];
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }

  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function isoDate(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) =>
    String(value).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
