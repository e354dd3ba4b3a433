extension RuleCatalogue {
    /// The cadence and consistency rules, in the order of spec section 7.
    static let cadenceRules: [any Rule] = [
        PostsPerDayRule(),
        SlotClashRule(),
        MinGapRule(),
        QuietHoursRule(),
        ThemeStreakRule(),
        PromoStreakRule(),
        PromoShareRule(),
        ThemeMixRule(),
        GroupPerDayRule(),
        GroupPerWeekRule(),
        FormatStreakRule(),
        TouchCapRule(),
        TouchFloorRule(),
        SurpriseSpacingRule(),
        SurpriseCoverageRule(),
        PersonaThemeRule(),
        PersonaChannelRule(),
        PersonaSegmentRule(),
        PersonaGroupRule(),
        BannedWordRule(),
        DisclaimerRule(),
        DuplicateCopyRule(),
        ImageCountRule(),
        StaleDraftRule(),
    ]
}
