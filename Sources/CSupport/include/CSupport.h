#ifndef PLAN_BUILD_CSUPPORT_H
#define PLAN_BUILD_CSUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL).
int planbuild_exchange_paths(const char *from, const char *to);

/// The git commit `make dist` built from (a -D define); "" in a plain `swift build`.
const char *planbuild_commit(void);

/// Keeps freed heap memory in the process instead of handing it back to the
/// kernel page by page (glibc's mallopt; nothing with another allocator,
/// such as the jemalloc `make dist` links in).
/// Also asks for transparent huge pages on the main heap (fewer page faults).
/// Once per process; later calls do nothing.
void planbuild_keep_heap(void);

/// The same for the calling thread's own heap (once per thread; nothing
/// before `planbuild_keep_heap`). Parallel stages call it first.
void planbuild_keep_thread_heap(void);

/// A mutex that spins a while before it sleeps (lock.c): for locks held
/// briefly by the parallel stages, where a futex sleep and wake-up cost
/// more than the wait. Not recursive. The state is one int, 0 when free.
void planbuild_lock_acquire(int *lock);
void planbuild_lock_release(int *lock);

/// A text's bytes folded into one word for an in-process hash table (the
/// caller hands it to Swift's Hasher): equal bytes, equal word. `bytes` may
/// be null when `count` is 0.
uint64_t planbuild_text_fold(const unsigned char *bytes, long count);

/// A streaming 64-bit digest of bytes (XXH64, seed 0): start, add spans
/// one after the other, finish. Not cryptographic: it tells a page's new
/// bytes from the ones the output ledger recorded for the file.
struct planbuild_digest {
    uint64_t lanes[4];
    uint64_t total;
    unsigned char buffer[32];
    uint32_t pending;
};
void planbuild_digest_start(struct planbuild_digest *state);
void planbuild_digest_add(struct planbuild_digest *state, const void *data, size_t length);
uint64_t planbuild_digest_finish(const struct planbuild_digest *state);

/// The first offset from `from` where one of `singleCount` bytes of `singles`
/// stands, or one of `pairCount` byte pairs (`pairs`: first, second, first,
/// …) begins; `count` when there is none. Vectorised (SSE2) for up to 4
/// single bytes and 8 pairs; any other set is searched byte by byte.
long planbuild_find_bytes(const unsigned char *text, long count, long from, const unsigned char *singles, long singleCount,
                          const unsigned char *pairs, long pairCount);

/// The first offset from `from` of one of the five bytes HTML escaping
/// replaces (< > & " '); `count` when there is none. SSE2, sixteen at a time.
long planbuild_find_html_special(const unsigned char *text, long count, long from);

/// The first offset from `from` of a byte an iCalendar TEXT value escapes or
/// drops: a control byte (tab included) or one of `\ ; ,`; `count` when there is none.
long planbuild_find_ics_special(const unsigned char *text, long count, long from);

/// The first offset from `from` of what a JSON string as plan.json and the
/// reports write it escapes: a control byte, DEL, `"`, `\\`, the `/` of `</`, or
/// the first byte of U+2028 or U+2029; `count` when there is none.
long planbuild_find_json_special(const unsigned char *text, long count, long from);

#endif
