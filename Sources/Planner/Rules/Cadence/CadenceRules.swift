extension RuleCatalogue {
    /// The cadence and consistency rules, in the order of spec section 7.
    static let cadenceRules: [any Rule] = []
}
