/** Limits checked before reading a file (DESIGN §7); each refusal names the limit. */
export const LIMITS = {
  /** bytes of one file */
  fileBytes: 100 * 1024 * 1024,
  /** columns of one table */
  columns: 2000,
  /** characters of one cell */
  cellChars: 10000,
} as const;

export const formatMB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
