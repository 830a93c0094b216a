extension Report {
    /// A sample follow-up report with invented, MDSS-flavoured figures, for demonstrations,
    /// screenshots and trying out renderers. It is **not** a result of any real programme.
    ///
    /// It holds every kind of block, cell and chart: planned against actual participation
    /// per organisation, a completion funnel, Likert items as diverging bars (one item
    /// withheld), a table with suppressed cells, and budget against outcome in kronor.
    ///
    /// ```swift
    /// let html = HTMLRenderer().html(.sample(language: .english))
    /// ```
    public static func sample(language: ReportLanguage = .swedish) -> Report {
        let sv = language == .swedish
        func t(_ swedish: String, _ english: String) -> String { sv ? swedish : english }
        let organisations = ["Umeå kommun", "Försäkringskassan", "Arbetsförmedlingen", "Region Västerbotten"]
        let planned: [Double] = [200, 150, 60, 40], actual: [Double] = [183, 162, 41, 29]

        let participation = ReportSection(title: t("Deltagande", "Participation"), blocks: [
            .paragraph(t("Deltagare i basutbildningen per organisation, planerat mot faktiskt.",
                         "Participants in the base training per organisation, planned against actual.")),
            .chart(ReportChart(id: "participation", kind: .plannedVersusActual,
                               title: t("Planerat och faktiskt deltagande", "Planned and actual participation"),
                               description: t("Umeå kommun och Försäkringskassan nådde nära eller över planen; Arbetsförmedlingen och regionen låg under.",
                                              "Umeå kommun and Försäkringskassan came close to or above plan; Arbetsförmedlingen and the region fell short."),
                               categories: organisations,
                               series: [ChartSeries(name: t("Planerat", "Planned"), values: planned),
                                        ChartSeries(name: t("Faktiskt", "Actual"), values: actual)])),
            .table(ReportTable(id: "participation", caption: t("Deltagande per organisation", "Participation per organisation"),
                               columns: [ReportColumn(t("Organisation", "Organisation"), isRowHeader: true),
                                         ReportColumn(t("Planerat", "Planned")), ReportColumn(t("Faktiskt", "Actual")),
                                         ReportColumn(t("Andel av plan", "Share of plan"))],
                               rows: organisations.indices.map { i in
                                   [.text(organisations[i]), .integer(Int(planned[i])), .integer(Int(actual[i])),
                                    .percent(actual[i] / planned[i], digits: 1)]
                               })),
        ], subsections: [
            ReportSection(title: t("Genomströmning", "Completion"), blocks: [
                .chart(ReportChart(id: "funnel", kind: .funnel, title: t("Från inbjudan till mångfaldsforum", "From invitation to diversity forum"),
                                   description: t("Av 620 inbjudna gick 455 basutbildningen och 41 nådde mångfaldsforum.",
                                                  "Of 620 invited, 455 took the base training and 41 reached the diversity forum."),
                                   categories: [t("Inbjudna", "Invited"), t("Anmälda", "Registered"), t("Basutbildning", "Base training"),
                                                t("Ledarforum", "Leader forum"), t("Mångfaldsforum", "Diversity forum")],
                                   series: [ChartSeries(name: t("Personer", "People"), values: [620, 512, 455, 88, 41])])),
            ]),
        ])

        let scale = [t("Helt oense", "Strongly disagree"), t("Delvis oense", "Disagree"), t("Varken eller", "Neutral"),
                     t("Delvis enig", "Agree"), t("Helt enig", "Strongly agree")]
        let items = [t("Jag kan ta upp diskriminering på min arbetsplats", "I can raise discrimination at my workplace"),
                     t("Min chef agerar vid kränkningar", "My manager acts on harassment"),
                     t("Vi anpassar servicen efter brukarens behov", "We adapt our service to each user's needs"),
                     t("Jag vet var riktlinjerna finns", "I know where the guidelines are"),
                     t("VIVA: jag har fått den utbildning jag behöver", "VIVA: I have had the training I need")]
        let counts: [[Double?]] = [[12, 31, 40, 88, 61], [20, 45, 52, 70, 45], [5, 18, 37, 97, 75], [9, 22, 30, 81, 90], [nil, nil, nil, nil, nil]]
        let survey = ReportSection(title: t("Enkätresultat", "Survey results"), blocks: [
            .chart(ReportChart(id: "likert", kind: .divergingStackedBar, title: t("Svar på påståendena", "Answers to the statements"),
                               description: t("För varje påstående andelen svar från helt oense (vänster) till helt enig (höger). VIVA har för få svarande för att visas.",
                                              "For each statement the share of answers from strongly disagree (left) to strongly agree (right). VIVA has too few respondents to be shown."),
                               categories: items,
                               series: scale.indices.map { s in ChartSeries(name: scale[s], values: counts.map { $0[s] }) },
                               negativeSeriesCount: 2)),
            .table(ReportTable(id: "agreement", caption: t("Andel som instämmer per enhet", "Share agreeing per unit"),
                               columns: [ReportColumn(t("Enhet", "Unit"), isRowHeader: true), ReportColumn(t("Svarande", "Respondents")),
                                         ReportColumn(t("Andel som instämmer", "Share agreeing"))],
                               rows: [[.text("Socialtjänsten"), .integer(84), .percent(0.619, digits: 1)],
                                      [.text("VIVA"), .suppressed(reason: .belowThreshold), .suppressed(reason: .belowThreshold)],
                                      [.text("Försäkringskassan Umeå"), .integer(97), .percent(0.557, digits: 1)],
                                      [.text("Försäkringskassan Lycksele"), .suppressed(reason: .secondary), .suppressed(reason: .secondary)]],
                               footnotes: [t("Svar insamlade 2012-01-09–2012-01-27.", "Answers collected 2012-01-09–2012-01-27.")])),
            .note(ReportNote(.suppression, t("Uppgifter för grupper med färre än 5 svarande redovisas inte, så att ingen enskild kan pekas ut.",
                                             "Figures for groups with fewer than 5 respondents are withheld so that no individual can be singled out."))),
        ])

        let lines = [t("Löner", "Salaries"), t("Konsulter", "Consultants"), t("Lokaler och resor", "Premises and travel"),
                     t("Indirekta kostnader (15 %)", "Indirect costs (15%)")]
        let budget: [Int64] = [290_000_000, 65_000_000, 18_000_000, 43_500_000]
        let outcome: [Int64] = [287_451_250, 70_230_000, 15_187_000, 43_117_688]
        let money = ReportSection(title: t("Budget och utfall", "Budget and outcome"), blocks: [
            .chart(ReportChart(id: "budget", kind: .plannedVersusActual, title: t("Budget mot utfall", "Budget against outcome"),
                               description: t("Utfallet följer budgeten; konsulterna kostade mer och lokaler och resor mindre än planerat.",
                                              "The outcome follows the budget; consultants cost more and premises and travel less than planned."),
                               categories: lines,
                               series: [ChartSeries(name: t("Budget (kr)", "Budget (SEK)"), values: budget.map { Double($0 / 100) }),
                                        ChartSeries(name: t("Utfall (kr)", "Outcome (SEK)"), values: outcome.map { Double($0 / 100) })])),
            .table(ReportTable(id: "budget", caption: t("Budget och utfall per kostnadsslag", "Budget and outcome per cost category"),
                               columns: [ReportColumn(t("Kostnadsslag", "Cost category"), isRowHeader: true), ReportColumn("Budget"),
                                         ReportColumn(t("Utfall", "Outcome")), ReportColumn(t("Avvikelse", "Difference"))],
                               rows: lines.indices.map { i in
                                   [.text(lines[i]), .money(Money(minorUnits: budget[i])), .money(Money(minorUnits: outcome[i])),
                                    .money(Money(minorUnits: outcome[i] - budget[i]))]
                               } + [[.text(t("Summa", "Total")), .money(Money(minorUnits: budget.reduce(0, +))),
                                     .money(Money(minorUnits: outcome.reduce(0, +))),
                                     .money(Money(minorUnits: outcome.reduce(0, +) - budget.reduce(0, +)))]])),
        ])

        return Report(
            title: t("Uppföljning av Mångfaldsdriven Samhällservice", "Follow-up of Diversity-driven Public Service"),
            subtitle: t("Exempelrapport med påhittade siffror, 2010–2012", "Sample report with invented figures, 2010–2012"),
            language: language, date: CalendarDate(year: 2013, month: 2, day: 1),
            sections: [
                ReportSection(title: t("Sammanfattning", "Summary"), blocks: [
                    .paragraph(t("Programmet nådde 415 av 450 planerade deltagare i basutbildningen. Enkäten visar att de flesta instämmer i påståendena om likabehandling.",
                                 "The programme reached 415 of 450 planned participants in the base training. The survey shows that most agree with the statements on equal treatment.")),
                    .list([t("Deltagandet blev 92 % av planen.", "Participation reached 92% of plan."),
                           t("Utfallet låg 0,1 % under budget.", "The outcome was 0.1% under budget.")]),
                    .note(ReportNote(.info, t("Detta är ett exempel: siffrorna är påhittade.", "This is a sample: the figures are invented."))),
                ]),
                participation, survey, money,
            ])
    }
}
