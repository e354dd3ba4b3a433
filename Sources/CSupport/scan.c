#include "CSupport.h"
#if defined(__SSE2__)
#include <emmintrin.h>

// The vector loop for exactly `pairs` pairs and `singles` single bytes: with
// both constant the compiler keeps every needle in a register.
static inline __attribute__((always_inline)) long scan(const unsigned char *text, long count, long from,
    const unsigned char *singles, const long singleCount, const unsigned char *pairs, const long pairCount) {
    __m128i ones[4], firsts[8], seconds[8];
    for (long i = 0; i < singleCount; i++) ones[i] = _mm_set1_epi8((char)singles[i]);
    for (long i = 0; i < pairCount; i++) {
        firsts[i] = _mm_set1_epi8((char)pairs[2 * i]);
        seconds[i] = _mm_set1_epi8((char)pairs[2 * i + 1]);
    }
    while (from + 17 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + from));
        __m128i next = _mm_loadu_si128((const __m128i *)(text + from + 1));
        __m128i hits = _mm_setzero_si128();
        for (long i = 0; i < singleCount; i++) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, ones[i]));
        for (long i = 0; i < pairCount; i++)
            hits = _mm_or_si128(hits, _mm_and_si128(_mm_cmpeq_epi8(block, firsts[i]), _mm_cmpeq_epi8(next, seconds[i])));
        int mask = _mm_movemask_epi8(hits);
        if (mask) return from + __builtin_ctz((unsigned)mask);
        from += 16;
    }
    return from;
}
#endif

long planbuild_find_bytes(const unsigned char *text, long count, long from, const unsigned char *singles, long singleCount,
                          const unsigned char *pairs, long pairCount) {
#if defined(__SSE2__)
    // Sixteen positions at a time, most of a text without a branch per byte;
    // the sizes as constants (one case each) keep the needles in registers.
    if (singleCount == 0 && pairCount >= 1 && pairCount <= 8) {
        switch (pairCount) {
#define CASE(n) case n: from = scan(text, count, from, 0, 0, pairs, n); break;
        CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
        }
    } else if (singleCount >= 1 && singleCount <= 4 && pairCount <= 8) {
        switch (pairCount * 4 + singleCount - 1) {
#define CASE2(p, s) case p * 4 + s - 1: from = scan(text, count, from, singles, s, pairs, p); break;
#define ROW(p) CASE2(p, 1) CASE2(p, 2) CASE2(p, 3) CASE2(p, 4)
        ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5) ROW(6) ROW(7) ROW(8)
#undef ROW
#undef CASE2
        }
    }
#endif
    for (; from < count; from++) {
        for (long i = 0; i < singleCount; i++)
            if (text[from] == singles[i]) return from;
        if (from + 1 < count)
            for (long i = 0; i < pairCount; i++)
                if (text[from] == pairs[2 * i] && text[from + 1] == pairs[2 * i + 1]) return from;
    }
    return count;
}
