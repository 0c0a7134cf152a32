// One schema for the whole extension: the background's mirror writes it, the dashboard reads it.
export { MIRROR_DB_NAME, type MirrorDb, openMirrorDb } from "../../common/mirror/mirror-db.ts";
