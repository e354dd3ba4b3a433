#include "CSupport.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

long planbuild_find_html_special(const unsigned char *text, long count, long from) {
#if defined(__SSE2__)
    // Sixteen bytes at a time: five compares and one mask per block of text
    // that needs no escape (nearly all of a page's values).
    const __m128i lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), amp = _mm_set1_epi8('&');
    const __m128i quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
    while (from + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + from));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, lt), _mm_cmpeq_epi8(block, gt)),
                                    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, amp), _mm_cmpeq_epi8(block, quot)),
                                                 _mm_cmpeq_epi8(block, apos)));
        int mask = _mm_movemask_epi8(hits);
        if (mask) return from + __builtin_ctz((unsigned)mask);
        from += 16;
    }
    if (from >= count) return count;
    // The last few bytes in one more compare: the block that ends the text
    // (overlapping what was checked), or a short text copied into zeros.
    long base = count - 16;
    __m128i block;
    if (base >= 0) {
        block = _mm_loadu_si128((const __m128i *)(text + base));
    } else {
        unsigned char padded[16] = {0};
        memcpy(padded, text, (size_t)count);
        block = _mm_loadu_si128((const __m128i *)padded);
        base = 0;
    }
    __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, lt), _mm_cmpeq_epi8(block, gt)),
                                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, amp), _mm_cmpeq_epi8(block, quot)),
                                             _mm_cmpeq_epi8(block, apos)));
    unsigned mask = (unsigned)_mm_movemask_epi8(hits) >> (from - base);
    return mask ? from + __builtin_ctz(mask) : count;
#endif
    for (; from < count; from++) {
        unsigned char byte = text[from];
        if (byte == '<' || byte == '>' || byte == '&' || byte == '"' || byte == '\'') return from;
    }
    return count;
}

long planbuild_find_ics_special(const unsigned char *text, long count, long from) {
#if defined(__SSE2__)
    // A control byte (below 0x20, by an unsigned minimum) or one of `\ ; ,`, sixteen bytes at a time.
    const __m128i controls = _mm_set1_epi8(0x1F), backslash = _mm_set1_epi8('\\');
    const __m128i semicolon = _mm_set1_epi8(';'), comma = _mm_set1_epi8(',');
    while (from + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + from));
        __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(block, controls), block),
                                    _mm_or_si128(_mm_cmpeq_epi8(block, backslash),
                                                 _mm_or_si128(_mm_cmpeq_epi8(block, semicolon), _mm_cmpeq_epi8(block, comma))));
        int mask = _mm_movemask_epi8(hits);
        if (mask) return from + __builtin_ctz((unsigned)mask);
        from += 16;
    }
#endif
    for (; from < count; from++) {
        unsigned char byte = text[from];
        if (byte < 0x20 || byte == '\\' || byte == ';' || byte == ',') return from;
    }
    return count;
}

// Whether the byte at `at` starts (or, for `/` after `<`, completes) what plan.json escapes.
static int json_escapes_at(const unsigned char *text, long count, long at) {
    unsigned char byte = text[at];
    if (byte == '/') return at > 0 && text[at - 1] == '<';
    if (byte == 0xE2) return at + 2 < count && text[at + 1] == 0x80 && (text[at + 2] == 0xA8 || text[at + 2] == 0xA9);
    return 1;
}

long planbuild_find_json_special(const unsigned char *text, long count, long from) {
#if defined(__SSE2__)
    // Candidates sixteen bytes at a time: a control byte (below 0x20), DEL, `"`, `\`,
    // `/` (of `</`) and 0xE2 (the lead byte of U+2028 and U+2029, but also of the
    // quotation marks and dashes of Chinese text, so each is looked at more closely).
    const __m128i controls = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i del = _mm_set1_epi8(0x7F), slash = _mm_set1_epi8('/'), lead = _mm_set1_epi8((char)0xE2);
    while (from + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + from));
        __m128i hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(block, controls), block), _mm_cmpeq_epi8(block, quote)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, backslash), _mm_cmpeq_epi8(block, del)),
                         _mm_or_si128(_mm_cmpeq_epi8(block, slash), _mm_cmpeq_epi8(block, lead))));
        unsigned mask = (unsigned)_mm_movemask_epi8(hits);
        while (mask) {
            long at = from + __builtin_ctz(mask);
            if (json_escapes_at(text, count, at)) return at;
            mask &= mask - 1;
        }
        from += 16;
    }
#endif
    for (; from < count; from++) {
        unsigned char byte = text[from];
        if (byte < 0x20 || byte == '"' || byte == '\\' || byte == 0x7F || byte == '/' || byte == 0xE2) {
            if (json_escapes_at(text, count, from)) return from;
        }
    }
    return count;
}
