/*
 * Label values that came from outside this server's code (operation names,
 * upstream codes) pass a guard before they become a time series: nothing
 * personal may land in a label, and a client must not add series without
 * bound.
 */

/** The value that stands for anything a label guard turns away. */
export const OTHER_LABEL = "other";

/** Maps a raw label value to itself or to {@link OTHER_LABEL}. */
export type LabelGuard = (raw: string) => string;

/** An identifier-like word of at most 64 characters. */
const LABEL_WORD = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;

/** Five digits in a row: an ID number or a token has such runs. */
const DIGIT_RUN = /\d{5}/;

/**
 * A guard that lets through identifier-like words with no long digit run
 * (so neither a UUID token nor an ID number, which a client could put in an
 * operation name), and at most `maxValues` distinct ones: each distinct
 * value is a time series, and a client must not be able to add them
 * without bound.
 */
export function createLabelGuard(maxValues: number): LabelGuard {
  const admitted = new Set<string>();
  return (raw) => {
    if (admitted.has(raw)) {
      return raw;
    }
    if (!LABEL_WORD.test(raw) || DIGIT_RUN.test(raw)) {
      return OTHER_LABEL;
    }
    if (admitted.size >= maxValues) {
      return OTHER_LABEL;
    }
    admitted.add(raw);
    return raw;
  };
}
