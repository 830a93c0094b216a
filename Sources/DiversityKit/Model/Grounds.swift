/// The seven grounds of discrimination in the Discrimination Act (2008:567), 1 ch. 5 §.
///
/// Data about a person's ground is sensitive: it never sits on a ``Participant``.
public enum DiscriminationGround: String, Codable, Hashable, Sendable, CaseIterable {
    /// Kön.
    case sex
    /// Könsöverskridande identitet eller uttryck.
    case transgenderIdentityOrExpression
    /// Etnisk tillhörighet.
    case ethnicity
    /// Religion eller annan trosuppfattning.
    case religionOrBelief
    /// Funktionsnedsättning.
    case disability
    /// Sexuell läggning.
    case sexualOrientation
    /// Ålder.
    case age
}

/// The four focus areas of the regional development project (Verva 2007).
public enum FocusArea: String, Codable, Hashable, Sendable, CaseIterable {
    /// Process: how the diversity work itself is run.
    case process
    /// Arbetsförhållanden och trakasserier.
    case workingConditionsAndHarassment
    /// Rekrytering.
    case recruitment
    /// Medborgarperspektiv.
    case citizenPerspective
}

/// The areas of active measures (aktiva åtgärder), Discrimination Act ch. 3.
public enum ActiveMeasuresArea: String, Codable, Hashable, Sendable, CaseIterable {
    /// Arbetsförhållanden.
    case workingConditions
    /// Bestämmelser och praxis om löner och andra anställningsvillkor.
    case payAndTerms
    /// Rekrytering och befordran.
    case recruitmentAndPromotion
    /// Utbildning och övrig kompetensutveckling.
    case trainingAndSkills
    /// Möjligheter att förena förvärvsarbete och föräldraskap.
    case workAndParenthood
}

/// The continuous four-step cycle of active measures.
public enum ActiveMeasuresStep: String, Codable, Hashable, Sendable, CaseIterable {
    /// Undersöka risker och hinder.
    case investigate
    /// Analysera orsaker.
    case analyse
    /// Vidta åtgärder.
    case act
    /// Följa upp och utvärdera.
    case followUp
}
