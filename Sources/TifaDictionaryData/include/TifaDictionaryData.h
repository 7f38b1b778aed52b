#ifndef TIFA_DICTIONARY_DATA_H
#define TIFA_DICTIONARY_DATA_H

#include <stdint.h>

/// The bundled dictionary files from `Dictionaries/`, embedded in the binary at build time.
/// `tifa_dictionary_count` files; each has a file name and its bytes (UTF-8 text).
int32_t tifa_dictionary_count(void);
const char *tifa_dictionary_name(int32_t index);
const uint8_t *tifa_dictionary_bytes(int32_t index);
int64_t tifa_dictionary_length(int32_t index);

#endif
