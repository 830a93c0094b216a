import DiversityKit

// Swedish and English texts of the example programs' errors, through ``/DiversityKit/LocalizedMessage``:
// the `description` of each is its English text.

extension CommandLineError: LocalizedMessage {
    /// The error in `language`; options are quoted as typed.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .unknownOption(let o): return sv ? "okänt alternativ '\(o)'" : "unknown option '\(o)'"
        case .missingValue(let o): return sv ? "alternativet '\(o)' behöver ett värde" : "option '\(o)' needs a value"
        case .invalidValue(let o, let v): return sv ? "alternativet '\(o)': '\(v)' är inte giltigt" : "option '\(o)': '\(v)' is not valid"
        case .unexpectedArgument(let a): return sv ? "oväntat argument '\(a)'" : "unexpected argument '\(a)'"
        }
    }
}

extension ReportOutputError: LocalizedMessage {
    /// The error in `language`.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .duplicateFileName(let n): return sv ? "två renderare skapade en fil med namnet '\(n)'" : "two renderers produced a file named '\(n)'"
        case .unsafeFolderName(let n): return sv ? "mappnamnet '\(n)' är inget vanligt mappnamn" : "the folder name '\(n)' is not a plain folder name"
        }
    }
}

extension ExampleStoreError: LocalizedMessage {
    /// The error in `language`, naming the path and what to do.
    public func text(_ language: ReportLanguage, naming: (RecordKey) -> String = { $0.id }) -> String {
        let sv = language == .swedish
        switch self {
        case .storeFileExists(let p):
            return sv ? "lagringsfilen \(p) finns redan; ta bort den eller välj en annan sökväg med --store"
                : "the store file \(p) already exists; remove it or choose another path with --store"
        case .cannotCreateDirectory(let p, let r): return sv ? "kan inte skapa mappen \(p): \(r)" : "cannot create directory \(p): \(r)"
        case .directoryMissing(let p):
            return sv ? "mappen \(p) finns inte; skapa den först eller välj en annan sökväg med --store"
                : "the directory \(p) does not exist; create it first or choose another path with --store"
        case .cannotRemoveOldStore(let p, let r):
            return sv ? "kan inte ta bort den tidigare lagringsfilen \(p): \(r)" : "cannot remove the previous store \(p): \(r)"
        }
    }
}
