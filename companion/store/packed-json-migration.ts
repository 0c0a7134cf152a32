import type Database from "better-sqlite3";
import { packSlimJson } from "./post-row.ts";
import { packRaw, unpackRaw, ZSTD_RAW_V2 } from "./raw-codec.ts";

/**
 * Packs each post's json column (the Post without raw, until now JSON TEXT) with zstd against a dictionary of
 * typical Posts, and repacks the raw column from deflate (codec 1) to zstd (codec 2): on tiktok-scraper items
 * the Post stored beside the raw was nearly the input's size (1.2 of 1.5 KB), and now takes about a quarter of
 * it. The texts are packed as they are, so every Post reads back exactly as before.
 *
 * The change feed must not list every post again (what a client sees is unchanged): the row in bulk_writes
 * turns the per-row triggers off for this transaction, as an import does (bulk-writes-schema.ts), and is gone
 * before it commits.
 */
export const PACKED_JSON_MIGRATION = `
  INSERT INTO bulk_writes (on_connection) VALUES (1);
  UPDATE posts SET json = migrate_pack_json(json), raw = migrate_repack_raw(raw);
  DELETE FROM bulk_writes;
`;

/** The functions PACKED_JSON_MIGRATION calls; a value already packed is left as it is. */
export const registerPackedJsonFunctions = (db: Database.Database): void => {
  db.function("migrate_pack_json", { deterministic: true }, (json) =>
    typeof json === "string" ? packSlimJson(json) : json,
  );
  db.function("migrate_repack_raw", { deterministic: true }, (raw) =>
    raw instanceof Uint8Array && raw[0] !== ZSTD_RAW_V2 ? packRaw(unpackRaw(raw)) : raw,
  );
};
