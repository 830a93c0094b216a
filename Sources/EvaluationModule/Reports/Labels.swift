import DiversityKit
import Foundation

/// Report labels in Swedish and English, kept in one place.
///
/// ```swift
/// let labels = Labels(.english)
/// labels[.participation]   // "Participation against plan"
/// ```
public struct Labels: Hashable, Sendable {
    /// The language numbers are formatted in and labels fall back to (Swedish and English are built in).
    public let language: ReportLanguage
    /// Labels an embedder supplies for another language (Finnish, Arabic, easy-to-read Swedish …);
    /// a key missing here falls back to ``language``'s built-in text.
    public let translations: LabelTranslations?

    /// Labels for `language`.
    public init(_ language: ReportLanguage) {
        self.language = language
        translations = nil
    }

    /// Labels from `translations`, falling back to `language`'s built-in labels and number format.
    public init(_ translations: LabelTranslations, fallback language: ReportLanguage = .swedish) {
        self.language = language
        self.translations = translations
    }

    /// The text of a key.
    public subscript(_ key: LabelKey) -> String {
        translations?.texts[key] ?? (language == .swedish ? key.texts.sv : key.texts.en)
    }

    /// A number as text with `digits` decimals, as tables show it: decimal comma and no-break
    /// thousands spaces in Swedish, point and commas in English (``/DiversityKit/ReportFormatter``).
    public func number(_ value: Double, digits: Int = 1) -> String {
        ReportFormatter(language: language).decimal(value, digits: digits)
    }

    /// A whole number as text, thousands grouped as in tables: `"3 001"` (no-break space).
    public func integer(_ value: Int) -> String { ReportFormatter(language: language).integer(value) }

    /// A share 0…1 as a percentage: `"45 %"` with a no-break space in Swedish.
    public func percent(_ share: Double, digits: Int = 0) -> String {
        ReportFormatter(language: language).percent(share, digits: digits)
    }

    /// Item texts joined into one caption: each keeps its own final punctuation, and items are
    /// separated by `" · "` instead of running together as `".;"`.
    public func itemList(_ items: [String]) -> String {
        items.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " · ")
    }
}

/// Report labels in a language other than Swedish and English, supplied by the embedder.
///
/// ```swift
/// let finnish = LabelTranslations(language: "fi", texts: [.surveyResults: "Kyselyn tulokset", .comments: "Kommentit"])
/// let reports = EvaluationReports(language: .swedish, translations: finnish)
/// ```
public struct LabelTranslations: Hashable, Sendable {
    /// The BCP 47 tag of the language, e.g. `"fi"`, `"sv-x-lattlast"`; questionnaire texts are taken in it.
    public var language: String
    /// The texts by key; `%d` placeholders as in the built-in texts.
    public var texts: [LabelKey: String]

    /// Creates translations.
    public init(language: String, texts: [LabelKey: String]) {
        self.language = language
        self.texts = texts
    }

    /// The keys not translated (they show the fallback language's text).
    public var missingKeys: [LabelKey] { LabelKey.allCases.filter { texts[$0] == nil } }
}

/// A report label; each has a Swedish and an English text.
public enum LabelKey: String, Hashable, Sendable, CaseIterable {
    /// Report title.
    case programmeFollowUp, courseEvaluation, goalFollowUp, surveyResults
    /// Section or column heading.
    case participation, organisation, planned, actual, difference, total, funnel, stage, completed
    /// Section or column heading.
    case sessions, intervention, held, scheduled, budget, costCategory, outcome, unspent, funding, source, amount, share
    /// Section or column heading.
    case milestones, milestone, plannedDate, actualDate, slippageDays, status, funderStatistics, gender, ageBand, education
    /// Section or column heading.
    case ratings, ratingsByFacilitator, facilitator, dimension, respondents, mean, standardDeviation, topTwoBox
    /// Section or column heading.
    case goals, goal, baseline, latest, target, progress, audit, coverage, area, missing
    /// Section or column heading.
    case item, answered, distribution, reliability, alpha, alphaIfDeleted, itemTotal, group, comments, kirkpatrick
    /// Kirkpatrick level.
    case reaction, learning, behaviour, results, returnOnInvestment
    /// Sentence or note.
    case suppressionNote, withheldTableNote, noBaselineWarning, goalsWithoutMeasures, measuresWithoutGoal, overdueMeasures
    /// Sentence or note.
    case rankings, rank, rankedBy, meanRank, option, rankingRespondents
    /// Sentence or note.
    case commentsWithheld, earlierReleaseNote, none, proRataNote, otherGroups, measuresDone, meanDifference, pValue, effectSize, goalsReached, level, figure, value
    /// Goal follow-up of many organisations.
    case county, overview, goalCount, perOrganisation, goalOverviewShortText, noBaselineShort, coverageShort, goalOverviewText, detailsPerOrganisation, unnamedGoal, noActiveMeasures
    /// Column heading or sentence.
    case participants, ofPlanned, alphaNotComputed, onlyFor, and, narrowerStageNote, noParticipationPlan, cohensDz, reverseWorded, reverseWordedNote, alphaExplanation, tTestExplanation, effectSizeExplanation, syntheticData

    /// (Swedish, English).
    var texts: (sv: String, en: String) {
        switch self {
        case .programmeFollowUp: return ("Programuppföljning", "Programme follow-up")
        case .courseEvaluation: return ("Kursutvärdering", "Course evaluation")
        case .goalFollowUp: return ("Måluppföljning", "Goal follow-up")
        case .surveyResults: return ("Enkätresultat", "Survey results")
        case .participation: return ("Deltagande mot plan", "Participation against plan")
        case .organisation: return ("Organisation", "Organisation")
        case .planned: return ("Planerat", "Planned")
        case .actual: return ("Utfall", "Actual")
        case .difference: return ("Differens", "Difference")
        case .total: return ("Totalt", "Total")
        case .funnel: return ("Genomförande i steg", "Completion funnel")
        case .stage: return ("Steg", "Stage")
        case .completed: return ("Fullföljt", "Completed")
        case .sessions: return ("Genomförda tillfällen", "Sessions held")
        case .intervention: return ("Insats", "Intervention")
        case .held: return ("Genomförda", "Held")
        case .scheduled: return ("Planerade framåt", "Scheduled")
        case .budget: return ("Budget och utfall", "Budget and outcome")
        case .costCategory: return ("Kostnadsslag", "Cost category")
        case .outcome: return ("Utfall", "Outcome")
        case .unspent: return ("Ej förbrukat", "Unspent")
        case .funding: return ("Finansiering", "Funding")
        case .source: return ("Finansiär", "Source")
        case .amount: return ("Belopp", "Amount")
        case .share: return ("Andel", "Share")
        case .milestones: return ("Milstolpar", "Milestones")
        case .milestone: return ("Milstolpe", "Milestone")
        case .plannedDate: return ("Planerat datum", "Planned date")
        case .actualDate: return ("Faktiskt datum", "Actual date")
        case .slippageDays: return ("Försening (dagar)", "Delay (days)")
        case .status: return ("Status", "Status")
        case .funderStatistics: return ("Deltagarstatistik till finansiär", "Funder participant statistics")
        case .gender: return ("Kön", "Gender")
        case .ageBand: return ("Ålder", "Age band")
        case .education: return ("Utbildningsnivå", "Education level")
        case .ratings: return ("Betyg per insats och dimension", "Ratings per intervention and dimension")
        case .ratingsByFacilitator: return ("Betyg per kursledare", "Ratings per facilitator")
        case .facilitator: return ("Kursledare", "Facilitator")
        case .dimension: return ("Dimension", "Dimension")
        case .respondents: return ("Antal svar", "Respondents")
        case .mean: return ("Medelvärde", "Mean")
        case .standardDeviation: return ("Standardavvikelse", "Standard deviation")
        case .topTwoBox: return ("Andel i de två högsta", "Top-two-box share")
        case .goals: return ("Måluppfyllelse", "Goal attainment")
        case .goal: return ("Mål", "Goal")
        case .baseline: return ("Nollmätning", "Baseline")
        case .latest: return ("Senaste mätning", "Latest measurement")
        case .target: return ("Målvärde", "Target")
        case .progress: return ("Andel av vägen", "Progress")
        case .audit: return ("Mål och åtgärder", "Goals and measures")
        case .coverage: return ("Aktiva åtgärder: områden och steg", "Active measures: areas and steps")
        case .area: return ("Område", "Area")
        case .missing: return ("Saknas", "Missing")
        case .item: return ("Fråga", "Item")
        case .answered: return ("Svarande", "Answered")
        case .distribution: return ("Svarsfördelning", "Distribution of answers")
        case .reliability: return ("Skalornas tillförlitlighet", "Scale reliability")
        case .alpha: return ("Cronbachs alfa", "Cronbach's alpha")
        case .alphaIfDeleted: return ("Alfa utan frågan", "Alpha if item deleted")
        case .itemTotal: return ("Korrelation fråga–skala", "Corrected item–total correlation")
        case .group: return ("Grupp", "Group")
        case .comments: return ("Kommentarer", "Comments")
        case .kirkpatrick: return ("Sammanfattning enligt Kirkpatrick", "Summary by Kirkpatrick level")
        case .reaction: return ("Reaktion", "Reaction")
        case .learning: return ("Lärande", "Learning")
        case .behaviour: return ("Beteende", "Behaviour")
        case .results: return ("Resultat", "Results")
        case .returnOnInvestment: return ("Avkastning (Phillips)", "Return on investment (Phillips)")
        case .suppressionNote:
            return ("Celler med färre än %d svarande redovisas inte (markerade), och fler celler döljs så att de inte kan räknas fram ur summorna.",
                    "Cells with fewer than %d respondents are withheld (marked), and further cells are withheld so they cannot be recomputed from the totals.")
        case .withheldTableNote:
            return ("Tabellen redovisas inte: gruppen är för liten för att skydda enskilda.",
                    "The table is withheld: the group is too small to protect individuals.")
        case .noBaselineWarning: return ("Mål utan nollmätning kan inte följas upp:", "Goals without a baseline cannot be followed up:")
        case .goalsWithoutMeasures: return ("Mål utan åtgärder", "Goals without measures")
        case .measuresWithoutGoal: return ("Åtgärder utan koppling till mål", "Measures linked to no goal")
        case .overdueMeasures: return ("Försenade åtgärder", "Overdue measures")
        case .commentsWithheld:
            return ("Kommentarerna redovisas inte: färre än %d.", "Comments are withheld: fewer than %d.")
        case .earlierReleaseNote:
            return ("Redovisas inte: färre än %d svar skiljer från en tidigare rapport om samma personer, så skillnaden skulle peka ut de få.",
                    "Withheld: fewer than %d answers separate it from an earlier report on the same people, so the difference would single out those few.")
        case .none: return ("Inga", "None")
        case .rankings: return ("Rangordningar", "Rankings")
        case .rank: return ("Plats %d", "Rank %d")
        case .rankedBy: return ("Rangordnad av", "Ranked by")
        case .meanRank: return ("Medelplats", "Mean rank")
        case .option: return ("Alternativ", "Option")
        case .rankingRespondents: return ("%d svarande rangordnade alternativen (1 = först).", "%d respondents ranked the options (1 = first).")
        case .otherGroups: return ("Övriga grupper (sammanslagna för att skydda små grupper)", "Other groups (pooled to protect small groups)")
        case .measuresDone: return ("Genomförda åtgärder", "Measures done")
        case .meanDifference: return ("Skillnad efter − före", "Difference post − pre")
        case .pValue: return ("p-värde", "p-value")
        case .effectSize: return ("Effektstorlek", "Effect size")
        case .goalsReached: return ("Uppnådda mål", "Goals reached")
        case .level: return ("Nivå", "Level")
        case .figure: return ("Mått", "Figure")
        case .value: return ("Värde", "Value")
        case .county: return ("Län", "County")
        case .overview: return ("Översikt", "Overview")
        case .goalCount: return ("Antal mål", "Goals")
        case .noBaselineShort: return ("Utan nollmätning", "Without baseline")
        case .coverageShort: return ("Aktiva åtgärder: rutor av %d med åtgärd", "Active measures: cells of %d covered")
        case .goalOverviewText:
            return ("%goals mål hos %owners organisationer; %nobaseline mål saknar nollmätning och %nomeasures mål saknar åtgärder. Tabellen visar varje organisation; detaljerna per län och organisation finns i bilagan nedan (klicka för att öppna).",
                    "%goals goals of %owners organisations; %nobaseline goals lack a baseline and %nomeasures goals lack measures. The table shows each organisation; the details per county and organisation are in the appendix below (click to open).")
        case .perOrganisation: return ("Mål och åtgärder per organisation", "Goals and measures per organisation")
        case .goalOverviewShortText:
            return ("%goals mål hos %owners organisationer; %nobaseline mål saknar nollmätning och %nomeasures mål saknar åtgärder.",
                    "%goals goals of %owners organisations; %nobaseline goals lack a baseline and %nomeasures goals lack measures.")
        case .detailsPerOrganisation: return ("Bilaga: mål och åtgärder per organisation", "Appendix: goals and measures per organisation")
        case .unnamedGoal: return ("(mål utan titel)", "(untitled goal)")
        case .noActiveMeasures:
            return ("Inga åtgärder i handlingsplanen är kopplade till de aktiva åtgärdernas områden och steg.",
                    "No measure in the action plan is classified by the areas and steps of active measures.")
        case .participants: return ("Antal deltagare", "Participants")
        case .ofPlanned: return ("av planerade", "of planned")
        case .onlyFor: return ("endast för", "only for")
        case .and: return (" och ", " and ")
        case .cohensDz: return ("Cohens d för parade mätningar", "Cohen's d for paired measurements")
        case .narrowerStageNote:
            return ("Ett steg som bara är till för en del av deltagarna (till exempel chefer) når färre än det första steget; skillnaden är inget bortfall.",
                    "A stage meant for only some of the participants (managers, say) reaches fewer than the first stage; the difference is not drop-out.")
        case .noParticipationPlan:
            return ("Programmet har inget planerat antal deltagare per organisation; tabellen visar utfallet.",
                    "The programme has no planned number of participants per organisation; the table shows the outcome.")
        case .alphaNotComputed:
            return ("kan inte beräknas: för få fullständiga svar eller ingen spridning", "cannot be computed: too few complete answers or no spread")
        case .reverseWorded: return ("omvänt formulerad", "reverse-worded")
        case .reverseWordedNote:
            return ("Frågor märkta (omvänt formulerad) är ställda så att instämmande betyder en sämre situation; de vänds innan skalan räknas.",
                    "Items marked (reverse-worded) are phrased so that agreeing means a worse state; they are reversed before the scale is computed.")
        case .alphaExplanation:
            return ("Cronbachs alfa visar hur väl frågorna i en skala mäter samma sak: från 0 till 1, och över 0,7 räknas skalan som tillförlitlig.",
                    "Cronbach's alpha shows how well the items of a scale measure the same thing: from 0 to 1, and above 0.7 the scale counts as reliable.")
        case .tTestExplanation:
            return ("t-testet prövar om skillnaden mellan före och efter kan bero på slumpen: ett p-värde under 0,05 betyder att den sannolikt inte gör det.",
                    "The t-test asks whether the difference between before and after could be chance: a p-value below 0.05 means it probably is not.")
        case .effectSizeExplanation:
            return ("Effektstorleken visar hur stor skillnaden är i förhållande till spridningen: omkring 0,2 är liten, 0,5 medelstor och 0,8 stor.",
                    "The effect size shows how large the difference is relative to the spread: about 0.2 is small, 0.5 medium and 0.8 large.")
        case .syntheticData:
            return ("Uppgifterna i rapporten är syntetiska: de är framtagna med slumptal för att visa verktyget och beskriver inga verkliga personer.",
                    "The figures in this report are synthetic: generated with random numbers to show the tool, they describe no real people.")
        case .proRataNote:
            return ("Utfall per finansiär förutsätter att kostnaderna finansieras i proportion till beloppen.",
                    "Outcome per source assumes costs are financed in proportion to the amounts.")
        }
    }
}
