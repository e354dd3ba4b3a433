import Foundation

/// `plan-build new week --persona P [--from DATE]`: the moments of one ISO
/// week, one file each, that together pass every rule — posts-per-day's
/// minimum each day, in the plan's slots (the least used first), every theme
/// theme-mix asks for, and as many promotional moments as promo-share allows.
///
/// Without `--from`, the week is the first from today in which the persona has
/// no moments; when every week of the range has some, the first week where
/// one more moment a day fits (the days already meet the minimum).
public struct WeekDraft: Sendable {
    public let contentDirectory: URL
    public let persona: String
    public let from: LocalDate?
    public let today: LocalDate?

    public init(contentDirectory: URL, persona: String, from: LocalDate?, today: LocalDate?) {
        self.contentDirectory = contentDirectory
        self.persona = persona
        self.from = from
        self.today = today
    }

    public struct Outcome: Sendable {
        public let week: ISOWeek
        public let files: [(path: String, text: String)]
        /// What was said about the week: which one and why, in both languages.
        public let summary: Localized
    }

    /// Writes the files (all or none); paths are under the content folder.
    public func write() throws -> Outcome {
        let outcome = try draft()
        _ = try Scaffold.write(outcome.files, under: contentDirectory)
        return outcome
    }

    public func draft() throws -> Outcome {
        let (plan, day, pipeline) = try NewFile.loadPlan(contentDirectory, today: today)
        let persona = try NewFile.persona(self.persona, in: plan)
        guard persona.allows(kind: .moment) else {
            throw NewFile.Failure(
                zh: "\(persona.name) 的 channels 不含 moments，不发朋友圈。",
                en: "\(persona.name)'s channels do not include moments.")
        }
        let trial = TrialRun(plan: plan, pipeline: pipeline, contentDirectory: contentDirectory, today: day)
        let planner = WeekPlanner(plan: plan, persona: persona, trial: trial, contentDirectory: contentDirectory, today: day)
        if let from {
            return try planner.draft(week: from.weekStart, reason: nil)
        }
        var week = max(day, plan.config.start).weekStart
        while week <= plan.config.end {
            let days = planner.activeDays(week)
            if !days.isEmpty && days.allSatisfy({ planner.moments(on: $0).isEmpty }) {
                return try planner.draft(week: week, reason: nil)
            }
            week = week.adding(days: 7)
        }
        // Every week has moments: add to the first that can take more.
        week = max(day, plan.config.start).weekStart
        var last: Error?
        while week <= plan.config.end {
            do {
                return try planner.draft(week: week, reason: Localized(
                    zh: "\(plan.config.start) 至 \(plan.config.end) 里 \(persona.name) 每周都已有朋友圈，所以在已有的之外补充。",
                    en: "\(persona.name) has moments in every week of \(plan.config.start) to \(plan.config.end), so these add to them."))
            } catch let failure as NewFile.Failure {
                last = failure
            }
            week = week.adding(days: 7)
        }
        throw last ?? NewFile.Failure(
            zh: "从 \(day) 到 \(plan.config.end) 没有可以起草的一周；把 plan.yml 的 end 往后延，或用 --from 指定一周。",
            en: "There is no week to draft from \(day) to \(plan.config.end); move plan.yml's end later, or pick a week with --from.")
    }
}
