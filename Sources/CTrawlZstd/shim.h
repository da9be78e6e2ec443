#ifndef CTRAWL_ZSTD_SHIM_H
#define CTRAWL_ZSTD_SHIM_H
#include <zstd.h>
#endif
