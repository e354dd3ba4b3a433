internal import CSupport

/// The allocator set for a run of many small allocations (CSupport/heap.c):
/// freed memory kept, heaps faulted in huge pages rather than 4 KiB ones.
enum Heap {
    /// Before the first stage (once per process).
    static func prepare() { planbuild_keep_heap() }

    /// First thing in a parallel task: the thread's own heap the same way (once per thread).
    static func prepareThread() { planbuild_keep_thread_heap() }
}
