#ifndef PLAN_BUILD_CSUPPORT_H
#define PLAN_BUILD_CSUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL).
int planbuild_exchange_paths(const char *from, const char *to);

/// The git commit `make dist` built from (a -D define); "" in a plain `swift build`.
const char *planbuild_commit(void);

/// Keeps freed heap memory in the process instead of handing it back to the
/// kernel page by page (glibc's mallopt; nothing elsewhere).
/// Also asks for transparent huge pages on the main heap (fewer page faults).
/// Once per process; later calls do nothing.
void planbuild_keep_heap(void);

/// The same for the calling thread's own heap (once per thread; nothing
/// before `planbuild_keep_heap`). Parallel stages call it first.
void planbuild_keep_thread_heap(void);

#endif
