#include "CSupport.h"

// `make dist` writes plan_build_commit.h (#define PLAN_BUILD_COMMIT <hash>) into a
// folder it adds with -Xcc -I; a plain `swift build` has no such header. A header
// rather than a -D flag: only this file then depends on the commit, so a new commit
// recompiles one C file instead of every Swift module.
#if __has_include("plan_build_commit.h")
#include "plan_build_commit.h"
#endif

#define PLANBUILD_STRING2(x) #x
#define PLANBUILD_STRING(x) PLANBUILD_STRING2(x)

const char *planbuild_commit(void) {
#ifdef PLAN_BUILD_COMMIT
    return PLANBUILD_STRING(PLAN_BUILD_COMMIT);
#else
    return "";
#endif
}
