import DiversityKit
import DiversityKitCrypto
import Foundation

/// What a respondent sends: one value, so fields can be added later.
public struct ResponseSubmission: Hashable, Sendable {
    /// The one-time token received.
    public var token: String
    /// The questionnaire version the respondent saw.
    public var questionnaire: QuestionnaireReference
    /// Answers by item code.
    public var answers: [String: Answer]
    /// A respondent-generated code for pairing a pre-test with a post-test (see ``LinkageCode``).
    public var linkageCode: String?
    /// When the respondent started, if the survey tool knows.
    public var startedAt: Date?
    /// Whether the respondent stopped before the end; required items may then be missing.
    public var isPartial: Bool

    /// Creates a submission.
    public init(token: String, questionnaire: QuestionnaireReference, answers: [String: Answer],
                linkageCode: String? = nil, startedAt: Date? = nil, isPartial: Bool = false) {
        self.token = token
        self.questionnaire = questionnaire
        self.answers = answers
        self.linkageCode = linkageCode
        self.startedAt = startedAt
        self.isPartial = isPartial
    }
}

extension SurveyService {
    /// Accepts a response: checks the token, the dates, the version and the answers, then marks the
    /// token used.
    ///
    /// - **Anonymous** distribution: the same batch puts the response, sealed (AES-256-GCM) and padded, into
    ///   the mix; it reaches the response rows only in a later, shuffled batch of at least
    ///   ``SurveyConfiguration/reportingThreshold`` responses of its unit (or when the distribution closes),
    ///   so no write holds both the token mark and the readable response. It keeps no participant, its
    ///   submit day instead of the instant, and its ``SurveyResponse/durationBand`` instead of the start.
    /// - **Identified** distribution: the response row, naming the participant, is stored with the mark.
    /// - Returns: the response as it will be stored; its ``SurveyResponse/id`` is empty (the store assigns it).
    /// - Throws: ``SurveyError/unknownToken``, ``SurveyError/tokenAlreadyUsed``,
    ///   ``SurveyError/surveyNotOpen(_:opens:)``, ``SurveyError/surveyClosed(_:)``,
    ///   ``SurveyError/wrongQuestionnaireVersion(expected:found:)``, ``SurveyError/invalidResponse(_:)``,
    ///   ``SurveyError/invalidSubmission(reason:)``. None of them carries the token.
    @discardableResult
    public func submit(_ submission: ResponseSubmission) async throws -> SurveyResponse {
        let digest = secret.digest(of: submission.token)
        guard var token = try await store.fetch(SurveyToken.self, id: digest) else { throw SurveyError.unknownToken }
        guard !token.isUsed else { throw SurveyError.tokenAlreadyUsed }
        let d = try await distribution(token.distribution)
        let now = clock()
        if now < d.opens { throw SurveyError.surveyNotOpen(d.id, opens: d.opens) }
        guard d.isOpen(at: now) else { throw SurveyError.surveyClosed(d.id) }
        guard submission.questionnaire == d.questionnaire else {
            throw SurveyError.wrongQuestionnaireVersion(expected: d.questionnaire, found: submission.questionnaire)
        }
        let q = try await questionnaire(d.questionnaire)
        try q.validate(submission.answers, partial: submission.isPartial)
        try checkTimes(startedAt: submission.startedAt, submittedAt: now)
        try checkLinkageCode(submission.linkageCode)
        var response = SurveyResponse(
            id: "", questionnaire: d.questionnaire, distribution: d.id, reportingUnit: token.unit,
            participant: d.mode == .identified ? token.participant : nil,
            linkageCode: submission.linkageCode.map(LinkageCode.normalise), startedAt: submission.startedAt,
            submittedAt: now, isPartial: submission.isPartial, answers: submission.answers.filter { !$0.value.isEmpty })
        let layout = ResponseRowLayout(questionnaire: q)
        token.isUsed = true
        var batch = WriteBatch()
        try batch.insert(TokenUse(token: digest))
        try batch.update(token)
        if d.mode == .anonymous {
            response = response.anonymised()
            try batch.insert(sealPending(ResponseRowCoding.row(response, layout: layout), distribution: d.id, questionnaire: q))
        } else {
            batch.append([ResponseRowCoding.row(response, layout: layout)], to: layout.rowSet)
        }
        do { try await store.write(batch) } catch StoreError.duplicate(let key) where key.type == TokenUse.recordType {
            throw SurveyError.tokenAlreadyUsed
        }
        if d.mode == .anonymous {
            let unit = token.unit?.rawValue ?? ""
            let waiting = try await store.count(RecordQuery(type: PendingResponse.recordType)
                .where("distribution", equals: d.id.rawValue).where("unit", equals: unit))
            if waiting >= configuration.reportingThreshold { _ = try await releasePending(of: d, unit: unit, questionnaire: q) }
        }
        return response
    }

    /// Releases responses waiting in the mix of `id`: all of them once the distribution is closed (by
    /// ``close(_:)`` or its closing time), otherwise those of every unit with at least the reporting
    /// threshold waiting. Each release is one batch: the sealed entries are opened, shuffled, appended as
    /// rows and deleted together. ``submit(_:)`` and ``close(_:)`` call it; call it after a distribution's
    /// closing time has passed (e.g. daily) to release the last responses.
    /// - Returns: how many responses were released.
    /// - Throws: ``SurveyError/unknownDistribution(_:)``; ``SurveyError/undecryptablePending(count:)`` when
    ///   entries were sealed under another secret.
    @discardableResult
    public func releaseMix(of id: ID<SurveyDistribution>) async throws -> Int {
        let d = try await distribution(id)
        let q = try await questionnaire(d.questionnaire)
        let now = clock()
        if now >= d.opens, !d.isOpen(at: now) { return try await releasePending(of: d, unit: nil, questionnaire: q) }
        var waiting: [String: Int] = [:]
        for e in try await store.query(RecordQuery(type: PendingResponse.recordType).where("distribution", equals: id.rawValue)) {
            waiting[e.keys["unit"] ?? "", default: 0] += 1
        }
        var released = 0
        for (unit, n) in waiting.sorted(by: { $0.key < $1.key }) where n >= configuration.reportingThreshold {
            released += try await releasePending(of: d, unit: unit, questionnaire: q)
        }
        return released
    }

    /// How many responses of `id` wait in the mix.
    public func pendingCount(of id: ID<SurveyDistribution>) async throws -> Int {
        try await store.count(RecordQuery(type: PendingResponse.recordType).where("distribution", equals: id.rawValue))
    }

    /// Releases the pending responses of `d` (of `unit`, or all when `nil`) in batches of at least k.
    func releasePending(of d: SurveyDistribution, unit: String?, questionnaire q: Questionnaire) async throws -> Int {
        let k = max(1, configuration.reportingThreshold)
        let most = max(k, configuration.maximumReleaseBatch)
        let layout = ResponseRowLayout(questionnaire: q)
        var query = RecordQuery(type: PendingResponse.recordType).where("distribution", equals: d.id.rawValue)
        if let unit { query = query.where("unit", equals: unit) }
        query.limit = most + k
        var released = 0
        while true {
            try Task.checkCancellation()
            var page = try await store.query(query)
            if page.count == most + k { page.removeLast(k) } // leave at least k for the next batch
            guard !page.isEmpty, unit == nil || page.count >= k else { return released }
            var rows: [CompactRow] = []
            rows.reserveCapacity(page.count)
            var unreadable = 0
            for e in page {
                if let row = try? openPending(e.payload, distribution: d.id) { rows.append(row) } else { unreadable += 1 }
            }
            guard unreadable == 0 else { throw SurveyError.undecryptablePending(count: unreadable) }
            rows.shuffle()
            var batch = WriteBatch()
            for e in page { batch.operations.append(.delete(e.key)) }
            batch.append(rows, to: layout.rowSet)
            do { try await store.write(batch) } catch StoreError.notFound(let key) where key.type == PendingResponse.recordType {
                return released // another process released these meanwhile
            }
            released += page.count
        }
    }

    // MARK: Sealing

    private func associatedData(_ distribution: ID<SurveyDistribution>) -> [UInt8] {
        Array((PendingResponse.recordType + "/" + distribution.rawValue).utf8)
    }

    /// One size for every pending entry of `q`: what its largest possible response needs.
    static func pendingSize(for q: Questionnaire, linkage: Int) -> Int {
        var n = 96 + linkage * 4
        for item in q.items {
            n += item.code.utf8.count + 12
            switch item.kind {
            case .freeText(let maxLength): n += max(0, maxLength) * 4
            case .multipleChoice(let options, _): n += options.count * 10
            default: break
            }
        }
        return n
    }

    func sealPending(_ row: CompactRow, distribution: ID<SurveyDistribution>, questionnaire q: Questionnaire) throws -> PendingResponse {
        var w: [UInt8] = []
        ResponseBinaryCoding.putString(row.scope, &w)
        ResponseBinaryCoding.putString(row.group, &w)
        ResponseBinaryCoding.putVarint(UInt64(row.cells.count), &w)
        w += row.cells
        ResponseBinaryCoding.putVarint(UInt64(row.extra.count), &w)
        w += row.extra
        let size = Self.pendingSize(for: q, linkage: configuration.maximumLinkageCodeLength)
        // Padded to one size, so an entry's length says nothing of what it holds (a long comment).
        var plain = withUnsafeBytes(of: UInt32(w.count).littleEndian) { Array($0) } + w
        let target = plain.count <= size ? size : (plain.count + 4095) / 4096 * 4096
        plain += [UInt8](repeating: 0, count: target - plain.count)
        let sealed = try AES256GCM.seal(plain, key: secret.mixKey, associatedData: associatedData(distribution))
        return PendingResponse(id: ID<PendingResponse>.random().rawValue, distribution: distribution, unit: row.group, sealed: Data(sealed))
    }

    func openPending(_ sealed: Data, distribution: ID<SurveyDistribution>) throws -> CompactRow {
        let plain = try AES256GCM.open(Array(sealed), key: secret.mixKey, associatedData: associatedData(distribution))
        return try plain.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 4 else { throw ResponseBinaryCoding.DecodingError.truncated(offset: 0) }
            var n = 0
            for i in 0..<4 { n |= Int(buffer[i]) << (8 * i) }
            guard 4 + n <= buffer.count else { throw ResponseBinaryCoding.DecodingError.truncated(offset: 4) }
            var r = ResponseBinaryCoding.Reader(bytes: UnsafeBufferPointer(rebasing: buffer[4..<4 + n]))
            let scope = try r.string()
            let group = try r.string()
            let cells = try r.bytes(try r.count())
            let extra = try r.bytes(try r.count())
            return CompactRow(scope: scope, group: group, cells: cells, extra: Data(extra))
        }
    }

    // MARK: Checks

    /// The instants a response may carry: finite, in the years 1…9999 (what JSON export reads back).
    static let instantRange: ClosedRange<TimeInterval> = -62_135_596_800 ... 253_402_300_799

    func checkTimes(startedAt: Date?, submittedAt: Date?) throws {
        for (name, t) in [("startedAt", startedAt), ("submittedAt", submittedAt)] {
            if let t, !Self.instantRange.contains(t.timeIntervalSince1970) || !t.timeIntervalSince1970.isFinite {
                throw SurveyError.invalidSubmission(reason: "\(name) is not an instant between the years 1 and 9999")
            }
        }
        if let s = startedAt, let e = submittedAt, s > e {
            throw SurveyError.invalidSubmission(reason: "startedAt is after the submit time")
        }
    }

    func checkLinkageCode(_ code: String?) throws {
        if let code, code.count > configuration.maximumLinkageCodeLength {
            throw SurveyError.invalidSubmission(
                reason: "a linkage code longer than \(configuration.maximumLinkageCodeLength) characters (maximumLinkageCodeLength)")
        }
    }

    // MARK: Import

    /// Stores responses collected elsewhere (a CSV, JSON or LimeSurvey import), each validated against its
    /// questionnaire version and distribution, all or nothing in one batch.
    ///
    /// A response to an **anonymous** distribution — or to none — loses its participant link (counted and
    /// warned about in the summary), its start time and its instant (kept: the day and a duration band);
    /// responses are shuffled before they are appended. Only an identified distribution keeps participants.
    /// - Returns: how many were imported and what was dropped, with a warning that says so.
    /// - Throws: ``SurveyError/unknownQuestionnaire(_:)``; ``SurveyError/unknownDistribution(_:)``;
    ///   ``SurveyError/invalidResponse(_:)`` for the first invalid response; ``SurveyError/invalidSubmission(reason:)``
    ///   for times that are not finite instants, a start after the submit, an over-long linkage code, or a
    ///   version other than the distribution's.
    @discardableResult
    public func importResponses(_ responses: [SurveyResponse]) async throws -> ResponseImportSummary {
        var questionnaires: [QuestionnaireReference: Questionnaire] = [:]
        var distributions: [ID<SurveyDistribution>: SurveyDistribution] = [:]
        var rows: [RowSetKey: [CompactRow]] = [:]
        var dropped = 0
        for r in responses {
            if questionnaires[r.questionnaire] == nil { questionnaires[r.questionnaire] = try await questionnaire(r.questionnaire) }
            let q = questionnaires[r.questionnaire]!
            var mode = DistributionMode.anonymous
            if let id = r.distribution {
                if distributions[id] == nil { distributions[id] = try await distribution(id) }
                let d = distributions[id]!
                guard d.questionnaire == r.questionnaire else {
                    throw SurveyError.invalidSubmission(reason: "a response to \(r.questionnaire) imported into distribution \(id), which sends \(d.questionnaire)")
                }
                mode = d.mode
            }
            try q.validate(r.answers, partial: r.isPartial)
            try checkTimes(startedAt: r.startedAt, submittedAt: r.submittedAt)
            try checkLinkageCode(r.linkageCode)
            var stored = r
            stored.linkageCode = r.linkageCode.map(LinkageCode.normalise)
            if mode == .anonymous {
                if r.participant != nil { dropped += 1 }
                stored = stored.anonymised()
            }
            let layout = ResponseRowLayout(questionnaire: q)
            rows[layout.rowSet, default: []].append(ResponseRowCoding.row(stored, layout: layout))
        }
        var batch = WriteBatch()
        for (set, var list) in rows.sorted(by: { $0.key.partition < $1.key.partition }) {
            list.shuffle()
            batch.append(list, to: set)
        }
        if !batch.isEmpty { try await store.write(batch) }
        var warnings: [String] = []
        if dropped > 0 {
            warnings.append("\(dropped) participant links dropped: the responses belong to an anonymous distribution (or none), which stores no participant")
        }
        return ResponseImportSummary(imported: responses.count, droppedParticipantLinks: dropped, warnings: warnings)
    }

    // MARK: Reading

    /// Every response of distribution `id` that has left the mix, ordered by (row) id.
    public func responses(of id: ID<SurveyDistribution>) async throws -> [SurveyResponse] {
        let d = try await distribution(id)
        var out: [SurveyResponse] = []
        try await forEachResponse(to: d.questionnaire, scope: id.rawValue) { out.append($0) }
        return out
    }

    /// Every stored response to questionnaire version `reference`, ordered by (row) id.
    public func responses(to reference: QuestionnaireReference) async throws -> [SurveyResponse] {
        var out: [SurveyResponse] = []
        try await forEachResponse(to: reference, scope: nil) { out.append($0) }
        return out
    }

    /// The responses to `reference` as columns, read page by page (never all records at once).
    public func matrix(for reference: QuestionnaireReference, pageSize: Int = 5000) async throws -> ResponseMatrix {
        var builder = ResponseMatrix.Builder(questionnaire: try await questionnaire(reference))
        try await forEachResponse(to: reference, scope: nil, pageSize: pageSize) { builder.append($0) }
        return builder.build()
    }

    /// Visits every stored response of distribution `id` page by page, in bounded memory: how a
    /// reader that needs more than the Likert codes (free-text comments, say) streams them.
    /// - Throws: ``SurveyError/unknownDistribution(_:)``; the store's errors.
    public nonisolated func forEachResponse(of id: ID<SurveyDistribution>, pageSize: Int = 5000,
                                            _ body: (SurveyResponse) throws -> Void) async throws {
        guard let d = try await store.fetch(SurveyDistribution.self, id: id.rawValue) else { throw SurveyError.unknownDistribution(id) }
        try await forEachResponse(to: d.questionnaire, scope: id.rawValue, pageSize: pageSize, body)
    }

    /// Visits every stored response to `reference` (of distribution `scope`, if given) page by page: the
    /// rows, then envelopes a migration has not moved yet.
    nonisolated func forEachResponse(to reference: QuestionnaireReference, scope: String?, pageSize: Int = 5000,
                                     _ body: (SurveyResponse) throws -> Void) async throws {
        let layout = ResponseRowLayout(questionnaire: try await storedQuestionnaire(reference))
        try await store.forEachRowPage(RowQuery(set: layout.rowSet, scope: scope, includeExtra: true), pageSize: max(1, pageSize)) { page in
            for r in 0..<page.count { try body(try ResponseRowCoding.response(page: page, row: r, layout: layout)) }
        }
        var legacy = RecordQuery(type: SurveyResponse.recordType)
        if let scope { legacy = legacy.where("distribution", equals: scope) } else { legacy = legacy.where("version", equals: reference.description) }
        try await store.forEach(SurveyResponse.self, matching: legacy, pageSize: max(1, pageSize), body)
    }

    /// The published version `reference`, read without the actor.
    nonisolated func storedQuestionnaire(_ reference: QuestionnaireReference) async throws -> Questionnaire {
        guard let q = try await store.fetch(Questionnaire.self, id: reference.description) else {
            throw SurveyError.unknownQuestionnaire(reference)
        }
        return q
    }

    /// Streams the Likert codes of distribution `id`'s responses page by page, in bounded memory: what
    /// counts per unit × item × point (``ResponseCodePage``) are built from. Unmigrated envelopes are
    /// included.
    public nonisolated func forEachCodePage(of id: ID<SurveyDistribution>, pageSize: Int = 8192,
                                            _ body: (ResponseCodePage) throws -> Void) async throws {
        guard let d = try await store.fetch(SurveyDistribution.self, id: id.rawValue) else { throw SurveyError.unknownDistribution(id) }
        try await forEachCodePage(reference: d.questionnaire, scope: id.rawValue, pageSize: pageSize, body)
    }

    /// Streams the Likert codes of every response to `reference` page by page (see ``forEachCodePage(of:pageSize:_:)-(ID<SurveyDistribution>,_,_)``).
    public nonisolated func forEachCodePage(of reference: QuestionnaireReference, pageSize: Int = 8192,
                                            _ body: (ResponseCodePage) throws -> Void) async throws {
        try await forEachCodePage(reference: reference, scope: nil, pageSize: pageSize, body)
    }

    private nonisolated func forEachCodePage(reference: QuestionnaireReference, scope: String?, pageSize: Int,
                                             _ body: (ResponseCodePage) throws -> Void) async throws {
        let layout = ResponseRowLayout(questionnaire: try await storedQuestionnaire(reference))
        let width = layout.cellItems.count
        var unitNames: [String] = []
        var unitLookup: [String: Int32] = [:]
        func unitIndex(_ name: String) -> Int32 {
            if name.isEmpty { return -1 }
            if let i = unitLookup[name] { return i }
            let i = Int32(unitNames.count)
            unitNames.append(name)
            unitLookup[name] = i
            return i
        }
        var units: [Int32] = []
        try await store.forEachRowPage(RowQuery(set: layout.rowSet, scope: scope), pageSize: pageSize) { page in
            guard page.cells.count == page.count * width else {
                throw StoreError.corruptRecord(layout.rowSet.recordKey, reason: "rows with another number of cells than the questionnaire's Likert items")
            }
            let pageUnits = page.groups.map(unitIndex)
            units.removeAll(keepingCapacity: true)
            for g in page.groupIndex { units.append(pageUnits[Int(g)]) }
            try page.cells.withUnsafeBufferPointer { cells in
                try cells.withMemoryRebound(to: Int8.self) { codes in
                    try units.withUnsafeBufferPointer { u in
                        try body(ResponseCodePage(itemCodes: layout.cellItems, codes: codes, units: u, unitNames: unitNames))
                    }
                }
            }
        }
        // Responses a migration has not moved yet, a page of envelopes at a time.
        var legacy: [UInt8] = []
        var query = RecordQuery(type: SurveyResponse.recordType)
        if let scope { query = query.where("distribution", equals: scope) } else { query = query.where("version", equals: reference.description) }
        var after: String? = nil
        while true {
            let page = try await store.query(query.page(after: after, limit: pageSize))
            guard !page.isEmpty else { break }
            legacy.removeAll(keepingCapacity: true)
            units.removeAll(keepingCapacity: true)
            for e in page {
                let row = ResponseRowCoding.row(try e.decode(SurveyResponse.self), layout: layout)
                legacy += row.cells
                units.append(unitIndex(row.group))
            }
            try legacy.withUnsafeBufferPointer { cells in
                try cells.withMemoryRebound(to: Int8.self) { codes in
                    try units.withUnsafeBufferPointer { u in
                        try body(ResponseCodePage(itemCodes: layout.cellItems, codes: codes, units: u, unitNames: unitNames))
                    }
                }
            }
            guard page.count == pageSize else { break }
            after = page.last?.id
        }
    }
}

/// One page of Likert codes from ``SurveyService/forEachCodePage(of:pageSize:_:)-(ID<SurveyDistribution>,_,_)``,
/// in the shape `LikertTally.add(rows:units:)` takes. The buffers are valid only during the call.
///
/// Codes are row by row, one per ``itemCodes`` entry: `value − scale minimum + 1`, 0 for no answer (so a
/// five-point item has codes 1…5). Units index ``unitNames`` (−1: no unit); an index, once given, never
/// changes, and ``unitNames`` grows as later pages meet new units.
///
/// Not `Sendable`: it lends buffers that live only for the call.
public struct ResponseCodePage {
    /// The items with a code per row, in questionnaire order (``ResponseRowLayout/cellItems``).
    public let itemCodes: [String]
    /// `rowCount × itemCodes.count` codes, row by row.
    public let codes: UnsafeBufferPointer<Int8>
    /// Per row: an index into ``unitNames``, or −1.
    public let units: UnsafeBufferPointer<Int32>
    /// Every unit met so far, in order of first appearance.
    public let unitNames: [String]
    /// The number of rows.
    public var rowCount: Int { units.count }
}

/// What ``SurveyService/importResponses(_:)`` stored and what it dropped.
public struct ResponseImportSummary: Hashable, Sendable {
    /// How many responses were stored.
    public var imported: Int
    /// How many participant links were dropped because the distribution is anonymous (or none was named).
    public var droppedParticipantLinks: Int
    /// Readable warnings, one per kind of thing dropped.
    public var warnings: [String]
    /// Creates a summary.
    public init(imported: Int, droppedParticipantLinks: Int, warnings: [String]) {
        self.imported = imported
        self.droppedParticipantLinks = droppedParticipantLinks
        self.warnings = warnings
    }
}
