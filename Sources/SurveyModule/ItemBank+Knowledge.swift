extension ItemBank {
    /// Knowledge of the Discrimination Act (diskrimineringslagen 2008:567): its grounds, direct and
    /// indirect discrimination, harassment, sexual harassment, instructions to discriminate,
    /// inadequate accessibility, supervision and active measures. Codes `K01`–`K12`.
    public static let knowledgeItems: [Item] = [
        knowledge("K01", sv: "Hur många diskrimineringsgrunder räknar diskrimineringslagen upp?",
                  en: "How many grounds of discrimination does the Discrimination Act list?",
                  [("Tre", "Three"), ("Fem", "Five"), ("Sju", "Seven"), ("Tio", "Ten")], correct: 3, topic: .grounds),
        knowledge("K02", sv: "Vilket av följande är inte en diskrimineringsgrund i diskrimineringslagen?",
                  en: "Which of the following is not a ground of discrimination in the Discrimination Act?",
                  [("Ålder", "Age"), ("Politisk åsikt", "Political opinion"),
                   ("Könsöverskridande identitet eller uttryck", "Transgender identity or expression"),
                   ("Religion eller annan trosuppfattning", "Religion or other belief")], correct: 2, topic: .grounds),
        knowledge("K03", sv: "Kan en person som nekas en tjänst på grund av sin sexuella läggning åberopa diskrimineringslagen?",
                  en: "Can a person refused a service because of their sexual orientation invoke the Discrimination Act?",
                  yesNoDontKnow, correct: 1, topic: .grounds),
        knowledge("K04", sv: "En sökande väljs bort till en anställning för att hon är gravid. Vad kallas det enligt lagen?",
                  en: "An applicant is passed over for a job because she is pregnant. What does the Act call this?",
                  [("Direkt diskriminering", "Direct discrimination"), ("Indirekt diskriminering", "Indirect discrimination"),
                   ("Trakasserier", "Harassment"), ("Det är inte diskriminering", "It is not discrimination")],
                  correct: 1, topic: .directAndIndirectDiscrimination),
        knowledge("K05", sv: "Ett krav som ser neutralt ut men som särskilt missgynnar personer med en viss diskrimineringsgrund, "
                      + "och som inte kan motiveras av ett berättigat syfte med lämpliga och nödvändiga medel, är …",
                  en: "A requirement that looks neutral but puts people with a particular ground at a particular disadvantage, "
                      + "and cannot be justified by a legitimate aim with appropriate and necessary means, is …",
                  [("direkt diskriminering", "direct discrimination"), ("indirekt diskriminering", "indirect discrimination"),
                   ("tillåten särbehandling", "permitted different treatment"), ("bristande tillgänglighet", "inadequate accessibility")],
                  correct: 2, topic: .directAndIndirectDiscrimination),
        knowledge("K06", sv: "Vad krävs för att ett uppträdande ska räknas som trakasserier enligt diskrimineringslagen?",
                  en: "What makes conduct harassment under the Discrimination Act?",
                  [("Att det upprepas minst tre gånger", "That it is repeated at least three times"),
                   ("Att det kränker någons värdighet och har samband med en diskrimineringsgrund",
                    "That it violates someone's dignity and is associated with a ground of discrimination"),
                   ("Att den som uppträder så menar att kränka", "That the person behaving so intends to offend"),
                   ("Att det sker inför vittnen", "That it happens in front of witnesses")], correct: 2, topic: .harassment),
        knowledge("K07", sv: "Vad är sexuella trakasserier enligt diskrimineringslagen?",
                  en: "What is sexual harassment under the Discrimination Act?",
                  [("Varje kommentar om någons utseende", "Any comment on someone's looks"),
                   ("Ett uppträdande av sexuell natur som kränker någons värdighet", "Conduct of a sexual nature that violates someone's dignity"),
                   ("Bara fysiska närmanden", "Physical advances only"),
                   ("Bara sådant som sker på arbetstid", "Only what happens during working hours")], correct: 2, topic: .harassment),
        knowledge("K08", sv: "En chef säger åt en rekryterare att inte kalla sökande över 55 år till intervju. Vad är chefens handling?",
                  en: "A manager tells a recruiter not to invite applicants over 55 to interview. What is the manager's act?",
                  [("Instruktioner att diskriminera", "Instructions to discriminate"),
                   ("Ett tillåtet urvalskriterium", "A permitted selection criterion"),
                   ("Bristande tillgänglighet", "Inadequate accessibility"),
                   ("Diskriminering först när rekryteraren följer instruktionen", "Discrimination only once the recruiter follows it")],
                  correct: 1, topic: .instructions),
        knowledge("K09", sv: "När är bristande tillgänglighet en form av diskriminering?",
                  en: "When is inadequate accessibility a form of discrimination?",
                  [("När en person med funktionsnedsättning missgynnas för att skäliga åtgärder för tillgänglighet inte har vidtagits",
                    "When a person with a disability is disadvantaged because reasonable accessibility measures were not taken"),
                   ("När en lokal inte är helt anpassad, oavsett kostnad", "When premises are not fully adapted, whatever the cost"),
                   ("Aldrig, det regleras bara i plan- och bygglagen", "Never, only the Planning and Building Act governs it"),
                   ("Bara när en anställd har begärt anpassning skriftligt", "Only when an employee asked for adaptation in writing")],
                  correct: 1, topic: .accessibility),
        knowledge("K10", sv: "Vilken myndighet har tillsyn över att diskrimineringslagen följs?",
                  en: "Which authority supervises compliance with the Discrimination Act?",
                  [("Arbetsmiljöverket", "The Work Environment Authority"), ("Diskrimineringsombudsmannen (DO)", "The Equality Ombudsman (DO)"),
                   ("Justitiekanslern", "The Chancellor of Justice"), ("Länsstyrelsen", "The County Administrative Board")],
                  correct: 2, topic: .discriminationAct),
        knowledge("K11", sv: "Gäller diskrimineringsförbudet när du som offentligt anställd ger service och bemöter allmänheten?",
                  en: "Does the ban on discrimination apply when you, as a public employee, serve and meet the public?",
                  yesNoDontKnow, correct: 1, topic: .discriminationAct),
        knowledge("K12", sv: "Vad innebär arbetsgivarens skyldighet att arbeta med aktiva åtgärder?",
                  en: "What does the employer's duty to work with active measures mean?",
                  [("Att utreda diskriminering först när någon anmäler", "To investigate discrimination only when someone reports it"),
                   ("Att löpande undersöka risker, analysera orsaker, vidta åtgärder och följa upp", "To continuously investigate risks, analyse causes, take measures and follow up"),
                   ("Att ha en mångfaldsdag varje år", "To hold a diversity day every year"),
                   ("Att kvotera vid rekrytering", "To use quotas in recruitment")], correct: 2, topic: .discriminationAct),
    ]

    /// Ja (1), Nej (2), Vet inte (3).
    static let yesNoDontKnow = [("Ja", "Yes"), ("Nej", "No"), ("Vet inte", "Don't know")]

    static func knowledge(_ code: String, sv: String, en: String, _ options: [(String, String)], correct: Int,
                          topic: TrainingTopic) -> Item {
        Item(code: code, prompt: LocalizedText(sv: sv, en: en),
             kind: .knowledge(KnowledgeQuestion(options: numbered(options), correct: correct, topic: topic)))
    }

    /// Options coded 1, 2, 3 … in order.
    static func numbered(_ labels: [(String, String)]) -> [AnswerOption] {
        labels.enumerated().map { AnswerOption(code: $0 + 1, label: LocalizedText(sv: $1.0, en: $1.1)) }
    }
}
