/** The line formats exportLines writes; apart from it, so the CLI's definition lists them without loading it. */
export const EXPORT_FORMATS = ["csv", "ndjson", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
