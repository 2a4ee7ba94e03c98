/**
 * The defaults with every override that is set laid over them. Only the
 * defaults' own keys are copied, so options that are not settings (a clock,
 * a callback) stay out, and an override left undefined keeps the default.
 */
export function withDefaults<T extends object>(
  defaults: Readonly<T>,
  overrides: Partial<T>,
): T {
  const settings: T = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = overrides[key];
    if (value !== undefined) {
      settings[key] = value as T[keyof T];
    }
  }
  return settings;
}

/**
 * Throws when a numeric setting is not a finite number of at least `min`:
 * a zero budget or a NaN timeout would make every call hang or fail, and
 * that is a programming error better caught at construction.
 */
export function assertAtLeast(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) {
    throw new TypeError(
      `${name} must be a number of at least ${min}, got ${value}`,
    );
  }
}
