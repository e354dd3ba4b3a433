/// Where each key of a front-matter mapping sits, for the diagnostics that
/// point at a key. A short list searched in order rather than a dictionary:
/// a file has a dozen keys, looked up only by the few rules that report on
/// one, while a dictionary per file hashes every key of 10,000 files and
/// takes a kilobyte each. The first of a repeated key is the one kept.
public struct KeyLocations: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(key: String, location: SourceLocation)]

    public init(dictionaryLiteral elements: (String, SourceLocation)...) {
        entries = []
        for (key, location) in elements where self[key] == nil { entries.append((key, location)) }
    }

    /// Keys in the order given; a key already there keeps its first location.
    init<Pairs: Sequence>(_ pairs: Pairs, count: Int) where Pairs.Element == (String, SourceLocation) {
        entries = []
        entries.reserveCapacity(count)
        for (key, location) in pairs where self[key] == nil { entries.append((key, location)) }
    }

    public subscript(key: String) -> SourceLocation? {
        get {
            for entry in entries where entry.key == key { return entry.location }
            return nil
        }
        set {
            guard let index = entries.firstIndex(where: { $0.key == key }) else {
                if let newValue { entries.append((key, newValue)) }
                return
            }
            if let newValue { entries[index].location = newValue } else { entries.remove(at: index) }
        }
    }

    public var keys: [String] { entries.map(\.key) }

    /// Dictionary's `merge`: keys of `other` not here are added; for one that is, `combine` decides.
    public mutating func merge(_ other: KeyLocations, uniquingKeysWith combine: (SourceLocation, SourceLocation) -> SourceLocation) {
        for (key, location) in other.entries {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].location = combine(entries[index].location, location)
            } else {
                entries.append((key, location))
            }
        }
    }
}
