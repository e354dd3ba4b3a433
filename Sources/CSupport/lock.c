#include "CSupport.h"
#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#else
#include <sched.h>
#endif

// A mutex that spins before it sleeps. The stages hold their locks for
// nanoseconds (a result slot, a spare buffer) up to tens of microseconds
// (cmark's inline phase); a waiter put to sleep on a futex instead takes a
// wake-up on an idle virtual CPU, which costs far more than the wait itself.
// The states are Drepper's ("Futexes Are Tricky", mutex 2): 0 free, 1 held,
// 2 held with sleepers.
// 4,096 `pause`s: roughly 50 to 200 microseconds, as a pause takes 40 to 140
// cycles by processor. Longer than cmark's inline phase for an item's copy, so
// a waiter nearly always gets the lock without sleeping; a holder descheduled
// for longer costs one futex wait.
#define SPINS 4096

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static void sleep_on(int *lock) {
#ifdef __linux__
    syscall(SYS_futex, lock, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
#else
    (void)lock;
    sched_yield();
#endif
}

static void wake_one(int *lock) {
#ifdef __linux__
    syscall(SYS_futex, lock, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
#else
    (void)lock;
#endif
}

void planbuild_lock_acquire(int *lock) {
    int expected = 0;
    if (__atomic_compare_exchange_n(lock, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    for (int spin = 0; spin < SPINS; spin++) {
        relax();
        int state = __atomic_load_n(lock, __ATOMIC_RELAXED);
        // Others asleep already: more threads want the lock than cores can run
        // at once, and spinning would only take a core from the holder.
        if (state == 2) break;
        if (state != 0) continue;
        expected = 0;
        if (__atomic_compare_exchange_n(lock, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    }
    // Sleep, marking the lock as having sleepers so the holder wakes one.
    while (__atomic_exchange_n(lock, 2, __ATOMIC_ACQUIRE) != 0) sleep_on(lock);
}

void planbuild_lock_release(int *lock) {
    if (__atomic_exchange_n(lock, 0, __ATOMIC_RELEASE) == 2) wake_one(lock);
}
