#include "CSupport.h"
// Any C library header says which library this is (__GLIBC__).
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#ifdef __GLIBC__
// A transparent huge page (x86-64, arm64 with 4 KiB pages).
#define HUGE_PAGE ((uintptr_t)2 << 20)
// A thread arena's heap: glibc maps it at this size, aligned to it (HEAP_MAX_SIZE on 64-bit).
#define ARENA_HEAP ((uintptr_t)64 << 20)
// glibc's chunk header bit for "not from the main arena".
#define NON_MAIN_ARENA ((size_t)4)

static int heap_kept;

// jemalloc's control call: there when `make dist` links jemalloc in (or it is
// preloaded). Everything below tunes glibc's allocator and reads its chunk
// headers, so it stands aside then.
extern int mallctl(const char *name, void *old, size_t *old_size, void *new_value, size_t new_size) __attribute__((weak));

static int glibc_allocates(void) { return mallctl == NULL; }

// jemalloc's options, read as it starts (MALLOC_CONF in the environment still
// adds to them; glibc ignores the name): transparent huge pages for its
// extents and its metadata. A check touches ~100 MB of small blocks once
// each; in 4 KiB pages that is 19,000 page faults, in huge pages 5,000, and
// check and build take 4-8 % less time.
const char *malloc_conf = "thp:always,metadata_thp:always";

// Keeps the compiler from eliding a malloc and free of a block nothing reads.
static void *used(void *block) {
    __asm__ volatile("" : : "r"(block) : "memory");
    return block;
}

// Asks for huge pages where the range holds whole ones (a hint; a kernel
// without them, or with them off, ignores it).
static void advise_huge(uintptr_t begin, uintptr_t end) {
    begin = (begin + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    end &= ~(HUGE_PAGE - 1);
    if (end > begin) madvise((void *)begin, end - begin, MADV_HUGEPAGE);
}
#endif

void planbuild_keep_heap(void) {
#ifdef __GLIBC__
    if (heap_kept || !glibc_allocates()) return;
    heap_kept = 1;
    // glibc hands freed memory at the top of a heap back to the kernel past
    // 128 KiB and asks for it again on the next page: on a large site that is
    // tens of thousands of brk/mprotect calls, each stalling the other
    // threads' page faults, and every page returned is zeroed again when it
    // comes back. Keep up to 256 MiB and grow 64 MiB at a time instead (a
    // thread's arena then maps its whole 64 MiB heap at once).
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // A 10,000-item plan touches ~100 MB of small allocations once each:
    // 25,000 page faults of 4 KiB, a fifth of `check`'s time. Grow the main
    // heap now (16 MiB asked, 80 MiB mapped: the top pad) and have it
    // faulted 2 MiB at a time; freed, it stays (the trim threshold).
    uintptr_t before = (uintptr_t)sbrk(0);
    void *block = used(malloc(16 << 20));
    uintptr_t after = (uintptr_t)sbrk(0);
    free(block);
    if (before != (uintptr_t)-1 && after != (uintptr_t)-1 && after > before) advise_huge(before, after);
#endif
}

void planbuild_keep_thread_heap(void) {
#ifdef __GLIBC__
    static __thread int done;
    if (done || !heap_kept) return;
    done = 1;
    // The same for a worker thread's own arena: its heap grows a page range
    // at a time (no top pad there), so huge pages could never fit its edge.
    // 32 MiB taken and given back stay mapped (the trim threshold); the
    // whole 64 MiB heap is advised. A chunk of the main arena (a thread
    // sharing it) is left alone.
    void *block = used(malloc(32 << 20));
    if (!block) return;
    if (((size_t *)block)[-1] & NON_MAIN_ARENA) {
        uintptr_t heap = (uintptr_t)block & ~(ARENA_HEAP - 1);
        madvise((void *)heap, ARENA_HEAP, MADV_HUGEPAGE);
    }
    free(block);
#endif
}
