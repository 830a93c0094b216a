// PostgreSQL's C client library. pkg-config's `libpq` adds the include directory
// (Debian: /usr/include/postgresql); without pkg-config fall back to the Debian path.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
