import CTrawlSQLite

/// Why a ``SQLiteCrawlStore`` cannot go on: the cache cannot be opened, read or written.
///
/// A failed page is not a `StoreError`; it is a `FailureReason` recorded in the store.
/// The ``description`` is one line that names the cache, fit for a summary or a CLI error.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// A stable label for the kind of failure. Extensible: compare with the static members.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file or its folder could not be created or opened.
        public static let cannotCreate = Code(rawValue: "cannot-create")
        /// The file is not a Trawl cache: not SQLite at all, or another application's database.
        public static let notACache = Code(rawValue: "not-a-cache")
        /// The cache was written by a newer Trawl whose schema this one does not know.
        public static let newerVersion = Code(rawValue: "newer-version")
        /// SQLite found the database damaged.
        public static let corrupt = Code(rawValue: "corrupt")
        /// Another process holds the write lock longer than the busy timeout.
        public static let locked = Code(rawValue: "locked")
        /// The disk or file system is full.
        public static let diskFull = Code(rawValue: "disk-full")
        /// The file or its folder is read-only.
        public static let readOnly = Code(rawValue: "read-only")
        /// A read or write of the file failed.
        public static let io = Code(rawValue: "io")
        /// The store was used after ``SQLiteCrawlStore/close()``.
        public static let closed = Code(rawValue: "closed")
        /// Another Trawl process (or store in this process) has the cache open for writing.
        public static let inUse = Code(rawValue: "in-use")
        /// The cache has an older schema and was opened read-only, so it cannot be migrated.
        public static let olderVersion = Code(rawValue: "older-version")
        /// A stored pack would not compress or decompress.
        public static let compression = Code(rawValue: "compression")
        /// A job operation (``JobStore``) on a cache that holds no job.
        public static let noJob = Code(rawValue: "no-job")
        /// Any other SQLite failure; the message has SQLite's words and the SQL.
        public static let sqlite = Code(rawValue: "sqlite")
    }

    /// What kind of failure this is; stable, for matching and summaries.
    public var code: Code
    /// The cache file the failure concerns.
    public var path: String
    /// Detail for humans: SQLite's message, the SQL or the OS error.
    public var message: String

    /// An error of kind `code` about the cache at `path`.
    public init(_ code: Code, path: String, message: String = "") {
        self.code = code
        self.path = path
        self.message = message
    }

    /// One line: what happened to which cache, then the detail.
    public var description: String {
        let headline: String
        switch code {
        case .cannotCreate: headline = "cannot create cache \(path)"
        case .notACache: headline = "\(path) is not a Trawl cache"
        case .newerVersion: headline = "cache \(path) was written by a newer Trawl"
        case .corrupt: headline = "cache \(path) is corrupt"
        case .locked: headline = "cache \(path) is locked by another process"
        case .diskFull: headline = "disk full writing cache \(path)"
        case .readOnly: headline = "cache \(path) is read-only"
        case .io: headline = "I/O error on cache \(path)"
        case .closed: headline = "cache \(path) is closed"
        case .inUse: return "cache \(path) is in use by another trawl process (\(message))"
        case .noJob: headline = "cache \(path) holds no crawl job"
        case .olderVersion: headline = "cache \(path) needs a migration a read-only open cannot make"
        default: headline = "cache \(path): \(code.rawValue) error"
        }
        let detail = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return detail.isEmpty ? headline : "\(headline): \(detail)"
    }
}

extension StoreError {
    /// Classifies an SQLite failure on the cache at `path`.
    init(_ error: SQLiteError, path: String) {
        let code: Code
        switch error.primaryCode {
        case SQLITE_BUSY, SQLITE_LOCKED: code = .locked
        case SQLITE_NOTADB: code = .notACache
        case SQLITE_CORRUPT: code = .corrupt
        case SQLITE_CANTOPEN, SQLITE_PERM: code = .cannotCreate
        case SQLITE_FULL: code = .diskFull
        case SQLITE_READONLY: code = .readOnly
        case SQLITE_IOERR: code = .io
        default: code = .sqlite
        }
        self.init(code, path: path, message: error.description)
    }

    /// The error every call after ``SQLiteCrawlStore/close()`` throws.
    static func closed(_ path: String) -> StoreError {
        StoreError(.closed, path: path)
    }
}
