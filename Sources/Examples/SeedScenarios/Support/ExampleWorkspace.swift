import DiversityKit
import ExampleSupport
import ProgrammeToolkit
import SurveyModule

/// The workspace every example program runs in, with **every** module's part in erasure registered, so
/// that `Workspace.erase` in an example — or in an embedder's copy of one — reaches all the records
/// that name a participant: the core's, the programme toolkit's (mentoring, reflection groups,
/// ambassadors, accessibility, electives) and the survey module's (tokens on a reminder list,
/// identified responses, comments that name them, responses still waiting in the mix).
///
/// A module whose owner is left out keeps its records after an erasure, so copy the list whole, and
/// add the owners of whatever else the system keeps (an audit log, an `ErasureLedger`, your own modules).
///
/// ```swift
/// let workspace = ExampleWorkspace.make(store: store, idPrefix: "mdss-")
/// let receipt = try await workspace.erase("mdss-p-17", identifyingTexts: ["Kim Berg"])
/// ```
public enum ExampleWorkspace {
    /// The data owners of the modules the examples use, for stores served with `secret` (the one every
    /// example's `SurveyService` uses).
    public static func dataOwners(secret: TokenSecret = ExampleTokenSecret.value) -> [any ParticipantDataOwner] {
        [ToolkitParticipantData(), SurveyDataOwner(secret: secret)]
    }

    /// A workspace over `store` with sequential identifiers under `idPrefix`, every module's data owner,
    /// and `extraOwners` (such as the `AuditLogStore` the store is wrapped in).
    public static func make(store: any Store, idPrefix: String, extraOwners: [any ParticipantDataOwner] = []) -> Workspace {
        Workspace(store: store, ids: SequentialIDGenerator(prefix: idPrefix), dataOwners: dataOwners() + extraOwners)
    }
}
