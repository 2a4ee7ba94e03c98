/** A variable the harness always sets; its absence is a harness bug. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} must be set.`);
  }
  return value;
}

/** A variable that must hold one of `choices`; the first is the default. */
export function choiceEnv<T extends string>(
  name: string,
  choices: readonly [T, ...T[]],
): T {
  const value = process.env[name];
  if (value === undefined || value === "") {
    return choices[0];
  }
  const choice = choices.find((candidate) => candidate === value);
  if (choice === undefined) {
    throw new Error(`${name} must be one of ${choices.join(", ")}.`);
  }
  return choice;
}
