#ifndef TIFA_CICUSHIM_H
#define TIFA_CICUSHIM_H

// A small C API over the ICU functions Tifa needs. Only stdint types and opaque handles
// cross this boundary: ICU's own headers stay inside the .c file, so they never meet
// Foundation's bundled copy, and the versioned symbol names (`ubrk_open_72`) are resolved
// by ICU's macros at C compile time.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for an error code ("U_ILLEGAL_ARGUMENT_ERROR", …).
const char *tifa_icu_error_name(int32_t code);

/// 1 when `code` is a failure; ICU warnings (negative codes) are not.
int32_t tifa_icu_failed(int32_t code);

// MARK: - Normalization

/// Flags in the entries of the NFKC table.
#define TIFA_NFKC_COMPLEX 0x80000000u            /* maps to several code points: use tifa_nfkc_normalize */
#define TIFA_NFKC_NO_BOUNDARY_BEFORE 0x40000000u /* may combine with the code point before it */
#define TIFA_NFKC_VALUE_MASK 0x001FFFFFu

/// Fills `table` (65,536 entries) with the NFKC image of every BMP code point that maps to
/// exactly one code point when the next code point has a boundary before it (the image is the
/// code point itself when unchanged), with the flags above. Returns an ICU code.
int32_t tifa_nfkc_fill_table(uint32_t *table);

/// 1 when a normalization chunk may start at `c` (NFKC has a boundary before it).
int32_t tifa_nfkc_has_boundary_before(uint32_t c);

/// NFKC-normalizes UTF-16 `src`; returns the output length (which may exceed `capacity`,
/// then nothing useful was written and the caller retries with a larger buffer).
int32_t tifa_nfkc_normalize(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity, int32_t *status);

// MARK: - Traditional → Simplified

/// Fills `table` (65,536 entries) with the Simplified form of every BMP code point that the ICU
/// "Traditional-Simplified" transliterator maps to a single different code point, and with
/// the code point itself elsewhere. Returns an ICU code.
int32_t tifa_trad_to_simp_fill_table(uint32_t *table);

// MARK: - Break iteration

typedef struct tifa_break_iterator tifa_break_iterator;

enum { TIFA_BREAK_WORD = 0, TIFA_BREAK_SENTENCE = 1 };

/// Opens a word or sentence break iterator for Chinese; NULL on failure (see `status`).
tifa_break_iterator *tifa_break_open(int32_t kind, int32_t *status);
/// Points the iterator at UTF-16 text that must stay alive while it is used.
void tifa_break_set_text(tifa_break_iterator *it, const uint16_t *text, int32_t length, int32_t *status);
/// The next boundary offset in UTF-16 units, or -1 at the end.
int32_t tifa_break_next(tifa_break_iterator *it);
/// The rule status of the segment ending at the last boundary (ICU's UWordBreak values).
int32_t tifa_break_rule_status(tifa_break_iterator *it);
void tifa_break_close(tifa_break_iterator *it);

// MARK: - Charsets

/// Guesses the charset of `bytes`; writes its ICU name into `name` and returns the confidence
/// (0–100), or -1 with `status` set.
int32_t tifa_charset_detect(const char *bytes, int32_t length, char *name, int32_t nameCapacity, int32_t *status);

/// Converts `src` in `charset` to UTF-8; returns the needed length (retry with a larger `dst`
/// when it exceeds `capacity`). Unmappable or malformed input is an error
/// (U_INVALID_CHAR_FOUND / U_ILLEGAL_CHAR_FOUND), and `errorOffset` receives its byte offset.
int32_t tifa_convert_to_utf8(const char *charset, const char *src, int32_t length, char *dst, int32_t capacity,
                             int32_t *errorOffset, int32_t *status);

/// Asks the processor to bring the cache line holding `address` in, for reading: the segmenter
/// uses it to fetch the trie slots of the characters ahead while it walks the current one.
static inline void tifa_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#ifdef __cplusplus
}
#endif

#endif
