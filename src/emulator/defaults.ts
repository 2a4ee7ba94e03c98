/**
 * The synthetic credential pair the standalone emulator and the server's
 * in-process development mode accept when none is configured. It opens
 * nothing outside the emulator.
 */
export const EMULATOR_SECRET_ID = "AKIDemulator0000000000000000000000000";
/** The secret key that goes with {@link EMULATOR_SECRET_ID}. */
export const EMULATOR_SECRET_KEY = "emulator-secret-key-not-a-real-secret";

/** The action's documented limit: 20 requests per second. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 20;

/** NFC tokens are valid for 10 minutes, as the API documentation says. */
export const DEFAULT_TOKEN_TTL_MS = 10 * 60 * 1000;

/** TC3 signatures older or newer than 5 minutes are refused upstream. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Larger bodies are refused; a real request is a few dozen bytes. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Path prefix of the emulator's own control API, apart from the action. */
export const CONTROL_PATH_PREFIX = "/__emulator/";
