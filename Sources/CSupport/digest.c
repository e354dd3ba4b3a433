#include "CSupport.h"
#include <string.h>

// XXH64 (Yann Collet's xxHash, 64-bit): a fast, well-distributed digest for
// telling a page's new bytes from what the ledger says the file holds. It is
// not cryptographic; the ledger pairs it with the file's size, inode and
// modification time.

static const uint64_t prime1 = 0x9E3779B185EBCA87ULL;
static const uint64_t prime2 = 0xC2B2AE3D27D4EB4FULL;
static const uint64_t prime3 = 0x165667B19E3779F9ULL;
static const uint64_t prime4 = 0x85EBCA77C2B2AE63ULL;
static const uint64_t prime5 = 0x27D4EB2F165667C5ULL;

static inline uint64_t rotate(uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

static inline uint64_t read64(const unsigned char *bytes) {
    uint64_t value;
    memcpy(&value, bytes, 8);
    return value;  // little-endian machines only (x86-64, arm64 Linux)
}

static inline uint32_t read32(const unsigned char *bytes) {
    uint32_t value;
    memcpy(&value, bytes, 4);
    return value;
}

static inline uint64_t round64(uint64_t accumulator, uint64_t input) {
    accumulator += input * prime2;
    accumulator = rotate(accumulator, 31);
    return accumulator * prime1;
}

static inline uint64_t merge(uint64_t hash, uint64_t lane) {
    hash ^= round64(0, lane);
    return hash * prime1 + prime4;
}

void planbuild_digest_start(struct planbuild_digest *state) {
    memset(state, 0, sizeof *state);
    state->lanes[0] = prime1 + prime2;
    state->lanes[1] = prime2;
    state->lanes[2] = 0;
    state->lanes[3] = -prime1;
}

static inline void stripe(uint64_t lanes[4], const unsigned char *bytes) {
    lanes[0] = round64(lanes[0], read64(bytes));
    lanes[1] = round64(lanes[1], read64(bytes + 8));
    lanes[2] = round64(lanes[2], read64(bytes + 16));
    lanes[3] = round64(lanes[3], read64(bytes + 24));
}

void planbuild_digest_add(struct planbuild_digest *state, const void *data, size_t length) {
    const unsigned char *bytes = data;
    state->total += length;
    if (state->pending + length < 32) {
        memcpy(state->buffer + state->pending, bytes, length);
        state->pending += (uint32_t)length;
        return;
    }
    if (state->pending > 0) {
        size_t fill = 32 - state->pending;
        memcpy(state->buffer + state->pending, bytes, fill);
        stripe(state->lanes, state->buffer);
        bytes += fill;
        length -= fill;
        state->pending = 0;
    }
    // Four lanes in local variables: the compiler keeps them in registers.
    uint64_t lanes[4] = {state->lanes[0], state->lanes[1], state->lanes[2], state->lanes[3]};
    while (length >= 32) {
        stripe(lanes, bytes);
        bytes += 32;
        length -= 32;
    }
    memcpy(state->lanes, lanes, sizeof lanes);
    memcpy(state->buffer, bytes, length);
    state->pending = (uint32_t)length;
}

uint64_t planbuild_digest_finish(const struct planbuild_digest *state) {
    uint64_t hash;
    if (state->total >= 32) {
        const uint64_t *lanes = state->lanes;
        hash = rotate(lanes[0], 1) + rotate(lanes[1], 7) + rotate(lanes[2], 12) + rotate(lanes[3], 18);
        hash = merge(hash, lanes[0]);
        hash = merge(hash, lanes[1]);
        hash = merge(hash, lanes[2]);
        hash = merge(hash, lanes[3]);
    } else {
        hash = prime5;
    }
    hash += state->total;
    const unsigned char *bytes = state->buffer;
    size_t left = state->pending;
    while (left >= 8) {
        hash ^= round64(0, read64(bytes));
        hash = rotate(hash, 27) * prime1 + prime4;
        bytes += 8;
        left -= 8;
    }
    if (left >= 4) {
        hash ^= (uint64_t)read32(bytes) * prime1;
        hash = rotate(hash, 23) * prime2 + prime3;
        bytes += 4;
        left -= 4;
    }
    while (left > 0) {
        hash ^= (*bytes) * prime5;
        hash = rotate(hash, 11) * prime1;
        bytes++;
        left--;
    }
    hash ^= hash >> 33;
    hash *= prime2;
    hash ^= hash >> 29;
    hash *= prime3;
    hash ^= hash >> 32;
    return hash;
}

uint64_t planbuild_text_fold(const unsigned char *bytes, long count) {
    // Eight bytes a step, each mixed by a multiply and a shift (the finaliser
    // of splitmix64); the length goes in first, so texts that differ only by
    // trailing zero bytes fold differently. Not a hash on its own: the caller
    // feeds the word to Swift's seeded Hasher.
    uint64_t state = 0x9E3779B97F4A7C15ull ^ (uint64_t)count;
    long at = 0;
    for (; at + 8 <= count; at += 8) {
        uint64_t word;
        memcpy(&word, bytes + at, 8);
        state = (state ^ word) * 0xBF58476D1CE4E5B9ull;
        state ^= state >> 31;
    }
    if (at < count) {
        uint64_t word = 0;
        memcpy(&word, bytes + at, (size_t)(count - at));
        state = (state ^ word) * 0x94D049BB133111EBull;
        state ^= state >> 29;
    }
    return state;
}
