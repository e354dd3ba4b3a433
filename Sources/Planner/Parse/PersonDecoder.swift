/// A people file (`content/people/<id>.md`), typed but not yet resolved.
struct DecodedPerson: Sendable {
    var id: String
    var file: String
    var alias: String
    var segment: String?
    var dates: [PersonDate]
    var ignores: [Suppression]
    var keyLocations: KeyLocations
}

extension DocumentDecoder {
    static let personKeys = ["alias", "segment", "dates", "ignore"]

    func decodePerson(entry: SourceEntry, reader: inout MappingReader, document: SplitDocument) -> DecodedPerson? {
        let alias = reader.string("alias", required: true)
        // The files sit in git and on the published site: a phone or ID number never belongs in them.
        if let alias, Self.longestDigitRun(alias) >= 7, let node = reader.node("alias") {
            reader.report(
                Localized(
                    zh: "alias “\(alias)” 里像是有电话号码或证件号：人物文件只写化名。",
                    en: "The alias “\(alias)” seems to hold a phone or ID number: people files hold an alias only."),
                at: reader.location(of: node),
                hint: Localized(zh: "改成大家平时的称呼，如 王阿姨、车主李哥。", en: "Write what the team calls them, like Auntie Wang."),
                code: "alias-number", severity: .notice)
        }
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

    static func longestDigitRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
