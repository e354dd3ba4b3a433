/// Partials kept for a shared object (`FragmentMemo`): rendered once while
/// the reads below the object are noted, then reused wherever those reads find the same.
extension TemplateRenderer {
    /// A self-contained partial with a shared object on top: the bytes kept
    /// for it when every read below the object finds what it found then;
    /// else rendered, and kept when those reads found only text or nothing.
    mutating func renderKept(template number: Int32, object: TemplateObject, range: Range<Int32>, depth: Int) {
        guard let memo else { return }
        let base = stack.count - 1
        for variant in memo.variants(of: object, template: number)
        where variant.dependencies.allSatisfy({ Self.sameRead(lookup(keys: $0.keys, below: base), $0.text) }) {
            if reuse(variant, below: base) { return }
        }
        let start = output.count
        recording = []
        recordedHoles = []
        recordStart = start
        recordBase = base
        recordFailed = false
        run(Int(range.lowerBound), Int(range.upperBound), depth: depth + 1)
        let dependencies = recording ?? []
        recording = nil
        guard !recordFailed else { return }
        let bytes = Array(UnsafeBufferPointer(rebasing: output.bytes[start...]))
        memo.add(FragmentMemo.Variant(dependencies: dependencies, holes: recordedHoles, bytes: bytes), of: object, template: number)
    }

    /// Writes a kept variant with its holes filled by what their names find
    /// now (below `base`); false, writing nothing, when one finds other than text or nothing.
    mutating func reuse(_ variant: FragmentMemo.Variant, below base: Int) -> Bool {
        if variant.holes.isEmpty {
            variant.bytes.withUnsafeBufferPointer { output.append(bytes: $0) }
            return true
        }
        var fillings: [String?] = []
        fillings.reserveCapacity(variant.holes.count)
        for hole in variant.holes {
            switch lookup(keys: hole.keys, below: base) {
            case nil: fillings.append(nil)
            case .string(let text)?: fillings.append(text)
            default: return false
            }
        }
        variant.bytes.withUnsafeBufferPointer { bytes in
            var from = 0
            for (hole, filling) in zip(variant.holes, fillings) {
                output.append(bytes: UnsafeBufferPointer(rebasing: bytes[from..<hole.start]))
                if let filling { Self.write(.string(filling), escaped: hole.escaped, into: &output) }
                from = hole.end
            }
            output.append(bytes: UnsafeBufferPointer(rebasing: bytes[from...]))
        }
        return true
    }

    /// A variable tag while a partial is rendered to be kept: text found below
    /// the shared object becomes a hole; anything else is read as `lookup` reads it.
    mutating func recordedVariable(_ op: Op) {
        let found = recordedLookup(op, holes: true)
        guard let value = found.value else { return }
        let start = output.count
        Self.write(value, escaped: op.has(Op.escaped), into: &output)
        if found.hole {
            recordedHoles.append(FragmentMemo.Hole(
                keys: op.a..<op.b, escaped: op.has(Op.escaped), start: start - recordStart, end: output.count - recordStart))
        }
    }

    static func sameRead(_ value: TemplateValue?, _ text: String?) -> Bool {
        switch (value, text) {
        case (nil, nil): return true
        case (.string(let found)?, let text?): return found == text
        default: return false
        }
    }

    /// The name `keys[range]` looked up from the level under `level` down, as `lookup` would once past it.
    func lookup(keys range: Range<Int32>, below level: Int) -> TemplateValue? {
        let start = Int(range.lowerBound)
        let end = Int(range.upperBound)
        let first = keys[start]
        var found: TemplateValue? = objects.withUnsafeBufferPointer { objects -> TemplateValue? in
            var level = min(level, objects.count)
            while level > 0 {
                level -= 1
                if let object = objects[level], let child = object._withUnsafeGuaranteedRef({ $0[first] }) { return child }
            }
            return nil
        }
        var part = start + 1
        while part < end, let current = found {
            guard case .object(let object) = current else { return nil }
            found = object[keys[part]]
            part += 1
        }
        return found
    }

    /// `lookup` while a partial is rendered to be kept: a read that finds its
    /// name below the shared object, or nowhere, is noted with what it found.
    mutating func recordedLookup(_ op: Op) -> TemplateValue? { recordedLookup(op, holes: false).value }

    /// - Parameter holes: text (or nothing) found below `recordBase` is not
    ///   noted as a dependency but answered with `hole` true: the caller keeps its place instead.
    mutating func recordedLookup(_ op: Op, holes: Bool) -> (value: TemplateValue?, hole: Bool) {
        let start = Int(op.a)
        let end = Int(op.b)
        guard start < end, !op.has(Op.anchored) else { return (plainLookup(op), false) }
        let first = keys[start]
        var foundLevel = -1
        var found: TemplateValue? = objects.withUnsafeBufferPointer { objects -> TemplateValue? in
            var level = objects.count
            while level > 0 {
                level -= 1
                if let object = objects[level], let child = object._withUnsafeGuaranteedRef({ $0[first] }) {
                    foundLevel = level
                    return child
                }
            }
            return nil
        }
        var part = start + 1
        while part < end, let current = found {
            guard case .object(let object) = current else {
                found = nil
                break
            }
            found = object[keys[part]]
            part += 1
        }
        if foundLevel < recordBase {
            switch found {
            case nil:
                if holes { return (nil, true) }
                recording?.append(FragmentMemo.Dependency(keys: op.a..<op.b, text: nil))
            case .string(let text)?:
                if holes { return (found, true) }
                recording?.append(FragmentMemo.Dependency(keys: op.a..<op.b, text: text))
            default: recordFailed = true
            }
        }
        return (found, false)
    }
}
