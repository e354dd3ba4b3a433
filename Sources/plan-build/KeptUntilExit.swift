/// What a command worked out is left for the process's exit to drop: the
/// system takes the memory back at once, where freeing a 10,000-item plan
/// and its findings value by value costs `check` and `build` a serial ~20 ms
/// at their very end.
enum KeptUntilExit {
    /// Touched only from the command's one thread, as its last act.
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) { values.append(value) }
}
