/// How plan.yml `rules:` configured one rule.
public struct RuleSetting: Sendable {
    public var enabled: Bool = true
    public var severity: Severity?
    public var options: [String: OptionValue] = [:]
    public var location: SourceLocation?
}

/// Every rule's configuration, as decoded from plan.yml.
public struct RuleSettings: Sendable {
    public var byRule: [String: RuleSetting] = [:]

    public init(byRule: [String: RuleSetting] = [:]) {
        self.byRule = byRule
    }

    /// As configured; a rule not mentioned is on unless it is off by default (weekly-model).
    public func isEnabled(_ ruleID: String) -> Bool {
        if let setting = byRule[ruleID] { return setting.enabled }
        return !RuleCatalogue.offByDefault.contains(ruleID)
    }

    public func severity(of rule: any Rule) -> Severity {
        byRule[rule.id]?.severity ?? rule.defaultSeverity
    }

    public func severity(ofRuleID id: String) -> Severity {
        if let configured = byRule[id]?.severity { return configured }
        return RuleCatalogue.rule(id)?.defaultSeverity ?? .warning
    }

    /// The option's value: configured, or the rule's default.
    public func value(_ name: String, of rule: any Rule) -> OptionValue? {
        if let configured = byRule[rule.id]?.options[name] { return configured }
        return rule.options.first { $0.name == name }?.defaultValue
    }
}

/// Typed access to a rule's options, for its `check`.
public struct RuleOptions: Sendable {
    let rule: any Rule
    let settings: RuleSettings

    public func integer(_ name: String) -> Int {
        switch settings.value(name, of: rule) {
        case .integer(let value)?: return value
        case .number(let value)?: return Int(value)
        default: return 0
        }
    }

    public func number(_ name: String) -> Double {
        switch settings.value(name, of: rule) {
        case .number(let value)?: return value
        case .integer(let value)?: return Double(value)
        default: return 0
        }
    }

    public func time(_ name: String) -> LocalTime? {
        if case .time(let value)? = settings.value(name, of: rule) { return value }
        return nil
    }

    public func counts(_ name: String) -> [String: Int]? {
        if case .counts(let value)? = settings.value(name, of: rule) { return value }
        return nil
    }

    public func kinds(_ name: String) -> [ItemKind] {
        if case .kinds(let value)? = settings.value(name, of: rule) { return value }
        return []
    }

    public func words(_ name: String) -> [String] {
        if case .words(let value)? = settings.value(name, of: rule) { return value }
        return []
    }
}
