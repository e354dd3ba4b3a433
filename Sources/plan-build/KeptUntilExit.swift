/// What a command worked out is left for the process's exit to drop: the
/// system takes the memory back at once, where freeing a 10,000-item plan
/// and its findings value by value costs `check` and `build` a serial ~20 ms
/// at their very end.
enum KeptUntilExit {
    /// One reference that is never given back, so no release frees the
    /// value before exit (no process-wide list to hold it in).
    static func keep(_ value: Any) { _ = Unmanaged.passRetained(Box(value)) }

    private final class Box {
        let value: Any
        init(_ value: Any) { self.value = value }
    }
}
