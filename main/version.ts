/** Kept in step with package.json by the release script; shown on the sign-in page and in diagnostics. */
export const VERSION = '0.1.0';
