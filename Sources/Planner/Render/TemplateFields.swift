/// A page or chip model's fields, declared once, in its `fields(_:)`: the
/// template value a theme reads (`TemplateValueBuilder`) and the signature
/// serve compares to tell whether a page changed (`SignatureBuilder`) are
/// both made from that one list, so neither can miss a field the other has.
/// Generic over the visitor so each is specialised: making a page's value
/// neither casts nor reflects.
protocol TemplateFields {
    func fields<Visitor: FieldVisitor>(_ visitor: inout Visitor)
}

/// What a model's fields can be. A `nil` optional is left out of the
/// template value, so a lookup of its name climbs to the enclosing objects
/// as Mustache prescribes.
protocol FieldVisitor {
    mutating func field(_ key: TemplateKey, _ value: String)
    mutating func field(_ key: TemplateKey, _ value: String?)
    mutating func field(_ key: TemplateKey, _ value: Int)
    mutating func field(_ key: TemplateKey, _ value: Bool)
    /// Text already in UTF-8 (rendered copy).
    mutating func field(_ key: TemplateKey, _ value: [UInt8])
    /// An item's plain copy, with whether HTML escaping would change it.
    mutating func field(_ key: TemplateKey, _ value: PlainCopy)
    mutating func field(_ key: TemplateKey, _ value: [String])
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: Model)
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: [Model])
    /// Values every page repeats, made once per site (`SharedTemplateValue`).
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: Shared)
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: [Shared])
}

/// A model whose template value and signature are made once and then shared
/// by every page that shows it (a chip, a section's navigation, the interface
/// text): a class, so pages copy a reference rather than the fields.
protocol SharedTemplateValue: AnyObject, TemplateFields {
    var value: TemplateValue { get }
    var signature: Int { get }
}

extension TemplateFields {
    /// The model as templates read it.
    var templateValue: TemplateValue {
        var builder = TemplateValueBuilder(capacity: fieldCount)
        fields(&builder)
        return builder.value
    }

    /// How many fields the model visits (nil optionals too): the builder's
    /// list is made at that size once instead of grown by doubling.
    private var fieldCount: Int {
        var counter = FieldCounter()
        fields(&counter)
        return counter.count
    }

    /// The model as templates read it, marked as made once for many pages:
    /// partials rendered with it may be reused (`FragmentMemo`).
    var sharedTemplateValue: TemplateValue {
        var builder = TemplateValueBuilder(capacity: fieldCount)
        fields(&builder)
        return builder.sharedValue
    }

    /// Everything the model shows, for serve to tell whether a page changed (in-process only).
    var signature: Int { signature(SharedSignatures()) }

    /// - Parameter shared: signatures of shared values worked out once per render (chips).
    func signature(_ shared: SharedSignatures) -> Int {
        var builder = SignatureBuilder(shared: shared)
        fields(&builder)
        return builder.hasher.finalize()
    }
}

/// Signatures of shared values (`SharedTemplateValue`) known before pages
/// are signed: a chip is on several pages, and hashing its fields again for
/// each would cost serve more than comparing the pages.
struct SharedSignatures: Sendable {
    private var known: [ObjectIdentifier: Int] = [:]

    init() {}

    /// - Parameter chips: each item's chip with its signature.
    init(chips: [(ItemChip, Int)]) {
        known.reserveCapacity(chips.count)
        for (chip, signature) in chips { known[ObjectIdentifier(chip)] = signature }
    }

    func signature<Shared: SharedTemplateValue>(of value: Shared) -> Int {
        known[ObjectIdentifier(value)] ?? value.signature
    }
}

/// Makes a model's template value from its fields.
struct TemplateValueBuilder: FieldVisitor {
    private var fields: [TemplateField] = []

    init(capacity: Int = 16) { fields.reserveCapacity(capacity) }

    var value: TemplateValue { .object(TemplateObject(fields)) }
    var sharedValue: TemplateValue { .object(TemplateObject(fields, shared: true)) }

    mutating func field(_ key: TemplateKey, _ value: String) { fields.append(TemplateField(key: key, value: .string(value))) }
    mutating func field(_ key: TemplateKey, _ value: String?) {
        if let value { fields.append(TemplateField(key: key, value: .string(value))) }
    }
    mutating func field(_ key: TemplateKey, _ value: Int) { fields.append(TemplateField(key: key, value: .int(value))) }
    mutating func field(_ key: TemplateKey, _ value: Bool) { fields.append(TemplateField(key: key, value: .bool(value))) }
    mutating func field(_ key: TemplateKey, _ value: [UInt8]) { fields.append(TemplateField(key: key, value: .bytes(value))) }
    mutating func field(_ key: TemplateKey, _ value: PlainCopy) {
        fields.append(TemplateField(key: key, value: value.escapeFree ? .escapeFree(value.bytes) : .bytes(value.bytes)))
    }
    mutating func field(_ key: TemplateKey, _ value: [String]) { fields.append(TemplateField(key: key, value: .list(value.map(TemplateValue.string)))) }
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: Model) { fields.append(TemplateField(key: key, value: value.templateValue)) }
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: [Model]) {
        fields.append(TemplateField(key: key, value: .list(value.map(\.templateValue))))
    }
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: Shared) { fields.append(TemplateField(key: key, value: value.value)) }
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: [Shared]) {
        fields.append(TemplateField(key: key, value: .list(value.map(\.value))))
    }
}

/// Counts the fields a model visits.
struct FieldCounter: FieldVisitor {
    private(set) var count = 0

    mutating func field(_ key: TemplateKey, _ value: String) { count += 1 }
    mutating func field(_ key: TemplateKey, _ value: String?) { count += 1 }
    mutating func field(_ key: TemplateKey, _ value: Int) { count += 1 }
    mutating func field(_ key: TemplateKey, _ value: Bool) { count += 1 }
    mutating func field(_ key: TemplateKey, _ value: [UInt8]) { count += 1 }
    mutating func field(_ key: TemplateKey, _ value: PlainCopy) { count += 1 }
    mutating func field(_ key: TemplateKey, _ value: [String]) { count += 1 }
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: Model) { count += 1 }
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: [Model]) { count += 1 }
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: Shared) { count += 1 }
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: [Shared]) { count += 1 }
}

/// Hashes a model's fields: names, values and where a list or an absent value
/// begins and ends, so that moving a value between fields changes it too.
struct SignatureBuilder: FieldVisitor {
    var hasher = Hasher()
    let shared: SharedSignatures

    mutating func field(_ key: TemplateKey, _ value: String) {
        hasher.combine(key.hash)
        hasher.combineText(value)
    }
    mutating func field(_ key: TemplateKey, _ value: String?) {
        hasher.combine(key.hash)
        hasher.combineText(value)
    }
    mutating func field(_ key: TemplateKey, _ value: Int) {
        hasher.combine(key.hash)
        hasher.combine(value)
    }
    mutating func field(_ key: TemplateKey, _ value: Bool) {
        hasher.combine(key.hash)
        hasher.combine(value)
    }
    mutating func field(_ key: TemplateKey, _ value: [UInt8]) {
        hasher.combine(key.hash)
        hasher.combine(value.count)
        value.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
    mutating func field(_ key: TemplateKey, _ value: [String]) {
        hasher.combine(key.hash)
        hasher.combine(value.count)
        for text in value { hasher.combineText(text) }
    }
    mutating func field(_ key: TemplateKey, _ value: PlainCopy) { field(key, value.bytes) }
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: Model) {
        hasher.combine(key.hash)
        value.fields(&self)
    }
    mutating func field<Model: TemplateFields>(_ key: TemplateKey, _ value: [Model]) {
        hasher.combine(key.hash)
        hasher.combine(value.count)
        for element in value { element.fields(&self) }
    }
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: Shared) {
        hasher.combine(key.hash)
        hasher.combine(shared.signature(of: value))
    }
    mutating func field<Shared: SharedTemplateValue>(_ key: TemplateKey, _ value: [Shared]) {
        hasher.combine(key.hash)
        hasher.combine(value.count)
        for element in value { hasher.combine(shared.signature(of: element)) }
    }
}
