#ifndef CTRAWL_ZLIB_SHIM_H
#define CTRAWL_ZLIB_SHIM_H
#include <zlib.h>

/*
 * inflateInit2 and deflateInit2 are macros (they pass ZLIB_VERSION and sizeof(z_stream)), which
 * Swift cannot import. Window bits 15 + 16: the largest window, gzip framing (header and CRC).
 */
static inline int trawl_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

static inline int trawl_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
