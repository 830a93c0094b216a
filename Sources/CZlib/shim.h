#ifndef DIVERSITYKIT_CZLIB_SHIM_H
#define DIVERSITYKIT_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro passing the library version and struct size, which Swift cannot import.
// A raw deflate stream (no zlib header), as ZIP entries hold.
static inline int diversitykit_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
