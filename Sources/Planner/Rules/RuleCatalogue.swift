/// Every rule plan-build knows, in the order of spec section 7.
public enum RuleCatalogue {
    public static let all: [any Rule] = [
        FrontMatterRule(),
        MergeConflictRule(),
        UnknownKeyRule(),
        UnknownRefRule(),
        DuplicateIDRule(),
        MissingFileRule(),
        OutOfRangeRule(),
    ] + cadenceRules + calendarRules + [SuppressionRule()]

    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.id == id } }

    public static var ids: [String] { all.map(\.id) }
}
