import Foundation
import Logging

extension CacheSchema {
    /// Migration 4: packs may be compressed against their host's base pack (see ``HostBases``).
    ///
    /// - `packs` gains `base_id`: the pack whose bytes were the zstd prefix of this one's frame,
    ///   NULL for a standalone pack. The table is rebuilt so that `data` stays the last column
    ///   (sizes and base ids are read without touching a frame's overflow pages); every existing
    ///   pack stays standalone, with its id.
    /// - `pack_bases`: each host's current base, for the writer.
    /// - `responses` gains `revalidated_at`, the time of the last 304 that freshened the entry
    ///   (NULL when its last response was a full one), and `body_fetched_at`, when the stored
    ///   body was received (NULL: at `fetched_at`), for the WARC export's revisit records.
    /// - Triggers: a pack is deleted with its last blob only when no pack is compressed against
    ///   it; a base goes when its last dependent and its last blob are gone; a deleted pack
    ///   leaves `pack_bases`.
    static let packBasesSQL = """
        DROP TRIGGER packs_release;
        CREATE TABLE packs_v4(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            raw_bytes INTEGER NOT NULL,
            stored_bytes INTEGER NOT NULL,
            bodies INTEGER NOT NULL,
            base_id INTEGER,
            data BLOB NOT NULL
        );
        INSERT INTO packs_v4(id, raw_bytes, stored_bytes, bodies, base_id, data)
            SELECT id, raw_bytes, stored_bytes, bodies, NULL, data FROM packs ORDER BY id;
        DROP TABLE packs;
        ALTER TABLE packs_v4 RENAME TO packs;
        CREATE INDEX packs_by_base ON packs(base_id) WHERE base_id IS NOT NULL;
        CREATE TABLE pack_bases(host TEXT PRIMARY KEY, pack_id INTEGER NOT NULL);
        CREATE TRIGGER packs_release AFTER DELETE ON blobs
        WHEN NOT EXISTS (SELECT 1 FROM blobs WHERE pack_id = OLD.pack_id)
            AND NOT EXISTS (SELECT 1 FROM packs WHERE base_id = OLD.pack_id) BEGIN
            DELETE FROM packs WHERE id = OLD.pack_id;
        END;
        CREATE TRIGGER bases_release AFTER DELETE ON packs WHEN OLD.base_id IS NOT NULL BEGIN
            DELETE FROM packs WHERE id = OLD.base_id
                AND NOT EXISTS (SELECT 1 FROM packs WHERE base_id = OLD.base_id)
                AND NOT EXISTS (SELECT 1 FROM blobs WHERE pack_id = OLD.base_id);
        END;
        ALTER TABLE responses ADD COLUMN revalidated_at REAL;
        ALTER TABLE responses ADD COLUMN body_fetched_at REAL;
        CREATE TRIGGER pack_bases_release AFTER DELETE ON packs BEGIN
            DELETE FROM pack_bases WHERE pack_id = OLD.id;
        END;
        """
}
