#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

const char *tifa_icu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

int32_t tifa_icu_failed(int32_t code) { return U_FAILURE((UErrorCode)code) ? 1 : 0; }

static const UNormalizer2 *nfkc(UErrorCode *status) { return unorm2_getNFKCInstance(status); }

int32_t tifa_nfkc_fill_table(uint32_t *table) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = nfkc(&status);
    if (U_FAILURE(status)) return status;
    for (uint32_t c = 0; c < 0x10000; c++) {
        uint32_t flags = unorm2_hasBoundaryBefore(n, (UChar32)c) ? 0 : TIFA_NFKC_NO_BOUNDARY_BEFORE;
        table[c] = TIFA_NFKC_COMPLEX | flags;
        if (c >= 0xD800 && c <= 0xDFFF) { table[c] = c; continue; }
        if (flags) continue;
        UChar src[1] = {(UChar)c};
        UChar dst[8];
        UErrorCode s = U_ZERO_ERROR;
        int32_t len = unorm2_normalize(n, src, 1, dst, 8, &s);
        if (U_FAILURE(s)) continue;
        if (len == 1 && !U16_IS_SURROGATE(dst[0])) table[c] = dst[0];
        else if (len == 2 && U16_IS_LEAD(dst[0]) && U16_IS_TRAIL(dst[1])) table[c] = U16_GET_SUPPLEMENTARY(dst[0], dst[1]);
    }
    return U_ZERO_ERROR;
}

int32_t tifa_nfkc_has_boundary_before(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = nfkc(&status);
    if (U_FAILURE(status)) return 1;
    return unorm2_hasBoundaryBefore(n, (UChar32)c) ? 1 : 0;
}

int32_t tifa_nfkc_normalize(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    const UNormalizer2 *n = nfkc(&s);
    if (U_FAILURE(s)) { *status = s; return 0; }
    int32_t len = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dst, capacity, &s);
    *status = (s == U_BUFFER_OVERFLOW_ERROR || s == U_STRING_NOT_TERMINATED_WARNING) ? U_ZERO_ERROR : s;
    return len;
}

int32_t tifa_trad_to_simp_fill_table(uint32_t *table) {
    UErrorCode status = U_ZERO_ERROR;
    static const UChar id[] = u"Traditional-Simplified";
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return status;
    for (uint32_t c = 0; c < 0x10000; c++) table[c] = c;
    // Han blocks in the BMP: Extension A, Unified Ideographs, Compatibility Ideographs.
    static const uint32_t ranges[][2] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    for (int r = 0; r < 3; r++) {
        for (uint32_t c = ranges[r][0]; c <= ranges[r][1]; c++) {
            UChar buf[8] = {(UChar)c};
            int32_t len = 1, limit = 1;
            UErrorCode s = U_ZERO_ERROR;
            utrans_transUChars(t, buf, &len, 8, 0, &limit, &s);
            if (U_SUCCESS(s) && len == 1 && buf[0] != c && !U16_IS_SURROGATE(buf[0])) table[c] = buf[0];
        }
    }
    utrans_close(t);
    return U_ZERO_ERROR;
}

struct tifa_break_iterator { UBreakIterator *brk; };

tifa_break_iterator *tifa_break_open(int32_t kind, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    UBreakIterator *brk = ubrk_open(kind == TIFA_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, "zh", NULL, 0, &s);
    // "zh" has no tailoring of its own: ICU answers U_USING_DEFAULT_WARNING, a success.
    *status = U_FAILURE(s) ? s : U_ZERO_ERROR;
    if (U_FAILURE(s)) return NULL;
    tifa_break_iterator *it = malloc(sizeof *it);
    if (!it) { ubrk_close(brk); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    it->brk = brk;
    return it;
}

void tifa_break_set_text(tifa_break_iterator *it, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    ubrk_setText(it->brk, (const UChar *)text, length, &s);
    *status = U_FAILURE(s) ? s : U_ZERO_ERROR;
}

int32_t tifa_break_next(tifa_break_iterator *it) {
    int32_t next = ubrk_next(it->brk);
    return next == UBRK_DONE ? -1 : next;
}

int32_t tifa_break_rule_status(tifa_break_iterator *it) { return ubrk_getRuleStatus(it->brk); }

void tifa_break_close(tifa_break_iterator *it) {
    if (!it) return;
    ubrk_close(it->brk);
    free(it);
}

int32_t tifa_charset_detect(const char *bytes, int32_t length, char *name, int32_t nameCapacity, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&s);
    if (U_FAILURE(s)) { *status = s; return -1; }
    ucsdet_setText(det, bytes, length, &s);
    const UCharsetMatch *match = U_SUCCESS(s) ? ucsdet_detect(det, &s) : NULL;
    int32_t confidence = -1;
    if (U_SUCCESS(s) && match) {
        const char *found = ucsdet_getName(match, &s);
        confidence = ucsdet_getConfidence(match, &s);
        if (U_SUCCESS(s) && found) {
            strncpy(name, found, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = 0;
        }
    } else if (U_SUCCESS(s)) {
        s = U_INVALID_FORMAT_ERROR;
    }
    ucsdet_close(det);
    *status = U_FAILURE(s) ? s : U_ZERO_ERROR;
    return U_FAILURE(s) ? -1 : confidence;
}

int32_t tifa_convert_to_utf8(const char *charset, const char *src, int32_t length, char *dst, int32_t capacity,
                             int32_t *errorOffset, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    *errorOffset = -1;
    UConverter *from = ucnv_open(charset, &s);
    if (U_FAILURE(s)) { *status = s; return 0; }
    ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &s);
    UConverter *to = ucnv_open("UTF-8", &s);
    if (U_FAILURE(s)) { ucnv_close(from); *status = s; return 0; }

    // Convert through UTF-16 ourselves so a malformed byte's offset is known.
    int32_t u16cap = length + 16;
    UChar *u16 = malloc(sizeof(UChar) * (size_t)u16cap);
    int32_t *offsets = malloc(sizeof(int32_t) * (size_t)u16cap);
    if (!u16 || !offsets) { free(u16); free(offsets); ucnv_close(from); ucnv_close(to); *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    UChar *target = u16;
    const char *source = src;
    ucnv_toUnicode(from, &target, u16 + u16cap, &source, src + length, offsets, 1, &s);
    if (U_FAILURE(s)) {
        *errorOffset = (int32_t)(source - src);
        // The converter has consumed the bad sequence; report where it started.
        char bad[32];
        int8_t badLen = (int8_t)sizeof bad;
        UErrorCode ignore = U_ZERO_ERROR;
        ucnv_getInvalidChars(from, bad, &badLen, &ignore);
        if (U_SUCCESS(ignore) && badLen <= *errorOffset) *errorOffset -= badLen;
        free(u16); free(offsets); ucnv_close(from); ucnv_close(to);
        *status = s;
        return 0;
    }
    int32_t u16len = (int32_t)(target - u16);
    int32_t needed = ucnv_fromUChars(to, dst, capacity, u16, u16len, &s);
    if (s == U_BUFFER_OVERFLOW_ERROR || s == U_STRING_NOT_TERMINATED_WARNING) s = U_ZERO_ERROR;
    free(u16); free(offsets); ucnv_close(from); ucnv_close(to);
    *status = U_FAILURE(s) ? s : U_ZERO_ERROR;
    return needed;
}
