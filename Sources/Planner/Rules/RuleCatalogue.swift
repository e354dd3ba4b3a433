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

    /// Rules a plan has to turn on; a set, as every diagnostic asks.
    static let offByDefault: Set<String> = Set(all.filter { !$0.enabledByDefault }.map(\.id))
}
