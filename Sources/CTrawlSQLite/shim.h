#ifndef CTRAWL_SQLITE_SHIM_H
#define CTRAWL_SQLITE_SHIM_H
#include <sqlite3.h>
#endif
