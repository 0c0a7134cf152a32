/** What the build writes beside the bundle: the source files that went in and when the build started. */
export interface BundleManifest {
  builtAt: number;
  inputs: string[];
}

export const ROOT: URL;
export const BUNDLE_DIR: URL;
export const BUNDLE_ENTRY: URL;
export const MANIFEST_NAME: string;
export const MANIFEST: URL;
export const staleReason: (manifestUrl?: URL, root?: URL) => string | null;
