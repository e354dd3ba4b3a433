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
