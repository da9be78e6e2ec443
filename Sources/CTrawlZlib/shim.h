#ifndef CTRAWL_ZLIB_SHIM_H
#define CTRAWL_ZLIB_SHIM_H
#include <zlib.h>

/*
 * inflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)), which Swift cannot
 * import. Window bits 15 + 16: the largest window, gzip framing only (header and CRC checked).
 */
static inline int trawl_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
