import DiversityKit

extension Labels {
    /// A cost category's name.
    public func name(_ c: CostCategory) -> String {
        switch c {
        case .salaries: return pick("Personal", "Salaries")
        case .consultants: return pick("Konsulter", "Consultants")
        case .venuesTravelOther: return pick("Lokaler, resor och övrigt", "Venues, travel and other")
        case .grantsToPartners: return pick("Bidrag till partner", "Grants to partners")
        case .indirectCosts: return pick("Indirekta kostnader", "Indirect costs")
        }
    }

    /// A funding kind's name.
    public func name(_ f: FundingKind) -> String {
        switch f {
        case .esfGrant: return pick("ESF-stöd", "ESF grant")
        case .governmentGrant: return pick("Statligt bidrag", "Government grant")
        case .ownFunding: return pick("Egen finansiering", "Own funding")
        case .publicCofinancing: return pick("Offentlig medfinansiering", "Public co-financing")
        case .other: return pick("Övrigt", "Other")
        }
    }

    /// A goal status.
    public func name(_ s: GoalStatus) -> String {
        switch s {
        case .reached: return pick("Uppnått", "Reached")
        case .progressing: return pick("På väg", "Progressing")
        case .unchanged: return pick("Oförändrat", "Unchanged")
        case .regressed: return pick("Försämrat", "Regressed")
        case .noBaseline: return pick("Nollmätning saknas", "No baseline")
        case .notMeasured: return pick("Ej mätt", "Not measured")
        case .noIndicator: return pick("Indikator saknas", "No indicator")
        }
    }

    /// A milestone state.
    public func name(_ s: MilestoneState) -> String {
        switch s {
        case .onTime: return pick("Enligt plan", "On time")
        case .early: return pick("Före plan", "Early")
        case .late: return pick("Försenad", "Late")
        case .pending: return pick("Kommande", "Pending")
        case .overdue: return pick("Ej nådd, försenad", "Overdue")
        }
    }

    /// An active-measures area.
    public func name(_ a: ActiveMeasuresArea) -> String {
        switch a {
        case .workingConditions: return pick("Arbetsförhållanden", "Working conditions")
        case .payAndTerms: return pick("Löner och anställningsvillkor", "Pay and terms")
        case .recruitmentAndPromotion: return pick("Rekrytering och befordran", "Recruitment and promotion")
        case .trainingAndSkills: return pick("Utbildning och kompetensutveckling", "Training and skills")
        case .workAndParenthood: return pick("Förvärvsarbete och föräldraskap", "Work and parenthood")
        }
    }

    /// An active-measures step.
    public func name(_ s: ActiveMeasuresStep) -> String {
        switch s {
        case .investigate: return pick("Undersöka", "Investigate")
        case .analyse: return pick("Analysera", "Analyse")
        case .act: return pick("Åtgärda", "Act")
        case .followUp: return pick("Följa upp", "Follow up")
        }
    }

    /// A rating dimension; custom dimensions show their code.
    public func name(_ d: RatingDimension) -> String {
        switch d {
        case .content: return pick("Innehåll", "Content")
        case .trainer: return pick("Kursledare", "Trainer")
        case .relevance: return pick("Relevans", "Relevance")
        case .organisation: return pick("Upplägg", "Organisation")
        case .overall: return pick("Helhet", "Overall")
        case .custom(let code): return code
        }
    }

    /// A funder-statistics category code (gender, age band, education, `unknown`).
    public func category(_ code: String) -> String {
        switch code {
        case "woman": return pick("Kvinna", "Woman")
        case "man": return pick("Man", "Man")
        case "nonBinary": return pick("Icke-binär", "Non-binary")
        case "notStated": return pick("Ej angivet", "Not stated")
        case "under18": return pick("Under 18", "Under 18")
        case "from18to29": return "18–29"
        case "from30to54": return "30–54"
        case "from55": return pick("55 och äldre", "55 and over")
        case "isced0to2": return pick("Förgymnasial (ISCED 0–2)", "Lower secondary (ISCED 0–2)")
        case "isced3to4": return pick("Gymnasial (ISCED 3–4)", "Upper secondary (ISCED 3–4)")
        case "isced5to8": return pick("Eftergymnasial (ISCED 5–8)", "Tertiary (ISCED 5–8)")
        case "unknown": return pick("Okänt", "Unknown")
        default: return code
        }
    }

    private func pick(_ sv: String, _ en: String) -> String { language == .swedish ? sv : en }
}
