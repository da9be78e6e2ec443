import Foundation
import Logging
import TrawlCore

extension CacheSchema {
    /// Migration 2: bodies leave the response rows for deduplicated blobs in zstd packs.
    ///
    /// - `packs`: one zstd frame of bodies appended in crawl order. `data` is the last column so
    ///   that sizes and counts are read without touching the frame's overflow pages. AUTOINCREMENT
    ///   because a reader caches packs by id: an id must never name two packs.
    /// - `blobs`: a body by SHA-256 → where it sits in which pack, and how many responses use it.
    /// - `responses`: headers and metadata only, plus `host` and `body_length` so that listing
    ///   and statistics never read a pack.
    /// - Triggers count references: a blob goes with its last response, a pack with its last blob,
    ///   whoever deletes (the store, `compact()`, a future CLI, or plain SQL).
    /// - `meta`: `trawl_version`, the Trawl that last wrote the schema, for the newer-version error.
    static let version2SQL = """
        CREATE TABLE packs(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            raw_bytes INTEGER NOT NULL,
            stored_bytes INTEGER NOT NULL,
            bodies INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE blobs(
            hash BLOB PRIMARY KEY,
            pack_id INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            length INTEGER NOT NULL,
            refs INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX blobs_by_pack ON blobs(pack_id);
        ALTER TABLE responses RENAME TO responses_v1;
        CREATE TABLE responses(
            key TEXT PRIMARY KEY,
            requested_url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            status INTEGER NOT NULL,
            headers TEXT NOT NULL,
            host TEXT NOT NULL,
            body_hash BLOB NOT NULL,
            body_length INTEGER NOT NULL,
            fetched_at REAL NOT NULL,
            elapsed REAL NOT NULL
        );
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TRIGGER responses_reference AFTER INSERT ON responses BEGIN
            UPDATE blobs SET refs = refs + 1 WHERE hash = NEW.body_hash;
        END;
        CREATE TRIGGER responses_release AFTER DELETE ON responses BEGIN
            UPDATE blobs SET refs = refs - 1 WHERE hash = OLD.body_hash;
        END;
        CREATE TRIGGER responses_rereference AFTER UPDATE OF body_hash ON responses
        WHEN OLD.body_hash IS NOT NEW.body_hash BEGIN
            UPDATE blobs SET refs = refs + 1 WHERE hash = NEW.body_hash;
            UPDATE blobs SET refs = refs - 1 WHERE hash = OLD.body_hash;
        END;
        CREATE TRIGGER blobs_release AFTER UPDATE OF refs ON blobs WHEN NEW.refs <= 0 BEGIN
            DELETE FROM blobs WHERE hash = NEW.hash;
        END;
        CREATE TRIGGER packs_release AFTER DELETE ON blobs
        WHEN NOT EXISTS (SELECT 1 FROM blobs WHERE pack_id = OLD.pack_id) BEGIN
            DELETE FROM packs WHERE id = OLD.pack_id;
        END;
        """

    /// Moves every version-1 response (left in `responses_v1` by migration 2) into the current
    /// tables in the order it was stored, through the same writer a crawl uses; a malformed old
    /// row is dropped (it was a miss already). Runs inside the migrations' transaction, after the
    /// last migration, so the bodies land in the layout this build writes.
    static func moveVersion1Bodies(_ connection: SQLiteConnection, logger: Logger) throws(StoreError) {
        do throws(SQLiteError) {
            let writer = try CacheWriter(connection: connection, logger: logger, damaged: DamagedPacks())
            let rows = try connection.prepare(
                "SELECT key, \(CacheReader.responseColumnsV1) FROM responses_v1 ORDER BY rowid")
            var batch = WriteBatch(id: 0)
            var moved = 0
            while try rows.step() {
                guard let key = rows.text(at: 0), let response = CacheReader.decodeResponseV1(rows, from: 1) else {
                    continue
                }
                batch.store(response, forKey: key)
                if batch.count >= 256 || batch.bodyBytes >= PackWriter.Limits.standard.bytes * 4 {
                    try writer.writeRows(of: batch)
                    moved += batch.count
                    batch = WriteBatch(id: 0)
                }
            }
            try writer.writeRows(of: batch)
            moved += batch.count
            try connection.execute("DROP TABLE responses_v1")
            logger.debug("moved bodies into packs", metadata: ["trawl.responses": "\(moved)"])
        } catch {
            throw StoreError(error, path: connection.path)
        }
    }
}
