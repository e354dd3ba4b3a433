#ifndef PLAN_BUILD_CSUPPORT_H
#define PLAN_BUILD_CSUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL).
int planbuild_exchange_paths(const char *from, const char *to);

/// The git commit `make dist` built from (a -D define); "" in a plain `swift build`.
const char *planbuild_commit(void);

#endif
