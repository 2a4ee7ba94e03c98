import type { RatioSpread } from "./statistics";

/** A Markdown table; cells are written as given. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header),
    line(header.map(() => "---")),
    ...rows.map((row) => line(row)),
  ].join("\n");
}

/** `0.31x (0.29–0.33)`: the median ratio and its range over rounds. */
export function ratio(spread: RatioSpread): string {
  if (spread.min === spread.max) {
    return `${spread.median.toFixed(2)}x`;
  }
  return (
    `${spread.median.toFixed(2)}x ` +
    `(${spread.min.toFixed(2)}–${spread.max.toFixed(2)})`
  );
}

export function milliseconds(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function whole(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

export function kibibytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
