import CTrawlXML2

/// Process-wide and per-thread libxml2 setup, and string conversion.
///
/// libxml2 keeps its error handlers per thread, so every entry point calls ``prepareThread()``
/// on the thread that then uses libxml2, with no suspension point in between.
enum XMLLibrary {
    /// Runs once per process: Swift initializes static stored properties with a thread-safe once.
    private static let initialized: Bool = {
        xmlInitParser()
        // Without this, a DTD or external entity could make libxml2 read files or the network.
        trawl_xml_refuse_external_entities()
        trawl_xml_silence_errors_on_new_threads()
        return true
    }()

    /// Initializes libxml2 (once) and installs no-op error handlers on the calling thread.
    static func prepareThread() {
        _ = initialized
        trawl_xml_silence_errors()
    }

    /// Copies a NUL-terminated libxml2 string (UTF-8; invalid bytes are repaired).
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// Copies a string libxml2 allocated for the caller, then frees it with `xmlFree`.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        defer { trawl_xml_free(pointer) }
        return String(cString: pointer)
    }

    /// Calls `body` with `string` as a C string, or with nil.
    static func withOptionalCString<R>(
        _ string: String?, _ body: (UnsafePointer<CChar>?) -> R
    ) -> R {
        guard let string else { return body(nil) }
        return string.withCString { body($0) }
    }

    /// Calls `body` with the bytes as a C buffer; throws for empty or oversized input.
    static func withBuffer<R>(
        _ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int32) -> R
    ) throws(XMLError) -> R {
        guard bytes.count <= Int(Int32.max) else {
            throw XMLError(.tooLarge, "document of \(bytes.count) bytes is larger than libxml2 accepts")
        }
        let result: R? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return body(base.assumingMemoryBound(to: CChar.self), Int32(raw.count))
        }
        guard let result else { throw XMLError(.parse, "empty document") }
        return result
    }
}
