#ifndef TRADEFACTS_CSQLITE3_SHIM_H
#define TRADEFACTS_CSQLITE3_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro, which does not import into Swift: expose it. */
static inline sqlite3_destructor_type tf_sqlite3_transient(void) { return SQLITE_TRANSIENT; }
#endif
