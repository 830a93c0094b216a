extension ItemBank {
    /// Attitudes and treatment of citizens (bemötande), agreement scale; codes `B01`–`B06`.
    public static let treatmentItems: [Item] = [
        likert("B01", sv: "Jag anpassar hur jag kommunicerar efter den person jag möter.",
               en: "I adapt how I communicate to the person I meet."),
        likert("B02", sv: "På min arbetsplats får alla medborgare samma kvalitet på servicen, oavsett bakgrund.",
               en: "At my workplace every citizen gets the same quality of service, whatever their background."),
        likert("B03", sv: "Det är rimligt att den som inte talar svenska väl får vänta längre på hjälp.",
               en: "It is reasonable that someone who does not speak Swedish well waits longer for help.", reversed: true),
        likert("B04", sv: "Jag vet hur jag ordnar tolk eller information i ett tillgängligt format när det behövs.",
               en: "I know how to arrange an interpreter or information in an accessible format when needed."),
        likert("B05", sv: "En arbetsgrupp med olika bakgrunder och erfarenheter gör ett bättre arbete.",
               en: "A team with different backgrounds and experiences does better work."),
        likert("B06", sv: "Arbetet med likabehandling tar tid från vårt egentliga uppdrag.",
               en: "Work on equal treatment takes time from our real task.", reversed: true),
    ]

    /// Work climate and jargon (arbetsklimat och jargong), agreement scale; codes `C01`–`C05`.
    public static let climateItems: [Item] = [
        likert("C01", sv: "På min arbetsplats kan alla vara sig själva.", en: "At my workplace everyone can be themselves."),
        likert("C02", sv: "Det förekommer skämt på min arbetsplats om människors ursprung, tro, sexuella läggning eller funktionsnedsättning.",
               en: "At my workplace there are jokes about people's origin, faith, sexual orientation or disability.", reversed: true),
        likert("C03", sv: "Om någon säger något nedsättande om en grupp människor säger någon ifrån.",
               en: "If someone says something demeaning about a group of people, someone objects."),
        likert("C04", sv: "Jag skulle känna mig trygg att berätta för min chef om jag blev trakasserad.",
               en: "I would feel safe telling my manager if I were harassed."),
        likert("C05", sv: "Jargongen i min arbetsgrupp kan få någon att känna sig utanför.",
               en: "The jargon in my team can make someone feel left out.", reversed: true),
    ]

    /// Witnessed or experienced discrimination (upplevd diskriminering), all **sensitive**;
    /// codes `E01`–`E04`.
    public static let experienceItems: [Item] = [
        Item(code: "E01", prompt: LocalizedText(
                sv: "Har du själv under de senaste tolv månaderna blivit diskriminerad eller trakasserad i ditt arbete?",
                en: "In the last twelve months, have you yourself been discriminated against or harassed at work?"),
             kind: .singleChoice(options: frequencyOfIncidents), isSensitive: true),
        Item(code: "E02", prompt: LocalizedText(
                sv: "Om ja: hade det samband med någon av dessa grunder? Välj alla som stämmer.",
                en: "If so: was it associated with any of these grounds? Choose all that apply."),
             kind: .multipleChoice(options: numbered([
                ("Kön", "Sex"), ("Könsöverskridande identitet eller uttryck", "Transgender identity or expression"),
                ("Etnisk tillhörighet", "Ethnicity"), ("Religion eller annan trosuppfattning", "Religion or other belief"),
                ("Funktionsnedsättning", "Disability"), ("Sexuell läggning", "Sexual orientation"), ("Ålder", "Age"),
                ("Annat eller vet inte", "Other or don't know")]), maxSelections: nil), isSensitive: true),
        Item(code: "E03", prompt: LocalizedText(
                sv: "Har du under de senaste tolv månaderna sett eller hört att en kollega diskriminerats eller trakasserats?",
                en: "In the last twelve months, have you seen or heard a colleague being discriminated against or harassed?"),
             kind: .singleChoice(options: frequencyOfIncidents), isSensitive: true),
        Item(code: "E04", prompt: LocalizedText(
                sv: "Har du under de senaste tolv månaderna sett eller hört att en medborgare eller brukare fått sämre bemötande "
                    + "på grund av till exempel ursprung, funktionsnedsättning eller ålder?",
                en: "In the last twelve months, have you seen or heard a citizen or service user treated worse because of, "
                    + "for example, their origin, disability or age?"),
             kind: .singleChoice(options: frequencyOfIncidents), isSensitive: true),
    ]

    /// Background and open questions; codes `D01`, `D02`, `T01`.
    public static let backgroundItems: [Item] = [
        Item(code: "D01", prompt: LocalizedText(sv: "Är du chef?", en: "Are you a manager?"),
             kind: .demographic(options: numbered([("Ja", "Yes"), ("Nej", "No")])), isRequired: true),
        Item(code: "D02", prompt: LocalizedText(sv: "Hur många år har du arbetat i organisationen?",
                                                en: "How many years have you worked in the organisation?"),
             kind: .numeric(range: 0...50, unit: LocalizedText(sv: "år", en: "years"))),
        Item(code: "T01", prompt: LocalizedText(sv: "Finns det något du särskilt vill att utbildningen tar upp?",
                                                en: "Is there anything you especially want the training to cover?"),
             kind: .freeText(maxLength: 1000)),
    ]

    /// Nej (1), Ja, en gång (2), Ja, flera gånger (3), Vill inte svara (4).
    static let frequencyOfIncidents = numbered([("Nej", "No"), ("Ja, en gång", "Yes, once"),
                                                ("Ja, flera gånger", "Yes, several times"), ("Vill inte svara", "Prefer not to say")])

    static func likert(_ code: String, sv: String, en: String, reversed: Bool = false) -> Item {
        Item(code: code, prompt: LocalizedText(sv: sv, en: en), kind: .likert(scale: .agreement5, reverseCoded: reversed))
    }
}
