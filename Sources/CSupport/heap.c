#include "CSupport.h"
// Any C library header says which library this is (__GLIBC__).
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

void planbuild_keep_heap(void) {
#ifdef __GLIBC__
    // glibc hands freed memory at the top of a heap back to the kernel past
    // 128 KiB and asks for it again on the next page: on a large site that is
    // tens of thousands of brk/mprotect calls, each stalling the other
    // threads' page faults, and every page returned is zeroed again when it
    // comes back. Keep up to 256 MiB and grow 64 MiB at a time instead (a
    // thread's arena then maps its whole 64 MiB heap at once).
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}
