/// A people file (`content/people/<id>.md`), typed but not yet resolved.
struct DecodedPerson: Sendable {
    var id: String
    var file: String
    var alias: String
    var segment: String?
    var dates: [PersonDate]
    var ignores: [Suppression]
    var keyLocations: [String: SourceLocation]
}

extension DocumentDecoder {
    static let personKeys = ["alias", "segment", "dates", "ignore"]

    func decodePerson(entry: SourceEntry, reader: inout MappingReader, document: SplitDocument) -> DecodedPerson? {
        let alias = reader.string("alias", required: true)
        let segment = reader.string("segment")
        var dates: [PersonDate] = []
        if var block = reader.mapping("dates") {
            for pair in block.pairs {
                let location = block.location(of: pair.value)
                guard case .scalar(let scalar) = pair.value, let when = PersonDate.parse(MappingReader.trimmingSpaces(scalar.string)) else {
                    let text = pair.value.string ?? ""
                    block.report(
                        Localized(
                            zh: "“dates.\(pair.key)” 的 “\(text)” 不是日期：每年重复的写 MM-DD（如 12-20），只有一次的写 YYYY-MM-DD。",
                            en: "“\(text)” in dates.\(pair.key) is not a date: MM-DD (like 12-20) recurs every year, YYYY-MM-DD happens once."),
                        at: location, hint: Localized(zh: "例如 birthday: 12-20。", en: "For example birthday: 12-20."),
                        code: "dates." + pair.key)
                    continue
                }
                dates.append(PersonDate(name: pair.key, when: when, location: block.location(of: pair.keyNode)))
            }
            reader.absorb(block)
        }
        let ignores = decodeIgnores(&reader)
        reader.reportUnknownKeys(known: Self.personKeys)
        guard let alias else { return nil }
        return DecodedPerson(
            id: entry.id, file: entry.displayPath, alias: alias, segment: segment, dates: dates, ignores: ignores,
            keyLocations: reader.keyLocations)
    }
}
